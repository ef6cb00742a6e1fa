/**
 * The JSON Schema (draft-07) of a MessageCard, written for Monaco's JSON language service:
 * completion, hover documentation and structural errors. The rule catalogue (`rules/`) adds the
 * Teams knowledge on top and reads the known field names of every element from this schema, so
 * the two never disagree about which fields exist.
 *
 * Three choices shape the whole file (reference/messagecard.md §1-5 and §11, SOURCES.md contract):
 *
 * - Values Teams tolerates are NOT schema errors: `"true"`/`"false"` strings for booleans, numbers
 *   (and booleans) where text is expected, and `null` for any optional field. The rules report them
 *   as warnings. Text fields therefore accept any scalar, and booleans accept the two strings.
 * - What the contract calls an error IS a schema error: a list or object where a scalar belongs (and
 *   the reverse), an unknown `@type`, `os` outside its four values, another `bodyContentType`, a
 *   missing action `name`, OpenUri without targets or with a non-http(s) `uri`, HttpPOST without
 *   `target`, ActionCard without actions or nested in another, an input without `id`, a
 *   MultichoiceInput without choices, and neither `summary` nor `text`.
 * - `additionalProperties` stays open: unknown fields are rule warnings, not schema errors.
 *
 * Completion tricks (vscode-json-languageservice, the engine inside Monaco): a schema's `type`
 * decides which bare values completion offers (`true`, `false`, `null`), so tolerated alternatives
 * are written as `not` schemas (which offer nothing) or as `anyOf` branches without a `type` of
 * their own; the proper value comes from `default`, `enum` or a `defaultSnippets` entry.
 */

import type { JsonSchema, JsonSchemaSnippet } from '../json/schema.ts';
import type { SchemaKind } from './grammar.ts';

export type { JsonSchema, JsonSchemaSnippet } from '../json/schema.ts';

/** The URI the editor registers the schema under (it is never fetched). */
export const MESSAGE_CARD_SCHEMA_URI = 'https://messagecard-designer.local/schema/messagecard.json';

/**
 * How the rules read a field's value. `text` tolerates numbers/booleans (warned), `boolean`
 * tolerates `"true"`/`"false"` (warned), every kind tolerates `null` (warned); `type` is an
 * `@type` discriminator; `enum` and `url` values get their own rules.
 */
export type FieldKind = 'text' | 'url' | 'boolean' | 'number' | 'enum' | 'array' | 'object' | 'any' | 'type';

interface Field {
  kind: FieldKind;
  schema: JsonSchema;
}

// ---------------------------------------------------------------------------------------------
// Builders. Every property gets a Markdown description (hover) and a plain one (fallback).

/** Markdown hover text plus a plain-text copy for clients without Markdown. */
function doc(markdown: string): Pick<JsonSchema, 'description' | 'markdownDescription'> {
  return { description: plain(markdown), markdownDescription: markdown };
}

function plain(markdown: string): string {
  // Code spans stay as written (`[text](url)` in a hover text is an example, not a link).
  return markdown
    .split('`')
    .map((part, i) => (i % 2 === 1 ? part : part.replace(/\[([^\]]*)\]\([^)]*\)/g, '$1').replace(/\*\*/g, '')))
    .join('');
}

/** Only `null` passes; written as a `not` so completion does not offer `null`. */
function nullOnly(errorMessage: string): JsonSchema {
  return { not: { type: ['string', 'number', 'boolean', 'object', 'array'] }, errorMessage };
}

const TEXT_ERROR = 'Expected text. A list or an object here makes Teams reject the card.';
const TEXT_SNIPPET: JsonSchemaSnippet[] = [{ label: '""', body: '^"$1"' }];

/** Text: any scalar passes (numbers, booleans and null are rule warnings), lists and objects fail. */
function text(markdown: string, kind: 'text' | 'url' = 'text'): Field {
  return {
    kind,
    schema: {
      ...doc(markdown),
      not: { type: ['object', 'array'] },
      errorMessage: TEXT_ERROR,
      defaultSnippets: TEXT_SNIPPET,
    },
  };
}

/** Text that must be there and not blank (action `name`, input `id`, HttpPOST `target`). */
function requiredText(markdown: string, errorMessage: string): Field {
  return {
    kind: 'text',
    schema: {
      ...doc(markdown),
      not: { anyOf: [{ type: ['object', 'array', 'null'] }, { type: 'string', pattern: '^\\s*$' }] },
      errorMessage,
      defaultSnippets: TEXT_SNIPPET,
    },
  };
}

/** An http(s) link that Teams opens: anything else is an error (OpenUri `uri`, ViewAction `target`). */
const HTTP_URL_PATTERN = '^[Hh][Tt][Tt][Pp][Ss]?://\\S';
function httpUrl(markdown: string, errorMessage: string): Field {
  return {
    kind: 'url',
    schema: {
      ...doc(markdown),
      type: 'string',
      pattern: HTTP_URL_PATTERN,
      errorMessage,
      defaultSnippets: [{ label: '"https://"', body: 'https://$1' }],
    },
  };
}

