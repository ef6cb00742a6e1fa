/**
 * The preview's reading of actions and inputs (reference/messagecard.md §4, §5): loose card values
 * become a small model the renderer draws, and HttpPOST requests are resolved the way Microsoft's
 * service would build them, without sending anything.
 */
import { choiceLayout, dateFieldValue } from '../behaviour.ts';
import { asArray, asBoolean, asObject, asString } from '../../json/read.ts';
import type { HostProfile } from '../types.ts';
import { safeLinkUrl } from '../urls.ts';

/** One OS target of an OpenUri (or the URL of a ViewAction). */
export interface UriTarget {
  os: string;
  uri: string;
  /** The URI when it may be opened (http or https), otherwise undefined. */
  safe: string | undefined;
}

export interface HttpHeaderModel {
  name: string;
  value: string;
}

export type ActionModel =
  | { kind: 'OpenUri'; name: string; targets: UriTarget[]; open: UriTarget | undefined }
  | { kind: 'ViewAction'; name: string; targets: UriTarget[]; open: UriTarget | undefined }
  | {
      kind: 'HttpPOST';
      name: string;
      target: string;
      headers: HttpHeaderModel[];
      body: string;
      bodyContentType: string;
    }
  | { kind: 'ActionCard'; name: string; inputs: InputModel[]; actions: ActionModel[] }
  | { kind: 'InvokeAddInCommand'; name: string; addInId: string; commandId: string }
  | { kind: 'unknown'; name: string; type: string };

export type MultichoiceLayout = 'dropdown' | 'radio' | 'checkbox' | 'multi-dropdown';

export type InputModel =
  | {
      kind: 'TextInput';
      id: string;
      title: string;
      value: string;
      required: boolean;
      multiline: boolean;
      maxLength: number | undefined;
    }
  | { kind: 'DateInput'; id: string; title: string; value: string; required: boolean; includeTime: boolean }
  | {
      kind: 'MultichoiceInput';
      id: string;
      title: string;
      value: string;
      required: boolean;
      multiSelect: boolean;
      layout: MultichoiceLayout;
      choices: { display: string; value: string }[];
    }
  | { kind: 'unknown'; id: string; title: string; value: string; required: boolean; type: string };

/** The default `Content-Type` of an HttpPOST without `bodyContentType` (`OUT-REF`). */
export const DEFAULT_BODY_CONTENT_TYPE = 'application/json';

function targetsOf(value: unknown): UriTarget[] {
  const targets: UriTarget[] = [];
  for (const raw of asArray(value) ?? []) {
    const target = asObject(raw);
    const uri = asString(target?.uri) ?? '';
    targets.push({ os: asString(target?.os) ?? '', uri, safe: safeLinkUrl(uri) });
  }
  return targets;
}

/** The target a desktop or web client opens: the `default` one, else the first (reference §4.2). */
export function defaultTarget(targets: readonly UriTarget[]): UriTarget | undefined {
  return targets.find((t) => t.os === 'default') ?? targets[0];
}

/**
 * How a MultichoiceInput is drawn in a host: compact (a drop-down) or expanded (radio buttons, check
 * boxes), as `choiceLayout` of `card/behaviour.ts` decides (reference §5).
 */
export function multichoiceLayout(input: unknown, host: HostProfile = 'teams'): MultichoiceLayout {
  const { multiSelect, style } = choiceLayout(input, host);
  const expanded = style === 'expanded';
  if (multiSelect) return expanded ? 'checkbox' : 'multi-dropdown';
  return expanded ? 'radio' : 'dropdown';
}

