import { useEffect, useRef } from 'react';
import * as AC from 'adaptivecards';
import MarkdownIt from 'markdown-it';
import { decodeXML } from 'entities/decode';
import type { AdaptiveCardJson, AdaptiveVersion } from '../../adaptive/types.ts';
import { TEAMS_DARK_HOST_CONFIG, TEAMS_LIGHT_HOST_CONFIG } from './teamsHostConfigs.ts';

/**
 * The Markdown Teams draws in Adaptive Card text: bold, italic, lists and links, nothing else
 * (no raw HTML, no images, no headings), so the preview shows what Teams shows. Links only to
 * http(s) and mailto; every other scheme stays text.
 */
const teamsMarkdown = new MarkdownIt('zero', { html: false, linkify: false, breaks: false }).enable([
  'list',
  'emphasis',
  'link',
  'escape',
  'entity',
  'newline',
]);
teamsMarkdown.validateLink = (url) => /^(https?:|mailto:)/i.test(url.trim());
teamsMarkdown.renderer.rules.link_open = (tokens, idx, options, _env, self) => {
  tokens[idx]!.attrSet('target', '_blank');
  tokens[idx]!.attrSet('rel', 'noopener noreferrer');
  return self.renderToken(tokens, idx, options);
};

/** The `<at>Name</at>` texts of the card being drawn that have a mention entity (set just before each render). */
let mentionTexts: ReadonlySet<string> = new Set();

/**
 * Draws each `<at>Name</at>` that has an entity as Teams draws a mention: the name, highlighted.
 * Works on markdown-it's output, where the tag is escaped text; the name stays escaped as it was.
 * A name without an entity keeps its `<at>` text, as nothing turns it into a mention.
 */
function drawMentions(html: string): string {
  if (mentionTexts.size === 0 || !html.includes('&lt;at&gt;')) return html;
  return html.replace(/&lt;at&gt;((?:(?!&lt;\/at&gt;)[^<>]){1,600})&lt;\/at&gt;/g, (whole, inner: string) => {
    const name = decodeXML(inner); // markdown-it escapes &, <, > and " only
    return mentionTexts.has(`<at>${name}</at>`) ? `<span class="wf-mention">${inner}</span>` : whole;
  });
}

// The library renders text without Markdown unless the host supplies a processor; it sets the result as
// HTML, which is safe here because markdown-it escapes everything it does not itself produce.
AC.AdaptiveCard.onProcessMarkdown = (text, result) => {
  result.outputHtml = drawMentions(teamsMarkdown.render(text));
  result.didProcess = true;
};

const LIBRARY_VERSIONS: Record<AdaptiveVersion, AC.Version> = {
  '1.2': AC.Versions.v1_2,
  '1.3': AC.Versions.v1_3,
  '1.4': AC.Versions.v1_4,
  '1.5': AC.Versions.v1_5,
};

function openSafely(url: string | undefined): void {
  if (url && /^https?:\/\//i.test(url.trim())) window.open(url.trim(), '_blank', 'noopener,noreferrer');
}

interface AdaptiveCardRendererProps {
  card: AdaptiveCardJson;
  version: AdaptiveVersion;
  dark: boolean;
}

/**
 * Draws an Adaptive Card with Microsoft's `adaptivecards` renderer and Teams' host configuration.
 * Buttons that open a link open it in a new tab (http(s) only); show-cards expand inline; nothing
 * is ever submitted.
 */
export function AdaptiveCardRenderer({ card, version, dark }: AdaptiveCardRendererProps) {
  const host = useRef<HTMLDivElement>(null);

  useEffect(() => {
    const target = host.current;
    if (!target) return;
    const adaptive = new AC.AdaptiveCard();
    adaptive.hostConfig = new AC.HostConfig(dark ? TEAMS_DARK_HOST_CONFIG : TEAMS_LIGHT_HOST_CONFIG);
    adaptive.onExecuteAction = (action) => {
      if (action instanceof AC.OpenUrlAction) openSafely(action.url);
    };
    adaptive.onAnchorClicked = (_element, anchor, event) => {
      event?.preventDefault();
      openSafely(anchor.href);
      return true;
    };
    adaptive.parse(card, new AC.SerializationContext(LIBRARY_VERSIONS[version]));
    // The library ignores `msteams`; the mentions it lists are drawn by the Markdown processor above.
    mentionTexts = new Set((card.msteams?.entities ?? []).map((entity) => entity.text));
    const element = adaptive.render();
    mentionTexts = new Set();
    if (element) target.replaceChildren(element);
    else target.replaceChildren();
    return () => target.replaceChildren();
  }, [card, version, dark]);

  return (
    <div
      ref={host}
      className={dark ? 'wf-rendered is-dark' : 'wf-rendered'}
      data-testid="adaptive-card-rendered"
      data-theme={dark ? 'dark' : 'light'}
    />
  );
}
