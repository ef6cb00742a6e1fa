import './Section.css';
import { Component, memo, useContext, type ReactNode } from 'react';
import { heroImageDrawn, sectionTextFormat, titleLinksAreLinks, type SectionGap } from '../../card/behaviour.ts';
import { applyLimit } from '../../card/preview/limits.ts';
import { asArray, asObject, asString } from '../../json/read.ts';
import { ActionBar } from './Actions.tsx';
import { Block, DesignerNote } from './Block.tsx';
import { CardImage } from './CardImage.tsx';
import { FrameContext } from './context.ts';
import { jsonEqual } from './equal.ts';
import { RichText, type TextMode } from './richText.tsx';

/** A text field as a block of its own, or nothing when the field holds no text. */
function TextBlock(props: {
  value: unknown;
  path: (string | number)[];
  mode: TextMode;
  className: string;
  testId?: string;
  links?: boolean;
  headingLevels?: 3 | 6;
}) {
  const text = asString(props.value);
  if (!text) return null;
  return (
    <Block path={props.path} className={props.className} testId={props.testId}>
      <RichText
        text={text}
        mode={props.mode}
        className="mc-rich"
        links={props.links}
        headingLevels={props.headingLevels}
      />
    </Block>
  );
}

interface SectionProps {
  section: unknown;
  index: number;
  /** What the host draws above the section (`sectionGap` of `card/behaviour.ts`). */
  gap: SectionGap;
}

/**
 * One section in the order Microsoft's own renderers use (reference §2, §9.1): title, activity block,
 * hero image, text, facts, images, actions.
 */
function SectionViewInner({ section: raw, index, gap }: SectionProps) {
  const frame = useContext(FrameContext)!;
  const host = frame.renderer;
  const section = asObject(raw) ?? {};
  const format = sectionTextFormat(section, host);
  const html = format.syntax === 'html';
  const headings = format.headingLevels;
  const textMode: TextMode = html ? 'html' : 'markdown';
  const inlineMode: TextMode = html ? 'inline-html' : 'inline';
  const base = ['sections', index];
  const activityImage = asString(section.activityImage);
  const hasActivity =
    !!activityImage || ['activityTitle', 'activitySubtitle', 'activityText'].some((k) => asString(section[k]));
  const article = asString(section.activityImageType) === 'article';
  const hero = asObject(section.heroImage);
  const facts = asArray(section.facts) ?? [];
  const images = applyLimit(asArray(section.images) ?? [], frame.limits.imagesPerSection);
  const renderer = frame.renderer === 'outlook' ? 'Outlook' : 'Teams';

  return (
    <Block path={base} className={`mc-section gap-${gap}`} testId={`preview-section-${index}`}>
      <TextBlock
        value={section.title}
        path={[...base, 'title']}
        mode={inlineMode}
        className="mc-section-title"
        links={titleLinksAreLinks(host)}
      />
      {hasActivity && (
        <div className="mc-activity">
          {activityImage !== undefined && (
            <Block path={[...base, 'activityImage']} className="mc-activity-image">
              <CardImage
                url={activityImage}
                title={asString(section.activityTitle) ?? 'Activity image'}
                className={article ? 'mc-article' : 'mc-avatar'}
              />
            </Block>
          )}
          <div className="mc-activity-body">
            <TextBlock
              value={section.activityTitle}
              path={[...base, 'activityTitle']}
              mode={inlineMode}
              className="mc-activity-title"
            />
            <TextBlock
              value={section.activitySubtitle}
              path={[...base, 'activitySubtitle']}
              mode={inlineMode}
              className="mc-activity-subtitle"
            />
            <TextBlock
              value={section.activityText}
              path={[...base, 'activityText']}
              mode={textMode}
              className="mc-activity-text"
              headingLevels={headings}
            />
          </div>
        </div>
      )}
      {hero && (
        <Block path={[...base, 'heroImage']} className="mc-hero">
          {heroImageDrawn(host) ? (
            <CardImage url={asString(hero.image)} title={asString(hero.title)} className="mc-hero-image" />
          ) : (
            <DesignerNote>
              Hero image not drawn: Teams does not show <code>heroImage</code> (Outlook does).
            </DesignerNote>
          )}
        </Block>
      )}
      <TextBlock
        value={section.text}
        path={[...base, 'text']}
        mode={textMode}
        className="mc-text"
        headingLevels={headings}
      />
      {facts.length > 0 && (
        <dl className={frame.newTeams && frame.renderer !== 'outlook' ? 'mc-facts is-stacked' : 'mc-facts'}>
          {facts.map((rawFact, j) => {
            const fact = asObject(rawFact) ?? {};
            const name = asString(fact.name);
            const value = asString(fact.value);
            return (
              <Block key={j} path={[...base, 'facts', j]} className="mc-fact">
                <dt>{name ? <RichText text={name} mode={inlineMode} className="mc-rich" /> : null}</dt>
                <dd>
                  {value ? (
                    <RichText text={value} mode={textMode} className="mc-rich" headingLevels={headings} />
                  ) : null}
                </dd>
              </Block>
            );
          })}
        </dl>
      )}
      {images.shown.length > 0 && (
        <div className="mc-images">
          {images.shown.map((rawImage, j) => {
            const image = asObject(rawImage);
            // A bare string is read as the URL: some senders write images as a list of URLs.
            const url = image ? asString(image.image) : asString(rawImage);
            return (
              <Block key={j} path={[...base, 'images', j]} className="mc-image">
                <CardImage url={url} title={asString(image?.title)} className="mc-gallery-image" />
              </Block>
            );
          })}
        </div>
      )}
      {images.hidden > 0 && (
        <DesignerNote>
          {images.hidden} more {images.hidden === 1 ? 'image is' : 'images are'} not drawn: {renderer} shows at most{' '}
          {frame.limits.imagesPerSection} per section.
        </DesignerNote>
      )}
      <ActionBar
        actions={section.potentialAction}
        basePath={[...base, 'potentialAction']}
        limit={frame.limits.actionsPerSection}
        where="section"
      />
    </Block>
  );
}

/** A section is drawn again only when its JSON value (or its place) changed. */
export const SectionView = memo(
  SectionViewInner,
  (prev, next) => prev.index === next.index && prev.gap === next.gap && jsonEqual(prev.section, next.section),
);

interface BoundaryProps {
  index: number;
  /** The section's value: a new value clears the error and tries again. */
  resetKey: unknown;
  children: ReactNode;
}

/** Keeps a render error inside one section: the rest of the card is still drawn. */
export class SectionBoundary extends Component<BoundaryProps, { error: Error | undefined }> {
  state = { error: undefined as Error | undefined };

  static getDerivedStateFromError(error: unknown) {
    return { error: error instanceof Error ? error : new Error(String(error)) };
  }

  componentDidUpdate(previous: BoundaryProps) {
    if (this.state.error && previous.resetKey !== this.props.resetKey) this.setState({ error: undefined });
  }

  render() {
    if (this.state.error) {
      return (
        <div className="mc-section mc-section-error" data-path={JSON.stringify(['sections', this.props.index])}>
          <DesignerNote>
            Section {this.props.index + 1} could not be drawn ({this.state.error.message}). The rest of the card is
            shown.
          </DesignerNote>
        </div>
      );
    }
    return this.props.children;
  }
}