/** Reads one ActionCard input; unknown types keep their id so `{{id.value}}` still resolves. */
export function readInput(value: unknown, host: HostProfile = 'teams'): InputModel {
  const input = asObject(value) ?? {};
  const type = asString(input['@type']) ?? '';
  const base = {
    id: asString(input.id) ?? '',
    title: asString(input.title) ?? '',
    value: asString(input.value) ?? '',
    required: asBoolean(input.isRequired) === true,
  };
  switch (type) {
    case 'TextInput': {
      const max = typeof input.maxLength === 'number' ? input.maxLength : Number(asString(input.maxLength));
      return {
        kind: 'TextInput',
        ...base,
        multiline: asBoolean(input.isMultiline) === true,
        maxLength: Number.isInteger(max) && max > 0 ? max : undefined,
      };
    }
    case 'DateInput': {
      // The date picker shows the value as `card/behaviour.ts` reads it (ISO, seconds and zone allowed).
      const includeTime = asBoolean(input.includeTime) === true;
      return { kind: 'DateInput', ...base, value: dateFieldValue(input.value, includeTime), includeTime };
    }
    case 'MultichoiceInput': {
      const choices = (asArray(input.choices) ?? []).map((raw) => {
        const choice = asObject(raw);
        const choiceValue = asString(choice?.value) ?? '';
        return { display: asString(choice?.display) ?? choiceValue, value: choiceValue };
      });
      const layout = multichoiceLayout(input, host);
      return {
        kind: 'MultichoiceInput',
        ...base,
        multiSelect: layout === 'checkbox' || layout === 'multi-dropdown',
        layout,
        choices,
      };
    }
    default:
      return { kind: 'unknown', ...base, type };
  }
}

/** Reads one action of a `potentialAction` or `actions` list. Never throws on odd values. */
export function readAction(value: unknown, host: HostProfile = 'teams'): ActionModel {
  const action = asObject(value) ?? {};
  const type = asString(action['@type']) ?? '';
  const name = asString(action.name) ?? '';
  switch (type) {
    case 'OpenUri': {
      const targets = targetsOf(action.targets);
      return { kind: 'OpenUri', name, targets, open: defaultTarget(targets) };
    }
    case 'ViewAction': {
      // Only the first URL of `target` is used (reference §4.5); a lone string is read as one URL.
      const list = asArray(action.target) ?? (typeof action.target === 'string' ? [action.target] : []);
      const targets = list.map((raw) => {
        const uri = asString(raw) ?? '';
        return { os: 'default', uri, safe: safeLinkUrl(uri) };
      });
      return { kind: 'ViewAction', name, targets, open: targets[0] };
    }
    case 'HttpPOST':
      return {
        kind: 'HttpPOST',
        name,
        target: asString(action.target) ?? '',
        headers: (asArray(action.headers) ?? []).flatMap((raw) => {
          const header = asObject(raw);
          const headerName = asString(header?.name);
          return headerName === undefined ? [] : [{ name: headerName, value: asString(header?.value) ?? '' }];
        }),
        body: asString(action.body) ?? '',
        bodyContentType: asString(action.bodyContentType)?.trim() || DEFAULT_BODY_CONTENT_TYPE,
      };
    case 'ActionCard':
      return {
        kind: 'ActionCard',
        name,
        inputs: (asArray(action.inputs) ?? []).map((input) => readInput(input, host)),
        actions: (asArray(action.actions) ?? []).map((inner) => readAction(inner, host)),
      };
    case 'InvokeAddInCommand':
      return {
        kind: 'InvokeAddInCommand',
        name,
        addInId: asString(action.addInId) ?? '',
        commandId: asString(action.desktopCommandId) ?? '',
      };
    default:
      return { kind: 'unknown', name, type };
  }
}

const PLACEHOLDER = /\{\{([^{}\r\n]{1,200}?)\.value\}\}/g;

/** Escapes a value for the inside of a JSON string literal (what `{{id.value}}` usually sits in). */
function jsonStringContent(value: string): string {
  return JSON.stringify(value).slice(1, -1);
}

/**
 * The body with every `{{id.value}}` replaced by the value typed into that input. Placeholders of
 * inputs that do not exist stay as written (the service sends them literally). In a JSON body the
 * value is escaped as JSON string content, in a form body it is URL-encoded; otherwise it is inserted
 * as typed. (Which escaping Microsoft applies is not documented; this is the reading that keeps the
 * body valid, and the preview's "about" note says so.)
 */
