/**
 * MessageCard → Adaptive Card, following reference/messagecard.md section 8.1 (Microsoft's
 * transformation template plus our additions), for posting through a Teams Workflows webhook.
 *
 * Pure and total: any parsed card value goes in (loose types, nulls, strings for booleans are read
 * through `read.ts` the way Teams reads them), a card that Microsoft's `adaptivecards` library parses
 * for the chosen version without a warning comes out, and every part that does not carry over
 * exactly is named, with its path, in `notes`.
 */
import {
  actionCardState,
  actionCardStateSentence,
  actionsCountedForLimit,
  choiceLayout,
  ignoredCardFields,
  ignoredSectionFields,
  imageVerdict,
  readDateValue,
  sectionGap,
  sectionTextFormat,
  titleLinksAreLinks,
} from '../card/behaviour.ts';
import { asArray, asBoolean, asObject, asString } from '../json/read.ts';
import { compactJsonBytes, formatBytes, TEAMS_SIZE_LIMIT_BYTES } from '../card/size.ts';
import type { JsonPath } from '../card/types.ts';
import { convertInlineText, convertText, MAX_CONVERTED_TEXT, type MarkdownFinding, type TextPart } from './markdown.ts';
import {
  ADAPTIVE_CARD_CONTENT_TYPE,
  ADAPTIVE_CARD_SCHEMA,
  ADAPTIVE_VERSIONS,
  DEFAULT_ADAPTIVE_VERSION,
  type AdaptiveCardJson,
  type AdaptiveObject,
  type AdaptiveVersion,
  type ConversionNote,
  type ConversionResult,
  type NoteKind,
  type WorkflowsMessage,
} from './types.ts';
import { safeLinkUrl } from './urls.ts';

/**
 * The host the converted card is written for: a Workflows webhook, drawn by Teams. Every behaviour
 * the converter shares with the preview and the rules is asked of `card/behaviour.ts` for this host.
 */
const HOST = 'workflows';

/** Options of {@link convertToAdaptiveCard}. */
export interface ConvertOptions {
  /** The Adaptive Card version to target; 1.4 unless given. */
  version?: AdaptiveVersion;
}

/** Teams draws at most 10 sections of a MessageCard, 5 images and 5 actions per section (section 1, 2). */
const MESSAGECARD_MAX_SECTIONS = 10;
const MESSAGECARD_MAX_SECTION_IMAGES = 5;
const MESSAGECARD_MAX_SECTION_ACTIONS = 5;
/** Teams shows at most 6 Adaptive Card buttons in a row; the rest go to a "…" menu (section 8). */
const TEAMS_MAX_VISIBLE_ACTIONS = 6;

const CARD_FIELDS = new Set([
  '@type',
  '@context',
  'correlationId',
  'expectedActors',
  'originator',
  'summary',
  'themeColor',
  'hideOriginalBody',
  'title',
  'text',
  'sections',
  'potentialAction',
]);
const SECTION_FIELDS = new Set([
  'title',
  'startGroup',
  'activityImage',
  'activityImageType',
  'activityTitle',
  'activitySubtitle',
  'activityText',
  'heroImage',
  'text',
  'facts',
  'images',
  'potentialAction',
  'markdown',
]);

/** Whether version `v` has the features of `min`. */
function atLeast(v: AdaptiveVersion, min: AdaptiveVersion): boolean {
  return ADAPTIVE_VERSIONS.indexOf(v) >= ADAPTIVE_VERSIONS.indexOf(min);
}

/** `sections[0].facts[2]`: how the report and the command line write a path. */
export function describePath(path: JsonPath): string {
  let out = '';
  for (const segment of path) {
    if (typeof segment === 'number') out += `[${segment}]`;
    else out += /^[A-Za-z_$@][\w$@]*$/.test(segment) ? (out ? `.${segment}` : segment) : `[${JSON.stringify(segment)}]`;
  }
  return out || '(card)';
}

function quote(text: string, max = 60): string {
  const line = text.replace(/\s+/g, ' ').trim();
  return `“${line.length > max ? `${line.slice(0, max - 1)}…` : line}”`;
}

