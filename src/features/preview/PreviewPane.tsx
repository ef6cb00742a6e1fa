import './preview.css';
import {
  FluentProvider,
  teamsDarkTheme,
  teamsHighContrastTheme,
  teamsLightTheme,
  webLightTheme,
  type Theme,
} from '@fluentui/react-components';
import { useCallback, useEffect, useLayoutEffect, useMemo, useRef } from 'react';
import { groupByBlock, pathKey } from '../../card/preview/blocks.ts';
import { valuePathAtOffset } from '../../json/locate.ts';
import type { Renderer } from '../../card/preview/limits.ts';
import type { JsonPath, LocatedIssue } from '../../card/types.ts';
import { useDesigner, useDesignerStore, usePreviewSettings } from '../../store/hooks.ts';
import { isAnalysisCurrent } from '../../store/textDocument.ts';
import { PREVIEW_HOSTS, previewHostFor, type PreviewHost } from '../../store/previewSettings.ts';
import { CardView } from './CardView.tsx';
import { IssuesContext } from './context.ts';
import { capturePicture, savePicture, type Picture } from './lastPicture.ts';
import { PreviewToolbar } from './PreviewToolbar.tsx';

const THEMES: Record<Exclude<PreviewHost, 'teams-workflows'>, Theme> = {
  'teams-light': teamsLightTheme,
  'teams-dark': teamsDarkTheme,
  'teams-contrast': teamsHighContrastTheme,
  outlook: webLightTheme,
};

function describeValue(value: unknown): string {
  if (Array.isArray(value)) return 'a JSON array';
  if (value === null) return 'null';
  return `a ${typeof value}`;
}

/** Issues grouped by block, kept as the same map while they do not change so blocks are not redrawn. */
function useIssuesByBlock(issues: readonly LocatedIssue[]): ReadonlyMap<string, readonly LocatedIssue[]> {
  const signature = issues
    .map((i) => `${i.rule}\u0001${i.severity}\u0001${pathKey(i.path)}\u0001${i.message}`)
    .join('\n');
  // The map depends on `issues` only through `signature`: equal signatures mean equal groups.
  // eslint-disable-next-line react-hooks/exhaustive-deps
  return useMemo(() => groupByBlock(issues), [signature]);
}

/** Outlines the block of the selected element and, when the selection came from elsewhere, shows it. */
function useSelectionOutline(root: React.RefObject<HTMLElement | null>, card: unknown) {
  const selection = useDesigner((s) => s.selection);
  const designerStore = useDesignerStore();
  const scrolledFor = useRef<unknown>(undefined);
  useLayoutEffect(() => {
    const container = root.current;
    if (!container) return;
    for (const el of container.querySelectorAll('[data-selected]')) el.removeAttribute('data-selected');
    if (!selection) return;
    let path: JsonPath = selection.path;
    if (selection.origin === 'editor') {
      // The editor names the element (a section); the cursor can point at a finer block (its title).
      const state = designerStore.getState();
      if (isAnalysisCurrent(state) && state.analysis.parsed.root && state.cursor !== undefined) {
        path = valuePathAtOffset(state.analysis.parsed, state.cursor);
      }
    }
    // The whole card outlined says nothing: only its parts are outlined.
    for (let n = path.length; n >= 1; n--) {
      const found = container.querySelector<HTMLElement>(`[data-path="${CSS.escape(pathKey(path.slice(0, n)))}"]`);
      if (!found) continue;
      found.setAttribute('data-selected', '');
      // Scrolling forces a layout: only when the selection moved, not on every redraw of the card.
      if (selection.origin !== 'preview' && scrolledFor.current !== selection) {
        scrolledFor.current = selection;
        found.scrollIntoView?.({ block: 'nearest' });
      }
      break;
    }
  }, [root, selection, card, designerStore]);
}

/** How long the pane stays unchanged before its picture is taken. */
const PICTURE_DELAY_MS = 1000;

/** Runs `task` when the browser is idle (soon after, where it cannot tell). */
function whenIdle(task: () => void) {
  if ('requestIdleCallback' in window) requestIdleCallback(task, { timeout: 2000 });
  else setTimeout(task, 0);
}

/**
 * Keeps the last visit's picture of the pane (`lastPicture.ts`) a moment after each redraw (its card, host,
 * settings or the layout changed) and after the window is resized. Only an up-to-date preview is pictured;
 * otherwise the stored picture is forgotten, so that a later visit never paints a card the app would not.
 * Not when the page is hidden or closed: a page on its way out can report another colour scheme.
 */
function useLastPicture(pane: React.RefObject<HTMLElement | null>) {
  const designerStore = useDesignerStore();
  const timer = useRef<ReturnType<typeof setTimeout>>(undefined);
  // What is stored: the last picture saved, null once none is (forgotten), undefined until the first capture
  // (a picture the last visit left may still be there).
  const last = useRef<Picture | null | undefined>(undefined);
  const schedule = useCallback(() => {
    clearTimeout(timer.current);
    // In an idle moment: a picture reads every style rule Fluent inserted, which takes a few milliseconds.
    timer.current = setTimeout(() => whenIdle(take), PICTURE_DELAY_MS);
    function take() {
      const state = designerStore.getState();
      const current = isAnalysisCurrent(state) && !state.analysisPending && state.lastGood === state.analysis;
      const picture =
        (pane.current && current ? capturePicture(pane.current, state.text, last.current ?? undefined) : undefined) ??
        null;
      // The same picture is not stored again, and no picture is not forgotten again.
      if (picture === last.current) return;
      last.current = picture;
      savePicture(picture ?? undefined);
    }
  }, [designerStore, pane]);
  useEffect(schedule);
  useEffect(() => {
    window.addEventListener('resize', schedule);
    return () => {
      window.removeEventListener('resize', schedule);
      clearTimeout(timer.current);
    };
  }, [schedule]);
}