const BOOLEAN_ERROR = 'Expected true or false.';
/** Matches the strings Teams reads as booleans, case-insensitively, as .NET's bool.Parse does. */
export const STRING_BOOLEAN_PATTERN = '^\\s*([Tt][Rr][Uu][Ee]|[Ff][Aa][Ll][Ss][Ee])\\s*$';

function bool(markdown: string, defaultValue: boolean): Field {
  return {
    kind: 'boolean',
    schema: {
      ...doc(markdown),
      default: defaultValue,
      anyOf: [
        { type: 'boolean', errorMessage: BOOLEAN_ERROR },
        // "true"/"false" as strings: tolerated, a rule warning.
        { type: 'string', pattern: STRING_BOOLEAN_PATTERN, errorMessage: BOOLEAN_ERROR },
        nullOnly(BOOLEAN_ERROR),
      ],
    },
  };
}

const NUMBER_ERROR = 'Expected a number.';
function number(markdown: string): Field {
  return {
    kind: 'number',
    schema: {
      ...doc(markdown),
      anyOf: [
        { type: 'number', errorMessage: NUMBER_ERROR },
        { type: 'string', pattern: '^\\s*\\d+\\s*$', errorMessage: NUMBER_ERROR },
        nullOnly(NUMBER_ERROR),
      ],
      defaultSnippets: [{ label: '100', body: '^${1:100}' }],
    },
  };
}

interface EnumValue {
  value: string;
  markdown: string;
}

/**
 * A value from a fixed list. `strict`: anything else is an error (the contract names `os` and
 * `bodyContentType`); otherwise other text passes the schema and a rule warns.
 */
function valueList(
  markdown: string,
  values: readonly EnumValue[],
  options: { strict: boolean; errorMessage: string; default?: string },
): Field {
  const listed: JsonSchema = {
    enum: values.map((v) => v.value),
    markdownEnumDescriptions: values.map((v) => v.markdown),
    enumDescriptions: values.map((v) => plain(v.markdown)),
    errorMessage: options.errorMessage,
  };
  const other: JsonSchema = options.strict
    ? nullOnly(options.errorMessage)
    : { not: { type: ['object', 'array'] }, errorMessage: TEXT_ERROR };
  const schema: JsonSchema = { ...doc(markdown), anyOf: [listed, other] };
  if (options.default !== undefined) schema.default = options.default;
  else schema.defaultSnippets = [{ label: JSON.stringify(values[0]?.value), body: values[0]?.value }];
  return { kind: 'enum', schema };
}

const LIST_ERROR = 'Expected a list ([...]). A single value here makes Teams reject the card.';

/**
 * A list of elements; `null` is tolerated (a rule warning), and so are `null` items, unless the
 * list is required (`nonEmptyMessage`): then it must be a list with at least one element.
 */
function list(
  markdown: string,
  items: JsonSchema,
  options: { snippet?: JsonSchemaSnippet; nonEmptyMessage?: string } = {},
): Field {
  const array: JsonSchema = { type: 'array', items, errorMessage: LIST_ERROR };
  // A `not` in a sub-schema carries its own message; `minItems` would say "too few items".
  if (options.nonEmptyMessage) array.allOf = [{ not: { maxItems: 0 }, errorMessage: options.nonEmptyMessage }];
  const schema: JsonSchema = {
    ...doc(markdown),
    anyOf: options.nonEmptyMessage ? [array] : [array, nullOnly(LIST_ERROR)],
  };
  if (options.snippet) schema.defaultSnippets = [options.snippet];
  return { kind: 'array', schema };
}

/**
 * Rejects a property name that differs from a known field only in case (`Sections`): Teams does not
 * recognise it and drops its content, an error by the contract. Exact names and unknown names pass
 * (unknown fields are rule warnings). JSON Schema patterns have no case-insensitive flag, hence
 * the `[Ss][Ee]...` classes.
 */
function caseGuard(names: readonly string[]): JsonSchema {
  const escape = (c: string) => (/[\w@$]/.test(c) ? c : `\\${c}`);
  const anyCase = (name: string) =>
    [...name]
      .map((c) => (c.toLowerCase() !== c.toUpperCase() ? `[${c.toUpperCase()}${c.toLowerCase()}]` : escape(c)))
      .join('');
  const exact = names.map((n) => [...n].map(escape).join('')).join('|');
  return {
    not: { pattern: `^(?!(?:${exact})$)(?:${names.map(anyCase).join('|')})$` },
    errorMessage:
      'Field names are case-sensitive: Teams does not recognise this spelling of a known field and drops its content.',
  };
}

function ref(definition: string): JsonSchema {
  return { $ref: `#/definitions/${definition}` };
}

