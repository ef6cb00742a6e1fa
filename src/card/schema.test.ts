/**
 * The MessageCard JSON Schema: its draft-07 shape, its documentation, the tolerance the corpus
 * contract asks for, and (when Monaco's JSON language service can be loaded from the installed
 * monaco-editor) what Monaco does with it: completion per `@type`, hover, diagnostics.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { SchemaKind } from './grammar.ts';
import { loadCorpus, type CorpusEntry } from './rules/testkit.ts';
import { elementSchema, FIELD_KINDS, MESSAGE_CARD_SCHEMA_URI, messageCardSchema, type JsonSchema } from './schema.ts';
import { ACTION_TYPES, INPUT_TYPES } from './types.ts';

const CORPUS = new URL('../../fixtures/corpus/', import.meta.url);

// ---------------------------------------------------------------------------------------------
// A tiny draft-07 validator: just the keywords the schema uses, enough to check the schema's
// verdict on real cards without a validator dependency. Returns the failing paths.

function resolve(root: JsonSchema, ref: string): JsonSchema {
  const name = /^#\/definitions\/(.+)$/.exec(ref)?.[1];
  const target = name !== undefined ? root.definitions?.[name] : undefined;
  if (!target) throw new Error(`unresolved $ref ${ref}`);
  return target;
}

function typeOf(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  return typeof value;
}

function matchesType(value: unknown, type: string): boolean {
  const actual = typeOf(value);
  if (type === 'integer') return typeof value === 'number' && Number.isInteger(value);
  return actual === type;
}

function validate(root: JsonSchema, schema: JsonSchema, value: unknown, path = '$'): string[] {
  const errors: string[] = [];
  const fail = (why: string) => errors.push(`${path}: ${why}`);
  if (schema.$ref) return validate(root, resolve(root, schema.$ref), value, path);
  if (schema.type !== undefined) {
    const types = Array.isArray(schema.type) ? schema.type : [schema.type];
    if (!types.some((t) => matchesType(value, t))) fail(`type ${types.join('|')}`);
  }
  if (schema.enum && !schema.enum.some((e) => JSON.stringify(e) === JSON.stringify(value))) fail('enum');
  if ('const' in schema && JSON.stringify(schema.const) !== JSON.stringify(value)) fail('const');
  if (typeof value === 'string') {
    if (schema.pattern !== undefined && !new RegExp(schema.pattern, 'u').test(value)) fail(`pattern ${schema.pattern}`);
    if (schema.minLength !== undefined && [...value].length < schema.minLength) fail('minLength');
    if (schema.maxLength !== undefined && [...value].length > schema.maxLength) fail('maxLength');
  }
  if (typeof value === 'number' && schema.minimum !== undefined && value < schema.minimum) fail('minimum');
  if (Array.isArray(value)) {
    if (schema.minItems !== undefined && value.length < schema.minItems) fail('minItems');
    if (schema.maxItems !== undefined && value.length > schema.maxItems) fail('maxItems');
    if (schema.items) value.forEach((item, i) => errors.push(...validate(root, schema.items!, item, `${path}[${i}]`)));
  }
  if (typeOf(value) === 'object') {
    const record = value as Record<string, unknown>;
    for (const name of schema.required ?? []) if (!(name in record)) fail(`required ${name}`);
    for (const [name, sub] of Object.entries(schema.properties ?? {})) {
      if (Object.prototype.hasOwnProperty.call(record, name))
        errors.push(...validate(root, sub, record[name], `${path}.${name}`));
    }
    if (schema.propertyNames) {
      for (const name of Object.keys(record)) {
        if (validate(root, schema.propertyNames, name).length > 0) fail(`property name ${name}`);
      }
    }
  }
  if (schema.allOf) for (const sub of schema.allOf) errors.push(...validate(root, sub, value, path));
  if (schema.anyOf && !schema.anyOf.some((sub) => validate(root, sub, value, path).length === 0)) fail('anyOf');
  if (schema.not && validate(root, schema.not, value, path).length === 0) fail('not');
  if (schema.if) {
    const branch = validate(root, schema.if, value, path).length === 0 ? schema.then : schema.else;
    if (branch) errors.push(...validate(root, branch, value, path));
  }
  return errors;
}

function schemaErrors(value: unknown): string[] {
  return validate(messageCardSchema, messageCardSchema, value);
}

// ---------------------------------------------------------------------------------------------

/** Draft-07 keywords, plus the annotations of the VS Code / Monaco JSON language service. */
const KEYWORDS = new Set([
  '$schema',
  '$id',
  '$ref',
  '$comment',
  'title',
  'description',
  'type',
  'enum',
  'const',
  'default',
  'examples',
  'properties',
  'required',
  'additionalProperties',
  'propertyNames',
  'items',
  'minItems',
  'maxItems',
  'minLength',
  'maxLength',
  'pattern',
  'minimum',
  'anyOf',
  'allOf',
  'oneOf',
  'not',
  'if',
  'then',
  'else',
  'definitions',
  'markdownDescription',
  'enumDescriptions',
  'markdownEnumDescriptions',
  'defaultSnippets',
  'errorMessage',
  'patternErrorMessage',
]);
const TYPES = new Set(['string', 'number', 'integer', 'boolean', 'object', 'array', 'null']);
const SUBSCHEMA_KEYS = ['items', 'not', 'if', 'then', 'else', 'propertyNames', 'additionalProperties'] as const;

