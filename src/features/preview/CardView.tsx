import type { MouseEvent, ReactNode } from 'react';
import { asArray, asObject, asString } from '../../card/read.ts';
import type { JsonPath } from '../../card/types.ts';

/** Teams draws at most ten sections and drops the rest without a word (reference section 1). */
const TEAMS_MAX_SECTIONS = 10;
/** Without `themeColor`, Teams uses the accent colour of the connector's app. */
const DEFAULT_ACCENT = '#6264A7';
const HEX_COLOR = /^#?([0-9a-f]{6})$/i;

interface CardViewProps {
  card: Record<string, unknown>;
  selectedPath: JsonPath | undefined;
  onSelect(path: JsonPath): void;
}

function samePath(a: JsonPath | undefined, b: JsonPath): boolean {
  return a !== undefined && a.length === b.length && a.every((segment, i) => segment === b[i]);
}

/** Card text is shown as text: React escapes it, and no card content is ever parsed as HTML here. */
function Text({ value, className, testId }: { value: unknown; className: string; testId?: string }) {
  const text = asString(value);
  if (!text) return null;
  return (
    <div className={className} data-testid={testId}>
      {text}
    </div>
  );
}

/**
 * Draws a MessageCard the way Teams lays it out: colour bar, title, text, then each section with its
 * activity block and facts. Every block carries its JSON path; a click selects that element.
 */
export function CardView({ card, selectedPath, onSelect }: CardViewProps) {
  const block = (path: JsonPath, className: string, children: ReactNode, testId?: string) => (
    <div
      key={JSON.stringify(path)}
      className={samePath(selectedPath, path) ? `${className} is-selected` : className}
      data-path={JSON.stringify(path)}
      data-testid={testId}
      onClick={(event: MouseEvent) => {
        event.stopPropagation();
        onSelect(path);
      }}
    >
      {children}
    </div>
  );

  const color = HEX_COLOR.exec(asString(card.themeColor) ?? '')?.[1];
  const sections = asArray(card.sections) ?? [];
  const shownSections = sections.slice(0, TEAMS_MAX_SECTIONS);

  return block(
    [],
    'mc-card',
    <>
      <div className="mc-color-bar" style={{ background: color ? `#${color}` : DEFAULT_ACCENT }} aria-hidden />
      <div className="mc-body">
        <Text value={card.title} className="mc-title" testId="preview-title" />
        <Text value={card.text} className="mc-text" testId="preview-text" />
        {shownSections.map((raw, index) => {
          const section = asObject(raw) ?? {};
          const facts = asArray(section.facts) ?? [];
          const hasActivity = ['activityTitle', 'activitySubtitle', 'activityText'].some((k) => asString(section[k]));
          return block(
            ['sections', index],
            'mc-section',
            <>
              <Text value={section.title} className="mc-section-title" />
              {hasActivity && (
                <div className="mc-activity">
                  <Text value={section.activityTitle} className="mc-activity-title" />
                  <Text value={section.activitySubtitle} className="mc-activity-subtitle" />
                  <Text value={section.activityText} className="mc-activity-text" />
                </div>
              )}
              <Text value={section.text} className="mc-text" />
              {facts.length > 0 && (
                <dl className="mc-facts">
                  {facts.map((rawFact, factIndex) => {
                    const fact = asObject(rawFact) ?? {};
                    return block(
                      ['sections', index, 'facts', factIndex],
                      'mc-fact',
                      <>
                        <dt>{asString(fact.name)}</dt>
                        <dd>{asString(fact.value)}</dd>
                      </>,
                    );
                  })}
                </dl>
              )}
            </>,
            `preview-section-${index}`,
          );
        })}
        {sections.length > TEAMS_MAX_SECTIONS && (
          <p className="mc-designer-note" role="note">
            {sections.length - TEAMS_MAX_SECTIONS} more sections are not drawn: Teams shows at most {TEAMS_MAX_SECTIONS}
            .
          </p>
        )}
      </div>
    </>,
    'preview-card',
  );
}