/** An element of a list: the element itself, or `null` (tolerated, a rule warning). */
function item(definition: string, errorMessage: string): JsonSchema {
  return { anyOf: [ref(definition), nullOnly(errorMessage)] };
}

/** Elements whose field kinds the rules need; filled as the definitions are built. */
const fieldKinds = {} as Record<SchemaKind, Readonly<Record<string, FieldKind>>>;

function element(
  kind: SchemaKind,
  markdown: string,
  fields: Record<string, Field>,
  extra: Omit<JsonSchema, 'properties'> = {},
): JsonSchema {
  const properties: Record<string, JsonSchema> = {};
  const kinds: Record<string, FieldKind> = {};
  for (const [name, field] of Object.entries(fields)) {
    properties[name] = field.schema;
    kinds[name] = field.kind;
  }
  fieldKinds[kind] = Object.freeze(kinds);
  return {
    type: 'object',
    ...(markdown ? doc(markdown) : {}),
    errorMessage: `Expected an object ({...}).`,
    ...extra,
    properties,
    propertyNames: caseGuard(Object.keys(properties)),
  };
}

// ---------------------------------------------------------------------------------------------
// Shared pieces

/** The five action types, as `@type` spells them (case matters). */
const ACTION_TYPE_VALUES: readonly EnumValue[] = [
  {
    value: 'OpenUri',
    markdown:
      'Opens a link. Works in Teams and Outlook. Needs `targets` with an http(s) `uri`; Teams opens the `default` target.',
  },
  {
    value: 'HttpPOST',
    markdown:
      "Microsoft's servers POST `body` to `target` on the user's behalf. In Teams it works only for users with an Exchange Online license, and never in cards posted through Workflows.",
  },
  {
    value: 'ActionCard',
    markdown:
      'A button that opens an inline panel with `inputs` and its own `actions` (OpenUri or HttpPOST). Works in Teams.',
  },
  {
    value: 'ViewAction',
    markdown:
      'Legacy link button (schema.org): opens the first URL of `target`. Not in the current reference, but Teams still draws it.',
  },
  {
    value: 'InvokeAddInCommand',
    markdown: '**Outlook only**: opens an Outlook add-in task pane. Teams does not draw this button.',
  },
];

const ACTION_TYPE_ERROR =
  'Unknown action type. Teams knows OpenUri, HttpPOST, ActionCard, ViewAction and InvokeAddInCommand, spelled exactly so.';
const NESTED_ACTION_TYPE_ERROR =
  'An ActionCard may contain only OpenUri and HttpPOST actions (spelled exactly so); an ActionCard inside an ActionCard does not work.';

const INPUT_TYPE_VALUES: readonly EnumValue[] = [
  { value: 'TextInput', markdown: 'A text box; `isMultiline` makes it a text area.' },
  { value: 'DateInput', markdown: 'A date picker; `includeTime` adds a time picker.' },
  {
    value: 'MultichoiceInput',
    markdown: 'A choice list (drop-down, radio buttons or check boxes) built from `choices`.',
  },
];
const INPUT_TYPE_ERROR = 'Unknown input type. Use TextInput, DateInput or MultichoiceInput, spelled exactly so.';

const CONTEXT_VALUES: readonly EnumValue[] = [
  {
    value: 'https://schema.org/extensions',
    markdown: 'The value the current Outlook reference asks for (since 2018).',
  },
  {
    value: 'http://schema.org/extensions',
    markdown: "The older value, still used by Teams' own examples; accepted.",
  },
];

const openUriSnippet = {
  '@type': 'OpenUri',
  name: '${1:Open}',
  targets: [{ os: 'default', uri: 'https://$2' }],
};
const httpPostSnippet = { '@type': 'HttpPOST', name: '${1:Send}', target: 'https://$2' };
const textInputSnippet = { '@type': 'TextInput', id: '${1:comment}', title: '${2:Add a comment}', isMultiline: true };
const actionCardSnippet = {
  '@type': 'ActionCard',
  name: '${1:Comment}',
  inputs: [{ '@type': 'TextInput', id: 'comment', title: '${2:Add a comment}', isMultiline: true }],
  actions: [
    {
      '@type': 'HttpPOST',
      name: '${3:Send}',
      target: 'https://$4',
      body: 'comment={{comment.value}}',
      bodyContentType: 'application/x-www-form-urlencoded',
    },
  ],
};

