/**
 * Rules for the card itself and its sections, facts and images: reference/messagecard.md §1-3,
 * §6, §7 and §8, with the severities of the SOURCES.md contract.
 */
import { compactJsonBytes, minimumJsonBytes, TEAMS_SIZE_LIMIT_BYTES, TEAMS_SIZE_WARNING_BYTES } from '../size.ts';
import { formatBytes } from '../../lib/bytes.ts';
import { SCHEMA_PHRASES } from '../grammar.ts';
import { ignoredCardFields, ignoredSectionFields, sectionTextFormat } from '../behaviour.ts';
import type { JsonPath } from '../types.ts';
import { checkActionList } from './actions.ts';
import type { LintContext } from './context.ts';
import { checkFields, forEachElement } from './fields.ts';
import { asText, describe, has, hasVisibleText, isPresentText, isRecord, own, quote } from './read.ts';
import { checkFormattedText, checkPlainTitle, checkTextImages } from './text.ts';
import { checkUrl } from './urls.ts';

const CONTEXTS = ['https://schema.org/extensions', 'http://schema.org/extensions'];
const PREFERRED_CONTEXT = 'https://schema.org/extensions';

/** Teams shows at most 10 sections (§1), 5 images per section (§2). */
const MAX_SECTIONS = 10;
const MAX_IMAGES = 5;

/** Checks a whole card value. */
export function checkCard(ctx: LintContext, value: unknown): void {
  if (!isRecord(value)) {
    reportNotAnObject(ctx, value);
    return;
  }
  const card = value;
  checkFields(ctx, card, [], ['card'], SCHEMA_PHRASES.card);
  checkTypeAndContext(ctx, card);
  checkSummaryOrText(ctx, card);
  checkThemeColor(ctx, own(card, 'themeColor'));

  checkPlainTitle(ctx, own(card, 'title'), [], 'title');
  checkPlainTitle(ctx, own(card, 'summary'), [], 'summary');
  // The card's own texts are Markdown in every host; the heading levels are the host's (card/behaviour.ts).
  const { headingLevels } = sectionTextFormat(undefined, ctx.host);
  checkFormattedText(ctx, own(card, 'title'), [], 'title', { html: false, blocks: false, headingLevels });
  checkFormattedText(ctx, own(card, 'text'), [], 'text', { html: false, blocks: true, headingLevels });
  for (const field of ['title', 'text']) checkTextImages(ctx, own(card, field), [], field);

  // Teams lists these as not supported (§1): harmless, but they do nothing there (card/behaviour.ts).
  for (const { field, why, path } of ignoredCardFields(card, ctx.host)) {
    ctx.report('ignored-field', path, `Teams does not support \`${field}\` (${why}); it is ignored.`, {
      target: 'key',
    });
  }

  const sections = own(card, 'sections');
  if (Array.isArray(sections)) {
    if (sections.length > MAX_SECTIONS) {
      const dropped = sections.length - MAX_SECTIONS;
      ctx.report(
        'too-many-sections',
        ['sections'],
        ctx.host === 'outlook'
          ? `This card has ${sections.length} sections; Outlook guidance is 10 at most, and Teams drops everything after the 10th.`
          : `Teams shows only the first 10 sections: the last ${dropped} of these ${sections.length} are dropped without notice. Merge sections or split the card.`,
      );
    }
    forEachElement(ctx, sections, ['sections'], 'section', (section, path) => checkSection(ctx, section, path));
  }
  checkActionList(ctx, own(card, 'potentialAction'), ['potentialAction'], 'card');

  checkSize(ctx, card);
  ctx.report(
    'workflows-prefer-adaptive-card',
    [],
    'Workflows renders MessageCards without buttons and is built for Adaptive Cards: consider exporting this card as an Adaptive Card (version 1.4).',
  );
}

function reportNotAnObject(ctx: LintContext, value: unknown): void {
  const first: unknown = Array.isArray(value) ? value[0] : undefined;
  const isList = Array.isArray(value);
  ctx.report(
    'not-an-object',
    [],
    isList
      ? `The card is a list${value.length > 0 ? ` of ${value.length}` : ''}, not one object: the webhook rejects it. Post each card on its own.`
      : `The card is ${describe(value)}, not a JSON object: the webhook rejects it. A card looks like {"@type": "MessageCard", "summary": ...}.`,
    isList && isRecord(first) ? { fix: { title: 'Keep only the first card', path: [], value: first } } : {},
  );
}

