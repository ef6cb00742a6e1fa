import { Button, Input } from '@fluentui/react-components';
import { Add16Regular, Delete16Regular } from '@fluentui/react-icons';
import type { JsonPath } from '../../../card/types.ts';
import { asArray, asString } from '../../../json/read.ts';
import { removeField, setField } from '../commands.ts';
import { useDesignerStore } from '../../../store/hooks.ts';

/** A list of strings: one field per entry, each removable, and a button that adds one. */
export function StringListControl({
  id,
  label,
  value,
  path,
  describedBy,
}: {
  id: string;
  label: string;
  value: unknown;
  path: JsonPath;
  describedBy: string | undefined;
}) {
  const designer = useDesignerStore();
  const items = asArray(value);
  if (value !== undefined && value !== null && !items) {
    return (
      <p className="form-note" id={id}>
        This field should be a list; it holds {JSON.stringify(value)}. Remove it and add entries again.
      </p>
    );
  }
  const list = items ?? [];
  return (
    <div className="form-list" id={id} role="group" aria-label={label} aria-describedby={describedBy}>
      {list.map((item, index) => (
        <div className="form-list-row" key={index}>
          <Input
            aria-label={`${label} ${index + 1}`}
            value={asString(item) ?? ''}
            onChange={(_e, data) => setField(designer, [...path, index], data.value, { typing: true })}
          />
          <Button
            size="small"
            appearance="subtle"
            icon={<Delete16Regular />}
            aria-label={`Remove ${label} ${index + 1}`}
            onClick={() => removeField(designer, [...path, index])}
          />
        </div>
      ))}
      <Button
        size="small"
        icon={<Add16Regular />}
        onClick={() =>
          setField(designer, [...path, list.length], list.length === 0 && value === undefined ? 'https://' : '')
        }
      >
        Add an entry
      </Button>
    </div>
  );
}