/**
 * The renderer, Fluent theme and host class of a preview host. "Teams via Workflows" is Teams in the
 * system's theme, like the default Teams host: a Workflows post shows in whatever theme the reader's
 * Teams has, and the preview should not flash light in a dark designer.
 */
function hostLook(host: PreviewHost, dark: boolean): { renderer: Renderer; theme: Theme; className: string } {
  if (host === 'teams-workflows') {
    return {
      renderer: 'workflows',
      theme: dark ? teamsDarkTheme : teamsLightTheme,
      className: dark ? 'host-teams-workflows host-teams-dark' : 'host-teams-workflows',
    };
  }
  return { renderer: host === 'outlook' ? 'outlook' : 'teams', theme: THEMES[host], className: `host-${host}` };
}

interface HostFrameProps {
  host: PreviewHost;
  dark: boolean;
  card: Record<string, unknown>;
  primary: boolean;
  labelled: boolean;
  newTeams: boolean;
  issues: ReadonlyMap<string, readonly LocatedIssue[]>;
  onSelect(path: JsonPath): void;
}

function HostFrame({ host, dark, card, primary, labelled, newTeams, issues, onSelect }: HostFrameProps) {
  const ref = useRef<HTMLDivElement>(null);
  useSelectionOutline(ref, card);
  const label = PREVIEW_HOSTS.find((h) => h.value === host)?.label ?? host;
  const look = hostLook(host, dark);
  return (
    <FluentProvider theme={look.theme} className={`preview-host ${look.className}`}>
      <div ref={ref} className="preview-host-inner" data-host={host}>
        {labelled && <div className="preview-host-label">{label}</div>}
        <IssuesContext.Provider value={issues}>
          <CardView card={card} renderer={look.renderer} newTeams={newTeams} primary={primary} onSelect={onSelect} />
        </IssuesContext.Provider>
      </div>
    </FluentProvider>
  );
}

interface PreviewPaneProps {
  /** The designer's (the system's) theme is dark: the default Teams hosts follow it. */
  dark?: boolean;
}

/**
 * The Teams-style preview. It always shows the last card that parsed: while the text is broken the
 * card stays, marked as out of date, with the error and where it is. The toolbar picks the host
 * (Teams via Workflows, Teams light, dark, high contrast, Outlook), the width, the new Teams client and
 * a second host; until a host is picked, the preview follows the "Check for" profile.
 */
export function PreviewPane({ dark = false }: PreviewPaneProps) {
  const analysis = useDesigner((s) => s.analysis);
  const lastGood = useDesigner((s) => s.lastGood);
  const pending = useDesigner((s) => s.analysisPending);
  const select = useDesigner((s) => s.select);
  const profile = useDesigner((s) => s.host);
  // Until the user picks a host, the preview follows "Check for" (Workflows: Teams via Workflows).
  const host = usePreviewSettings((s) => previewHostFor(s, profile, dark));
  const secondHost = usePreviewSettings((s) => s.secondHost);
  const sideBySide = usePreviewSettings((s) => s.sideBySide);
  const width = usePreviewSettings((s) => s.width);
  const newTeams = usePreviewSettings((s) => s.newTeams);
  const issues = useIssuesByBlock(lastGood?.issues ?? []);
  const onSelect = useCallback((path: JsonPath) => select(path, 'preview'), [select]);

  const firstError = analysis.parsed.errors[0];
  const notAnObject = analysis.parsed.ok && analysis.card === undefined;
  const stale = !pending && (firstError !== undefined || notAnObject);
  const hosts = sideBySide ? [host, secondHost] : [host];
  const pane = useRef<HTMLElement>(null);
  useLastPicture(pane);

  return (
    <section ref={pane} className="preview-pane" aria-label="Card preview">
      <PreviewToolbar host={host} />
      {stale && (
        <div className="preview-stale" role="status">
          <strong>Preview out of date.</strong>{' '}
          {firstError ? (
            <>
              The JSON has an error at line {firstError.line}, column {firstError.column}: {firstError.message}
            </>
          ) : (
            <>The text is {describeValue(analysis.parsed.value)}, not a card: a MessageCard is a JSON object.</>
          )}{' '}
          {lastGood ? 'Showing the last card that worked.' : ''}
        </div>
      )}
      {pending && (
        <div className="preview-stale" role="status">
          Checking a large card…
        </div>
      )}
      {lastGood?.card ? (
        <div
          className={`preview-surface width-${width}${sideBySide ? ' is-side-by-side' : ''}${stale ? ' is-stale' : ''}`}
          data-testid="preview-surface"
        >
          {hosts.map((h, i) => (
            <HostFrame
              key={i}
              host={h}
              dark={dark}
              card={lastGood.card!}
              primary={i === 0}
              labelled={sideBySide}
              newTeams={newTeams}
              issues={issues}
              onSelect={onSelect}
            />
          ))}
        </div>
      ) : (
        <p className="preview-empty">Nothing to show yet: the card appears here once its JSON parses.</p>
      )}
    </section>
  );
}