const ACTION_SNIPPETS: JsonSchemaSnippet[] = [
  { label: 'OpenUri', markdownDescription: 'A button that opens a link.', body: openUriSnippet },
  { label: 'HttpPOST', markdownDescription: 'A button that POSTs to your service.', body: httpPostSnippet },
  {
    label: 'ActionCard',
    markdownDescription: 'A button that opens a panel with an input and a Send button.',
    body: actionCardSnippet,
  },
  {
    label: 'ViewAction (legacy link)',
    markdownDescription: 'The legacy link button some libraries send.',
    body: { '@context': 'http://schema.org', '@type': 'ViewAction', name: '${1:View}', target: ['https://$2'] },
  },
  {
    label: 'InvokeAddInCommand (Outlook only)',
    markdownDescription: 'Opens an Outlook add-in. Teams does not draw it.',
    body: {
      '@type': 'InvokeAddInCommand',
      name: '${1:Open add-in}',
      addInId: '$2',
      desktopCommandId: '$3',
      initializationContext: {},
    },
  },
];

/**
 * The action object: `@type` and `name`, then the fields of its type through `if`/`then`, so
 * completion and hover offer the right fields once `@type` is typed (§4).
 */
function actionSchema(types: readonly EnumValue[], typeError: string, snippets: JsonSchemaSnippet[]): JsonSchema {
  return {
    type: 'object',
    ...doc('An action: a button. `@type` says what it does.'),
    errorMessage: 'Expected an action object ({ "@type": ..., "name": ... }).',
    required: ['@type', 'name'],
    properties: {
      '@type': {
        ...doc('What the button does. Case matters: `HttpPost` is not `HttpPOST`, and Teams cannot use it.'),
        type: 'string',
        enum: types.map((t) => t.value),
        markdownEnumDescriptions: types.map((t) => t.markdown),
        enumDescriptions: types.map((t) => plain(t.markdown)),
        errorMessage: typeError,
      },
      name: requiredText(
        'Button text. Teams draws buttons on one line and cuts long text, so keep it short. Required.',
        'An action needs a name: it is the button text.',
      ).schema,
    },
    propertyNames: caseGuard(['@type', 'name']),
    allOf: types.map((t) => ({
      if: { type: 'object', properties: { '@type': { const: t.value } }, required: ['@type'] },
      then: ref(t.value),
    })),
    defaultSnippets: snippets,
  };
}

// The shared fields of actions (`actionSchema`) and inputs (`inputSchema`), for the rules.
fieldKinds.action = Object.freeze({ '@type': 'type', name: 'text' });

const inputBaseFields = {
  id: requiredText(
    'Unique id of the input in its ActionCard. An HttpPOST `body` reads the value as `{{id.value}}`. Required.',
    'An input needs an id, unique in its ActionCard: HttpPOST bodies read it as {{id.value}}.',
  ),
  isRequired: bool('`true`: the user must fill this input before the action can be sent. Default `false`.', false),
  title: text('Label of the input; Teams shows it as the placeholder text inside the empty field.'),
  value: text(
    'Initial value. For a MultichoiceInput it must be the `value` of one of its `choices` (comma-separated values when `isMultiSelect` is true).',
  ),
};

fieldKinds.input = Object.freeze({
  '@type': 'type',
  ...Object.fromEntries(Object.entries(inputBaseFields).map(([name, field]) => [name, field.kind])),
});

const INPUT_SNIPPETS: JsonSchemaSnippet[] = [
  { label: 'TextInput', markdownDescription: 'A text box.', body: textInputSnippet },
  {
    label: 'DateInput',
    markdownDescription: 'A date picker.',
    body: { '@type': 'DateInput', id: '${1:dueDate}', title: '${2:Pick a date}', includeTime: false },
  },
  {
    label: 'MultichoiceInput',
    markdownDescription: 'A choice list.',
    body: {
      '@type': 'MultichoiceInput',
      id: '${1:status}',
      title: '${2:Pick a status}',
      isMultiSelect: false,
      choices: [
        { display: '${3:Active}', value: '${4:active}' },
        { display: '${5:Closed}', value: '${6:closed}' },
      ],
    },
  },
];

function inputSchema(): JsonSchema {
  const types = INPUT_TYPE_VALUES;
  const properties: Record<string, JsonSchema> = {
    '@type': {
      ...doc('Which kind of input this is. Case matters.'),
      type: 'string',
      enum: types.map((t) => t.value),
      markdownEnumDescriptions: types.map((t) => t.markdown),
      enumDescriptions: types.map((t) => plain(t.markdown)),
      errorMessage: INPUT_TYPE_ERROR,
    },
  };
  for (const [name, field] of Object.entries(inputBaseFields)) properties[name] = field.schema;
  return {
    type: 'object',
    ...doc('An input of an ActionCard: `@type`, `id`, and the fields of its type.'),
    errorMessage: 'Expected an input object ({ "@type": ..., "id": ... }).',
    required: ['@type', 'id'],
    properties,
    propertyNames: caseGuard(Object.keys(properties)),
    allOf: types.map((t) => ({
      if: { type: 'object', properties: { '@type': { const: t.value } }, required: ['@type'] },
      then: ref(t.value),
    })),
    defaultSnippets: INPUT_SNIPPETS,
  };
}

// ---------------------------------------------------------------------------------------------
// Definitions