function checkTypeAndContext(ctx: LintContext, card: Record<string, unknown>): void {
  const type = own(card, '@type');
  if (type === undefined || type === null) {
    ctx.report(
      'type-missing',
      type === null ? ['@type'] : [],
      'The card has no "@type": "MessageCard". Teams webhooks accept it anyway, but the reference requires it and other hosts may not.',
      { fix: { title: 'Add "@type": "MessageCard"', path: ['@type'], value: 'MessageCard' } },
    );
  } else if (type !== 'MessageCard') {
    const caseOnly = typeof type === 'string' && type.trim().toLowerCase() === 'messagecard';
    ctx.report(
      'type-not-messagecard',
      ['@type'],
      `"@type" is ${quote(type)}: a connector card must say "MessageCard"${caseOnly ? ' (case matters)' : ''}, and Teams rejects anything else.` +
        (typeof type === 'string' && /adaptivecard/i.test(type)
          ? ' An Adaptive Card has another format and must be sent in an attachment.'
          : ''),
      { fix: { title: 'Use "MessageCard"', path: ['@type'], value: 'MessageCard' } },
    );
  }

  const context = own(card, '@context');
  // A null @context is the kind rule's `null-value`, not reported twice.
  if (context === undefined) {
    ctx.report(
      'context-missing',
      [],
      'The card has no "@context": "https://schema.org/extensions". Teams accepts it anyway, but the reference requires it.',
      { fix: { title: 'Add "@context"', path: ['@context'], value: PREFERRED_CONTEXT } },
    );
  } else if (
    context !== null &&
    !Array.isArray(context) &&
    !isRecord(context) &&
    !(typeof context === 'string' && CONTEXTS.includes(context))
  ) {
    ctx.report(
      'context-unexpected',
      ['@context'],
      `"@context" is ${quote(context)}; the reference expects "https://schema.org/extensions" (Teams examples use http://).`,
      { fix: { title: `Use ${PREFERRED_CONTEXT}`, path: ['@context'], value: PREFERRED_CONTEXT } },
    );
  }
}

function checkSummaryOrText(ctx: LintContext, card: Record<string, unknown>): void {
  const summary = own(card, 'summary');
  const text = own(card, 'text');
  if (isPresentText(summary) || isPresentText(text)) {
    if (!hasVisibleText(summary) && !hasVisibleText(text)) {
      ctx.report(
        'summary-or-text-blank',
        has(card, 'summary') ? ['summary'] : ['text'],
        '`summary` and `text` hold only white space: Teams may count them as missing and answer "Summary or Text is required.". Give the card a summary.',
      );
    }
    return;
  }
  const suggestion = summarySuggestion(card);
  ctx.report(
    'summary-or-text-required',
    has(card, 'summary') ? ['summary'] : [],
    ctx.host === 'workflows'
      ? 'The card has neither a summary nor a text: Teams rejects it with "Summary or Text is required." (through Workflows the request is accepted, and the failure shows only in the flow\'s run history). Add a summary.'
      : ctx.host === 'outlook'
        ? 'The card has neither a summary nor a text, and the reference requires one of them (Teams answers HTTP 400 "Summary or Text is required."). Add a summary.'
        : 'The card has neither a summary nor a text: Teams answers HTTP 400 "Summary or Text is required." and shows nothing. Add a summary.',
    {
      fix: {
        title: `Add a summary: "${suggestion.length > 30 ? `${suggestion.slice(0, 29)}…` : suggestion}"`,
        path: ['summary'],
        value: suggestion,
      },
    },
  );
}