/** Every sub-schema of the schema, with where it sits. */
function* subschemas(schema: JsonSchema, at = '#'): Generator<[JsonSchema, string]> {
  yield [schema, at];
  for (const key of SUBSCHEMA_KEYS) {
    const sub = schema[key];
    if (sub && typeof sub === 'object') yield* subschemas(sub, `${at}/${key}`);
  }
  for (const key of ['anyOf', 'allOf', 'oneOf'] as const) {
    for (const [i, sub] of (schema[key] ?? []).entries()) yield* subschemas(sub, `${at}/${key}/${i}`);
  }
  for (const key of ['properties', 'definitions'] as const) {
    for (const [name, sub] of Object.entries(schema[key] ?? {})) yield* subschemas(sub, `${at}/${key}/${name}`);
  }
}

const ELEMENT_KINDS = Object.keys(FIELD_KINDS) as SchemaKind[];

describe('messageCardSchema', () => {
  it('is plain JSON data (Monaco receives it serialised)', () => {
    expect(JSON.parse(JSON.stringify(messageCardSchema))).toEqual(messageCardSchema);
  });

  it('declares draft-07 and its URI', () => {
    expect(messageCardSchema.$schema).toBe('http://json-schema.org/draft-07/schema#');
    expect(messageCardSchema.$id).toBe(MESSAGE_CARD_SCHEMA_URI);
    expect(MESSAGE_CARD_SCHEMA_URI).toMatch(/^https:\/\/.+\.json$/);
  });

  it('has the shape of a draft-07 schema: known keywords, valid types, resolvable refs, compilable patterns', () => {
    let count = 0;
    for (const [schema, at] of subschemas(messageCardSchema)) {
      count++;
      for (const key of Object.keys(schema)) expect(KEYWORDS.has(key), `${at}: keyword ${key}`).toBe(true);
      if (schema.type !== undefined) {
        for (const t of Array.isArray(schema.type) ? schema.type : [schema.type])
          expect(TYPES.has(t), `${at}: ${t}`).toBe(true);
      }
      if (schema.$ref) expect(() => resolve(messageCardSchema, schema.$ref!), at).not.toThrow();
      if (schema.required) {
        expect(
          schema.required.every((r) => typeof r === 'string'),
          at,
        ).toBe(true);
        expect(new Set(schema.required).size, at).toBe(schema.required.length);
      }
      if (schema.enum) {
        expect(schema.enum.length, at).toBeGreaterThan(0);
        if (schema.enumDescriptions) expect(schema.enumDescriptions.length, at).toBe(schema.enum.length);
        if (schema.markdownEnumDescriptions)
          expect(schema.markdownEnumDescriptions.length, at).toBe(schema.enum.length);
      }
      if (schema.pattern !== undefined) expect(() => new RegExp(schema.pattern!, 'u'), at).not.toThrow();
      for (const snippet of schema.defaultSnippets ?? []) {
        expect(snippet.body !== undefined || typeof snippet.bodyText === 'string', at).toBe(true);
      }
    }
    expect(count).toBeGreaterThan(100);
  });

  it('documents every field of every element, in plain text and Markdown', () => {
    for (const kind of ['card', ...ELEMENT_KINDS] as SchemaKind[]) {
      for (const [name, field] of Object.entries(elementSchema(kind).properties ?? {})) {
        expect(field.description, `${kind}.${name}`).toMatch(/\w{3,}/);
        expect(field.markdownDescription, `${kind}.${name}`).toMatch(/\w{3,}/);
      }
    }
  });

  it('says in the hover text what Teams does with the fields it ignores', () => {
    const section = elementSchema('section').properties ?? {};
    expect(section.heroImage?.description).toMatch(/Not drawn by Teams/);
    expect(section.startGroup?.description).toMatch(/Teams always separates/);
    for (const field of ['hideOriginalBody', 'originator', 'correlationId']) {
      expect(messageCardSchema.properties?.[field]?.description, field).toMatch(/not supported by Teams/i);
    }
    expect(messageCardSchema.properties?.expectedActors?.description).toMatch(/Teams ignores it/);
  });

  it('lists the same fields as the kinds the rules read (one source of truth)', () => {
    for (const kind of ELEMENT_KINDS) {
      expect(Object.keys(elementSchema(kind).properties ?? {}).sort(), kind).toEqual(
        Object.keys(FIELD_KINDS[kind]).sort(),
      );
    }
  });

  it('chooses the fields of an action and an input by @type (if/then)', () => {
    const action = messageCardSchema.definitions?.action;
    const branches = action?.allOf ?? [];
    expect(branches.map((b) => b.if?.properties?.['@type']?.const)).toEqual([...ACTION_TYPES]);
    expect(branches.map((b) => b.then?.$ref)).toEqual(ACTION_TYPES.map((t) => `#/definitions/${t}`));
    const input = messageCardSchema.definitions?.input;
    expect((input?.allOf ?? []).map((b) => b.if?.properties?.['@type']?.const)).toEqual([...INPUT_TYPES]);
    expect(messageCardSchema.definitions?.actionCardAction?.properties?.['@type']?.enum).not.toContain('ActionCard');
  });

  it('offers completion snippets for the card, sections, facts, each action type and each input type', () => {
    const labels = (schema: JsonSchema | undefined) => (schema?.defaultSnippets ?? []).map((s) => s.label ?? '');
    expect(labels(messageCardSchema)).toContain('MessageCard');
    expect(labels(elementSchema('section')).length).toBeGreaterThanOrEqual(3);
    expect(labels(elementSchema('fact'))).toEqual(['Fact']);
    const actionSnippets = labels(messageCardSchema.definitions?.action).join(' ');
    for (const type of ACTION_TYPES) expect(actionSnippets).toContain(type);
    expect(labels(messageCardSchema.definitions?.input)).toEqual([...INPUT_TYPES]);
  });

  it('offers enum values with descriptions: os, bodyContentType, activityImageType, style, @context', () => {
    const enums: Array<[SchemaKind, string, string]> = [
      ['openUriTarget', 'os', 'iOS'],
      ['HttpPOST', 'bodyContentType', 'application/x-www-form-urlencoded'],
      ['section', 'activityImageType', 'article'],
      ['MultichoiceInput', 'style', 'expanded'],
      ['card', '@context', 'https://schema.org/extensions'],
    ];
    for (const [kind, field, value] of enums) {
      const listed = elementSchema(kind).properties?.[field]?.anyOf?.[0];
      expect(listed?.enum, `${kind}.${field}`).toContain(value);
      expect(listed?.markdownEnumDescriptions?.length, `${kind}.${field}`).toBe(listed?.enum?.length);
    }
  });
});