// No description of its own: Monaco's hover shows the innermost schema's description, which would
// hide the `heroImage` property's "Not drawn by Teams" behind a generic "An image".
const imageDefinition = element(
  'image',
  '',
  {
    image: text(
      'Image URL. Teams draws PNG, JPEG or GIF (no animation), at most 1024×1024 px and under 1 MB, from a public https URL that does not redirect; it scales and centre-crops the image. A `data:` URI of those types under 1 MB also works; SVG is not drawn.',
      'url',
    ),
    title: text('Tooltip and alternative text of the image.'),
  },
  { defaultSnippets: [{ label: 'Image', body: { image: 'https://$1', title: '$2' } }] },
);

const factDefinition = element(
  'fact',
  'A name/value pair; a section draws its facts as a two-column table.',
  {
    name: text('The label, drawn bold in the first column. Keep it short; plain text.'),
    value: text('The value, in the second column. Markdown links work here.'),
  },
  { defaultSnippets: [{ label: 'Fact', body: { name: '${1:Status}', value: '${2:Done}' } }] },
);

const ACTION_LIST_DOC =
  'Buttons. Teams shows at most 5 per section and Outlook at most 4 per list; the rest are not shown. Cards posted through Workflows show no buttons at all.';

const sectionDefinition = element(
  'section',
  'A section: an optional activity block (image, title, subtitle, text), then text, facts, images and actions. Teams separates every section with a line.',
  {
    title: text(
      'Section heading, smaller than the card title. No links: a Markdown link shows as written, `[text](url)`, in Teams and Outlook.',
    ),
    startGroup: bool(
      'Outlook draws a separator line and a wider gap before the section. Teams always separates sections, as if this were always `true`; `false` changes nothing there. No host draws a line above a first section with nothing before it.',
      false,
    ),
    activityImage: text(
      'URL of the picture left of the activity texts (the person or item that did something). Use a public https URL.',
      'url',
    ),
    activityImageType: valueList(
      '**Teams extension.** How Teams crops `activityImage`. Outlook ignores it.',
      [
        { value: 'avatar', markdown: 'Cropped to a circle (default).' },
        { value: 'article', markdown: 'A rectangle that keeps the aspect ratio.' },
      ],
      { strict: false, errorMessage: 'Expected "avatar" or "article".', default: 'avatar' },
    ),
    activityTitle: text('Who did what, drawn bold right of `activityImage`, e.g. "Miguel commented".'),
    activitySubtitle: text('A subdued line under `activityTitle`, e.g. a date or a handle. Avoid Markdown.'),
    activityText: text('Details under the subtitle; simple Markdown.'),
    heroImage: {
      kind: 'object',
      schema: {
        ...doc(
          'A large banner image (Outlook). **Not drawn by Teams**: a section holding only a hero image shows up empty there.',
        ),
        anyOf: [ref('image'), nullOnly('Expected an image object ({ "image": "https://..." }).')],
        defaultSnippets: [{ label: 'Hero image', body: { image: 'https://$1' } }],
      },
    },
    text: text(
      'Body text of the section. Markdown by default; limited HTML when `markdown` is `false`. Teams needs a blank line (`\\n\\n`) for a line break.',
    ),
    facts: list('Name/value pairs drawn as a two-column table.', item('fact', 'Expected a fact object.'), {
      snippet: { label: 'Facts', body: [{ name: '${1:Status}', value: '${2:Done}' }] },
    }),
    images: list(
      'A gallery of images. Teams shows at most 5 per section; the rest are not shown.',
      item('image', 'Expected an image object.'),
      { snippet: { label: 'Images', body: [{ image: 'https://$1' }] } },
    ),
    potentialAction: list(
      ACTION_LIST_DOC + ' Teams draws section buttons at the end of the section.',
      item('action', 'Expected an action object.'),
      {
        snippet: { label: 'OpenUri button', body: [openUriSnippet] },
      },
    ),
    markdown: bool(
      '**Teams extension.** `true` (default): the texts are Markdown. `false`: they are a limited HTML subset (`<strong> <em> <h1>-<h3> <strike> <ul> <ol> <li> <pre> <blockquote> <a href> <img> <p>`). Outlook ignores it: it reads Markdown (headings 1 to 6) and shows HTML tags as written.',
      true,
    ),
  },
  {
    defaultSnippets: [
      {
        label: 'Section with activity',
        markdownDescription: 'Image, title, subtitle and text: "who did what".',
        body: {
          activityTitle: '${1:Miguel commented}',
          activitySubtitle: '$2',
          activityImage: 'https://$3',
          activityText: '$4',
        },
      },
      {
        label: 'Section with facts',
        markdownDescription: 'A title and a table of name/value pairs.',
        body: { title: '${1:Details}', facts: [{ name: '${2:Status}', value: '${3:Done}' }] },
      },
      { label: 'Section with text', body: { text: '$1' } },
      { label: 'Section with images', body: { title: '${1:Images}', images: [{ image: 'https://$2' }] } },
    ],
  },
);

