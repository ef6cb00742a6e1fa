/**
 * Rules for actions (buttons) and the inputs of ActionCards: reference/messagecard.md §4 and §5,
 * with the severities of the SOURCES.md contract.
 */
import {
  actionCardState,
  actionCardStateSentence,
  actionsCountedForLimit,
  choiceLayout,
  describeChoiceLayout,
  readDateValue,
} from '../behaviour.ts';
import { ACTION_TYPES, INPUT_TYPES, type ActionType, type InputType, type JsonPath } from '../types.ts';
import { SCHEMA_PHRASES, type SchemaKind } from '../grammar.ts';
import { isHttpUrl } from '../urls.ts';
import type { LintContext } from './context.ts';
import { ANY_ACTION_KINDS, ANY_INPUT_KINDS, boundedEditDistance, checkFields, forEachElement } from './fields.ts';
import { asBoolean, asText, has, hasVisibleText, isRecord, own, quote, scanned } from './read.ts';
import { checkNoPlaceholder, checkUrl, placeholderIds } from './urls.ts';

/** Where an action list sits: on the card, in a section, or inside an ActionCard. */
export type ActionLevel = 'card' | 'section' | 'actioncard';

const OS_VALUES = ['default', 'windows', 'iOS', 'android'] as const;
const BODY_CONTENT_TYPES = ['application/json', 'application/x-www-form-urlencoded'] as const;
const CHOICE_STYLES = ['compact', 'expanded', 'normal'] as const;

/** Outlook shows at most 4 actions per list; Teams at most 5 per section (§4.1). */
const OUTLOOK_MAX_ACTIONS = 4;
const TEAMS_MAX_SECTION_ACTIONS = 5;

function isBlank(value: unknown): boolean {
  return value === undefined || value === null || (typeof value === 'string' && value.trim() === '');
}

function isEmptyList(value: unknown): boolean {
  return value === undefined || value === null || (Array.isArray(value) && value.length === 0);
}

