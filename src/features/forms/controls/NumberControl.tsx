import { Input } from '@fluentui/react-components';
import { asString } from '../../../json/read.ts';
import type { ControlProps } from './types.ts';

/** A number field; emptying it removes the key, and text that is not a number is not written. */
export function NumberControl({ id, value, describedBy, write, remove }: ControlProps & { remove(): void }) {
  const text = typeof value === 'number' ? String(value) : (asString(value) ?? '');
  return (
    <Input
      id={id}
      type="number"
      min={0}
      value={text}
      aria-describedby={describedBy}
      onChange={(_e, data) => {
        const n = Number(data.value);
        if (data.value.trim() === '') remove();
        else if (Number.isFinite(n)) write(n, true);
      }}
    />
  );
}