const openUriTargetDefinition = element(
  'openUriTarget',
  'Where an OpenUri button goes on one kind of device.',
  {
    os: valueList(
      'The device this URI is for. Teams (desktop, web and mobile) opens the `default` target, or the first one.',
      [
        { value: 'default', markdown: 'All devices without a target of their own; Teams desktop and web use it.' },
        { value: 'windows', markdown: 'Windows (phone).' },
        { value: 'iOS', markdown: 'iPhone and iPad. Spelled `iOS`.' },
        { value: 'android', markdown: 'Android.' },
      ],
      {
        strict: true,
        errorMessage: 'os must be one of "default", "windows", "iOS", "android" (spelled exactly so).',
        default: 'default',
      },
    ),
    uri: httpUrl(
      'The link. Teams opens only http and https URIs.',
      'Teams opens only http(s) links: the uri must start with https:// (or http://).',
    ),
  },
  {
    defaultSnippets: [{ label: 'Target', body: { os: 'default', uri: 'https://$1' } }],
    required: ['uri'],
  },
);

const httpHeaderDefinition = element(
  'httpHeader',
  'A header added to the HttpPOST request.',
  {
    name: text(
      'Header name, e.g. `X-Api-Key`. An `Authorization` header with an empty value removes the bearer token Microsoft adds.',
    ),
    value: text('Header value. `{{id.value}}` is NOT replaced here: only the body gets input values.'),
  },
  { defaultSnippets: [{ label: 'Header', body: { name: '$1', value: '$2' } }] },
);

const choiceDefinition = element(
  'choice',
  'One choice of a MultichoiceInput.',
  {
    display: text('The text the user sees.'),
    value: text(
      'What `{{id.value}}` becomes when this choice is picked. Multi-select inputs join values with commas, so a value should not contain one.',
    ),
  },
  { defaultSnippets: [{ label: 'Choice', body: { display: '$1', value: '$2' } }] },
);

const openUriDefinition = element(
  'OpenUri',
  'OpenUri: a button that opens a link.',
  {
    targets: list(
      'Where the button goes, one target per kind of device. Teams opens the `default` target. Required.',
      item('openUriTarget', 'Expected a target object ({ "os": "default", "uri": "https://..." }).'),
      {
        snippet: { label: 'Default target', body: [{ os: 'default', uri: 'https://$1' }] },
        nonEmptyMessage: 'OpenUri needs at least one target: without one the button goes nowhere.',
      },
    ),
  },
  { required: ['targets'] },
);

const httpPostDefinition = element(
  'HttpPOST',
  'HttpPOST: Microsoft posts to your service when the button is pressed.',
  {
    target: requiredText(
      'The https URL Microsoft posts to. It must be reachable from the internet (not `localhost`). `{{id.value}}` is NOT replaced here. Required.',
      'HttpPOST needs a target URL: without one the button cannot do anything.',
    ),
    headers: list(
      'Extra request headers.',
      item('httpHeader', 'Expected a header object ({ "name": ..., "value": ... }).'),
      {
        snippet: { label: 'Header', body: [{ name: '$1', value: '$2' }] },
      },
    ),
    body: text(
      'The request body. `{{id.value}}` is replaced with the value of the input `id` of the enclosing ActionCard; this is the only field where that happens.',
    ),
    bodyContentType: valueList(
      "The body's media type.",
      [
        { value: 'application/json', markdown: 'A JSON body (default).' },
        { value: 'application/x-www-form-urlencoded', markdown: 'A form body: `a=1&b=2`.' },
      ],
      {
        strict: true,
        errorMessage: 'bodyContentType must be "application/json" or "application/x-www-form-urlencoded".',
        default: 'application/json',
      },
    ),
  },
  { required: ['target'] },
);

const actionCardDefinition = element(
  'ActionCard',
  'ActionCard: a button that opens an inline panel with inputs and its own buttons.',
  {
    inputs: list('The fields of the panel.', item('input', 'Expected an input object.'), {
      snippet: { label: 'TextInput', body: [textInputSnippet] },
    }),
    actions: list(
      "The panel's buttons: OpenUri or HttpPOST only, at least one. (Teams' newer renderer broke on an ActionCard with empty actions.)",
      item('actionCardAction', 'Expected an action object.'),
      {
        snippet: { label: 'HttpPOST', body: [httpPostSnippet] },
        nonEmptyMessage: 'An ActionCard needs at least one action: otherwise its panel has no button.',
      },
    ),
  },
  { required: ['actions'] },
);

