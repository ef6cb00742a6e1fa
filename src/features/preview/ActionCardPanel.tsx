import './ActionCardPanel.css';
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
  useRestoreFocusTarget,
} from '@fluentui/react-components';
import { useContext, useState } from 'react';
import {
  initialValues,
  inputKey,
  missingRequired,
  type ActionModel,
  type InputModel,
} from '../../card/preview/actions.ts';
import { actionCardState, actionCardStateSentence } from '../../card/behaviour.ts';
import type { JsonPath } from '../../card/types.ts';
import { actionLabel as label, dialogFor } from './actionDialog.ts';
import { Block, DesignerNote } from './Block.tsx';
import { ActionContext } from './context.ts';

// The inputs of an ActionCard need most of Fluent's form controls; this module loads when the first
// ActionCard opens (or at idle after the first screen), not with the preview.

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
export default function ActionCardPanel({
  model,
  path,
}: {
  model: Extract<ActionModel, { kind: 'ActionCard' }>;
  path: JsonPath;
}) {
  const { showDialog } = useContext(ActionContext);
  const restoreFocus = useRestoreFocusTarget();
  const [values, setValues] = useState(() => initialValues(model.inputs));
  const [checked, setChecked] = useState(false);
  const missing = checked ? missingRequired(model.inputs, values) : [];
  // The same sentence as the rule and the converter's note (card/behaviour.ts).
  const stateNote = actionCardStateSentence(actionCardState(model));
  const substitutions: Record<string, string> = {};
  model.inputs.forEach((input, k) => {
    if (input.id) substitutions[input.id] = values[inputKey(input, k)] ?? '';
  });

  return (
    <div className="mc-action-panel" role="group" aria-label={`${label(model.name, 'Action')} panel`}>
      {stateNote && <DesignerNote>{stateNote}</DesignerNote>}
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
                {...restoreFocus}
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