describe('the schema verdict on values Teams tolerates and rejects', () => {
  const base = { '@type': 'MessageCard', summary: 'x' };

  it.each([
    ['"true"/"false" strings for booleans', { ...base, sections: [{ markdown: 'false', startGroup: 'TRUE' }] }],
    [
      'numbers and booleans where text belongs',
      { ...base, title: 42, sections: [{ facts: [{ name: 'a', value: 93.4 }], text: true }] },
    ],
    ['null values', { ...base, text: null, sections: [null, { activityImage: null, facts: null }] }],
    ['unknown fields', { ...base, custom: 1, sections: [{ isPrimary: true }] }],
    ['a # in themeColor and any @context', { ...base, themeColor: '#fff', '@context': 'whatever' }],
    ['no @type', { text: 'x' }],
    ['a numeric summary', { summary: 42 }],
  ])('accepts %s', (_, value) => {
    expect(schemaErrors(value)).toEqual([]);
  });

  const action = (extra: Record<string, unknown>) => ({ ...base, potentialAction: [{ name: 'a', ...extra }] });
  it.each([
    ['a list as the title', { ...base, title: ['a'] }],
    ['an object as sections', { ...base, sections: {} }],
    ['"yes" as a boolean', { ...base, sections: [{ markdown: 'yes' }] }],
    ['another @type', { ...base, '@type': 'AdaptiveCard' }],
    ['neither summary nor text', { '@type': 'MessageCard', title: 'x' }],
    ['an empty summary', { summary: '' }],
    ['Sections with a capital S', { ...base, Sections: [] }],
    ['a wrongly cased action type', action({ '@type': 'HttpPost', target: 'https://x' })],
    ['an action without name', { ...base, potentialAction: [{ '@type': 'OpenUri', targets: [{ uri: 'https://x' }] }] }],
    ['an OpenUri without targets', action({ '@type': 'OpenUri' })],
    ['an OpenUri with an empty target list', action({ '@type': 'OpenUri', targets: [] })],
    ['a non-http uri', action({ '@type': 'OpenUri', targets: [{ os: 'default', uri: 'mailto:a@b.c' }] })],
    ['os outside the four values', action({ '@type': 'OpenUri', targets: [{ os: 'ios', uri: 'https://x' }] })],
    ['an HttpPOST without target', action({ '@type': 'HttpPOST' })],
    ['another bodyContentType', action({ '@type': 'HttpPOST', target: 'https://x', bodyContentType: 'text/plain' })],
    ['an ActionCard without actions', action({ '@type': 'ActionCard', actions: [] })],
    [
      'an ActionCard in an ActionCard',
      action({ '@type': 'ActionCard', actions: [{ '@type': 'ActionCard', name: 'b', actions: [] }] }),
    ],
    ['an input without id', action({ '@type': 'ActionCard', inputs: [{ '@type': 'TextInput' }], actions: [] })],
    ['an unknown input type', action({ '@type': 'ActionCard', inputs: [{ '@type': 'textinput', id: 'a' }] })],
    [
      'a MultichoiceInput without choices',
      action({ '@type': 'ActionCard', inputs: [{ '@type': 'MultichoiceInput', id: 'a' }] }),
    ],
  ])('rejects %s', (_, value) => {
    expect(schemaErrors(value).length).toBeGreaterThan(0);
  });
});

