import { Checkbox, Select } from '@fluentui/react-components';
import type { JsonPath } from '../../../card/types.ts';
import { asArray, asBoolean, asObject, asString } from '../../../json/read.ts';
import { removeField } from '../commands.ts';
import { useDesignerStore } from '../../../store/hooks.ts';

/** The initial value of a choice input: one of its choices, or several for a multi-select. */
export function ChoiceDefaultControl({
  id,
  element,
  value,
  describedBy,
  path,
  write,
}: {
  id: string;
  element: Record<string, unknown>;
  value: unknown;
  describedBy: string | undefined;
  path: JsonPath;
  write(next: unknown): void;
}) {
  const designer = useDesignerStore();
  const choices = (asArray(element.choices) ?? []).flatMap((raw) => {
    const choice = asObject(raw);
    const v = asString(choice?.value);
    return v === undefined ? [] : [{ value: v, display: asString(choice?.display) ?? v }];
  });
  const current = asString(value) ?? '';
  if (asBoolean(element.isMultiSelect)) {
    const picked = current === '' ? [] : current.split(',');
    const toggle = (v: string, on: boolean) => {
      const next = choices.map((c) => c.value).filter((c) => (c === v ? on : picked.includes(c)));
      if (next.length === 0) removeField(designer, path);
      else write(next.join(','));
    };
    return (
      <div role="group" aria-label="Initial value" aria-describedby={describedBy} id={id} className="form-checks">
        {choices.length === 0 && <p className="form-note">Add choices first.</p>}
        {choices.map((c) => (
          <Checkbox
            key={c.value}
            label={`${c.display} (${c.value})`}
            checked={picked.includes(c.value)}
            onChange={(_e, data) => toggle(c.value, data.checked === true)}
          />
        ))}
      </div>
    );
  }
  const known = choices.some((c) => c.value === current);
  return (
    <Select
      id={id}
      value={current}
      aria-describedby={describedBy}
      onChange={(_e, data) => (data.value === '' ? removeField(designer, path) : write(data.value))}
    >
      <option value="">(no default)</option>
      {!known && current !== '' && <option value={current}>{current} (not a choice)</option>}
      {choices.map((c) => (
        <option key={c.value} value={c.value}>
          {c.display === c.value ? c.value : `${c.display} (${c.value})`}
        </option>
      ))}
    </Select>
  );
}