function hostOf(url: string | undefined): string | undefined {
  return url ? /^https?:\/\/(?:[^@/?#\s]*@)?([^/?#\s]+)/i.exec(url)?.[1] : undefined;
}

/**
 * The Adaptive Card text colour nearest to a `themeColor`. Adaptive Cards have no free colours,
 * only the host's named ones, so a hue picks one (greys pick none): the same idea as the Jenkins
 * plugin's result → good / warning / attention.
 */
export function nearestTextColor(hex: string): 'attention' | 'warning' | 'good' | 'accent' | undefined {
  const match = /^#?([0-9a-f]{6})$/i.exec(hex.trim());
  if (!match) return undefined;
  const n = parseInt(match[1]!, 16);
  const [r, g, b] = [(n >> 16) / 255, ((n >> 8) & 255) / 255, (n & 255) / 255];
  const max = Math.max(r, g, b);
  const min = Math.min(r, g, b);
  if (max - min < 0.12) return undefined;
  let hue: number;
  if (max === r) hue = ((g - b) / (max - min)) * 60;
  else if (max === g) hue = ((b - r) / (max - min)) * 60 + 120;
  else hue = ((r - g) / (max - min)) * 60 + 240;
  hue = (hue + 360) % 360;
  if (hue >= 340 || hue < 18) return 'attention';
  if (hue < 65) return 'warning';
  if (hue < 170) return 'good';
  return 'accent';
}

class Conversion {
  readonly notes: ConversionNote[] = [];
  private readonly inputIds = new Set<string>();
  private generatedIds = 0;

  constructor(readonly version: AdaptiveVersion) {}

  note(kind: NoteKind, path: JsonPath, topic: string, message: string): void {
    this.notes.push({ kind, path, topic, message });
  }

  // ---------------------------------------------------------------------------------------------
  // Text

  private markdownNotes(findings: readonly MarkdownFinding[], path: JsonPath, inline: boolean): void {
    for (const finding of findings) {
      const sample = quote(finding.excerpt);
      switch (finding.construct) {
        case 'heading':
          this.note(
            'approximated',
            path,
            'markdown-heading',
            `Adaptive Card text has no headings: ${sample} is shown as bold text.`,
          );
          break;
        case 'image':
          if (inline) {
            this.note(
              'lost',
              path,
              'markdown-image',
              `An image inside this text cannot be shown here: ${sample} is replaced by its description.`,
            );
          } else {
            this.note(
              'approximated',
              path,
              'markdown-image',
              `Adaptive Card text cannot hold images: ${sample} is shown as an image of its own below the text before it.`,
            );
          }
          break;
        case 'blockquote':
          this.note(
            'approximated',
            path,
            'markdown-blockquote',
            `Adaptive Card text has no quotes: ${sample} is shown in a shaded box.`,
          );
          break;
        case 'strikethrough':
          this.note(
            'lost',
            path,
            'markdown-strikethrough',
            `Adaptive Card text has no strikethrough: ${sample} is shown as plain text, without the line through it.`,
          );
          break;
        case 'code-block':
          this.note(
            'approximated',
            path,
            'markdown-code-block',
            `Adaptive Card text has no code blocks: ${sample} is shown line by line in a monospace font, without the grey background.`,
          );
          break;
        case 'inline-code':
          this.note(
            'approximated',
            path,
            'markdown-inline-code',
            `Adaptive Card text has no code font: ${sample} keeps its backticks but is shown in the normal font.`,
          );
          break;
        case 'rule':
          this.note(
            'approximated',
            path,
            'markdown-rule',
            'A horizontal rule in this text is shown as a separator line between text blocks.',
          );
          break;
        case 'unsafe-link':
          this.note(
            'lost',
            path,
            'unsafe-link',
            `A link to ${quote(finding.excerpt)} is not an http(s) address; only its text is kept.`,
          );
          break;
        case 'unsafe-image':
          this.note(
            'lost',
            path,
            'unsafe-image',
            `An image at ${quote(finding.excerpt)} is not an http(s) address; it is left out.`,
          );
          break;
        case 'too-long':
          this.note(
            'limit',
            path,
            'text-too-long',
            `This text is over ${MAX_CONVERTED_TEXT.toLocaleString('en')} characters: it is passed on as it is, its formatting not converted.`,
          );
          break;
        case 'html': {
          const tags = (finding.tags ?? []).map((t) => `<${t}>`).join(', ');
          this.note(
            'approximated',
            path,
            'html-to-markdown',
            `This text is HTML (${tags}); Adaptive Cards only understand Markdown, so it was rewritten as Markdown.`,
          );
          if (finding.ignoredTags && finding.ignoredTags.length > 0) {
            const ignored = finding.ignoredTags.map((t) => `<${t}>`).join(', ');
            this.note(
              'lost',
              path,
              'html-unsupported-tag',
              `${ignored} ${finding.ignoredTags.length === 1 ? 'has' : 'have'} no Markdown form: the text is kept without that formatting.`,
            );
          }
          break;
        }
      }
    }
  }

  /** One-line text (titles, fact names and values); undefined when empty. */
  inlineText(value: unknown, path: JsonPath, html: boolean, links = true): string | undefined {
    const text = asString(value);
    if (text === undefined || text.trim() === '') return undefined;
    const { markdown, findings } = convertInlineText(text, { html, links });
    this.markdownNotes(findings, path, true);
    return markdown || undefined;
  }

  /** A text field with paragraphs, as the elements that draw it. */
  blockText(value: unknown, path: JsonPath, html: boolean): AdaptiveObject[] {
    const text = asString(value);
    if (text === undefined || text.trim() === '') return [];
    const { parts, findings } = convertText(text, { html });
    this.markdownNotes(findings, path, false);
    return this.partsToElements(parts, path);
  }

  private partsToElements(parts: readonly TextPart[], path: JsonPath): AdaptiveObject[] {
    const elements: AdaptiveObject[] = [];
    let separatorNext = false;
    for (const part of parts) {
      let element: AdaptiveObject | undefined;
      switch (part.kind) {
        case 'text':
          element = { type: 'TextBlock', text: part.markdown, wrap: true };
          break;
        case 'heading':
          element = {
            type: 'TextBlock',
            text: part.markdown,
            wrap: true,
            weight: 'Bolder',
            size: part.level === 1 ? 'Large' : part.level === 2 ? 'Medium' : 'Default',
          };
          break;
        case 'image':
          element = { type: 'Image', url: part.url, ...(part.alt ? { altText: part.alt } : {}) };
          break;
        case 'quote': {
          const items = this.partsToElements(part.parts, path);
          if (items.length > 0) element = { type: 'Container', style: 'emphasis', items };
          break;
        }
        case 'code': {
          // One block per line: a single Adaptive Card text would join the lines (a lone newline is a space in Markdown).
          const lines = part.text.split('\n').map((line) => ({
            type: 'TextBlock',
            text: escapeCode(line),
            wrap: true,
            fontType: 'Monospace',
            spacing: 'None',
          }));
          element = lines.length === 1 ? lines[0]! : { type: 'Container', items: lines };
          break;
        }
        case 'rule':
          separatorNext = true;
          break;
      }
      if (!element) continue;
      if (separatorNext) {
        element.separator = true;
        separatorNext = false;
      }
      elements.push(element);
    }
    return elements;
  }

  // ---------------------------------------------------------------------------------------------
  // Card and sections

  card(card: Record<string, unknown>): AdaptiveCardJson {
    const body: AdaptiveObject[] = [];
    // A link in a title is not a link in the host: it shows as written (card/behaviour.ts).
    const title = this.inlineText(card.title, ['title'], false, titleLinksAreLinks(HOST));
    if (title !== undefined) {
      body.push({
        type: 'TextBlock',
        text: title,
        wrap: true,
        weight: 'Bolder',
        size: 'Large',
        ...(atLeast(this.version, '1.5') ? { style: 'heading' } : {}),
      });
    }
    this.themeColor(card, body[0]);
    body.push(...this.blockText(card.text, ['text'], false));

    const sections = asArray(card.sections) ?? [];
    if (sections.length > MESSAGECARD_MAX_SECTIONS) {
      this.note(
        'limit',
        ['sections'],
        'section-limit',
        `Teams showed only the first ${MESSAGECARD_MAX_SECTIONS} of the ${sections.length} sections of this MessageCard; the Adaptive Card shows all of them.`,
      );
    }
    sections.forEach((raw, index) => {
      const section = asObject(raw);
      if (!section) return;
      const container = this.section(section, ['sections', index]);
      if (!container) return;
      // Teams treats every section as `startGroup: true` (section 2): each is set apart by a line,
      // except a first section with nothing before it (card/behaviour.ts `sectionGap`).
      if (body.length > 0 && sectionGap(card, index, HOST) === 'separator') container.separator = true;
      body.push(container);
    });

    const actions = this.actions(card.potentialAction, ['potentialAction'], false);
    if (actions.length > TEAMS_MAX_VISIBLE_ACTIONS) {
      this.note(
        'limit',
        ['potentialAction'],
        'action-limit',
        `Teams shows ${TEAMS_MAX_VISIBLE_ACTIONS} buttons in a row; the other ${actions.length - TEAMS_MAX_VISIBLE_ACTIONS} go to a “…” menu.`,
      );
    }

    const summary = asString(card.summary)?.trim();
    if (summary) {
      this.note(
        'approximated',
        ['summary'],
        'summary',
        'Adaptive Cards have no summary. It is kept as the fallback text, which Teams shows where the card cannot be drawn; notifications may show the card text instead.',
      );
    }
    if (body.length === 0) {
      // The summary is plain text in Teams; read as Markdown it must not gain links or formatting.
      const stand = (summary ? this.inlineText(summary, ['summary'], false) : undefined) || title;
      body.push({ type: 'TextBlock', text: stand ?? ' ', wrap: true });
      if (stand) {
        this.note(
          'approximated',
          ['summary'],
          'summary-as-text',
          'The card has no title, text or sections, so its summary is shown as its text.',
        );
      }
    }

    const ignored = new Map(ignoredCardFields(card, HOST).map((f) => [f.field, f.why]));
    for (const key of Object.keys(card)) {
      if (!CARD_FIELDS.has(key)) {
        this.note(
          'unused',
          [key],
          'unknown-field',
          `“${key}” is not a MessageCard field; Teams ignored it, and it was not carried.`,
        );
      } else if (ignored.has(key)) {
        this.note('unused', [key], 'ignored-field', `“${key}” is not carried: Teams ignores it (${ignored.get(key)}).`);
      }
    }

    return {
      $schema: ADAPTIVE_CARD_SCHEMA,
      type: 'AdaptiveCard',
      version: this.version,
      body,
      ...(actions.length > 0 ? { actions } : {}),
      ...(summary ? { fallbackText: summary } : {}),
      // Connector cards fill the conversation's width; Adaptive Cards are narrower unless asked (section 8.1).
      msteams: { width: 'Full' },
    };
  }

  private themeColor(card: Record<string, unknown>, titleBlock: AdaptiveObject | undefined): void {
    const raw = asString(card.themeColor)?.trim();
    if (!raw) return;
    const color = nearestTextColor(raw);
    const shown = `#${raw.replace(/^#/, '')}`;
    if (titleBlock && color) {
      titleBlock.color = color;
      this.note(
        'approximated',
        ['themeColor'],
        'theme-color',
        `Adaptive Cards have no colour bar: themeColor ${shown} is gone, and the title is drawn in Teams' “${color}” colour, the nearest one Adaptive Cards allow.`,
      );
    } else {
      this.note(
        'lost',
        ['themeColor'],
        'theme-color',
        `Adaptive Cards have no colour bar: themeColor ${shown} is not shown.`,
      );
    }
  }

  private section(section: Record<string, unknown>, path: JsonPath): AdaptiveObject | undefined {
    const html = sectionTextFormat(section, HOST).syntax === 'html';
    const items: AdaptiveObject[] = [];

    const title = this.inlineText(section.title, [...path, 'title'], html, titleLinksAreLinks(HOST));
    if (title !== undefined) items.push({ type: 'TextBlock', text: title, wrap: true, weight: 'Bolder' });

    items.push(...this.activity(section, path, html));

    const hero = asObject(section.heroImage);
    if (hero) {
      const image = this.image(hero, [...path, 'heroImage']);
      if (image) {
        items.push({ ...image, size: 'Stretch' });
        this.note(
          'approximated',
          [...path, 'heroImage'],
          'hero-image',
          'Teams did not show hero images on MessageCards; the Adaptive Card shows it across the full width of the card.',
        );
      }
    }

    items.push(...this.blockText(section.text, [...path, 'text'], html));

    const facts = (asArray(section.facts) ?? []).flatMap((raw, i) => {
      const fact = asObject(raw);
      if (!fact) return [];
      const name = this.inlineText(fact.name, [...path, 'facts', i, 'name'], html) ?? '';
      const value = this.inlineText(fact.value, [...path, 'facts', i, 'value'], html) ?? '';
      return name || value ? [{ title: name, value }] : [];
    });
    if (facts.length > 0) items.push({ type: 'FactSet', facts });

    const rawImages = asArray(section.images) ?? [];
    const images = rawImages.flatMap((raw, i) => {
      const image = asObject(raw) && this.image(asObject(raw)!, [...path, 'images', i]);
      return image ? [image] : [];
    });
    if (rawImages.length > MESSAGECARD_MAX_SECTION_IMAGES) {
      this.note(
        'limit',
        [...path, 'images'],
        'image-limit',
        `Teams showed ${MESSAGECARD_MAX_SECTION_IMAGES} of the ${rawImages.length} images of this section; the Adaptive Card shows all of them.`,
      );
    }
    if (images.length > 0) items.push({ type: 'ImageSet', images, imageSize: 'Medium' });

    // What counts toward Teams' limit is what Teams drew (no InvokeAddInCommand; card/behaviour.ts).
    const counted = actionsCountedForLimit(section.potentialAction, 'teams');
    if (counted > MESSAGECARD_MAX_SECTION_ACTIONS) {
      this.note(
        'limit',
        [...path, 'potentialAction'],
        'section-action-limit',
        `Teams showed ${MESSAGECARD_MAX_SECTION_ACTIONS} of the ${counted} buttons of this section; the Adaptive Card shows all that can be converted.`,
      );
    }
    const actions = this.actions(section.potentialAction, [...path, 'potentialAction'], false);
    if (actions.length > 0) items.push({ type: 'ActionSet', actions });

    if (ignoredSectionFields(section, path, HOST).some((f) => f.field === 'startGroup')) {
      this.note(
        'approximated',
        [...path, 'startGroup'],
        'start-group',
        'Teams separates every section with a line whatever startGroup says, and so does the Adaptive Card.',
      );
    }
    for (const key of Object.keys(section)) {
      if (!SECTION_FIELDS.has(key)) {
        this.note(
          'unused',
          [...path, key],
          'unknown-field',
          `“${key}” is not a section field; Teams ignored it, and it was not carried.`,
        );
      }
    }
    return items.length > 0 ? { type: 'Container', items } : undefined;
  }

  /**
   * The activity title: Teams draws an inline image in it as an image (its own connector example puts
   * one there), so each becomes a small Image above the title's text, which keeps the rest.
   */
  private activityTitle(value: unknown, path: JsonPath, html: boolean): AdaptiveObject[] {
    const text = asString(value);
    if (text === undefined || text.trim() === '') return [];
    const { withoutImages: textOnly, findings, images } = convertInlineText(text, { html });
    this.markdownNotes(
      findings.filter((f) => f.construct !== 'image'),
      path,
      true,
    );
    const out: AdaptiveObject[] = images.map((image) => ({
      type: 'Image',
      url: image.url,
      size: 'Small',
      ...(image.alt ? { altText: image.alt } : {}),
    }));
    if (images.length > 0) {
      this.note(
        'approximated',
        path,
        'markdown-image',
        `Adaptive Card text cannot hold images: the ${images.length === 1 ? 'image' : `${images.length} images`} in this title ${images.length === 1 ? 'is' : 'are'} shown as a small image above the text.`,
      );
    }
    if (textOnly) out.push({ type: 'TextBlock', text: textOnly, wrap: true, weight: 'Bolder' });
    return out;
  }

  private activity(section: Record<string, unknown>, path: JsonPath, html: boolean): AdaptiveObject[] {
    const texts: AdaptiveObject[] = [];
    const titleElements = this.activityTitle(section.activityTitle, [...path, 'activityTitle'], html);
    texts.push(...titleElements);
    // The activity image's alternative text: the title as it reads, without Markdown (a bounded part).
    const titleText = asString(section.activityTitle)
      ?.slice(0, 500)
      .replace(/!\[([^\]]*)\]\([^)]*\)/g, '')
      .replace(/\[([^\]]*)\]\([^)]*\)/g, '$1')
      .replace(/[*_~`]/g, '')
      .trim();
    const subtitle = this.inlineText(section.activitySubtitle, [...path, 'activitySubtitle'], html);
    if (subtitle !== undefined) {
      texts.push({ type: 'TextBlock', text: subtitle, wrap: true, isSubtle: true, spacing: 'None' });
    }
    const activityText = this.blockText(section.activityText, [...path, 'activityText'], html);
    if (activityText[0]) activityText[0].spacing = 'None';
    texts.push(...activityText);

    const rawImage = asString(section.activityImage)?.trim();
    const verdict = imageVerdict(rawImage);
    const url = verdict.drawn ? verdict.url : undefined;
    if (rawImage && !verdict.drawn) {
      this.note(
        'lost',
        [...path, 'activityImage'],
        'unsafe-image',
        `The activity image ${quote(rawImage)} is left out: ${verdict.why}.`,
      );
    }
    if (!url) return texts;
    const article = asString(section.activityImageType) === 'article';
    const image: AdaptiveObject = {
      type: 'Image',
      url,
      size: 'Small',
      ...(article ? {} : { style: 'Person' }),
      ...(titleText ? { altText: titleText } : {}),
    };
    return [
      {
        type: 'ColumnSet',
        columns: [
          { type: 'Column', width: 'auto', items: [image] },
          { type: 'Column', width: 'stretch', items: texts.length > 0 ? texts : [{ type: 'TextBlock', text: ' ' }] },
        ],
      },
    ];
  }

  private image(image: Record<string, unknown>, path: JsonPath): AdaptiveObject | undefined {
    const raw = asString(image.image)?.trim();
    const verdict = imageVerdict(raw);
    if (!verdict.drawn) {
      if (raw)
        this.note('lost', [...path, 'image'], 'unsafe-image', `The image ${quote(raw)} is left out: ${verdict.why}.`);
      return undefined;
    }
    const url = verdict.url;
    const alt = asString(image.title)?.trim();
    return { type: 'Image', url, ...(alt ? { altText: alt } : {}) };
  }

  // ---------------------------------------------------------------------------------------------
  // Actions and inputs

  actions(value: unknown, path: JsonPath, insideActionCard: boolean): AdaptiveObject[] {
    return (asArray(value) ?? []).flatMap((raw, i) => {
      const action = asObject(raw);
      if (!action) return [];
      const converted = this.action(action, [...path, i], insideActionCard);
      return converted ? [converted] : [];
    });
  }

  private action(
    action: Record<string, unknown>,
    path: JsonPath,
    insideActionCard: boolean,
  ): AdaptiveObject | undefined {
    const type = asString(action['@type']) ?? '';
    const name = asString(action.name)?.trim() ?? '';
    const label = name ? `“${name}”` : 'without a name';
    switch (type) {
      case 'OpenUri': {
        const targets = (asArray(action.targets) ?? []).map(asObject).filter((t) => t !== undefined);
        const chosen = targets.find((t) => asString(t.os) === 'default') ?? targets[0];
        const raw = asString(chosen?.uri)?.trim();
        const url = safeLinkUrl(raw);
        if (!url) {
          this.note(
            'lost',
            path,
            'open-uri-unsafe',
            `The button ${label} has no http(s) address to open${raw ? ` (${quote(raw)})` : ''}; it was left out.`,
          );
          return undefined;
        }
        const others = targets.filter((t) => t !== chosen && asString(t.uri)?.trim() !== url);
        if (others.length > 0) {
          const systems = others.map((t) => asString(t.os) ?? '?').join(', ');
          this.note(
            'approximated',
            [...path, 'targets'],
            'open-uri-targets',
            `The button ${label} opens the same address everywhere; its addresses for ${systems} are dropped.`,
          );
        }
        return { type: 'Action.OpenUrl', title: name, url };
      }
      case 'ViewAction': {
        const target = asArray(action.target)?.[0] ?? action.target;
        const raw = asString(target)?.trim();
        const url = safeLinkUrl(raw);
        if (!url) {
          this.note(
            'lost',
            path,
            'open-uri-unsafe',
            `The button ${label} has no http(s) address to open; it was left out.`,
          );
          return undefined;
        }
        return { type: 'Action.OpenUrl', title: name, url };
      }
      case 'HttpPOST': {
        const host = hostOf(asString(action.target));
        // `{{id.value}}` only ever worked in HttpPOST bodies; with the button gone the values have nowhere to go.
        const ids = [...(asString(action.body) ?? '').matchAll(/\{\{\s*([\w.-]{1,100}?)\.value\s*\}\}/g)].map(
          (m) => m[1],
        );
        const sent =
          ids.length > 0
            ? ` It sent ${[...new Set(ids)].map((id) => `“${id}”`).join(', ')} to your service; nothing will.`
            : '';
        this.note(
          'lost',
          path,
          'http-post',
          `The button ${label}${host ? ` (HttpPOST to ${host})` : ''} is gone: a card posted through a Workflows webhook cannot call your service, and Adaptive Cards have no equivalent that works there.${sent}`,
        );
        return undefined;
      }
      case 'ActionCard': {
        if (insideActionCard) {
          this.note(
            'lost',
            path,
            'nested-action-card',
            `The ActionCard ${label} inside another ActionCard is not allowed in a MessageCard either; it was left out.`,
          );
          return undefined;
        }
        return this.actionCard(action, path, name, label);
      }
      case 'InvokeAddInCommand':
        this.note(
          'unused',
          path,
          'outlook-only-action',
          `The button ${label} opens an Outlook add-in; Teams never showed it, and it was not carried.`,
        );
        return undefined;
      default:
        this.note(
          'unused',
          path,
          'unknown-action',
          `The action ${label} of type ${quote(type || '(none)')} is not a MessageCard action Teams knows; it was not carried.`,
        );
        return undefined;
    }
  }

  private actionCard(action: Record<string, unknown>, path: JsonPath, name: string, label: string): AdaptiveObject {
    const inputs = (asArray(action.inputs) ?? []).flatMap((raw, i) => {
      const input = asObject(raw);
      return input ? this.input(input, [...path, 'inputs', i]) : [];
    });
    const inner = this.actions(action.actions, [...path, 'actions'], true);
    // The same sentence as the preview's note and the rule (card/behaviour.ts).
    const stateSentence = actionCardStateSentence(actionCardState(action));
    if (stateSentence) this.note('lost', [...path, 'actions'], 'action-card-no-actions', stateSentence);
    if (inputs.length > 0) {
      this.note(
        'lost',
        [...path, 'inputs'],
        'action-card-inputs',
        `The form behind ${label} is shown, but what people enter goes nowhere: a card posted through a Workflows webhook cannot submit inputs.`,
      );
    }
    const body: AdaptiveObject[] =
      inputs.length > 0
        ? inputs
        : [{ type: 'TextBlock', text: 'Nothing to fill in here.', wrap: true, isSubtle: true }];
    return {
      type: 'Action.ShowCard',
      title: name,
      card: { type: 'AdaptiveCard', body, ...(inner.length > 0 ? { actions: inner } : {}) },
    };
  }

  private inputId(raw: string | undefined, path: JsonPath): string {
    let id = raw?.trim() ?? '';
    if (!id) {
      do id = `input${++this.generatedIds}`;
      while (this.inputIds.has(id));
      this.note('approximated', [...path, 'id'], 'input-id', `This input has no id; it is given the id “${id}”.`);
    } else if (this.inputIds.has(id)) {
      const original = id;
      let n = 2;
      while (this.inputIds.has(`${original}-${n}`)) n++;
      id = `${original}-${n}`;
      this.note(
        'approximated',
        [...path, 'id'],
        'input-id',
        `The id “${original}” is used twice; Adaptive Cards need unique ids, so this one is “${id}”.`,
      );
    }
    this.inputIds.add(id);
    return id;
  }

  private input(input: Record<string, unknown>, path: JsonPath): AdaptiveObject[] {
    const type = asString(input['@type']) ?? '';
    if (type !== 'TextInput' && type !== 'DateInput' && type !== 'MultichoiceInput') {
      this.note(
        'lost',
        path,
        'unknown-input',
        `The input of type ${quote(type || '(none)')} is not one Teams knows; it was left out.`,
      );
      return [];
    }
    const id = this.inputId(asString(input.id), path);
    const title = asString(input.title)?.trim();
    const value = asString(input.value);
    const common: Record<string, unknown> = { id, ...(title ? { placeholder: title } : {}) };
    if (asBoolean(input.isRequired) === true) {
      if (atLeast(this.version, '1.3')) {
        Object.assign(common, {
          isRequired: true,
          label: title || id,
          errorMessage: `${title || 'This field'} is required.`,
        });
      } else {
        this.note(
          'approximated',
          [...path, 'isRequired'],
          'input-required',
          `Adaptive Cards ${this.version} cannot mark an input as required (1.3 can); the input is optional.`,
        );
      }
    }
    switch (type) {
      case 'TextInput': {
        const maxLength =
          typeof input.maxLength === 'number' && input.maxLength > 0 ? Math.floor(input.maxLength) : undefined;
        return [
          {
            type: 'Input.Text',
            ...common,
            ...(asBoolean(input.isMultiline) ? { isMultiline: true } : {}),
            ...(maxLength ? { maxLength } : {}),
            ...(value ? { value } : {}),
          },
        ];
      }
      case 'DateInput': {
        // Read as the preview and the rules read it (card/behaviour.ts): ISO, seconds and zone allowed.
        const { date, time } = readDateValue(value);
        const elements: AdaptiveObject[] = [{ type: 'Input.Date', ...common, ...(date ? { value: date } : {}) }];
        if (asBoolean(input.includeTime)) {
          const timeId = this.inputId(`${id}-time`, [...path, 'includeTime']);
          elements.push({
            type: 'Input.Time',
            id: timeId,
            ...(title ? { placeholder: `${title} (time)` } : {}),
            ...(time ? { value: time } : {}),
            spacing: 'Small',
          });
          this.note(
            'approximated',
            [...path, 'includeTime'],
            'date-time-input',
            'Adaptive Cards have no combined date and time picker: the date and the time are two fields.',
          );
        }
        return elements;
      }
      default: {
        const choices = (asArray(input.choices) ?? []).flatMap((raw) => {
          const choice = asObject(raw);
          const display = asString(choice?.display);
          const choiceValue = asString(choice?.value) ?? display;
          return display !== undefined || choiceValue !== undefined
            ? [{ title: display ?? choiceValue ?? '', value: choiceValue ?? '' }]
            : [];
        });
        // The layout the preview draws and the rule describes (card/behaviour.ts `choiceLayout`).
        const layout = choiceLayout(input, HOST);
        const multi = layout.multiSelect;
        const expanded = layout.style === 'expanded';
        return [
          {
            type: 'Input.ChoiceSet',
            ...common,
            choices,
            ...(multi ? { isMultiSelect: true } : {}),
            style: expanded ? 'expanded' : 'compact',
            ...(value ? { value } : {}),
          },
        ];
      }
    }
  }
}

/** Code is shown as it is: backslash-escape everything Markdown could read; a blank line stays a line. */
function escapeCode(line: string): string {
  const escaped = line.replace(/[\\`*_[\]<>#~|-]/g, '\\$&');
  return escaped.trim() === '' ? '\u00a0' : escaped.replace(/^ +/, (spaces) => '\u00a0'.repeat(spaces.length));
}

/**
 * Converts a MessageCard (any parsed JSON object; fields are read leniently, as Teams reads them)
 * to an Adaptive Card of `options.version` (1.4 by default), with the report of everything that was
 * not carried or only approximated.
 */
export function convertToAdaptiveCard(card: Record<string, unknown>, options: ConvertOptions = {}): ConversionResult {
  const version = options.version ?? DEFAULT_ADAPTIVE_VERSION;
  const conversion = new Conversion(version);
  const adaptive = conversion.card(card);
  const bytes = compactJsonBytes(workflowsEnvelope(adaptive));
  if (bytes > TEAMS_SIZE_LIMIT_BYTES) {
    conversion.note(
      'limit',
      [],
      'size-limit',
      `The converted message is ${formatBytes(bytes)}; Workflows refuses messages over ${formatBytes(TEAMS_SIZE_LIMIT_BYTES)} ("The payload is too large").`,
    );
  }
  return { card: adaptive, notes: conversion.notes };
}

/** Wraps an Adaptive Card in the message a Teams Workflows webhook expects (reference section 8). */
export function workflowsEnvelope(card: AdaptiveCardJson): WorkflowsMessage {
  return {
    type: 'message',
    attachments: [{ contentType: ADAPTIVE_CARD_CONTENT_TYPE, contentUrl: null, content: card }],
  };
}

/** Whether a string names a version the converter targets. */
export function isAdaptiveVersion(value: string): value is AdaptiveVersion {
  return (ADAPTIVE_VERSIONS as readonly string[]).includes(value);
}