describe('the schema on the shared corpus', () => {
  let entries: CorpusEntry[] = [];
  beforeAll(async () => {
    entries = (await loadCorpus(CORPUS)).entries;
  });

  it('accepts every valid and sloppy card (tolerated values are rule warnings, not schema errors)', () => {
    for (const entry of entries.filter((e) => e.label !== 'invalid')) {
      expect(schemaErrors(entry.value), entry.file).toEqual([]);
    }
  });

  it('rejects every invalid card that parses', () => {
    for (const entry of entries.filter((e) => e.label === 'invalid' && e.parseError === undefined)) {
      expect(schemaErrors(entry.value).length, entry.file).toBeGreaterThan(0);
    }
  });
});

// ---------------------------------------------------------------------------------------------
// Monaco's own JSON language service, from the installed monaco-editor (0.57 bundles it under
// esm/external). Skipped when that layout changes; the checks above still hold.

interface Position {
  line: number;
  character: number;
}
interface TextDocument {
  positionAt(offset: number): Position;
  offsetAt(position: Position): number;
}
interface LanguageService {
  configure(settings: unknown): void;
  parseJSONDocument(document: TextDocument): unknown;
  doValidation(document: TextDocument, json: unknown): Promise<Array<{ message: string; range: { start: Position } }>>;
  doComplete(
    document: TextDocument,
    position: Position,
    json: unknown,
  ): Promise<{ items: Array<{ label: string; textEdit?: { newText: string } }> } | null>;
  doHover(document: TextDocument, position: Position, json: unknown): Promise<{ contents: unknown } | null>;
}
interface Monaco {
  service: LanguageService;
  createDocument(text: string): TextDocument;
}

