/**
 * The rule catalogue's metadata: one entry per rule id that `lintCard` can emit. Each issue takes
 * its severity from here (`context.ts` reports through {@link ruleInfo}), so a rule's severity is
 * written once; the tests check that every emitted id is here and that every entry is emitted.
 *
 * Severities follow the validation contract of `fixtures/corpus/SOURCES.md` (the project's copy of
 * the team's shared corpus), which overrides the
 * proposal in reference/messagecard.md §11 where they differ: what Teams tolerates is a warning,
 * what it rejects (or what cannot work as written) is an error, what it silently drops from a card
 * that still works is a warning (fields the host ignores, reference §11), and advice is a hint.
 * Which host draws what is decided in `card/behaviour.ts`; the rules ask it.
 */
import type { HostProfile, Severity } from '../types.ts';

/** Metadata of one rule. */
export interface RuleInfo {
  /** Stable kebab-case id, e.g. `summary-or-text-required`. */
  readonly id: string;
  /** The severity its issues carry (only `issues-truncated` borrows the severity of another rule). */
  readonly severity: Severity;
  /** The host profiles the rule applies to. */
  readonly hosts: readonly HostProfile[];
  /** A short title for lists. */
  readonly title: string;
  /** What the rule checks and why, in a few sentences. */
  readonly description: string;
  /** Where the fact comes from: a section of reference/messagecard.md and/or the corpus contract. */
  readonly reference: string;
}

const ALL: readonly HostProfile[] = ['teams', 'workflows', 'outlook'];
/** Both ways of posting into Teams: the legacy connector webhook and the Workflows webhook. */
const TEAMS: readonly HostProfile[] = ['teams', 'workflows'];
const WORKFLOWS: readonly HostProfile[] = ['workflows'];
const CONNECTORS: readonly HostProfile[] = ['teams', 'outlook'];

const CONTRACT = 'SOURCES.md contract';