/** The path of a field if the element has it, else the element's own path. */
function fieldOrElement(record: Record<string, unknown>, path: JsonPath, field: string): JsonPath {
  return has(record, field) && record[field] !== undefined ? [...path, field] : path;
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

/**
 * Checks a `potentialAction` (or ActionCard `actions`) list and each action in it. `inputs` are
 * the input ids of the enclosing ActionCard, for `{{id.value}}` in HttpPOST bodies.
 */
export function checkActionList(
  ctx: LintContext,
  list: unknown,
  path: JsonPath,
  level: ActionLevel,
  inputs?: readonly string[],
): void {
  if (!Array.isArray(list)) return;
  const count = list.length;
  if (level !== 'actioncard' && count > 0) {
    ctx.report(
      'workflows-actions-not-rendered',
      path,
      `Cards posted through Workflows show no buttons: ${count === 1 ? 'this action is' : `these ${count} actions are`} not rendered. Put important links in the text, or convert the card to an Adaptive Card.`,
    );
  }
  // Only what the host draws counts toward its limit (InvokeAddInCommand takes no place in Teams).
  checkActionCount(ctx, level === 'actioncard' ? count : actionsCountedForLimit(list, ctx.host), path, level);
  forEachElement(ctx, list, path, 'action', (action, actionPath) =>
    checkAction(ctx, action, actionPath, level, inputs),
  );
}

function checkActionCount(ctx: LintContext, count: number, path: JsonPath, level: ActionLevel): void {
  if (count <= OUTLOOK_MAX_ACTIONS) return;
  const extra = count - OUTLOOK_MAX_ACTIONS;
  let message: string;
  if (ctx.host === 'outlook') {
    message = `Outlook shows at most 4 actions per list: the last ${plural(extra, 'action')} of these ${count} will not be shown.`;
  } else if (level === 'section' && count > TEAMS_MAX_SECTION_ACTIONS) {
    const hidden = count - TEAMS_MAX_SECTION_ACTIONS;
    message = `Teams shows at most 5 actions per section: the last ${plural(hidden, 'action')} of these ${count} will not be shown.`;
  } else if (level === 'section') {
    message = `5 actions fit in a Teams section, but Outlook shows at most 4 per list: the last one is lost there.`;
  } else {
    const where = level === 'card' ? 'card-level buttons' : 'buttons in an ActionCard panel';
    message = `Teams does not document how many ${where} it shows, and Outlook shows 4: the last ${plural(extra, 'action')} of these ${count} may not appear. Keep 4 at most.`;
  }
  ctx.report('too-many-actions', path, message);
}

/** `@type` of an action or input: the known type, a case-corrected one, or undefined. */
function readType<T extends string>(value: unknown, known: readonly T[]): { type?: T; fixed?: T } {
  if (typeof value !== 'string') return {};
  if ((known as readonly string[]).includes(value)) return { type: value as T };
  const lower = value.trim().toLowerCase();
  const fixed = known.find((k) => k.toLowerCase() === lower);
  return fixed ? { fixed } : {};
}

function checkAction(
  ctx: LintContext,
  action: Record<string, unknown>,
  path: JsonPath,
  level: ActionLevel,
  inputs: readonly string[] | undefined,
): void {
  const rawType = own(action, '@type');
  const { type: knownType, fixed } = readType<ActionType>(rawType, ACTION_TYPES);
  const type = knownType ?? fixed;
  if (knownType === undefined) reportActionType(ctx, rawType, path, fixed, action);

  const label = type ? SCHEMA_PHRASES[type] : 'an action';
  const kinds: readonly SchemaKind[] = type ? ['action', type] : ANY_ACTION_KINDS;
  checkFields(ctx, action, path, kinds, label);

  const name = own(action, 'name');
  if (!hasVisibleText(name) && !Array.isArray(name) && !isRecord(name)) {
    ctx.report(
      'action-name-required',
      fieldOrElement(action, path, 'name'),
      `This action has no name. The name is the button's text: Teams cannot show a button without one.`,
    );
  }

  if (level === 'actioncard') {
    if (type === 'ActionCard') {
      ctx.report(
        'actioncard-nested',
        path,
        "An ActionCard inside an ActionCard does not work: an ActionCard may hold only OpenUri and HttpPOST actions. Move it to the card's or the section's potentialAction.",
      );
      return; // Nothing inside a nested ActionCard can work; not descending also bounds recursion.
    }
    if (type === 'ViewAction' || type === 'InvokeAddInCommand') {
      ctx.report(
        'actioncard-action-unsupported',
        path,
        `An ActionCard may hold only OpenUri and HttpPOST actions; this ${type} may not be drawn.${type === 'ViewAction' ? ' Use an OpenUri action instead.' : ''}`,
      );
    }
  }

  switch (type) {
    case 'OpenUri':
      checkOpenUri(ctx, action, path);
      break;
    case 'HttpPOST':
      checkHttpPost(ctx, action, path, inputs);
      break;
    case 'ActionCard':
      checkActionCard(ctx, action, path);
      break;
    case 'ViewAction':
      checkViewAction(ctx, action, path);
      break;
    case 'InvokeAddInCommand':
      ctx.report(
        'outlook-only-action',
        path,
        'InvokeAddInCommand opens an Outlook add-in: Teams does not draw this button (nor count it toward its limit). Use an OpenUri link for Teams.',
      );
      break;
    default:
      break;
  }
}

function reportActionType(
  ctx: LintContext,
  rawType: unknown,
  path: JsonPath,
  fixed: ActionType | undefined,
  action: Record<string, unknown>,
): void {
  const known = 'OpenUri, HttpPOST, ActionCard, ViewAction or InvokeAddInCommand';
  const typePath = [...path, '@type'];
  if (rawType === undefined || rawType === null) {
    // An action with `targets` is an OpenUri without its type: an obvious fix.
    const guess: ActionType | undefined = has(action, 'targets')
      ? 'OpenUri'
      : has(action, 'inputs') || has(action, 'actions')
        ? 'ActionCard'
        : undefined;
    ctx.report(
      'action-type-unknown',
      rawType === null ? typePath : path,
      `This action has no @type, so Teams cannot tell what the button does. Add "@type": ${known}.`,
      guess ? { fix: { title: `Set @type to ${guess}`, path: typePath, value: guess } } : {},
    );
    return;
  }
  if (fixed !== undefined) {
    ctx.report(
      'action-type-unknown',
      typePath,
      `${quote(rawType)} is not an action type: type names are case-sensitive, so Teams cannot use this action. Did you mean \`${fixed}\`?`,
      { fix: { title: `Use ${fixed}`, path: typePath, value: fixed } },
    );
    return;
  }
  const removed =
    rawType === 'Transaction'
      ? ' (Transaction was an Outlook payments action, removed in 2020 and never supported by Teams)'
      : '';
  ctx.report(
    'action-type-unknown',
    typePath,
    `${quote(rawType)} is not an action type${removed}: Teams cannot use this action. Use ${known}.`,
  );
}

function checkOpenUri(ctx: LintContext, action: Record<string, unknown>, path: JsonPath): void {
  const targets = own(action, 'targets');
  if (isEmptyList(targets)) {
    ctx.report(
      'openuri-targets-required',
      fieldOrElement(action, path, 'targets'),
      'This OpenUri action has no targets, so the button goes nowhere. Add "targets": [{ "os": "default", "uri": "https://..." }].',
      {
        fix: {
          title: 'Add a default target',
          path: [...path, 'targets'],
          value: [{ os: 'default', uri: 'https://example.com' }],
        },
      },
    );
    return;
  }
  if (!Array.isArray(targets)) return; // A non-list is reported by the kind check.
  let hasDefault = false;
  forEachElement(ctx, targets, [...path, 'targets'], 'target', (target, targetPath) => {
    checkFields(ctx, target, targetPath, ['openUriTarget'], SCHEMA_PHRASES.openUriTarget);
    const os = own(target, 'os');
    if (os === 'default') hasDefault = true;
    else if (os !== undefined && os !== null && !Array.isArray(os) && !isRecord(os)) {
      if (!(typeof os === 'string' && (OS_VALUES as readonly string[]).includes(os))) {
        const fixed =
          typeof os === 'string' ? OS_VALUES.find((v) => v.toLowerCase() === os.trim().toLowerCase()) : undefined;
        if (fixed === 'default') hasDefault = true;
        ctx.report(
          'openuri-os-invalid',
          [...targetPath, 'os'],
          `\`os\` is ${quote(os)}: Teams knows only "default", "windows", "iOS" and "android" (spelled exactly so) and cannot use this target.` +
            (fixed ? ` Did you mean "${fixed}"?` : ''),
          fixed ? { fix: { title: `Use ${fixed}`, path: [...targetPath, 'os'], value: fixed } } : {},
        );
      }
    }
    checkLink(ctx, own(target, 'uri'), [...targetPath, 'uri'], has(target, 'uri') ? undefined : targetPath, 'uri');
  });
  if (!hasDefault && targets.length > 0) {
    const first: unknown = targets[0];
    const fixable = isRecord(first) && (own(first, 'os') === undefined || own(first, 'os') === null);
    ctx.report(
      'openuri-default-target-missing',
      [...path, 'targets'],
      'No target has "os": "default": Teams desktop and web open the default target, so the button may open nothing there.',
      fixable
        ? { fix: { title: 'Make the first target the default', path: [...path, 'targets', 0, 'os'], value: 'default' } }
        : {},
    );
  }
}

/**
 * An OpenUri `uri` or ViewAction `target` URL: it must be http(s) (an error otherwise), then the
 * URL warnings apply. `missingAt` is set when the field is absent (the path to report at).
 */
function checkLink(
  ctx: LintContext,
  value: unknown,
  path: JsonPath,
  missingAt: JsonPath | undefined,
  field: string,
): void {
  if (Array.isArray(value) || isRecord(value)) return; // The kind check reports it.
  if (isBlank(value)) {
    ctx.report(
      'action-uri-invalid',
      missingAt ?? path,
      field === 'uri'
        ? 'This target has no uri, so the button goes nowhere. Add an https link.'
        : 'This target URL is empty, so the button goes nowhere. Add an https link.',
    );
    return;
  }
  if (typeof value !== 'string') {
    ctx.report(
      'action-uri-invalid',
      path,
      `This link is ${quote(value)}: Teams opens only http(s) links, so the button cannot work.`,
    );
    return;
  }
  if (!isHttpUrl(value)) {
    const embedded = /https?:\/\/[^\s"'<>]{1,2048}/i.exec(scanned(value))?.[0];
    const bare =
      value.length < 2048 && /^\s*(www\.)?[a-z0-9-]+(\.[a-z0-9-]+)+(\/\S*)?\s*$/i.test(value)
        ? `https://${value.trim()}`
        : undefined;
    const fixed = embedded ?? bare;
    ctx.report(
      'action-uri-invalid',
      path,
      `${quote(value)} is not an http(s) link: Teams opens only http and https links, so the button cannot work.`,
      fixed
        ? { fix: { title: `Use ${fixed.length > 40 ? `${fixed.slice(0, 39)}…` : fixed}`, path, value: fixed } }
        : {},
    );
    return;
  }
  checkUrl(ctx, value, path.slice(0, -1), path[path.length - 1] ?? '', 'link');
  checkNoPlaceholder(ctx, value, path, 'a link');
}

function checkHttpPost(
  ctx: LintContext,
  action: Record<string, unknown>,
  path: JsonPath,
  inputs: readonly string[] | undefined,
): void {
  ctx.report(
    'workflows-httppost-unusable',
    path,
    'HttpPOST cannot work in a card posted through Workflows: the button is not drawn, and Adaptive Cards over webhooks have no equivalent. Link to a page of your service (OpenUri) instead.',
  );
  const target = own(action, 'target');
  if (isBlank(target)) {
    ctx.report(
      'httppost-target-required',
      fieldOrElement(action, path, 'target'),
      'This HttpPOST has no target URL, so pressing the button cannot send anything. Add the https URL of your service.',
    );
  } else {
    checkUrl(ctx, target, path, 'target', 'post');
    checkNoPlaceholder(ctx, target, [...path, 'target'], 'the target URL');
  }

  const headers = own(action, 'headers');
  if (Array.isArray(headers)) {
    forEachElement(ctx, headers, [...path, 'headers'], 'header', (header, headerPath) => {
      checkFields(ctx, header, headerPath, ['httpHeader'], SCHEMA_PHRASES.httpHeader);
      checkNoPlaceholder(ctx, own(header, 'name'), [...headerPath, 'name'], 'a header');
      checkNoPlaceholder(ctx, own(header, 'value'), [...headerPath, 'value'], 'a header');
    });
  }

  const contentType = own(action, 'bodyContentType');
  if (contentType !== undefined && contentType !== null && !Array.isArray(contentType) && !isRecord(contentType)) {
    if (!(typeof contentType === 'string' && (BODY_CONTENT_TYPES as readonly string[]).includes(contentType))) {
      const lower = typeof contentType === 'string' ? contentType.trim().toLowerCase() : '';
      const fixed = BODY_CONTENT_TYPES.find((t) => lower === t || lower.startsWith(`${t};`));
      ctx.report(
        'httppost-body-content-type',
        [...path, 'bodyContentType'],
        `\`bodyContentType\` is ${quote(contentType)}: Teams sends only "application/json" or "application/x-www-form-urlencoded" and cannot send this request.` +
          (fixed ? ` Did you mean "${fixed}"?` : ''),
        fixed ? { fix: { title: `Use ${fixed}`, path: [...path, 'bodyContentType'], value: fixed } } : {},
      );
    }
  }

  const body = own(action, 'body');
  if (typeof body === 'string' && body.includes('{{')) checkBodyPlaceholders(ctx, body, [...path, 'body'], inputs);
}

function checkBodyPlaceholders(
  ctx: LintContext,
  body: string,
  path: JsonPath,
  inputs: readonly string[] | undefined,
): void {
  let fixedBody = body;
  let fixable = true;
  const unknown: string[] = [];
  for (const id of placeholderIds(body)) {
    if (inputs?.includes(id)) continue;
    unknown.push(id);
    // A near miss of a declared id (bounded: short ids, the first 100 inputs).
    const near =
      id.length > 64
        ? undefined
        : inputs
            ?.slice(0, 100)
            .find((known) => known.length <= 64 && boundedEditDistance(id.toLowerCase(), known.toLowerCase(), 2) <= 2);
    if (near !== undefined) fixedBody = fixedBody.split(`{{${id}.value}}`).join(`{{${near}.value}}`);
    else fixable = false;
  }
  if (unknown.length === 0) return;
  const names = unknown
    .slice(0, 5)
    .map((id) => `{{${id.length > 40 ? `${id.slice(0, 39)}…` : id}.value}}`)
    .join(', ');
  const message =
    inputs === undefined
      ? `${names} in the body names no input: this HttpPOST is not inside an ActionCard, so it has no inputs and Teams sends the text as written.`
      : inputs.length === 0
        ? `${names} in the body names no input: this ActionCard has no inputs, so Teams sends the text as written.`
        : `${names} names no input of this ActionCard (its inputs: ${inputs.slice(0, 5).join(', ')}${inputs.length > 5 ? ', …' : ''}): Teams sends the text as written.`;
  ctx.report(
    'placeholder-unknown-input',
    path,
    message,
    fixable && fixedBody !== body
      ? { fix: { title: 'Use the input ids of this ActionCard', path, value: fixedBody } }
      : {},
  );
}

function checkActionCard(ctx: LintContext, action: Record<string, unknown>, path: JsonPath): void {
  const actions = own(action, 'actions');
  if (isEmptyList(actions)) {
    // The same sentence as the preview's note and the converter's (card/behaviour.ts).
    const sentence = actionCardStateSentence(actionCardState(action));
    ctx.report(
      'actioncard-actions-required',
      fieldOrElement(action, path, 'actions'),
      `${sentence ?? 'This ActionCard has no actions.'} Add an HttpPOST or OpenUri action.`,
    );
  }
  const ids: string[] = [];
  const inputs = own(action, 'inputs');
  if (Array.isArray(inputs)) {
    const seen = new Set<string>();
    forEachElement(ctx, inputs, [...path, 'inputs'], 'input', (input, inputPath) => {
      const id = checkInput(ctx, input, inputPath);
      if (id === undefined) return;
      if (seen.has(id)) {
        ctx.report(
          'input-id-duplicate',
          [...inputPath, 'id'],
          `Another input of this ActionCard already has the id ${quote(id)}: {{${id}.value}} cannot tell them apart. Give each input its own id.`,
        );
      } else {
        seen.add(id);
        ids.push(id);
      }
    });
  }
  if (Array.isArray(actions)) checkActionList(ctx, actions, [...path, 'actions'], 'actioncard', ids);
}

function checkViewAction(ctx: LintContext, action: Record<string, unknown>, path: JsonPath): void {
  const target = own(action, 'target');
  if (isEmptyList(target)) {
    ctx.report(
      'viewaction-target-required',
      fieldOrElement(action, path, 'target'),
      'This ViewAction has no target, so the button goes nowhere. Add "target": ["https://..."].',
    );
    return;
  }
  if (!Array.isArray(target)) return; // A single URL is reported (with a fix) by the kind check.
  for (let i = 0; i < target.length; i++) checkLink(ctx, target[i], [...path, 'target', i], undefined, 'target');
}

/** Checks an input; returns its id when it has a usable one. */
function checkInput(ctx: LintContext, input: Record<string, unknown>, path: JsonPath): string | undefined {
  const rawType = own(input, '@type');
  const { type: knownType, fixed } = readType<InputType>(rawType, INPUT_TYPES);
  const type = knownType ?? fixed;
  if (knownType === undefined) {
    const typePath = [...path, '@type'];
    const known = 'TextInput, DateInput or MultichoiceInput';
    if (rawType === undefined || rawType === null) {
      const guess: InputType | undefined = has(input, 'choices') ? 'MultichoiceInput' : undefined;
      ctx.report(
        'input-type-unknown',
        rawType === null ? typePath : path,
        `This input has no @type, so Teams cannot draw it. Add "@type": ${known}.`,
        guess ? { fix: { title: `Set @type to ${guess}`, path: typePath, value: guess } } : {},
      );
    } else {
      ctx.report(
        'input-type-unknown',
        typePath,
        fixed
          ? `${quote(rawType)} is not an input type: type names are case-sensitive, so Teams cannot draw this input. Did you mean \`${fixed}\`?`
          : `${quote(rawType)} is not an input type: Teams cannot draw this input. Use ${known}.`,
        fixed ? { fix: { title: `Use ${fixed}`, path: typePath, value: fixed } } : {},
      );
    }
  }
  const kinds: readonly SchemaKind[] = type ? ['input', type] : ANY_INPUT_KINDS;
  checkFields(ctx, input, path, kinds, type ? SCHEMA_PHRASES[type] : 'an input');

  const id = own(input, 'id');
  let usableId: string | undefined;
  if (hasVisibleText(id)) usableId = asText(id);
  else if (!Array.isArray(id) && !isRecord(id)) {
    ctx.report(
      'input-id-required',
      fieldOrElement(input, path, 'id'),
      'This input has no id: an HttpPOST body reads its value as {{id.value}}, so without an id the value is lost.',
    );
  }
  if (type === 'MultichoiceInput') checkChoices(ctx, input, path);
  if (type === 'DateInput') checkDateValue(ctx, input, path);
  return usableId;
}

/** A DateInput `value` the date picker cannot read (card/behaviour.ts `readDateValue`) starts empty. */
function checkDateValue(ctx: LintContext, input: Record<string, unknown>, path: JsonPath): void {
  const value = own(input, 'value');
  if (!hasVisibleText(value) || typeof value !== 'string') return;
  if (readDateValue(value).date !== undefined) return;
  ctx.report(
    'date-value-unreadable',
    [...path, 'value'],
    `The initial value ${quote(value)} is not an ISO date (like 2017-05-01 or 2017-05-01T17:07:18-07:00), so the date field starts empty.`,
  );
}

function checkChoices(ctx: LintContext, input: Record<string, unknown>, path: JsonPath): void {
  const choices = own(input, 'choices');
  if (isEmptyList(choices)) {
    ctx.report(
      'multichoice-choices-required',
      fieldOrElement(input, path, 'choices'),
      'This MultichoiceInput has no choices, so there is nothing to pick. Add "choices": [{ "display": "...", "value": "..." }].',
    );
  }
  const multiSelect = asBoolean(own(input, 'isMultiSelect')) === true;
  const values = new Set<string>();
  const displays = new Map<string, string>();
  if (Array.isArray(choices)) {
    forEachElement(ctx, choices, [...path, 'choices'], 'choice', (choice, choicePath) => {
      checkFields(ctx, choice, choicePath, ['choice'], SCHEMA_PHRASES.choice);
      const value = own(choice, 'value');
      const display = asText(own(choice, 'display'));
      if (value === undefined || value === null || value === '') {
        ctx.report(
          'choice-value-missing',
          fieldOrElement(choice, choicePath, 'value'),
          'This choice has no value: picking it gives {{id.value}} nothing to send.',
          display
            ? { fix: { title: `Use "${display}" as the value`, path: [...choicePath, 'value'], value: display } }
            : {},
        );
        return;
      }
      const text = asText(value);
      if (text === undefined) return;
      if (multiSelect && text.includes(',')) {
        ctx.report(
          'choice-value-comma',
          [...choicePath, 'value'],
          `The value ${quote(text)} contains a comma: this input is multi-select and Teams joins the picked values with commas, so the receiver cannot split them back.`,
        );
      }
      if (values.has(text)) {
        ctx.report(
          'choice-value-duplicate',
          [...choicePath, 'value'],
          `Another choice already has the value ${quote(text)}: the receiver cannot tell which one was picked.`,
        );
      }
      values.add(text);
      if (display !== undefined && !displays.has(display)) displays.set(display, text);
    });
  }

  const style = own(input, 'style');
  if (style !== undefined && style !== null && !Array.isArray(style) && !isRecord(style)) {
    if (!(typeof style === 'string' && (CHOICE_STYLES as readonly string[]).includes(style))) {
      // Teams' docs once wrote `"style": true` for a compact multi-select: a typo for "compact" (§5).
      const fixed =
        style === true
          ? 'compact'
          : typeof style === 'string'
            ? CHOICE_STYLES.find((s) => s === style.trim().toLowerCase())
            : undefined;
      // How the host reads it (card/behaviour.ts `choiceLayout`), in the words the preview draws it.
      const layout = choiceLayout(input, ctx.host);
      const reading =
        layout.source === 'recipe'
          ? `Teams' docs use it for a compact multi-select, and it is read as "compact": ${describeChoiceLayout(layout)}`
          : layout.source === 'given'
            ? `it is read as "${layout.style}": ${describeChoiceLayout(layout)}`
            : `${ctx.host === 'outlook' ? 'Outlook' : 'Teams'} knows "compact" and "expanded" (Outlook also "normal") and uses its default: ${describeChoiceLayout(layout)}`;
      ctx.report(
        'unexpected-value',
        [...path, 'style'],
        `\`style\` is ${quote(style)}: ${reading}.` + (fixed ? ` Write "${fixed}".` : ''),
        fixed ? { fix: { title: `Use ${fixed}`, path: [...path, 'style'], value: fixed } } : {},
      );
    }
  }

  const initial = own(input, 'value');
  if (values.size > 0 && hasVisibleText(initial)) {
    const text = asText(initial) ?? '';
    const wanted = multiSelect
      ? text
          .split(',')
          .map((v) => v.trim())
          .filter((v) => v.length > 0)
      : [text];
    const missing = wanted.filter((v) => !values.has(v));
    if (missing.length > 0) {
      const byDisplay = !multiSelect ? displays.get(text) : undefined;
      ctx.report(
        'multichoice-value-not-a-choice',
        [...path, 'value'],
        `The initial value ${quote(missing.join(','))} is not the value of any choice, so nothing is preselected.` +
          (byDisplay !== undefined ? ` It is the display text of the choice with value ${quote(byDisplay)}.` : ''),
        byDisplay !== undefined
          ? { fix: { title: `Use "${byDisplay}"`, path: [...path, 'value'], value: byDisplay } }
          : {},
      );
    }
  }
}
