import { Select } from '@fluentui/react-components';
import { asString } from '../../../json/read.ts';
import type { ControlProps } from './types.ts';

/** A drop-down of the allowed values; a value outside them is kept as the first option. */
export function EnumControl({
  id,
  value,
  describedBy,
  write,
  remove,
  options: allowed,
  required,
}: ControlProps & { remove(): void; options: readonly string[]; required: boolean }) {
  const current = value === undefined || value === null ? '' : (asString(value) ?? JSON.stringify(value));
  const options = allowed.includes(current) || current === '' ? allowed : [current, ...allowed];
  return (
    <Select
      id={id}
      value={current}
      aria-describedby={describedBy}
      onChange={(_e, data) => (data.value === '' ? remove() : write(data.value))}
    >
      {(!required || current === '') && <option value="">(not set)</option>}
      {options.map((option) => (
        <option key={option} value={option}>
          {option}
        </option>
      ))}
    </Select>
  );
}
