import { useState } from 'react';
import { Textarea } from '@fluentui/react-components';

/** Any JSON value as text; the card changes once the text parses, and the draft is kept until then. */
export function JsonControl({
  id,
  value,
  describedBy,
  write,
}: {
  id: string;
  value: unknown;
  describedBy: string | undefined;
  write(next: unknown): void;
}) {
  const shown = value === undefined ? '' : JSON.stringify(value, null, 2);
  const [draft, setDraft] = useState<{ text: string; from: string } | undefined>(undefined);
  const text = draft && draft.from === shown ? draft.text : shown;
  let error: string | undefined;
  try {
    if (text.trim()) JSON.parse(text);
  } catch {
    error = 'Not valid JSON yet; the card changes once it is.';
  }
  return (
    <>
      <Textarea
        id={id}
        className="form-code"
        resize="vertical"
        rows={3}
        value={text}
        aria-describedby={describedBy}
        aria-invalid={error !== undefined}
        onChange={(_e, data) => {
          setDraft({ text: data.value, from: shown });
          try {
            const parsed: unknown = JSON.parse(data.value);
            write(parsed);
          } catch {
            // Keep the draft until it parses.
          }
        }}
      />
      {error && <p className="form-note">{error}</p>}
    </>
  );
}