const RULE_LIST = [
  // --- The card as a whole -----------------------------------------------------------------
  {
    // Emitted by the parser (analyze.ts), never by lintCard: listed so every id has its entry.
    id: 'json-syntax',
    severity: 'error',
    hosts: ALL,
    title: 'Not valid JSON',
    description:
      'The text is not strict JSON (a trailing comma, a comment, a missing quote...). The Teams webhook answers "Bad payload received by generic incoming webhook" and posts nothing. Reported by the parser; the rules run once the text parses.',
    reference: `§7; ${CONTRACT}`,
  },
  {
    id: 'not-an-object',
    severity: 'error',
    hosts: ALL,
    title: 'The card is not a JSON object',
    description:
      'A MessageCard is one JSON object. A list, a string, a number or null is rejected by the webhook. (A list of cards is a common template output: post its elements one by one.)',
    reference: `§11; ${CONTRACT}`,
  },
  {
    id: 'type-missing',
    severity: 'warning',
    hosts: ALL,
    title: '`@type` is missing',
    description:
      'The reference requires `"@type": "MessageCard"`. Teams webhooks accept a card without it (their own test card is `{"text": "Hello World"}`), other hosts may not.',
    reference: `§1; ${CONTRACT}`,
  },
  {
    id: 'type-not-messagecard',
    severity: 'error',
    hosts: ALL,
    title: '`@type` is not `MessageCard`',
    description: 'Any `@type` other than `MessageCard` (case matters) is rejected.',
    reference: `§1, §11; ${CONTRACT}`,
  },
  {
    id: 'context-missing',
    severity: 'warning',
    hosts: ALL,
    title: '`@context` is missing',
    description:
      'The reference requires `"@context": "https://schema.org/extensions"`. Teams accepts cards without it.',
    reference: `§1, §11; ${CONTRACT}`,
  },
  {
    id: 'context-unexpected',
    severity: 'warning',
    hosts: ALL,
    title: '`@context` has an unexpected value',
    description:
      '`@context` should be `https://schema.org/extensions` (current reference) or `http://schema.org/extensions` (Teams examples).',
    reference: '§1, §11',
  },
  {
    id: 'summary-or-text-required',
    severity: 'error',
    hosts: ALL,
    title: 'Neither `summary` nor `text`',
    description:
      'A card needs a non-empty `summary` or a non-empty `text`. Without either, the Teams webhook answers HTTP 400 "Summary or Text is required." and nothing is posted.',
    reference: `§1, §7; ${CONTRACT}`,
  },
  {
    id: 'summary-or-text-blank',
    severity: 'warning',
    hosts: ALL,
    title: '`summary` and `text` hold only spaces',
    description:
      'The card has a `summary` or `text`, but only white space. Teams may count that as missing and answer "Summary or Text is required.".',
    reference: '§7 [unconfirmed]',
  },
  {
    id: 'theme-color-hash',
    severity: 'warning',
    hosts: ALL,
    title: '`themeColor` starts with `#`',
    description:
      'The documented form is six hex digits without `#` (`0076D7`). Teams tolerates the `#`, but some clients ignore such a colour.',
    reference: `§1, §11, §12.6; ${CONTRACT}`,
  },
  {
    id: 'theme-color-invalid',
    severity: 'warning',
    hosts: ALL,
    title: '`themeColor` is not a hex colour',
    description:
      '`themeColor` should be six hex digits (RRGGBB). Other values are ignored and the default accent colour is used.',
    reference: '§1, §11',
  },
  {
    id: 'payload-large',
    severity: 'warning',
    hosts: ALL,
    title: 'Card over 20 KB',
    description:
      'Teams documents a 28 KB limit, but MessageCards have failed from about 20 KB (the limit applies to what Teams stores after rendering). Measured as UTF-8 bytes of the compact JSON.',
    reference: `§7; ${CONTRACT}`,
  },
  {
    id: 'payload-too-large',
    severity: 'error',
    hosts: ALL,
    title: 'Card over 28 KB',
    description:
      'Over 28 KB of compact JSON, the webhook rejects the card ("413" wrapped in the answer, or "payload is too large" in a Workflows run).',
    reference: `§7, §8; ${CONTRACT}`,
  },
  {
    id: 'too-many-sections',
    severity: 'warning',
    hosts: ALL,
    title: 'More than 10 sections',
    description: 'Teams shows at most 10 sections and silently drops the rest; Outlook guidance also says 10 at most.',
    reference: `§1; ${CONTRACT}`,
  },
  // --- Fields and values -------------------------------------------------------------------
  {
    id: 'unknown-field',
    severity: 'warning',
    hosts: ALL,
    title: 'Unknown field',
    description:
      'A field the reference does not define for this element. Teams ignores it; often it is a typo of a known field (the message suggests one) or a field of another element.',
    reference: `§1 notes; ${CONTRACT}`,
  },
  {
    id: 'field-wrong-case',
    severity: 'error',
    hosts: ALL,
    title: 'Field name in the wrong case',
    description:
      'A field that differs from a known one only in case (`Sections` for `sections`). Teams does not recognise it, so the content it holds is dropped.',
    reference: CONTRACT,
  },
  {
    id: 'null-value',
    severity: 'warning',
    hosts: ALL,
    title: '`null` value',
    description: 'Teams treats `null` as if the field were absent. Remove it, or give it a value.',
    reference: CONTRACT,
  },
  {
    id: 'string-boolean',
    severity: 'warning',
    hosts: ALL,
    title: 'Boolean written as a string',
    description:
      '`"true"`/`"false"` in quotes where a boolean belongs. Teams converts them, but it is not the documented form (Microsoft\'s own sample does it).',
    reference: `§5, §11; ${CONTRACT}`,
  },
  {
    id: 'number-as-string',
    severity: 'warning',
    hosts: ALL,
    title: 'Number or boolean where text belongs',
    description:
      'A number (or true/false) where the reference expects text, e.g. a fact value `93.42`. Teams converts it to text; quoting it says exactly what is shown.',
    reference: CONTRACT,
  },
  {
    id: 'string-number',
    severity: 'warning',
    hosts: ALL,
    title: 'Number written as a string',
    description: 'Digits in quotes where a number belongs (`maxLength`). Teams converts them.',
    reference: CONTRACT,
  },
  {
    id: 'wrong-type',
    severity: 'error',
    hosts: ALL,
    title: 'Wrong kind of value',
    description:
      'A list or an object where a single value belongs, a single value where a list or an object belongs, or a value that cannot be read as a boolean or number. Teams rejects the card (or the element).',
    reference: `§11; ${CONTRACT}`,
  },
  {
    id: 'unexpected-value',
    severity: 'warning',
    hosts: ALL,
    title: 'Value outside the documented list',
    description:
      'A field with a fixed list of values (`activityImageType`, MultichoiceInput `style`) holds another value; the default is used instead.',
    reference: '§2, §5, §11',
  },
  {
    id: 'ignored-field',
    severity: 'warning',
    hosts: ALL,
    title: 'Field the host ignores',
    description:
      'A documented field that this host does not support: in Teams `heroImage`, `hideOriginalBody`, `originator`, `correlationId`, `expectedActors` and `startGroup: false`; in Outlook the Teams extensions `activityImageType` and `markdown`.',
    reference: '§1, §2',
  },
  {
    id: 'empty-section',
    severity: 'hint',
    hosts: ALL,
    title: 'Section shows nothing',
    description:
      'A section with nothing the host draws (no title, activity, text, facts, images or actions; in Teams a hero image alone counts as nothing). It only adds a gap.',
    reference: '§2',
  },
  // --- Text formatting ---------------------------------------------------------------------
  {
    id: 'html-in-markdown',
    severity: 'warning',
    hosts: ALL,
    title: 'HTML in a Markdown text',
    description:
      'HTML tags in a text that is read as Markdown. Teams applies its HTML subset only in sections with `"markdown": false`; Outlook treats HTML as plain text.',
    reference: '§6, §11',
  },
  {
    id: 'unsupported-html',
    severity: 'warning',
    hosts: TEAMS,
    title: 'HTML tag outside the supported subset',
    description:
      'In a `"markdown": false` section Teams supports only `<strong> <em> <h1>-<h3> <strike> <ul> <ol> <li> <pre> <blockquote> <a> <img> <p>`; other tags may show as text or be dropped.',
    reference: '§6.2',
  },
  {
    id: 'markdown-link-in-title',
    severity: 'warning',
    hosts: ALL,
    title: 'Markdown link in a title or summary',
    description:
      'Card and section titles and the summary are plain text: a `[text](url)` link shows as raw brackets (and notifications show the summary as is).',
    reference: '§1, §2, §6.2, §11',
  },
  {
    id: 'unsupported-markdown',
    severity: 'warning',
    hosts: ALL,
    title: 'Markdown the host does not render',
    description:
      'Teams renders headings of levels 1 to 3 only, and no host renders Markdown tables in connector cards: they show as raw text.',
    reference: '§6.2, §11',
  },
  // --- URLs --------------------------------------------------------------------------------
  {
    id: 'url-not-https',
    severity: 'warning',
    hosts: ALL,
    title: 'http URL (not https)',
    description:
      'Image and action URLs should use https: Teams documents https image URLs, and Microsoft requires https for HttpPOST targets.',
    reference: '§3, §4.3, §11',
  },
  {
    id: 'url-invalid',
    severity: 'warning',
    hosts: ALL,
    title: 'URL that will not load',
    description: 'An image or HttpPOST URL that is not http(s), or that contains spaces; it will not load or post.',
    reference: '§3, §4.3',
  },
  {
    id: 'image-not-drawn',
    severity: 'warning',
    hosts: ALL,
    title: 'Image the host does not draw',
    description:
      'An image (an image field, or a Markdown image in a text) that can be seen not to load without fetching it: an SVG (by extension or data URI type), another format than PNG, JPEG or GIF by its extension or data URI type, or a data URI over 1 MB. The preview and the Adaptive Card export leave it out too.',
    reference: '§2, §3',
  },
  {
    id: 'url-localhost',
    severity: 'warning',
    hosts: ALL,
    title: 'URL on localhost',
    description:
      "A `localhost` URL points at the machine of whoever opens it (or at Microsoft's servers for HttpPOST), not at yours. HttpPOST targets must be reachable from the internet.",
    reference: '§4.3',
  },
  // --- Display limits ----------------------------------------------------------------------
  {
    id: 'too-many-images',
    severity: 'warning',
    hosts: ALL,
    title: 'More than 5 images in a section',
    description: 'Teams shows at most 5 images per section; the rest are not shown.',
    reference: `§2; ${CONTRACT}`,
  },
  {
    id: 'too-many-actions',
    severity: 'warning',
    hosts: CONNECTORS,
    title: 'More than 4 actions in a list',
    description:
      'Outlook shows at most 4 actions per list and Teams at most 5 per section (its card-level limit is undocumented); extra buttons are not shown.',
    reference: `§4.1; ${CONTRACT}`,
  },
  // --- Actions -----------------------------------------------------------------------------
  {
    id: 'action-type-unknown',
    severity: 'error',
    hosts: ALL,
    title: 'Unknown action `@type`',
    description:
      'An action whose `@type` is missing, unknown or wrongly cased (`HttpPost`). Known: OpenUri, HttpPOST, ActionCard, ViewAction, InvokeAddInCommand.',
    reference: `§4, §11; ${CONTRACT}`,
  },
  {
    id: 'action-name-required',
    severity: 'error',
    hosts: ALL,
    title: 'Action without `name`',
    description: 'Every action needs a `name`: it is the button text.',
    reference: `§4; ${CONTRACT}`,
  },
  {
    id: 'outlook-only-action',
    severity: 'warning',
    hosts: TEAMS,
    title: 'Outlook-only action',
    description: '`InvokeAddInCommand` opens an Outlook add-in; Teams does not draw the button.',
    reference: `§4.1, §4.6; ${CONTRACT}`,
  },
  {
    id: 'openuri-targets-required',
    severity: 'error',
    hosts: ALL,
    title: 'OpenUri without targets',
    description: 'An OpenUri action needs `targets` with at least one `{ "os": "default", "uri": "https://..." }`.',
    reference: `§4.2; ${CONTRACT}`,
  },
  {
    id: 'action-uri-invalid',
    severity: 'error',
    hosts: ALL,
    title: 'Link that is empty or not http(s)',
    description:
      'An OpenUri `uri` or ViewAction `target` that is empty or does not start with `http://` or `https://`. Teams opens only http(s) links, so the button cannot work.',
    reference: `§4.1, §4.2; ${CONTRACT}`,
  },
  {
    id: 'openuri-os-invalid',
    severity: 'error',
    hosts: ALL,
    title: '`os` outside the four values',
    description: 'An OpenUri target `os` must be `default`, `windows`, `iOS` or `android`, spelled exactly so.',
    reference: `§4.2; ${CONTRACT}`,
  },
  {
    id: 'openuri-default-target-missing',
    severity: 'warning',
    hosts: ALL,
    title: 'OpenUri without a `default` target',
    description:
      'Teams desktop and web open the `default` target. Without one, clients fall back to the first target or to nothing.',
    reference: '§4.2',
  },
  {
    id: 'viewaction-target-required',
    severity: 'error',
    hosts: ALL,
    title: 'ViewAction without target',
    description: 'A ViewAction needs `target`: a list whose first URL the button opens.',
    reference: '§4.5',
  },
  {
    id: 'httppost-target-required',
    severity: 'error',
    hosts: ALL,
    title: 'HttpPOST without target',
    description: 'An HttpPOST action needs a `target` URL to post to.',
    reference: `§4.3; ${CONTRACT}`,
  },
  {
    id: 'httppost-body-content-type',
    severity: 'error',
    hosts: ALL,
    title: 'Unsupported `bodyContentType`',
    description: '`bodyContentType` must be `application/json` (the default) or `application/x-www-form-urlencoded`.',
    reference: `§4.3; ${CONTRACT}`,
  },
  {
    id: 'actioncard-actions-required',
    severity: 'error',
    hosts: ALL,
    title: 'ActionCard without actions',
    description:
      "An ActionCard needs at least one action, or its panel has no button (Teams' newer renderer crashed on an ActionCard with inputs and empty actions).",
    reference: `§4.4; ${CONTRACT}`,
  },
  {
    id: 'actioncard-nested',
    severity: 'error',
    hosts: ALL,
    title: 'ActionCard inside an ActionCard',
    description: 'An ActionCard may hold only OpenUri and HttpPOST actions; a nested ActionCard does not work.',
    reference: `§4.1; ${CONTRACT}`,
  },
  {
    id: 'actioncard-action-unsupported',
    severity: 'warning',
    hosts: ALL,
    title: 'Action type not allowed in an ActionCard',
    description:
      'The reference allows only OpenUri and HttpPOST inside an ActionCard; ViewAction and InvokeAddInCommand there may not be drawn.',
    reference: '§4.1',
  },
  {
    id: 'placeholder-outside-body',
    severity: 'error',
    hosts: ALL,
    title: '`{{id.value}}` outside an HttpPOST body',
    description:
      'Input values are substituted only in the `body` of an HttpPOST. In a target URL, a header or a link the placeholder is sent literally.',
    reference: '§4.3 (doc corrected 2022-08), §11',
  },
  {
    id: 'placeholder-unknown-input',
    severity: 'error',
    hosts: ALL,
    title: '`{{id.value}}` names no input',
    description:
      'A `{{id.value}}` placeholder in an HttpPOST body must name an input of the enclosing ActionCard; otherwise nothing is substituted.',
    reference: `§4.3, §11; ${CONTRACT}`,
  },
  // --- Inputs ------------------------------------------------------------------------------
  {
    id: 'input-type-unknown',
    severity: 'error',
    hosts: ALL,
    title: 'Unknown input `@type`',
    description:
      'An input whose `@type` is missing, unknown or wrongly cased. Known: TextInput, DateInput, MultichoiceInput.',
    reference: `§5, §11; ${CONTRACT}`,
  },
  {
    id: 'input-id-required',
    severity: 'error',
    hosts: ALL,
    title: 'Input without `id`',
    description: 'Every input needs an `id`; HttpPOST bodies read its value as `{{id.value}}`.',
    reference: `§5; ${CONTRACT}`,
  },
  {
    id: 'input-id-duplicate',
    severity: 'error',
    hosts: ALL,
    title: 'Duplicate input `id`',
    description: 'Two inputs of one ActionCard share an `id`; `{{id.value}}` cannot tell them apart.',
    reference: `§5, §11; ${CONTRACT}`,
  },
  {
    id: 'date-value-unreadable',
    severity: 'warning',
    hosts: ALL,
    title: 'DateInput value is not an ISO date',
    description:
      'The initial `value` of a DateInput is read as an ISO 8601 date, with an optional time, seconds and time zone (`2017-05-01T17:07:18-07:00`); anything else leaves the field empty in the preview and in the Adaptive Card export.',
    reference: '§5, §8.1',
  },
  {
    id: 'multichoice-choices-required',
    severity: 'error',
    hosts: ALL,
    title: 'MultichoiceInput without choices',
    description: 'A MultichoiceInput needs `choices` with at least one `{ "display": ..., "value": ... }`.',
    reference: `§5; ${CONTRACT}`,
  },
  {
    id: 'multichoice-value-not-a-choice',
    severity: 'error',
    hosts: ALL,
    title: 'Initial value is not a choice',
    description:
      'The `value` of a MultichoiceInput must equal the `value` of one of its choices (each of them, comma-separated, for multi-select); otherwise nothing is preselected.',
    reference: '§5, §11',
  },
  {
    id: 'choice-value-missing',
    severity: 'warning',
    hosts: ALL,
    title: 'Choice without `value`',
    description: 'A choice without `value` gives `{{id.value}}` nothing when picked.',
    reference: '§5',
  },
  {
    id: 'choice-value-comma',
    severity: 'warning',
    hosts: ALL,
    title: 'Comma in a multi-select choice value',
    description: 'Multi-select values are joined with commas, so a value containing a comma cannot be told apart.',
    reference: '§5, §11',
  },
  {
    id: 'choice-value-duplicate',
    severity: 'warning',
    hosts: ALL,
    title: 'Duplicate choice value',
    description:
      'Two choices of one MultichoiceInput share a `value`; the receiving service cannot tell which was picked.',
    reference: '§5',
  },
  // --- Host profiles -----------------------------------------------------------------------
  {
    id: 'workflows-actions-not-rendered',
    severity: 'warning',
    hosts: WORKFLOWS,
    title: 'Buttons do not render through Workflows',
    description:
      'MessageCards posted through a Workflows webhook render text and facts but no buttons at all: no OpenUri, ActionCard or HttpPOST.',
    reference: '§8',
  },
  {
    id: 'workflows-httppost-unusable',
    severity: 'warning',
    hosts: WORKFLOWS,
    title: 'HttpPOST cannot work through Workflows',
    description:
      'HttpPOST has no equivalent for cards posted through Workflows: not as a MessageCard button, and not after conversion to an Adaptive Card.',
    reference: '§4.3, §8.1',
  },
  {
    id: 'workflows-prefer-adaptive-card',
    severity: 'hint',
    hosts: WORKFLOWS,
    title: 'Consider an Adaptive Card',
    description:
      'Workflows is built for Adaptive Cards (version 1.4 renders reliably); converting the card keeps links working as Action.OpenUrl.',
    reference: '§8, §8.1',
  },
  // --- Bookkeeping -------------------------------------------------------------------------
  {
    id: 'issues-truncated',
    severity: 'warning',
    hosts: ALL,
    title: 'More issues of one rule',
    description:
      'A rule found more issues than are listed (the list is capped per rule so that huge cards stay fast); this summary takes the severity of that rule.',
    reference: '-',
  },
] as const satisfies readonly RuleInfo[];

/** Every rule id the catalogue can emit. */
export type RuleId = (typeof RULE_LIST)[number]['id'];

/** The catalogue, in the order the problems list groups rules. */
export const RULES: readonly RuleInfo[] = RULE_LIST;

const BY_ID: ReadonlyMap<string, RuleInfo> = new Map(RULE_LIST.map((rule) => [rule.id, rule]));

/** The metadata of a rule id, or `undefined` for an id not in the catalogue. */
export function ruleInfo(id: string): RuleInfo | undefined {
  return BY_ID.get(id);
}