async function loadMonacoJson(): Promise<Monaco | undefined> {
  try {
    // Computed specifiers keep Node's types out of the app's type check (see rules/testkit.ts).
    const [moduleSpecifier, urlSpecifier] = ['node:module', 'node:url'];
    const { createRequire } = (await import(/* @vite-ignore */ moduleSpecifier)) as {
      createRequire(url: string): { resolve(id: string): string };
    };
    const { pathToFileURL } = (await import(/* @vite-ignore */ urlSpecifier)) as { pathToFileURL(path: string): URL };
    // The package's exports map hides package.json; its root is where its main entry lives.
    const entry = createRequire(import.meta.url).resolve('monaco-editor');
    const rootPath = /^(.*[\\/]monaco-editor[\\/])/.exec(entry)?.[1];
    if (!rootPath) return undefined;
    const root = pathToFileURL(rootPath);
    const ls = await import(
      /* @vite-ignore */ new URL('esm/external/vscode-json-languageservice/lib/esm/jsonLanguageService.js', root).href
    );
    const td = await import(
      /* @vite-ignore */ new URL('esm/external/vscode-languageserver-textdocument/lib/esm/main.js', root).href
    );
    const service = ls.getLanguageService({ clientCapabilities: ls.ClientCapabilities.LATEST }) as LanguageService;
    service.configure({
      validate: true,
      schemas: [
        { uri: MESSAGE_CARD_SCHEMA_URI, fileMatch: ['*.json'], schema: JSON.parse(JSON.stringify(messageCardSchema)) },
      ],
    });
    let version = 0;
    return { service, createDocument: (text) => td.TextDocument.create('file:///card.json', 'json', ++version, text) };
  } catch {
    return undefined;
  }
}

const monaco = await loadMonacoJson();

