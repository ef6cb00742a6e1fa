/**
 * The buttons of the card and of its sections, and the inputs of ActionCards: what a Workflows
 * post can still do (open a link, show a form), and a note for each button that cannot work there.
 */
import { actionCardState, actionCardStateSentence, choiceLayout, readDateValue } from '../../card/behaviour.ts';
import type { JsonPath } from '../../card/types.ts';
import { asArray, asBoolean, asObject, asString } from '../../json/read.ts';
import type { AdaptiveObject } from '../types.ts';
import { safeLinkUrl } from '../urls.ts';
import { HOST, quote, type Conversion } from './context.ts';

function hostOf(url: string | undefined): string | undefined {
  return url ? /^https?:\/\/(?:[^@/?#\s]*@)?([^/?#\s]+)/i.exec(url)?.[1] : undefined;
}

/** The actions at `path` (a `potentialAction` or an ActionCard's `actions`), as Adaptive Card actions. */
export function convertActions(
  cx: Conversion,
  value: unknown,
  path: JsonPath,
  insideActionCard: boolean,
): AdaptiveObject[] {
  return (asArray(value) ?? []).flatMap((raw, i) => {
    const action = asObject(raw);
    if (!action) return [];
    const converted = convertAction(cx, action, [...path, i], insideActionCard);
    return converted ? [converted] : [];
  });
}

function convertAction(
  cx: Conversion,
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
        cx.note(
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
        cx.note(
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
        cx.note(
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
      cx.note(
        'lost',
        path,
        'http-post',
        `The button ${label}${host ? ` (HttpPOST to ${host})` : ''} is gone: a card posted through a Workflows webhook cannot call your service, and Adaptive Cards have no equivalent that works there.${sent}`,
      );
      return undefined;
    }
    case 'ActionCard': {
      if (insideActionCard) {
        cx.note(
          'lost',
          path,
          'nested-action-card',
          `The ActionCard ${label} inside another ActionCard is not allowed in a MessageCard either; it was left out.`,
        );
        return undefined;
      }
      return convertActionCard(cx, action, path, name, label);
    }
    case 'InvokeAddInCommand':
      cx.note(
        'unused',
        path,
        'outlook-only-action',
        `The button ${label} opens an Outlook add-in; Teams never showed it, and it was not carried.`,
      );
      return undefined;
    default:
      cx.note(
        'unused',
        path,
        'unknown-action',
        `The action ${label} of type ${quote(type || '(none)')} is not a MessageCard action Teams knows; it was not carried.`,
      );
      return undefined;
  }
}

function convertActionCard(
  cx: Conversion,
  action: Record<string, unknown>,
  path: JsonPath,
  name: string,
  label: string,
): AdaptiveObject {
  const inputs = (asArray(action.inputs) ?? []).flatMap((raw, i) => {
    const input = asObject(raw);
    return input ? convertInput(cx, input, [...path, 'inputs', i]) : [];
  });
  const inner = convertActions(cx, action.actions, [...path, 'actions'], true);
  // The same sentence as the preview's note and the rule (card/behaviour.ts).
  const stateSentence = actionCardStateSentence(actionCardState(action));
  if (stateSentence) cx.note('lost', [...path, 'actions'], 'action-card-no-actions', stateSentence);
  if (inputs.length > 0) {
    cx.note(
      'lost',
      [...path, 'inputs'],
      'action-card-inputs',
      `The form behind ${label} is shown, but what people enter goes nowhere: a card posted through a Workflows webhook cannot submit inputs.`,
    );
  }
  const body: AdaptiveObject[] =
    inputs.length > 0 ? inputs : [{ type: 'TextBlock', text: 'Nothing to fill in here.', wrap: true, isSubtle: true }];
  return {
    type: 'Action.ShowCard',
    title: name,
    card: { type: 'AdaptiveCard', body, ...(inner.length > 0 ? { actions: inner } : {}) },
  };
}

function convertInput(cx: Conversion, input: Record<string, unknown>, path: JsonPath): AdaptiveObject[] {
  const type = asString(input['@type']) ?? '';
  if (type !== 'TextInput' && type !== 'DateInput' && type !== 'MultichoiceInput') {
    cx.note(
      'lost',
      path,
      'unknown-input',
      `The input of type ${quote(type || '(none)')} is not one Teams knows; it was left out.`,
    );
    return [];
  }
  const id = cx.inputId(asString(input.id), path);
  const title = asString(input.title)?.trim();
  const value = asString(input.value);
  const common: Record<string, unknown> = { id, ...(title ? { placeholder: title } : {}) };
  if (asBoolean(input.isRequired) === true) {
    if (cx.atLeast('1.3')) {
      Object.assign(common, {
        isRequired: true,
        label: title || id,
        errorMessage: `${title || 'This field'} is required.`,
      });
    } else {
      cx.note(
        'approximated',
        [...path, 'isRequired'],
        'input-required',
        `Adaptive Cards ${cx.version} cannot mark an input as required (1.3 can); the input is optional.`,
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
        const timeId = cx.inputId(`${id}-time`, [...path, 'includeTime']);
        elements.push({
          type: 'Input.Time',
          id: timeId,
          ...(title ? { placeholder: `${title} (time)` } : {}),
          ...(time ? { value: time } : {}),
          spacing: 'Small',
        });
        cx.note(
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
