import { useState } from 'react';
import { imageVerdict } from '../../../card/urls.ts';

/** The image a URL field names, drawn only when the card's image policy draws it; otherwise why not. */
export function ImageThumbnail({ url, label }: { url: string; label: string }) {
  const [failed, setFailed] = useState<string | undefined>(undefined);
  const verdict = imageVerdict(url);
  if (!verdict.drawn) {
    return <span className="form-thumb is-empty">{url ? `Not drawn: ${verdict.why}` : 'No image'}</span>;
  }
  if (failed === url) return <span className="form-thumb is-empty">Could not load the image</span>;
  return (
    <img
      className="form-thumb"
      src={url}
      alt={`${label} preview`}
      referrerPolicy="no-referrer"
      loading="lazy"
      onError={() => setFailed(url)}
    />
  );
}