const viewActionDefinition = element(
  'ViewAction',
  'ViewAction (legacy): a link button.',
  {
    '@context': text('Legacy schema.org context, usually `http://schema.org`. Teams ignores it.'),
    target: list(
      'URLs; Teams opens the first. Required.',
      httpUrl(
        'A link; Teams opens only http(s) links.',
        'Teams opens only http(s) links: the URL must start with https://.',
      ).schema,
      {
        snippet: { label: 'Link', body: ['https://$1'] },
        nonEmptyMessage: 'ViewAction needs a target URL: without one the button goes nowhere.',
      },
    ),
  },
  { required: ['target'] },
);

const invokeAddInCommandDefinition = element(
  'InvokeAddInCommand',
  'InvokeAddInCommand (Outlook only): opens an Outlook add-in. Teams does not draw it.',
  {
    addInId: text('The add-in id (a GUID) from its manifest.'),
    desktopCommandId: text('The id of the add-in command (button) to invoke, from the manifest.'),
    initializationContext: {
      kind: 'any',
      schema: {
        ...doc(
          'Any JSON object; the add-in reads it with `Office.context.mailbox.item.getInitializationContextAsync`.',
        ),
        anyOf: [{ type: 'object' }, nullOnly('Expected an object.')],
        defaultSnippets: [{ label: '{}', body: {} }],
      },
    },
  },
);

const textInputDefinition = element('TextInput', 'TextInput: a text box.', {
  isMultiline: bool('`true`: a text area with several lines. Default `false`.', false),
  maxLength: number('Maximum number of characters the user can type.'),
});

const dateInputDefinition = element(
  'DateInput',
  'DateInput: a date picker. Its `value` is read as an ISO date: `2017-05-01`, or with a time, seconds and zone (`2017-05-01T17:07:18-07:00`).',
  {
    includeTime: bool('`true`: also pick a time. Default `false`.', false),
  },
);

const multichoiceInputDefinition = element(
  'MultichoiceInput',
  'MultichoiceInput: a choice list.',
  {
    choices: list('The choices. Required, at least one.', item('choice', 'Expected a choice object.'), {
      snippet: { label: 'Choices', body: [{ display: '$1', value: '$2' }] },
      nonEmptyMessage: 'A MultichoiceInput needs at least one choice.',
    }),
    isMultiSelect: bool(
      '`true`: several choices can be picked; `{{id.value}}` becomes the picked values joined with commas. Default `false`.',
      false,
    ),
    style: valueList(
      "How the choices look. Teams: `compact` (a drop-down; default for single select) or `expanded` (radio buttons or check boxes; default for multi-select). Outlook calls compact `normal` and shows a multi-select compact too unless it is `expanded`. `true`, from the Teams page's recipe for a compact multi-select, is read as `compact`.",
      [
        { value: 'compact', markdown: 'A drop-down list (Teams).' },
        { value: 'expanded', markdown: 'All choices shown: radio buttons, or check boxes when multi-select.' },
        { value: 'normal', markdown: "Outlook's name for `compact`." },
      ],
      { strict: false, errorMessage: 'Expected "compact", "expanded" or "normal".' },
    ),
  },
  { required: ['choices'] },
);

// `value`/`title`/`isRequired` of inputs and `@type`/`name` of actions are in the base schemas.

/** Non-empty text, a number or a boolean: what makes `summary` or `text` count as present. */
const NON_EMPTY_SUMMARY: JsonSchema = {
  not: { anyOf: [{ type: ['object', 'array', 'null'] }, { type: 'string', maxLength: 0 }] },
  errorMessage: "Teams answers HTTP 400 'Summary or Text is required.': give summary or text a non-empty value.",
};

const summaryField = text(
  'Short plain text: the notification pop-up in Teams, the list view in Outlook. **Required if there is no `text`**: Teams answers HTTP 400 "Summary or Text is required." when both are missing or empty.',
);
const textField = text(
  'Body text under the title; simple Markdown. **Required if there is no `summary`.** Teams needs a blank line (`\\n\\n`) for a line break.',
);

