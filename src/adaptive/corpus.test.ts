// @vitest-environment happy-dom
/**
 * Every valid and sloppy card of the shared corpus converts, for each version Teams draws, to an
 * Adaptive Card that Microsoft's `adaptivecards` library parses and validates without a single
 * warning or error event. (Parsing needs no DOM, but the library touches `window` when loaded.)
 */
import { URL as NodeUrl } from 'node:url';
import * as AC from 'adaptivecards';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadCorpus, type CorpusEntry } from '../card/rules/testkit.ts';
import { convertToAdaptiveCard, workflowsEnvelope } from './convert.ts';
import { ADAPTIVE_VERSIONS, type AdaptiveCardJson, type AdaptiveVersion } from './types.ts';

// happy-dom replaces the global URL; node:fs accepts only Node's own.
const CORPUS = new NodeUrl('../../fixtures/corpus/', import.meta.url);
let entries: CorpusEntry[] = [];

beforeAll(async () => {
  ({ entries } = await loadCorpus(CORPUS));
});

const LIBRARY_VERSIONS: Record<AdaptiveVersion, AC.Version> = {
  '1.2': AC.Versions.v1_2,
  '1.3': AC.Versions.v1_3,
  '1.4': AC.Versions.v1_4,
  '1.5': AC.Versions.v1_5,
};

/** Parses with the library for `version` and returns every parse and validation event as text. */
export function libraryEvents(card: AdaptiveCardJson, version: AdaptiveVersion): string[] {
  const context = new AC.SerializationContext(LIBRARY_VERSIONS[version]);
  const parsed = new AC.AdaptiveCard();
  parsed.parse(card, context);
  const events: string[] = [];
  for (let i = 0; i < context.eventCount; i++) {
    const event = context.getEventAt(i);
    events.push(`parse ${AC.ValidationEvent[event.event]}: ${event.message}`);
  }
  for (const event of parsed.validateProperties().validationEvents) {
    events.push(`validate ${AC.ValidationEvent[event.event]}: ${event.message}`);
  }
  return events;
}

describe('converting the shared corpus', () => {
  it('finds the 25 valid and sloppy cards', () => {
    expect(entries.filter((e) => e.label === 'valid' || e.label === 'sloppy')).toHaveLength(25);
  });

  for (const version of ADAPTIVE_VERSIONS) {
    it(`gives Adaptive Cards ${version} that the adaptivecards library parses without a warning or an error`, () => {
      const failures: string[] = [];
      for (const entry of entries.filter((e) => e.label === 'valid' || e.label === 'sloppy')) {
        const { card } = convertToAdaptiveCard(entry.value as Record<string, unknown>, { version });
        expect(card.version).toBe(version);
        const events = libraryEvents(card, version);
        if (events.length > 0) failures.push(`${entry.file}:\n  ${events.join('\n  ')}`);
      }
      expect(failures.join('\n')).toBe('');
    });
  }

  it('also converts the invalid cards that parse, without throwing, into cards the library reads', () => {
    for (const entry of entries.filter((e) => e.label === 'invalid' && e.parseError === undefined)) {
      const { card } = convertToAdaptiveCard(entry.value as Record<string, unknown>);
      const errors = libraryEvents(card, '1.4').filter((e) => !e.includes('Hint'));
      expect(errors, entry.file).toEqual([]);
    }
  });

  it('reports something for every card that has buttons Workflows cannot keep', () => {
    for (const entry of entries.filter((e) => e.label === 'valid' || e.label === 'sloppy')) {
      const text = JSON.stringify(entry.value);
      const { notes } = convertToAdaptiveCard(entry.value as Record<string, unknown>);
      if (text.includes('"HttpPOST"'))
        expect(
          notes.some((n) => n.topic === 'http-post'),
          entry.file,
        ).toBe(true);
    }
  });

  it('wraps a converted card in the envelope Workflows expects', () => {
    const { card } = convertToAdaptiveCard({ text: 'Hello' });
    expect(workflowsEnvelope(card)).toEqual({
      type: 'message',
      attachments: [{ contentType: 'application/vnd.microsoft.card.adaptive', contentUrl: null, content: card }],
    });
  });
});
