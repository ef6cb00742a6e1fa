/**
 * The card and its sections: title, text, activity, hero and section images, facts, and the limits
 * and fields Teams treated in its own way. Buttons are `actions.ts`, texts `text.ts`.
 */
import {
  actionsCountedForLimit,
  ignoredCardFields,
  ignoredSectionFields,
  sectionGap,
  sectionTextFormat,
  titleLinksAreLinks,
} from '../../card/behaviour.ts';
import type { JsonPath } from '../../card/types.ts';
import { imageVerdict } from '../../card/urls.ts';
import { asArray, asObject, asString } from '../../json/read.ts';
import { convertInlineText } from '../markdown.ts';
import { ADAPTIVE_CARD_SCHEMA, type AdaptiveCardJson, type AdaptiveObject } from '../types.ts';
import { convertActions } from './actions.ts';
import {
  HOST,
  MESSAGECARD_MAX_SECTION_ACTIONS,
  MESSAGECARD_MAX_SECTION_IMAGES,
  MESSAGECARD_MAX_SECTIONS,
  quote,
  TEAMS_MAX_VISIBLE_ACTIONS,
  type Conversion,
} from './context.ts';
import { noteMarkdownFindings } from './markdownNotes.ts';
import { blockText, inlineText } from './text.ts';

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

