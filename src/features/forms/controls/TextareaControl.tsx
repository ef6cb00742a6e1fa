import { Textarea } from '@fluentui/react-components';
import { asString } from '../../../json/read.ts';
import type { ControlProps } from './types.ts';

/** A text of several lines. */
export function TextareaControl({ id, value, describedBy, write }: ControlProps) {
  return (
    <Textarea
      id={id}
      resize="vertical"
      rows={3}
      value={asString(value) ?? ''}
      aria-describedby={describedBy}
      onChange={(_e, data) => write(data.value, true)}
    />
  );
}