const card = element(
  'card',
  'A MessageCard (Office 365 Connector card), as posted to a Teams incoming webhook.',
  {
    '@type': {
      kind: 'type',
      schema: {
        ...doc('Always `MessageCard`. Teams webhooks also accept a card without it, but any other value is rejected.'),
        anyOf: [
          { const: 'MessageCard', errorMessage: '@type must be "MessageCard".' },
          nullOnly('@type must be "MessageCard".'),
        ],
        default: 'MessageCard',
      },
    },
    '@context': valueList(
      'Always `https://schema.org/extensions` (`http://` also works). Teams accepts a card without it.',
      CONTEXT_VALUES,
      {
        strict: false,
        errorMessage: 'Expected "https://schema.org/extensions".',
        default: 'https://schema.org/extensions',
      },
    ),
    correlationId: text(
      'A GUID you choose; Outlook sends it back as the `Card-Correlation-Id` header of action requests. **Not supported by Teams.**',
    ),
    expectedActors: list(
      'E-mail addresses that may act on an actionable e-mail. Meaningless for connectors; **Teams ignores it.**',
      text('An e-mail address.').schema,
      { snippet: { label: 'Address', body: ['$1'] } },
    ),
    originator: text(
      'Provider id for actionable e-mail (Outlook). "Not applicable when sent via connector"; **not supported by Teams.**',
    ),
    summary: summaryField,
    themeColor: text(
      'Accent colour as six hex digits without `#`, e.g. `0076D7`. Teams draws it as a thin bar on top of the card (the new Teams client may not). Use a brand colour, not a status.',
    ),
    hideOriginalBody: bool('Hides the HTML body of the e-mail (Outlook). **Not supported by Teams.**', false),
    title: text(
      'The card heading, in large bold text; Teams shows at most two lines. No links: a Markdown link shows as written, `[text](url)`, in Teams and Outlook.',
    ),
    text: textField,
    sections: list(
      'Sections, drawn in order below the card text. Teams shows at most 10; the rest are dropped silently.',
      item('section', 'Expected a section object.'),
      { snippet: { label: 'Section', body: [{ activityTitle: '$1', text: '$2' }] } },
    ),
    potentialAction: list(ACTION_LIST_DOC, item('action', 'Expected an action object.'), {
      snippet: { label: 'OpenUri button', body: [openUriSnippet] },
    }),
  },
  {
    // Teams answers 400 "Summary or Text is required." (§7).
    anyOf: [
      // The field's own docs and snippet come along: completion and hover may pick these copies.
      { required: ['summary'], properties: { summary: { ...summaryField.schema, ...NON_EMPTY_SUMMARY } } },
      { required: ['text'], properties: { text: { ...textField.schema, ...NON_EMPTY_SUMMARY } } },
    ],
    defaultSnippets: [
      {
        label: 'MessageCard',
        markdownDescription: 'A minimal card: summary, title, text and one section.',
        body: {
          '@type': 'MessageCard',
          '@context': 'https://schema.org/extensions',
          summary: '${1:Build 42 failed}',
          themeColor: '${2:D13438}',
          title: '${3:Build 42 failed}',
          text: '$4',
          sections: [{ activityTitle: '$5', facts: [{ name: '$6', value: '$7' }] }],
        },
      },
    ],
  },
);

// The actions of an ActionCard: the same object, without ActionCard in the `@type` list.
const actionDefinition = actionSchema(ACTION_TYPE_VALUES, ACTION_TYPE_ERROR, ACTION_SNIPPETS);
const actionCardActionDefinition = actionSchema(
  ACTION_TYPE_VALUES.filter((t) => t.value !== 'ActionCard'),
  NESTED_ACTION_TYPE_ERROR,
  ACTION_SNIPPETS.filter((s) => s.label !== 'ActionCard'),
);

/**
 * The MessageCard JSON Schema (draft-07), plain data: hand it to Monaco's
 * `json.jsonDefaults.setDiagnosticsOptions({ schemas: [{ uri: MESSAGE_CARD_SCHEMA_URI, fileMatch, schema }] })`.
 * The root is the card; `definitions` holds every other element, actions and inputs under their
 * `@type` name (`OpenUri`, `TextInput`, ...).
 */
export const messageCardSchema: JsonSchema = {
  $schema: 'http://json-schema.org/draft-07/schema#',
  $id: MESSAGE_CARD_SCHEMA_URI,
  title: 'MessageCard',
  ...card,
  definitions: {
    section: sectionDefinition,
    fact: factDefinition,
    image: imageDefinition,
    action: actionDefinition,
    actionCardAction: actionCardActionDefinition,
    OpenUri: openUriDefinition,
    openUriTarget: openUriTargetDefinition,
    HttpPOST: httpPostDefinition,
    httpHeader: httpHeaderDefinition,
    ActionCard: actionCardDefinition,
    ViewAction: viewActionDefinition,
    InvokeAddInCommand: invokeAddInCommandDefinition,
    input: inputSchema(),
    TextInput: textInputDefinition,
    DateInput: dateInputDefinition,
    MultichoiceInput: multichoiceInputDefinition,
    choice: choiceDefinition,
  },
};

/**
 * The schema of one kind of element: the root for `card`, else its definition. Action and input
 * kinds (`OpenUri`, `TextInput`, ...) hold only their own fields; the shared ones are in `action`
 * and `input`.
 */
export function elementSchema(kind: SchemaKind): JsonSchema {
  return kind === 'card' ? messageCardSchema : (messageCardSchema.definitions?.[kind] ?? {});
}

/**
 * How the rules read each field of each element kind, built from the same field list as the
 * schema's `properties` (so a field added to the schema is known to the rules at once).
 */
export const FIELD_KINDS: Readonly<Record<SchemaKind, Readonly<Record<string, FieldKind>>>> = Object.freeze(fieldKinds);