/** A summary taken from the card's own words: its title, else the first activity title. */
function summarySuggestion(card: Record<string, unknown>): string {
  const candidates: unknown[] = [own(card, 'title')];
  const sections = own(card, 'sections');
  if (Array.isArray(sections)) {
    for (const section of sections.slice(0, 10)) {
      if (isRecord(section)) candidates.push(own(section, 'activityTitle'), own(section, 'title'));
    }
  }
  for (const candidate of candidates) {
    if (hasVisibleText(candidate)) {
      const plain = (asText(candidate) ?? '')
        .slice(0, 1000)
        .replace(/\[([^\]]{0,500})\]\([^)]{0,2048}\)/g, '$1')
        .replace(/[*_`]/g, '')
        .trim();
      if (plain) return plain.length > 150 ? `${plain.slice(0, 149)}…` : plain;
    }
  }
  return 'New message';
}

function checkThemeColor(ctx: LintContext, color: unknown): void {
  if (typeof color !== 'string') return; // Numbers, null, lists: the kind check.
  if (/^[0-9A-Fa-f]{6}$/.test(color)) return;
  if (/^#[0-9A-Fa-f]{6}$/.test(color)) {
    ctx.report(
      'theme-color-hash',
      ['themeColor'],
      `themeColor ${quote(color)} starts with #: the documented form is six hex digits without it. Teams tolerates it, some clients ignore the colour.`,
      { fix: { title: `Use "${color.slice(1)}"`, path: ['themeColor'], value: color.slice(1) } },
    );
    return;
  }
  const short = /^#?([0-9A-Fa-f])([0-9A-Fa-f])([0-9A-Fa-f])$/.exec(color.trim());
  const expanded = short ? `${short[1]}${short[1]}${short[2]}${short[2]}${short[3]}${short[3]}` : undefined;
  const trimmed = /^\s*#?([0-9A-Fa-f]{6})\s*$/.exec(color)?.[1];
  const fixed = expanded ?? trimmed;
  ctx.report(
    'theme-color-invalid',
    ['themeColor'],
    `themeColor ${quote(color)} is not six hex digits (RRGGBB, e.g. 0076D7): Teams ignores it and uses the default accent colour.`,
    fixed ? { fix: { title: `Use "${fixed}"`, path: ['themeColor'], value: fixed } } : {},
  );
}

/** Above this lower bound the exact size is not worth computing: the card is far over the limit. */
const HUGE_BYTES = 1024 * 1024;

function checkSize(ctx: LintContext, card: Record<string, unknown>): void {
  const floor = minimumJsonBytes(card, HUGE_BYTES);
  if (floor > HUGE_BYTES) {
    ctx.report(
      'payload-too-large',
      [],
      `The card is over ${formatBytes(HUGE_BYTES)} as compact JSON, far over the 28 KB limit: Teams rejects it. Shorten it or split it into several cards.`,
    );
    return;
  }
  const bytes = compactJsonBytes(card);
  if (bytes > TEAMS_SIZE_LIMIT_BYTES) {
    ctx.report(
      'payload-too-large',
      [],
      `The card is ${formatBytes(bytes)} as compact JSON, over the 28 KB limit: Teams rejects it (the webhook answers with an HTTP 413 error). Shorten it or split it into several cards.`,
    );
  } else if (bytes > TEAMS_SIZE_WARNING_BYTES) {
    ctx.report(
      'payload-large',
      [],
      `The card is ${formatBytes(bytes)} as compact JSON: Teams documents 28 KB, but MessageCards have already failed from about 20 KB. Shorten it, or test it in a real channel.`,
    );
  }
}

