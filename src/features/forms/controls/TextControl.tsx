import { Input } from '@fluentui/react-components';
import { asString } from '../../../json/read.ts';
import { ImageThumbnail } from './ImageThumbnail.tsx';
import type { ControlProps } from './types.ts';

/** A one-line text, a URL, or an image URL with a thumbnail of the image beside it. */
export function TextControl({
  id,
  value,
  describedBy,
  write,
  kind,
  label,
}: ControlProps & { kind: 'text' | 'url' | 'image'; label: string }) {
  const text = asString(value) ?? '';
  const input = (
    <Input
      id={id}
      value={text}
      inputMode={kind === 'text' ? undefined : 'url'}
      placeholder={kind === 'text' ? undefined : 'https://'}
      aria-describedby={describedBy}
      onChange={(_e, data) => write(data.value, true)}
    />
  );
  if (kind !== 'image') return input;
  return (
    <div className="form-image-row">
      {input}
      <ImageThumbnail url={text} label={label} />
    </div>
  );
}
