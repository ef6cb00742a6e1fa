import { Input } from '@fluentui/react-components';
import { normaliseHexColor } from '../../../card/formFields.ts';
import { asString } from '../../../json/read.ts';

/** A hex colour: a swatch that opens the system's picker, and the text of the colour. */
export function ColorControl({
  id,
  value,
  describedBy,
  write,
  label,
}: {
  id: string;
  value: unknown;
  describedBy: string | undefined;
  write(next: unknown, typing?: boolean): void;
  label: string;
}) {
  const text = asString(value) ?? '';
  const hex = normaliseHexColor(text);
  return (
    <div className="form-color-row">
      <input
        type="color"
        className="form-color-swatch"
        aria-label={`${label}: pick a colour`}
        value={`#${hex ?? '000000'}`.toLowerCase()}
        onChange={(event) => write(event.target.value.slice(1).toUpperCase(), true)}
      />
      <Input
        id={id}
        value={text}
        placeholder="0076D7"
        aria-describedby={describedBy}
        contentBefore={<span aria-hidden>#</span>}
        onChange={(_e, data) => write(data.value, true)}
      />
    </div>
  );
}