describe.skipIf(!monaco)("in Monaco's JSON language service", () => {
  const m = monaco!;

  /** Completion labels and insert texts at the `|` in `text`. */
  async function complete(text: string): Promise<Map<string, string>> {
    const offset = text.indexOf('|');
    const document = m.createDocument(text.slice(0, offset) + text.slice(offset + 1));
    const result = await m.service.doComplete(
      document,
      document.positionAt(offset),
      m.service.parseJSONDocument(document),
    );
    return new Map((result?.items ?? []).map((item) => [item.label, item.textEdit?.newText ?? '']));
  }

  async function diagnostics(text: string): Promise<string[]> {
    const document = m.createDocument(text);
    return (await m.service.doValidation(document, m.service.parseJSONDocument(document))).map((d) => d.message);
  }

  async function hover(text: string): Promise<string> {
    const offset = text.indexOf('|');
    const document = m.createDocument(text.slice(0, offset) + text.slice(offset + 1));
    const result = await m.service.doHover(
      document,
      document.positionAt(offset),
      m.service.parseJSONDocument(document),
    );
    return JSON.stringify(result?.contents ?? '');
  }

  it('offers the fields of the action type once @type is written', async () => {
    const openUri = await complete('{"summary":"x","potentialAction":[{"@type":"OpenUri","name":"a", | }]}');
    expect([...openUri.keys()]).toContain('targets');
    expect([...openUri.keys()]).not.toContain('bodyContentType');
    const httpPost = await complete('{"summary":"x","potentialAction":[{"@type":"HttpPOST","name":"a", | }]}');
    expect([...httpPost.keys()]).toEqual(expect.arrayContaining(['target', 'body', 'bodyContentType', 'headers']));
    expect([...httpPost.keys()]).not.toContain('targets');
  });

  it('inserts a skeleton for each action type and each input type', async () => {
    const actions = await complete('{"summary":"x","potentialAction":[ | ]}');
    expect([...actions.keys()]).toEqual(expect.arrayContaining(['OpenUri', 'HttpPOST', 'ActionCard']));
    expect(actions.get('OpenUri')).toContain('"os": "default"');
    const inputs = await complete(
      '{"summary":"x","potentialAction":[{"@type":"ActionCard","name":"a","inputs":[ | ]}]}',
    );
    expect([...inputs.keys()]).toEqual([...INPUT_TYPES]);
  });

  it('offers true/false (not the tolerated strings) for booleans and the four os values', async () => {
    expect([...(await complete('{"summary":"x","sections":[{"markdown": | }]}')).keys()]).toEqual(['true', 'false']);
    const os = await complete(
      '{"summary":"x","potentialAction":[{"@type":"OpenUri","name":"a","targets":[{"os": | }]}]}',
    );
    expect([...os.keys()]).toEqual(['"default"', '"windows"', '"iOS"', '"android"']);
  });

  it('inserts a typed value with each property name', async () => {
    const keys = await complete('{ | }');
    expect(keys.get('summary')).toBe('"summary": "$1"');
    expect(keys.get('@type')).toBe('"@type": "${1:MessageCard}"');
    const section = await complete('{"summary":"x","sections":[{ | }]}');
    expect(section.get('markdown')).toBe('"markdown": ${1:true}');
  });

  it('shows what Teams does on hover', async () => {
    expect(await hover('{"summary":"x","sections":[{"hero|Image":{"image":"https://x"}}]}')).toMatch(
      /Not drawn by Teams/,
    );
    expect(await hover('{"summary":"x","potentialAction":[{"@type":"Invoke|AddInCommand","name":"a"}]}')).toMatch(
      /Outlook only/,
    );
  });

  it('reports no schema problem on valid and sloppy corpus cards, and some on invalid ones', async () => {
    const { entries } = await loadCorpus(CORPUS);
    for (const entry of entries.filter((e) => e.parseError === undefined)) {
      const problems = await diagnostics(entry.text);
      if (entry.label === 'invalid') expect(problems.length, entry.file).toBeGreaterThan(0);
      else expect(problems, entry.file).toEqual([]);
    }
  });

  it('explains structural errors in plain words', async () => {
    const problems = await diagnostics(
      '{"summary":"","Sections":[],"potentialAction":[{"@type":"OpenUri","name":"a","targets":[{"os":"ios","uri":"x"}]}]}',
    );
    expect(problems).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/Summary or Text is required/),
        expect.stringMatching(/case-sensitive/),
        expect.stringMatching(/"default", "windows", "iOS", "android"/),
        expect.stringMatching(/only http\(s\) links/),
      ]),
    );
  });
});
