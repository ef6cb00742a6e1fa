import './CardImage.css';
import { useState } from 'react';
import { drawnImageUrl } from '../../card/urls.ts';

interface CardImageProps {
  url: string | undefined;
  /** The image's `title`, its tooltip and alternative text. */
  title: string | undefined;
  className: string;
}

/**
 * An image of the card. Only http(s) and raster data URIs are loaded, without a referrer; an image
 * that is refused or fails to load becomes a placeholder that says so, with the image's title.
 */
export function CardImage({ url, title, className }: CardImageProps) {
  const src = drawnImageUrl(url);
  // Remembers which URL failed, so a corrected URL is tried again without any effect.
  const [failed, setFailed] = useState<string | undefined>(undefined);
  if (!src || failed === src) {
    const reason = !url?.trim() ? 'no image URL' : src ? 'could not be loaded' : 'not an http(s) image URL';
    return (
      <span className={`${className} mc-img-placeholder`} role="img" aria-label={`Image ${reason}: ${title ?? ''}`}>
        <span aria-hidden className="mc-img-placeholder-icon">
          ▨
        </span>
        <span className="mc-img-placeholder-text">{title || reason}</span>
      </span>
    );
  }
  return (
    <img
      className={className}
      src={src}
      alt={title ?? ''}
      title={title || undefined}
      referrerPolicy="no-referrer"
      onError={() => setFailed(src)}
    />
  );
}
