import {
  Button,
  Checkbox,
  Dropdown,
  Field,
  Input,
  Option,
  Radio,
  RadioGroup,
  Select,
  Textarea,
} from '@fluentui/react-components';
import { useContext, useState } from 'react';
import {
  initialValues,
  inputKey,
  missingRequired,
  readAction,
  resolveRequest,
  type ActionModel,
  type InputModel,
} from '../../card/preview/actions.ts';
import { applyLimit } from '../../card/preview/limits.ts';
import { pathKey } from '../../card/preview/blocks.ts';
import { asArray } from '../../card/read.ts';
import type { JsonPath } from '../../card/types.ts';
import { Block, DesignerNote } from './Block.tsx';
import { ActionContext, FrameContext, type ActionDialog } from './context.ts';

const label = (name: string, fallback: string) => name.trim() || fallback;

/** The dialog a button opens instead of doing what Teams would do; undefined for buttons without one. */
function dialogFor(
  action: ActionModel,
  values: Record<string, string>,
  inActionCard: boolean,
): ActionDialog | undefined {
  switch (action.kind) {
    case 'HttpPOST':
      return { kind: 'post', name: action.name, request: resolveRequest(action, values), inActionCard };
    case 'OpenUri':
    case 'ViewAction':
      return { kind: 'open', name: action.name, action: action.kind, targets: action.targets, open: action.open };
    case 'InvokeAddInCommand':
      return { kind: 'addin', action };
    default:
      return undefined;
  }
}

interface ActionBarProps {
  actions: unknown;
  basePath: JsonPath;
  limit: number | undefined;
  /** Where the actions sit, for the group's name and the designer note. */
  where: 'card' | 'section';
}

/**
 * A row of action buttons, wrapped as the width requires, with the panel of the open ActionCard
 * below it. Buttons past the client's limit are not drawn; a designer note says how many.
 */
export function ActionBar({ actions, basePath, limit, where }: ActionBarProps) {
  const frame = useContext(FrameContext);
  const { openCard, setOpenCard, showDialog } = useContext(ActionContext);
  const list = asArray(actions) ?? [];
  if (list.length === 0) return null;
  const { shown, hidden } = applyLimit(list, limit);
  const models = shown.map(readAction);
  const openIndex = models.findIndex((m, j) => m.kind === 'ActionCard' && openCard === pathKey([...basePath, j]));
  const open = openIndex >= 0 ? models[openIndex] : undefined;
  const teams = frame?.renderer === 'teams';

  return (
    <div className="mc-action-area">
      <div className="mc-actions" role="group" aria-label={where === 'card' ? 'Card actions' : 'Section actions'}>
        {models.map((model, j) => {
          const path = [...basePath, j];
          const key = pathKey(path);
          if (model.kind === 'unknown') {
            return (
              <Block key={j} path={path} className="mc-action is-unknown">
                <DesignerNote>
                  An action of type “{model.type || 'none'}” is not drawn: Teams knows OpenUri, HttpPOST, ActionCard and
                  ViewAction.
                </DesignerNote>
              </Block>
            );
          }
          const addInBlocked = model.kind === 'InvokeAddInCommand' && !frame?.limits.addInCommands;
          return (
            <Block key={j} path={path} className="mc-action">
              <Button
                size="medium"
                className="mc-action-button"
                aria-expanded={model.kind === 'ActionCard' ? openCard === key : undefined}
                disabledFocusable={addInBlocked}
                onClick={() => {
                  if (model.kind === 'ActionCard') setOpenCard(openCard === key ? undefined : key);
                  else {
                    const dialog = dialogFor(model, {}, false);
                    if (dialog && !addInBlocked) showDialog(dialog);
                  }
                }}
              >
                <span className="mc-action-label">{label(model.name, 'Unnamed action')}</span>
              </Button>
              {addInBlocked && <span className="mc-badge">Outlook only: Teams does not run add-in commands</span>}
            </Block>
          );
        })}
      </div>
      {hidden > 0 && (
        <DesignerNote>
          {hidden} more {hidden === 1 ? 'action is' : 'actions are'} not drawn: {teams ? 'Teams' : 'Outlook'} shows at
          most {limit} {where === 'card' ? 'card actions' : 'actions per section'}.
        </DesignerNote>
      )}
      {open?.kind === 'ActionCard' && (
        <ActionCardPanel key={pathKey([...basePath, openIndex])} model={open} path={[...basePath, openIndex]} />
      )}
    </div>
  );
}

interface InputProps {
  input: InputModel;
  path: JsonPath;
  value: string;
  missing: boolean;
  onChange(value: string): void;
}

