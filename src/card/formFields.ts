/**
 * The editable fields of each kind of element, in the order a form shows them, with the control
 * that fits each one and the hint text from the JSON Schema (so the form, the hover in the editor
 * and the rules describe a field in the same words).
 */
import type { ElementInfo } from './elements.ts';
import { NESTED_ACTION_TYPES, schemaKindsOf } from './grammar.ts';
import { elementSchema, type JsonSchema } from './schema.ts';
import { ACTION_TYPES, INPUT_TYPES } from './types.ts';

/** How a field is edited. */
export type FieldControl =
  | 'text' // one line of text
  | 'textarea' // several lines of text
  | 'url' // a link (no thumbnail)
  | 'image' // an image URL with a thumbnail
  | 'color' // themeColor: colour picker and hex entry
  | 'boolean' // a switch
  | 'enum' // a drop-down of `options`
  | 'number'
  | 'body' // HttpPOST body, with the {{id.value}} picker
  | 'choiceDefault' // MultichoiceInput value, picked from its choices
  | 'list' // a list of strings (ViewAction target, expectedActors)
  | 'json'; // any JSON object (InvokeAddInCommand initializationContext)

/** One field of a form. */
export interface FieldSpec {
  /** The property name, e.g. `activityTitle`. */
  name: string;
  /** What the form calls it, e.g. `Activity title`. */
  label: string;
  control: FieldControl;
  /** Plain-text help from the schema. */
  hint: string;
  /** The text is Markdown in Teams (the form says so). */
  markdown: boolean;
  /** For `enum`: the values offered. */
  options: readonly string[];
  /** For `enum`: a value the user may not remove (an action's `@type`), else undefined. */
  required: boolean;
  /** A field Teams ignores (Outlook e-mail only); the form groups these apart. */
  outlookOnly: boolean;
}

interface Def {
  name: string;
  label: string;
  control: FieldControl;
  markdown?: boolean;
  options?: readonly string[];
  required?: boolean;
  outlookOnly?: boolean;
}

const CARD: readonly Def[] = [
  { name: 'summary', label: 'Summary', control: 'text' },
  { name: 'title', label: 'Title', control: 'text' },
  { name: 'text', label: 'Text', control: 'textarea', markdown: true },
  { name: 'themeColor', label: 'Theme colour', control: 'color' },
  { name: '@type', label: 'Type', control: 'enum', options: ['MessageCard'] },
  {
    name: '@context',
    label: 'Context',
    control: 'enum',
    options: ['https://schema.org/extensions', 'http://schema.org/extensions'],
  },
  { name: 'correlationId', label: 'Correlation id', control: 'text', outlookOnly: true },
  { name: 'expectedActors', label: 'Expected actors', control: 'list', outlookOnly: true },
  { name: 'originator', label: 'Originator', control: 'text', outlookOnly: true },
  { name: 'hideOriginalBody', label: 'Hide original body', control: 'boolean', outlookOnly: true },
];

const SECTION: readonly Def[] = [
  { name: 'title', label: 'Title', control: 'text' },
  { name: 'activityImage', label: 'Activity image', control: 'image' },
  { name: 'activityImageType', label: 'Activity image type', control: 'enum', options: ['avatar', 'article'] },
  { name: 'activityTitle', label: 'Activity title', control: 'text', markdown: true },
  { name: 'activitySubtitle', label: 'Activity subtitle', control: 'text' },
  { name: 'activityText', label: 'Activity text', control: 'textarea', markdown: true },
  { name: 'text', label: 'Text', control: 'textarea', markdown: true },
  { name: 'markdown', label: 'Markdown', control: 'boolean' },
  { name: 'startGroup', label: 'Start group', control: 'boolean' },
];

const FACT: readonly Def[] = [
  { name: 'name', label: 'Name', control: 'text' },
  { name: 'value', label: 'Value', control: 'text', markdown: true },
];

const IMAGE: readonly Def[] = [
  { name: 'image', label: 'Image URL', control: 'image' },
  { name: 'title', label: 'Title (tooltip and alternative text)', control: 'text' },
];

const TARGET: readonly Def[] = [
  { name: 'os', label: 'Operating system', control: 'enum', options: ['default', 'windows', 'iOS', 'android'] },
  { name: 'uri', label: 'URI', control: 'url' },
];

const HEADER: readonly Def[] = [
  { name: 'name', label: 'Name', control: 'text' },
  { name: 'value', label: 'Value', control: 'text' },
];

const CHOICE: readonly Def[] = [
  { name: 'display', label: 'Display text', control: 'text' },
  { name: 'value', label: 'Value', control: 'text' },
];

