import { useEffect, useRef } from 'react';
import * as AC from 'adaptivecards';
import MarkdownIt from 'markdown-it';
import type { AdaptiveCardJson, AdaptiveVersion } from '../../card/adaptive/types.ts';
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

// The library renders text without Markdown unless the host supplies a processor; it sets the result as
// HTML, which is safe here because markdown-it escapes everything it does not itself produce.
AC.AdaptiveCard.onProcessMarkdown = (text, result) => {
  result.outputHtml = teamsMarkdown.render(text);
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
    const element = adaptive.render();
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