/** The Adaptive Card for a MessageCard read leniently; the notes go to `cx`. */
export function convertCard(cx: Conversion, card: Record<string, unknown>): AdaptiveCardJson {
  const body: AdaptiveObject[] = [];
  // A link in a title is not a link in the host: it shows as written (card/behaviour.ts).
  const title = inlineText(cx, card.title, ['title'], false, titleLinksAreLinks(HOST));
  if (title !== undefined) {
    body.push({
      type: 'TextBlock',
      text: title,
      wrap: true,
      weight: 'Bolder',
      size: 'Large',
      ...(cx.atLeast('1.5') ? { style: 'heading' } : {}),
    });
  }
  convertThemeColor(cx, card, body[0]);
  body.push(...blockText(cx, card.text, ['text'], false));

  const sections = asArray(card.sections) ?? [];
  if (sections.length > MESSAGECARD_MAX_SECTIONS) {
    cx.note(
      'limit',
      ['sections'],
      'section-limit',
      `Teams showed only the first ${MESSAGECARD_MAX_SECTIONS} of the ${sections.length} sections of this MessageCard; the Adaptive Card shows all of them.`,
    );
  }
  sections.forEach((raw, index) => {
    const section = asObject(raw);
    if (!section) return;
    const container = convertSection(cx, section, ['sections', index]);
    if (!container) return;
    // Teams treats every section as `startGroup: true` (section 2): each is set apart by a line,
    // except a first section with nothing before it (card/behaviour.ts `sectionGap`).
    if (body.length > 0 && sectionGap(card, index, HOST) === 'separator') container.separator = true;
    body.push(container);
  });

  const actions = convertActions(cx, card.potentialAction, ['potentialAction'], false);
  if (actions.length > TEAMS_MAX_VISIBLE_ACTIONS) {
    cx.note(
      'limit',
      ['potentialAction'],
      'action-limit',
      `Teams shows ${TEAMS_MAX_VISIBLE_ACTIONS} buttons in a row; the other ${actions.length - TEAMS_MAX_VISIBLE_ACTIONS} go to a “…” menu.`,
    );
  }

  const summary = asString(card.summary)?.trim();
  if (summary) {
    cx.note(
      'approximated',
      ['summary'],
      'summary',
      'Adaptive Cards have no summary. It is kept as the fallback text, which Teams shows where the card cannot be drawn; notifications may show the card text instead.',
    );
  }
  if (body.length === 0) {
    // The summary is plain text in Teams; read as Markdown it must not gain links or formatting.
    const stand = (summary ? inlineText(cx, summary, ['summary'], false) : undefined) || title;
    body.push({ type: 'TextBlock', text: stand ?? ' ', wrap: true });
    if (stand) {
      cx.note(
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
      cx.note(
        'unused',
        [key],
        'unknown-field',
        `“${key}” is not a MessageCard field; Teams ignored it, and it was not carried.`,
      );
    } else if (ignored.has(key)) {
      cx.note('unused', [key], 'ignored-field', `“${key}” is not carried: Teams ignores it (${ignored.get(key)}).`);
    }
  }

  return {
    $schema: ADAPTIVE_CARD_SCHEMA,
    type: 'AdaptiveCard',
    version: cx.version,
    body,
    ...(actions.length > 0 ? { actions } : {}),
    ...(summary ? { fallbackText: summary } : {}),
    // Connector cards fill the conversation's width; Adaptive Cards are narrower unless asked (section 8.1).
    msteams: { width: 'Full' },
  };
}

function convertThemeColor(
  cx: Conversion,
  card: Record<string, unknown>,
  titleBlock: AdaptiveObject | undefined,
): void {
  const raw = asString(card.themeColor)?.trim();
  if (!raw) return;
  const color = nearestTextColor(raw);
  const shown = `#${raw.replace(/^#/, '')}`;
  if (titleBlock && color) {
    titleBlock.color = color;
    cx.note(
      'approximated',
      ['themeColor'],
      'theme-color',
      `Adaptive Cards have no colour bar: themeColor ${shown} is gone, and the title is drawn in Teams' “${color}” colour, the nearest one Adaptive Cards allow.`,
    );
  } else {
    cx.note(
      'lost',
      ['themeColor'],
      'theme-color',
      `Adaptive Cards have no colour bar: themeColor ${shown} is not shown.`,
    );
  }
}

function convertSection(cx: Conversion, section: Record<string, unknown>, path: JsonPath): AdaptiveObject | undefined {
  const html = sectionTextFormat(section, HOST).syntax === 'html';
  const items: AdaptiveObject[] = [];

  const title = inlineText(cx, section.title, [...path, 'title'], html, titleLinksAreLinks(HOST));
  if (title !== undefined) items.push({ type: 'TextBlock', text: title, wrap: true, weight: 'Bolder' });

  items.push(...convertActivity(cx, section, path, html));

  const hero = asObject(section.heroImage);
  if (hero) {
    const image = convertImage(cx, hero, [...path, 'heroImage']);
    if (image) {
      items.push({ ...image, size: 'Stretch' });
      cx.note(
        'approximated',
        [...path, 'heroImage'],
        'hero-image',
        'Teams did not show hero images on MessageCards; the Adaptive Card shows it across the full width of the card.',
      );
    }
  }

  items.push(...blockText(cx, section.text, [...path, 'text'], html));

  const facts = (asArray(section.facts) ?? []).flatMap((raw, i) => {
    const fact = asObject(raw);
    if (!fact) return [];
    const name = inlineText(cx, fact.name, [...path, 'facts', i, 'name'], html) ?? '';
    const value = inlineText(cx, fact.value, [...path, 'facts', i, 'value'], html) ?? '';
    return name || value ? [{ title: name, value }] : [];
  });
  if (facts.length > 0) items.push({ type: 'FactSet', facts });

  const rawImages = asArray(section.images) ?? [];
  const images = rawImages.flatMap((raw, i) => {
    const image = asObject(raw) && convertImage(cx, asObject(raw)!, [...path, 'images', i]);
    return image ? [image] : [];
  });
  if (rawImages.length > MESSAGECARD_MAX_SECTION_IMAGES) {
    cx.note(
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
    cx.note(
      'limit',
      [...path, 'potentialAction'],
      'section-action-limit',
      `Teams showed ${MESSAGECARD_MAX_SECTION_ACTIONS} of the ${counted} buttons of this section; the Adaptive Card shows all that can be converted.`,
    );
  }
  const actions = convertActions(cx, section.potentialAction, [...path, 'potentialAction'], false);
  if (actions.length > 0) items.push({ type: 'ActionSet', actions });

  if (ignoredSectionFields(section, path, HOST).some((f) => f.field === 'startGroup')) {
    cx.note(
      'approximated',
      [...path, 'startGroup'],
      'start-group',
      'Teams separates every section with a line whatever startGroup says, and so does the Adaptive Card.',
    );
  }
  for (const key of Object.keys(section)) {
    if (!SECTION_FIELDS.has(key)) {
      cx.note(
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
function convertActivityTitle(cx: Conversion, value: unknown, path: JsonPath, html: boolean): AdaptiveObject[] {
  const text = asString(value);
  if (text === undefined || text.trim() === '') return [];
  const { withoutImages: textOnly, findings, images } = convertInlineText(text, { html });
  noteMarkdownFindings(
    cx,
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
    cx.note(
      'approximated',
      path,
      'markdown-image',
      `Adaptive Card text cannot hold images: the ${images.length === 1 ? 'image' : `${images.length} images`} in this title ${images.length === 1 ? 'is' : 'are'} shown as a small image above the text.`,
    );
  }
  if (textOnly) out.push({ type: 'TextBlock', text: textOnly, wrap: true, weight: 'Bolder' });
  return out;
}

function convertActivity(
  cx: Conversion,
  section: Record<string, unknown>,
  path: JsonPath,
  html: boolean,
): AdaptiveObject[] {
  const texts: AdaptiveObject[] = [];
  const titleElements = convertActivityTitle(cx, section.activityTitle, [...path, 'activityTitle'], html);
  texts.push(...titleElements);
  // The activity image's alternative text: the title as it reads, without Markdown (a bounded part).
  const titleText = asString(section.activityTitle)
    ?.slice(0, 500)
    .replace(/!\[([^\]]*)\]\([^)]*\)/g, '')
    .replace(/\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/[*_~`]/g, '')
    .trim();
  const subtitle = inlineText(cx, section.activitySubtitle, [...path, 'activitySubtitle'], html);
  if (subtitle !== undefined) {
    texts.push({ type: 'TextBlock', text: subtitle, wrap: true, isSubtle: true, spacing: 'None' });
  }
  const activityText = blockText(cx, section.activityText, [...path, 'activityText'], html);
  if (activityText[0]) activityText[0].spacing = 'None';
  texts.push(...activityText);

  const rawImage = asString(section.activityImage)?.trim();
  const verdict = imageVerdict(rawImage);
  const url = verdict.drawn ? verdict.url : undefined;
  if (rawImage && !verdict.drawn) {
    cx.note(
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

function convertImage(cx: Conversion, image: Record<string, unknown>, path: JsonPath): AdaptiveObject | undefined {
  const raw = asString(image.image)?.trim();
  const verdict = imageVerdict(raw);
  if (!verdict.drawn) {
    if (raw)
      cx.note('lost', [...path, 'image'], 'unsafe-image', `The image ${quote(raw)} is left out: ${verdict.why}.`);
    return undefined;
  }
  const url = verdict.url;
  const alt = asString(image.title)?.trim();
  return { type: 'Image', url, ...(alt ? { altText: alt } : {}) };
}