const ACTION_BASE = (nested: boolean): Def[] => [
  {
    name: '@type',
    label: 'Action type',
    control: 'enum',
    options: nested ? NESTED_ACTION_TYPES : ACTION_TYPES,
    required: true,
  },
  { name: 'name', label: 'Name (button text)', control: 'text' },
];

const ACTION_FIELDS: Readonly<Record<string, readonly Def[]>> = {
  OpenUri: [],
  HttpPOST: [
    { name: 'target', label: 'Target URL', control: 'url' },
    { name: 'body', label: 'Body', control: 'body' },
    {
      name: 'bodyContentType',
      label: 'Body content type',
      control: 'enum',
      options: ['application/json', 'application/x-www-form-urlencoded'],
    },
  ],
  ActionCard: [],
  ViewAction: [
    { name: 'target', label: 'Target URLs', control: 'list' },
    { name: '@context', label: 'Context', control: 'text' },
  ],
  InvokeAddInCommand: [
    { name: 'addInId', label: 'Add-in id', control: 'text' },
    { name: 'desktopCommandId', label: 'Desktop command id', control: 'text' },
    { name: 'initializationContext', label: 'Initialization context (JSON)', control: 'json' },
  ],
};

const INPUT_BASE: readonly Def[] = [
  { name: '@type', label: 'Input type', control: 'enum', options: INPUT_TYPES, required: true },
  { name: 'id', label: 'Id', control: 'text' },
  { name: 'title', label: 'Title (placeholder)', control: 'text' },
  { name: 'value', label: 'Initial value', control: 'text' },
  { name: 'isRequired', label: 'Required', control: 'boolean' },
];

const INPUT_FIELDS: Readonly<Record<string, readonly Def[]>> = {
  TextInput: [
    { name: 'isMultiline', label: 'Several lines', control: 'boolean' },
    { name: 'maxLength', label: 'Maximum length', control: 'number' },
  ],
  DateInput: [{ name: 'includeTime', label: 'Include time', control: 'boolean' }],
  MultichoiceInput: [
    { name: 'isMultiSelect', label: 'Several choices', control: 'boolean' },
    { name: 'style', label: 'Style', control: 'enum', options: ['compact', 'expanded', 'normal'] },
  ],
};

function defsOf(info: ElementInfo): readonly Def[] {
  switch (info.kind) {
    case 'card':
      return CARD;
    case 'section':
      return SECTION;
    case 'fact':
      return FACT;
    case 'image':
    case 'heroImage':
      return IMAGE;
    case 'target':
      return TARGET;
    case 'header':
      return HEADER;
    case 'choice':
      return CHOICE;
    case 'action':
      return [...ACTION_BASE(info.nested), ...(ACTION_FIELDS[info.type ?? ''] ?? [])];
    case 'input': {
      const base = INPUT_BASE.map((d) =>
        d.name === 'value' && info.type === 'MultichoiceInput' ? { ...d, control: 'choiceDefault' as const } : d,
      );
      return [...base, ...(INPUT_FIELDS[info.type ?? ''] ?? [])];
    }
  }
}

function hintOf(schemas: readonly JsonSchema[], name: string): string {
  for (const schema of schemas) {
    const field = schema.properties?.[name];
    if (field?.description) return field.description;
  }
  return '';
}

/**
 * The fields of an element, as its form shows them: every field of the reference for that kind
 * (list fields such as `facts` excepted: the outline edits those), with its control and hint.
 */
export function fieldsOf(info: ElementInfo): FieldSpec[] {
  const schemas = schemaKindsOf(info).map(elementSchema);
  return defsOf(info).map((def) => ({
    name: def.name,
    label: def.label,
    control: def.control,
    hint: hintOf(schemas, def.name),
    markdown: def.markdown ?? false,
    options: def.options ?? [],
    required: def.required ?? false,
    outlookOnly: def.outlookOnly ?? false,
  }));
}

/** Property names an element's form or outline edits; any other property is an unknown field. */
export function knownKeys(info: ElementInfo): Set<string> {
  const keys = new Set(fieldsOf(info).map((f) => f.name));
  for (const schema of schemaKindsOf(info).map(elementSchema)) {
    for (const name of Object.keys(schema.properties ?? {})) keys.add(name);
  }
  return keys;
}

/** `{{id.value}}`: how an HttpPOST body reads the value of the input `id`. */
export function placeholderFor(id: string): string {
  return `{{${id}.value}}`;
}

/** A theme colour written as the card wants it (six hex digits, no `#`), or undefined. */
export function normaliseHexColor(input: string): string | undefined {
  const match = /^#?([0-9a-f]{6}|[0-9a-f]{3})$/i.exec(input.trim());
  if (!match) return undefined;
  const hex = match[1]!;
  const six = hex.length === 3 ? [...hex].map((c) => c + c).join('') : hex;
  return six.toUpperCase();
}