/** One input of an ActionCard, drawn with Fluent's controls; `title` is the placeholder, as in Teams. */
function CardInput({ input, path, value, missing, onChange }: InputProps) {
  const name = input.title || input.id || 'Input';
  const placeholder = input.title + (input.required ? ' (required)' : '');
  const validation = missing
    ? { validationMessage: 'Required: fill this in first.', validationState: 'error' as const }
    : {};
  let control;
  switch (input.kind) {
    case 'TextInput': {
      const common = {
        value,
        placeholder,
        'aria-label': name,
        'aria-required': input.required || undefined,
        maxLength: input.maxLength,
      };
      control = input.multiline ? (
        <Textarea {...common} resize="vertical" onChange={(_e, d) => onChange(d.value)} />
      ) : (
        <Input {...common} onChange={(_e, d) => onChange(d.value)} />
      );
      break;
    }
    case 'DateInput':
      control = (
        <Input
          type={input.includeTime ? 'datetime-local' : 'date'}
          value={value}
          aria-label={name}
          aria-required={input.required || undefined}
          onChange={(_e, d) => onChange(d.value)}
        />
      );
      break;
    case 'MultichoiceInput': {
      const selected = value ? value.split(',') : [];
      if (input.layout === 'dropdown') {
        control = (
          <Select
            value={value}
            aria-label={name}
            aria-required={input.required || undefined}
            onChange={(_e, d) => onChange(d.value)}
          >
            <option value="">{placeholder || 'Choose…'}</option>
            {input.choices.map((c, k) => (
              <option key={k} value={c.value}>
                {c.display}
              </option>
            ))}
          </Select>
        );
      } else if (input.layout === 'multi-dropdown') {
        control = (
          <Dropdown
            multiselect
            aria-label={name}
            placeholder={placeholder || 'Choose…'}
            selectedOptions={selected}
            value={input.choices
              .filter((c) => selected.includes(c.value))
              .map((c) => c.display)
              .join(', ')}
            onOptionSelect={(_e, d) => onChange(d.selectedOptions.join(','))}
          >
            {input.choices.map((c, k) => (
              <Option key={k} value={c.value}>
                {c.display}
              </Option>
            ))}
          </Dropdown>
        );
      } else if (input.layout === 'radio') {
        control = (
          <RadioGroup value={value} aria-label={name} onChange={(_e, d) => onChange(d.value)}>
            {input.choices.map((c, k) => (
              <Radio key={k} value={c.value} label={c.display} />
            ))}
          </RadioGroup>
        );
      } else {
        control = (
          <div role="group" aria-label={name} className="mc-checkboxes">
            {input.choices.map((c, k) => (
              <Checkbox
                key={k}
                label={c.display}
                checked={selected.includes(c.value)}
                onChange={(_e, d) =>
                  onChange(
                    input.choices
                      .filter((o) => (o.value === c.value ? d.checked === true : selected.includes(o.value)))
                      .map((o) => o.value)
                      .join(','),
                  )
                }
              />
            ))}
          </div>
        );
      }
      break;
    }
    default:
      return (
        <Block path={path} className="mc-input">
          <DesignerNote>An input of type “{input.type || 'none'}” is not drawn.</DesignerNote>
        </Block>
      );
  }
  const showsTitleAsLegend = input.kind === 'MultichoiceInput' && input.layout !== 'dropdown';
  return (
    <Block path={path} className="mc-input">
      {showsTitleAsLegend && input.title && <div className="mc-input-legend">{placeholder}</div>}
      {input.kind === 'MultichoiceInput' && input.layout === 'checkbox' ? (
        // Field gives its one control an id; a group of check boxes needs an id for each box.
        <>
          {control}
          {missing && (
            <span className="mc-required-message" role="alert">
              {validation.validationMessage}
            </span>
          )}
        </>
      ) : (
        <Field {...validation}>{control}</Field>
      )}
      {input.kind === 'TextInput' && input.maxLength !== undefined && (
        <div className="mc-counter" aria-live="polite">
          {value.length}/{input.maxLength}
        </div>
      )}
    </Block>
  );
}

/**
 * The inline panel of an open ActionCard: its inputs and its inner buttons. Pressing an inner button
 * first checks the required inputs, as Teams does, then shows what the button would do.
 */
function ActionCardPanel({ model, path }: { model: Extract<ActionModel, { kind: 'ActionCard' }>; path: JsonPath }) {
  const { showDialog } = useContext(ActionContext);
  const [values, setValues] = useState(() => initialValues(model.inputs));
  const [checked, setChecked] = useState(false);
  const missing = checked ? missingRequired(model.inputs, values) : [];
  const substitutions: Record<string, string> = {};
  model.inputs.forEach((input, k) => {
    if (input.id) substitutions[input.id] = values[inputKey(input, k)] ?? '';
  });

  return (
    <div className="mc-action-panel" role="group" aria-label={`${label(model.name, 'Action')} panel`}>
      {model.inputs.length === 0 && model.actions.length === 0 && (
        <DesignerNote>
          This ActionCard has no inputs and no actions: the new Teams client fails to draw it.
        </DesignerNote>
      )}
      {model.inputs.map((input, k) => (
        <CardInput
          key={k}
          input={input}
          path={[...path, 'inputs', k]}
          value={values[inputKey(input, k)] ?? ''}
          missing={missing.includes(k)}
          onChange={(value) => setValues((v) => ({ ...v, [inputKey(input, k)]: value }))}
        />
      ))}
      {missing.length > 0 && (
        <p className="mc-required-message" role="alert">
          Fill in the required {missing.length === 1 ? 'field' : 'fields'} first.
        </p>
      )}
      <div className="mc-actions" role="group" aria-label={`${label(model.name, 'Action')} buttons`}>
        {model.actions.map((inner, k) => {
          const innerPath = [...path, 'actions', k];
          if (inner.kind !== 'HttpPOST' && inner.kind !== 'OpenUri') {
            return (
              <Block key={k} path={innerPath} className="mc-action is-unknown">
                <DesignerNote>
                  An ActionCard may hold only OpenUri and HttpPOST actions; this{' '}
                  {inner.kind === 'unknown' ? `“${inner.type || 'untyped'}”` : inner.kind} is not drawn.
                </DesignerNote>
              </Block>
            );
          }
          return (
            <Block key={k} path={innerPath} className="mc-action">
              <Button
                appearance="primary"
                className="mc-action-button is-primary"
                onClick={() => {
                  setChecked(true);
                  if (missingRequired(model.inputs, values).length > 0) return;
                  const dialog = dialogFor(inner, substitutions, true);
                  if (dialog) showDialog(dialog);
                }}
              >
                <span className="mc-action-label">{label(inner.name, 'Unnamed action')}</span>
              </Button>
            </Block>
          );
        })}
      </div>
    </div>
  );
}
