import { Switch } from '@fluentui/react-components';
import { asBoolean } from '../../../json/read.ts';
import type { ControlProps } from './types.ts';

/** A switch; while the field is absent it shows the reference's default and says so. */
export function BooleanControl({
  id,
  value,
  describedBy,
  write,
  present,
  fallback,
}: ControlProps & { present: boolean; fallback: boolean }) {
  const checked = asBoolean(value) ?? fallback;
  return (
    <Switch
      id={id}
      checked={checked}
      aria-describedby={describedBy}
      label={present ? (checked ? 'On' : 'Off') : `${checked ? 'On' : 'Off'} (default, not set)`}
      onChange={(_e, data) => write(data.checked)}
    />
  );
}