export function resolveBody(body: string, values: Readonly<Record<string, string>>, contentType: string): string {
  const type = contentType.toLowerCase();
  const encode = type.includes('json')
    ? jsonStringContent
    : type.includes('x-www-form-urlencoded')
      ? encodeURIComponent
      : (v: string) => v;
  return body.replace(PLACEHOLDER, (whole, id: string) =>
    Object.hasOwn(values, id) ? encode(values[id] ?? '') : whole,
  );
}

/** The request Microsoft's service makes when a user presses an HttpPOST button. Nothing sends it. */
export interface ResolvedRequest {
  method: 'POST';
  target: string;
  /** Whether the target is an https URL Microsoft could post to. */
  targetOk: boolean;
  /** Headers in the order they would be sent: the card's, then those the service adds. */
  headers: { name: string; value: string; addedByService: boolean }[];
  contentType: string;
  body: string;
  /** Input ids named in the body that no input of the ActionCard provides. */
  unknownPlaceholders: string[];
}

/**
 * Builds the request of an HttpPOST with the typed input values substituted (reference §4.3): the
 * card's headers, `Content-Type` from `bodyContentType`, and the headers the service adds
 * (`Authorization: Bearer <JWT>` unless the card sets an empty Authorization, `Card-Correlation-Id`,
 * `Action-Request-Id`).
 */
export function resolveRequest(
  action: Extract<ActionModel, { kind: 'HttpPOST' }>,
  values: Readonly<Record<string, string>>,
): ResolvedRequest {
  const cardHeaders = action.headers.map((h) => ({ ...h, addedByService: false }));
  const has = (name: string) => action.headers.some((h) => h.name.toLowerCase() === name.toLowerCase());
  const added: ResolvedRequest['headers'] = [];
  if (!has('content-type')) added.push({ name: 'Content-Type', value: action.bodyContentType, addedByService: true });
  if (!has('authorization')) {
    added.push({
      name: 'Authorization',
      value: 'Bearer <a JWT signed by Microsoft: iss https://substrate.office.com/sts/, sub = the user>',
      addedByService: true,
    });
  }
  added.push({ name: 'Card-Correlation-Id', value: '<the card’s correlationId>', addedByService: true });
  added.push({ name: 'Action-Request-Id', value: '<a new id for each press>', addedByService: true });
  const unknownPlaceholders: string[] = [];
  for (const match of action.body.matchAll(PLACEHOLDER)) {
    const id = match[1] ?? '';
    if (!Object.hasOwn(values, id) && !unknownPlaceholders.includes(id)) unknownPlaceholders.push(id);
  }
  return {
    method: 'POST',
    target: action.target,
    targetOk: /^https:\/\/\S/i.test(action.target.trim()),
    headers: [...cardHeaders, ...added],
    contentType: action.bodyContentType,
    body: resolveBody(action.body, values, action.bodyContentType),
    unknownPlaceholders,
  };
}

/**
 * The key under which an input's typed value is kept: its id, or its position when it has none (an
 * input without an id can be filled in but never substituted).
 */
export function inputKey(input: InputModel, index: number): string {
  return input.id || `#${index}`;
}

/** The value of each input before the user types: its `value`, as Teams pre-fills it. */
export function initialValues(inputs: readonly InputModel[]): Record<string, string> {
  const values: Record<string, string> = {};
  inputs.forEach((input, index) => (values[inputKey(input, index)] = input.value));
  return values;
}

/** The positions of required inputs left empty: the inner action does not run until they are filled. */
export function missingRequired(inputs: readonly InputModel[], values: Readonly<Record<string, string>>): number[] {
  const missing: number[] = [];
  inputs.forEach((input, index) => {
    if (input.required && !(values[inputKey(input, index)] ?? '').trim()) missing.push(index);
  });
  return missing;
}