function checkSection(ctx: LintContext, section: Record<string, unknown>, path: JsonPath): void {
  checkFields(ctx, section, path, ['section'], SCHEMA_PHRASES.section);
  // `markdown: false` switches the section's texts to Teams' HTML subset (§2, §6.2); Outlook reads
  // Markdown with headings 1 to 6 whatever it says (§6.1). Decided in card/behaviour.ts.
  const format = sectionTextFormat(section, ctx.host);
  const html = format.syntax === 'html';
  const inline = { sectionPath: path, html, blocks: false, headingLevels: format.headingLevels };
  const blocks = { sectionPath: path, html, blocks: true, headingLevels: format.headingLevels };

  checkPlainTitle(ctx, own(section, 'title'), path, 'title');
  checkFormattedText(ctx, own(section, 'title'), path, 'title', inline);
  checkFormattedText(ctx, own(section, 'activityTitle'), path, 'activityTitle', inline);
  checkFormattedText(ctx, own(section, 'activitySubtitle'), path, 'activitySubtitle', inline);
  checkFormattedText(ctx, own(section, 'activityText'), path, 'activityText', blocks);
  checkFormattedText(ctx, own(section, 'text'), path, 'text', blocks);
  if (!html) {
    for (const field of ['title', 'activityTitle', 'activitySubtitle', 'activityText', 'text']) {
      checkTextImages(ctx, own(section, field), path, field);
    }
  }
  checkUrl(ctx, own(section, 'activityImage'), path, 'activityImage', 'image');

  const imageType = own(section, 'activityImageType');
  if (imageType !== undefined && imageType !== null && !Array.isArray(imageType) && !isRecord(imageType)) {
    if (imageType !== 'avatar' && imageType !== 'article') {
      const lower = typeof imageType === 'string' ? imageType.trim().toLowerCase() : '';
      const fixed = lower === 'avatar' || lower === 'article' ? lower : undefined;
      ctx.report(
        'unexpected-value',
        [...path, 'activityImageType'],
        `\`activityImageType\` is ${quote(imageType)}: Teams knows "avatar" (a circle) and "article" (a rectangle) and uses avatar instead.` +
          (fixed ? ` Did you mean "${fixed}"?` : ''),
        fixed ? { fix: { title: `Use ${fixed}`, path: [...path, 'activityImageType'], value: fixed } } : {},
      );
    }
  }

  checkIgnoredSectionFields(ctx, section, path);

  const heroImage = own(section, 'heroImage');
  if (isRecord(heroImage)) checkImage(ctx, heroImage, [...path, 'heroImage']);

  const facts = own(section, 'facts');
  if (Array.isArray(facts)) {
    forEachElement(ctx, facts, [...path, 'facts'], 'fact', (fact, factPath) => {
      checkFields(ctx, fact, factPath, ['fact'], SCHEMA_PHRASES.fact);
      checkFormattedText(ctx, own(fact, 'name'), factPath, 'name', inline);
      checkFormattedText(ctx, own(fact, 'value'), factPath, 'value', inline);
    });
  }

  const images = own(section, 'images');
  if (Array.isArray(images)) {
    if (images.length > MAX_IMAGES) {
      ctx.report(
        'too-many-images',
        [...path, 'images'],
        `Teams shows at most 5 images per section: the last ${images.length - MAX_IMAGES} of these ${images.length} will not be shown.`,
      );
    }
    forEachElement(ctx, images, [...path, 'images'], 'image', (image, imagePath) => checkImage(ctx, image, imagePath));
  }

  checkActionList(ctx, own(section, 'potentialAction'), [...path, 'potentialAction'], 'section');
  checkEmptySection(ctx, section, path);
}

function checkImage(ctx: LintContext, image: Record<string, unknown>, path: JsonPath): void {
  checkFields(ctx, image, path, ['image'], SCHEMA_PHRASES.image);
  checkUrl(ctx, own(image, 'image'), path, 'image', 'image');
}

function checkIgnoredSectionFields(ctx: LintContext, section: Record<string, unknown>, path: JsonPath): void {
  for (const { field, path: fieldPath } of ignoredSectionFields(section, path, ctx.host)) {
    const message =
      field === 'heroImage'
        ? 'Teams does not draw heroImage: the banner appears only in Outlook. Use images or activityImage for Teams.'
        : field === 'startGroup'
          ? '`startGroup: false` has no effect in Teams: Teams separates every section with a line anyway.'
          : `\`${field}\` is a Teams extension: Outlook ignores it${field === 'markdown' ? ' and reads every text as Markdown' : ''}.`;
    ctx.report('ignored-field', fieldPath, message, { target: 'key' });
  }
}

function checkEmptySection(ctx: LintContext, section: Record<string, unknown>, path: JsonPath): void {
  const visible = ['title', 'activityTitle', 'activitySubtitle', 'activityText', 'activityImage', 'text'].some((f) =>
    hasVisibleText(own(section, f)),
  );
  if (visible) return;
  const nonEmpty = (field: string) => {
    const v = own(section, field);
    return Array.isArray(v) && v.length > 0;
  };
  if (nonEmpty('facts') || nonEmpty('images') || nonEmpty('potentialAction')) return;
  const hero = own(section, 'heroImage');
  if (ctx.host === 'outlook' && isRecord(hero)) return;
  ctx.report(
    'empty-section',
    path,
    isRecord(hero)
      ? 'This section holds only a heroImage, which Teams does not draw: it shows as an empty gap. Use images or activityImage.'
      : 'This section has nothing to show (no title, activity, text, facts, images or actions): it only adds an empty gap.',
    { fix: { title: 'Remove the section', path, remove: true } },
  );
}
