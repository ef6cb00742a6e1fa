import {
  Button,
  Dialog,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  SearchBox,
} from '@fluentui/react-components';
import { Dismiss24Regular } from '@fluentui/react-icons';
import { useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import { searchTemplates, type CardTemplate } from '../../exchange/templates/index.ts';

export interface TemplateGalleryProps {
  open: boolean;
  onClose(): void;
  onChoose(template: CardTemplate): void;
  /** Draws a card the way the preview does (passed down by the app). */
  renderCard(card: Record<string, unknown>): ReactNode;
}

/** A scaled-down drawing of the card, made by the real preview once it scrolls into view. */
function Thumbnail({ text, renderCard }: { text: string; renderCard: TemplateGalleryProps['renderCard'] }) {
  const ref = useRef<HTMLDivElement>(null);
  const [visible, setVisible] = useState(typeof IntersectionObserver === 'undefined');
  useEffect(() => {
    const element = ref.current;
    if (visible || !element) return;
    const observer = new IntersectionObserver(
      (entries) => {
        if (entries.some((e) => e.isIntersecting)) {
          setVisible(true);
          observer.disconnect();
        }
      },
      { rootMargin: '200px' },
    );
    observer.observe(element);
    return () => observer.disconnect();
  }, [visible]);
  const card = useMemo(() => JSON.parse(text) as Record<string, unknown>, [text]);
  return (
    // A picture of the card, not a second copy of its controls: hidden from assistive technology and
    // inert, so its buttons and inputs take no focus and no clicks.
    <div className="share-thumb" ref={ref} aria-hidden inert>
      {visible ? <div className="share-thumb-scale">{renderCard(card)}</div> : null}
    </div>
  );
}

/** The template gallery: search, live thumbnails, one click opens a template. */
export function TemplateGallery({ open, onClose, onChoose, renderCard }: TemplateGalleryProps) {
  const [query, setQuery] = useState('');
  const found = searchTemplates(query);
  return (
    <Dialog open={open} onOpenChange={(_e, data) => !data.open && onClose()}>
      <DialogSurface className="share-gallery-surface" aria-label="Templates">
        <DialogBody>
          <DialogTitle
            action={<Button appearance="subtle" aria-label="Close" icon={<Dismiss24Regular />} onClick={onClose} />}
          >
            Start from a template
          </DialogTitle>
          <DialogContent className="share-gallery-content">
            <SearchBox
              className="share-gallery-search"
              placeholder="Search templates: build, approval, images…"
              aria-label="Search templates"
              value={query}
              onChange={(_e, data) => setQuery(data.value)}
            />
            <p className="share-hint">
              Opening a template keeps your current card in Drafts. Undo (Ctrl+Z) goes back to it.
            </p>
            {found.length === 0 ? (
              <p className="share-empty" role="status">
                No template matches “{query}”.
              </p>
            ) : (
              <ul className="share-gallery" aria-label="Templates">
                {found.map((t) => (
                  <li key={t.id}>
                    <button
                      type="button"
                      className="share-tile"
                      onClick={() => onChoose(t)}
                      aria-describedby={`tpl-${t.id}`}
                    >
                      <Thumbnail text={t.text} renderCard={renderCard} />
                      <span className="share-tile-name">{t.name}</span>
                      <span className="share-tile-description" id={`tpl-${t.id}`}>
                        {t.description}
                      </span>
                    </button>
                  </li>
                ))}
              </ul>
            )}
          </DialogContent>
        </DialogBody>
      </DialogSurface>
    </Dialog>
  );
}
