import './richText.css';
import { memo, useLayoutEffect, useRef } from 'react';
import { renderCardText, type TextMode, type TextOptions } from './sanitize.ts';

export type { TextMode, TextOptions };

/** Replaces an image that cannot be shown by a placeholder with its alternative text. */
function placeholderFor(img: HTMLImageElement): HTMLElement {
  const alt = img.getAttribute('alt') ?? '';
  const span = img.ownerDocument.createElement('span');
  span.className = 'mc-img-placeholder is-inline';
  span.setAttribute('role', 'img');
  span.setAttribute('aria-label', alt ? `Image not shown: ${alt}` : 'Image not shown');
  span.textContent = alt || 'Image';
  return span;
}

interface RichTextProps {
  text: string;
  mode: TextMode;
  className: string;
  testId?: string | undefined;
  /** How the host reads the text (links, heading levels), from `card/behaviour.ts`. */
  links?: boolean | undefined;
  headingLevels?: 3 | 6 | undefined;
}

/**
 * A card text drawn as Teams draws it. Only sanitized HTML (see {@link renderCardText}) is ever
 * put into the page; images that fail or were refused become a placeholder with their title.
 */
export const RichText = memo(function RichText({ text, mode, className, testId, links, headingLevels }: RichTextProps) {
  const ref = useRef<HTMLDivElement>(null);
  const html = renderCardText(text, mode, {
    ...(links === false ? { links: false } : {}),
    ...(headingLevels ? { headingLevels } : {}),
  });
  useLayoutEffect(() => {
    const root = ref.current;
    if (!root) return;
    const cleanups: (() => void)[] = [];
    for (const img of Array.from(root.querySelectorAll('img'))) {
      if (!img.getAttribute('src')) {
        img.replaceWith(placeholderFor(img));
        continue;
      }
      const onError = () => img.replaceWith(placeholderFor(img));
      if (img.complete && img.naturalWidth === 0 && typeof img.decode === 'function') {
        // Failed before this effect ran (a cached failure): decode() rejects for a broken image.
        img.decode().catch(() => img.isConnected && onError());
      }
      img.addEventListener('error', onError);
      cleanups.push(() => img.removeEventListener('error', onError));
    }
    return () => cleanups.forEach((c) => c());
  }, [html]);
  return <div ref={ref} className={className} data-testid={testId} dangerouslySetInnerHTML={{ __html: html }} />;
});
