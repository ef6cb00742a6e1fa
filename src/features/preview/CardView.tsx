import './CardView.css';
import { Button } from '@fluentui/react-components';
import { Suspense, useEffect, useId, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import { drawnActions, sectionGap, sectionTextFormat, titleLinksAreLinks } from '../../card/behaviour.ts';
import { DISPLAY_LIMITS, applyLimit, type Renderer } from '../../card/preview/limits.ts';
import { asArray, asObject, asString } from '../../json/read.ts';
import type { JsonPath } from '../../card/types.ts';
import { ActionBar } from './Actions.tsx';
import { Block, DesignerNote } from './Block.tsx';
import { ActionDialogView } from './lazyParts.ts';
import { ActionContext, FrameContext, type ActionDialog, type FrameSettings } from './context.ts';
import { RichText } from './richText.tsx';
import { SectionBoundary, SectionView } from './Section.tsx';
import { LoadBoundary } from '../../ui/LoadBoundary.tsx';
import { FlowBotSender } from '../../ui/FlowBotSender.tsx';

/** Without `themeColor`, Teams uses the accent colour of the connector's app. */
const DEFAULT_ACCENT = '#6264A7';
const HEX_COLOR = /^#?([0-9a-f]{6})$/i;
/** New Teams folds long cards behind "See more"; the exact height is not documented (about note). */
export const SEE_MORE_HEIGHT = 480;

interface CardViewProps {
  card: Record<string, unknown>;
  renderer: Renderer;
  /** Workflows view: who owns the flow, for the "<owner> used a Workflow template" line. */
  workflowOwner?: string | undefined;
  newTeams: boolean;
  primary: boolean;
  onSelect(path: JsonPath): void;
}

/** Moves the keyboard focus between the blocks of the card: one tab stop, arrow keys inside. */
function onCardKeyDown(event: KeyboardEvent<HTMLDivElement>, onSelect: (path: JsonPath) => void) {
  const card = event.currentTarget;
  const target = event.target as HTMLElement;
  // Keys typed into an input or pressed on a button of the card belong to that control.
  if (target !== card && !target.hasAttribute('data-path')) return;
  const blocks = Array.from(card.querySelectorAll<HTMLElement>('[data-path]')).filter(
    (b) => b.offsetParent !== null || b === card,
  );
  const all = [card, ...blocks];
  const at = all.indexOf(target);
  let next: HTMLElement | undefined;
  if (event.key === 'ArrowDown') next = all[Math.min(all.length - 1, at + 1)];
  else if (event.key === 'ArrowUp') next = all[Math.max(0, at - 1)];
  else if (event.key === 'Home') next = all[0];
  else if (event.key === 'End') next = all[all.length - 1];
  else if (event.key === 'Escape' && target !== card) next = card;
  else if (event.key === 'Enter' || event.key === ' ') {
    event.preventDefault();
    const path = target === card ? [] : (JSON.parse(target.getAttribute('data-path') ?? '[]') as JsonPath);
    onSelect(path);
    return;
  }
  if (next) {
    event.preventDefault();
    next.focus();
    next.scrollIntoView?.({ block: 'nearest' });
  }
}

/**
 * Draws a MessageCard as the chosen client lays it out: colour bar (top in Teams, left in Outlook),
 * title, text, sections, card actions. Every block carries its JSON path; a click selects it.
 */
/** How many actions of the card's drawn parts (card level and the sections drawn) a host leaves out. */
function countActionsNotDrawn(card: Record<string, unknown>, sections: readonly unknown[], host: Renderer): number {
  let count = drawnActions(card.potentialAction, host).notDrawn;
  for (const section of sections) count += drawnActions(asObject(section)?.potentialAction, host).notDrawn;
  return count;
}

export function CardView({
  card,
  renderer,
  workflowOwner = 'The flow owner',
  newTeams,
  primary,
  onSelect,
}: CardViewProps) {
  const limits = DISPLAY_LIMITS[renderer];
  const frame = useMemo<FrameSettings>(
    () => ({ renderer, limits, newTeams, primary, onSelect }),
    [renderer, limits, newTeams, primary, onSelect],
  );
  const [openCard, setOpenCard] = useState<string | undefined>(undefined);
  const [dialog, setDialog] = useState<ActionDialog | undefined>(undefined);
  // Once shown, the dialog stays mounted so that it can animate out.
  const [dialogUsed, setDialogUsed] = useState(false);
  if (dialog && !dialogUsed) setDialogUsed(true);
  const actions = useMemo(() => ({ openCard, setOpenCard, showDialog: setDialog }), [openCard]);
  const helpId = useId();

  const color = HEX_COLOR.exec(asString(card.themeColor)?.trim() ?? '')?.[1];
  const accent = color ? `#${color}` : DEFAULT_ACCENT;
  const sections = applyLimit(asArray(card.sections) ?? [], limits.sections);
  const title = asString(card.title);
  // Workflows shows the card in Teams: the Teams look, without the buttons.
  const workflows = renderer === 'workflows';
  const teams = renderer !== 'outlook';
  // Teams notes its own left-out add-in commands beside the buttons; Workflows leaves out every button.
  const actionsNotDrawn = workflows ? countActionsNotDrawn(card, sections.shown, renderer) : 0;
  const collapsible = teams && newTeams;

  // New Teams: a long card shows its first part and a "See more" button.
  const bodyRef = useRef<HTMLDivElement>(null);
  const [tall, setTall] = useState(false);
  const [expanded, setExpanded] = useState(false);
  useEffect(() => {
    const body = bodyRef.current;
    if (!collapsible || !body || typeof ResizeObserver === 'undefined') return;
    const observer = new ResizeObserver(() => setTall(body.scrollHeight > SEE_MORE_HEIGHT + 40));
    observer.observe(body.firstElementChild ?? body);
    return () => observer.disconnect();
  }, [collapsible]);
  const collapsed = collapsible && tall && !expanded;

  return (
    <FrameContext.Provider value={frame}>
      <ActionContext.Provider value={actions}>
        {workflows && (
          <div className="mc-sender">
            <FlowBotSender owner={workflowOwner} />
          </div>
        )}
        <div
          className={workflows ? 'mc-card is-teams is-workflows' : `mc-card is-${renderer}`}
          data-path="[]"
          data-testid={primary ? 'preview-card' : undefined}
          role="group"
          aria-label={`${title ? `Card “${title}”` : 'Card'}${workflows ? ' posted by Workflows' : ''}`}
          aria-describedby={helpId}
          tabIndex={0}
          style={renderer === 'outlook' ? { borderLeftColor: accent } : undefined}
          onClick={() => onSelect([])}
          onKeyDown={(event) => onCardKeyDown(event, onSelect)}
        >
          <span id={helpId} className="visually-hidden">
            Arrow keys move between the parts of the card; Enter selects the part in the JSON.
          </span>
          {teams && !newTeams && <div className="mc-color-bar" style={{ background: accent }} aria-hidden />}
          <div
            ref={bodyRef}
            className={collapsed ? 'mc-body is-collapsed' : 'mc-body'}
            style={collapsed ? { maxHeight: SEE_MORE_HEIGHT } : undefined}
          >
            <div className="mc-content">
              {title && (
                <Block path={['title']} className="mc-title" testId="preview-title">
                  <RichText
                    text={title}
                    mode="inline"
                    className="mc-rich mc-title-text"
                    links={titleLinksAreLinks(renderer)}
                  />
                </Block>
              )}
              {asString(card.text) && (
                <Block path={['text']} className="mc-text mc-card-text" testId="preview-text">
                  <RichText
                    text={asString(card.text)!}
                    mode="markdown"
                    className="mc-rich"
                    headingLevels={sectionTextFormat(undefined, renderer).headingLevels}
                  />
                </Block>
              )}
              {sections.shown.map((section, index) => (
                <SectionBoundary key={index} index={index} resetKey={section}>
                  <SectionView section={section} index={index} gap={sectionGap(card, index, renderer)} />
                </SectionBoundary>
              ))}
              {sections.hidden > 0 && (
                <DesignerNote testId={primary ? 'sections-not-drawn' : undefined}>
                  {sections.hidden} more sections are not drawn: Teams shows at most {limits.sections}.
                </DesignerNote>
              )}
              <ActionBar
                actions={card.potentialAction}
                basePath={['potentialAction']}
                limit={limits.cardActions}
                where="card"
              />
              {actionsNotDrawn > 0 && (
                <DesignerNote testId={primary ? 'workflows-actions-not-drawn' : undefined}>
                  {actionsNotDrawn === 1 ? '1 action is' : `${actionsNotDrawn} actions are`} not drawn: Workflows posts
                  a MessageCard without its buttons.
                </DesignerNote>
              )}
            </div>
          </div>
          {collapsible && tall && (
            <div className="mc-see-more">
              <Button
                appearance="transparent"
                onClick={(event) => {
                  event.stopPropagation();
                  setExpanded(!expanded);
                }}
              >
                {expanded ? 'See less' : 'See more'}
              </Button>
            </div>
          )}
        </div>
        {dialogUsed && (
          <LoadBoundary what="What this button does">
            <Suspense fallback={null}>
              <ActionDialogView dialog={dialog} onClose={() => setDialog(undefined)} />
            </Suspense>
          </LoadBoundary>
        )}
      </ActionContext.Provider>
    </FrameContext.Provider>
  );
}
