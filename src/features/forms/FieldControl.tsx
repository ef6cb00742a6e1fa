import { useId, type ReactNode } from 'react';
import { Button, Tooltip } from '@fluentui/react-components';
import { Dismiss16Regular } from '@fluentui/react-icons';
import { asString } from '../../json/read.ts';
import type { FieldSpec } from '../../card/formFields.ts';
import type { JsonPath, LocatedIssue } from '../../card/types.ts';
import { removeField, setField } from './commands.ts';
import { useDesignerStore } from '../../store/hooks.ts';
import { BodyControl } from './controls/BodyControl.tsx';
import { BooleanControl } from './controls/BooleanControl.tsx';
import { ChoiceDefaultControl } from './controls/ChoiceDefaultControl.tsx';
import { ColorControl } from './controls/ColorControl.tsx';
import { EnumControl } from './controls/EnumControl.tsx';
import { JsonControl } from './controls/JsonControl.tsx';
import { NumberControl } from './controls/NumberControl.tsx';
import { StringListControl } from './controls/StringListControl.tsx';
import { TextareaControl } from './controls/TextareaControl.tsx';
import { TextControl } from './controls/TextControl.tsx';
import { IssueList } from './IssueList.tsx';

/** Defaults the reference gives, shown while a boolean field is absent. */
const BOOLEAN_DEFAULTS: Readonly<Record<string, boolean>> = { markdown: true };

interface FieldControlProps {
  spec: FieldSpec;
  /** The element holding the field. */
  element: Record<string, unknown>;
  elementPath: JsonPath;
  issues: readonly LocatedIssue[];
  readOnly: boolean;
  /** For an HttpPOST body: the ids of the inputs of its ActionCard; undefined outside one. */
  inputIds?: readonly string[] | undefined;
}

/** Why a value of the wrong kind shows as it does. */
function kindNote(value: unknown): string | undefined {
  if (Array.isArray(value)) return 'This field holds a list; typing here replaces it with text.';
  if (value !== null && typeof value === 'object') return 'This field holds an object; typing here replaces it.';
  return undefined;
}

/**
 * One field of a property form: its label and hint, the control that fits it, a button that
 * removes the key, and the rule issues about it with their quick fixes.
 */
export function FieldControl({ spec, element, elementPath, issues, readOnly, inputIds }: FieldControlProps) {
  const designer = useDesignerStore();
  const id = useId();
  const hintId = `${id}-hint`;
  const path = [...elementPath, spec.name];
  const present = Object.hasOwn(element, spec.name);
  const value = element[spec.name];
  const write = (next: unknown, typing = false) => setField(designer, path, next, { typing });
  const describedBy = spec.hint || spec.markdown ? hintId : undefined;
  const remove = () => removeField(designer, path);
  const props = { id, value, describedBy, write };

  const control = ((): ReactNode => {
    switch (spec.control) {
      case 'boolean':
        return <BooleanControl {...props} present={present} fallback={BOOLEAN_DEFAULTS[spec.name] ?? false} />;
      case 'enum':
        return <EnumControl {...props} remove={remove} options={spec.options} required={spec.required} />;
      case 'number':
        return <NumberControl {...props} remove={remove} />;
      case 'color':
        return <ColorControl {...props} label={spec.label} />;
      case 'textarea':
        return <TextareaControl {...props} />;
      case 'body':
        return <BodyControl {...props} value={asString(value) ?? ''} inputIds={inputIds} readOnly={readOnly} />;
      case 'choiceDefault':
        return <ChoiceDefaultControl {...props} element={element} path={path} />;
      case 'list':
        return <StringListControl id={id} label={spec.label} value={value} path={path} describedBy={describedBy} />;
      case 'json':
        return <JsonControl {...props} />;
      case 'image':
      case 'url':
        return <TextControl {...props} kind={spec.control} label={spec.label} />;
      default:
        return <TextControl {...props} kind="text" label={spec.label} />;
    }
  })();

  const note = spec.control !== 'list' && spec.control !== 'json' ? kindNote(value) : undefined;
  return (
    <div className="form-field" data-field={spec.name}>
      <div className="form-field-head">
        <label htmlFor={id} className="form-label">
          {spec.label}
        </label>
        {present && !spec.required && (
          <Tooltip content={`Remove ${spec.name} from the card`} relationship="description">
            <Button
              size="small"
              appearance="subtle"
              icon={<Dismiss16Regular />}
              aria-label={`Remove ${spec.label}`}
              onClick={() => removeField(designer, path)}
              disabled={readOnly}
            />
          </Tooltip>
        )}
      </div>
      {control}
      {note && <p className="form-note">{note}</p>}
      {(spec.hint || spec.markdown) && (
        <p id={hintId} className="form-hint">
          {spec.markdown && (
            <span className="form-markdown-hint">Markdown: **bold**, _italic_, [link](https://…). </span>
          )}
          {spec.hint}
        </p>
      )}
      <IssueList issues={issues} readOnly={readOnly} />
    </div>
  );
}
