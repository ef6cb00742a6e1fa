import { describe, expect, it } from 'vitest';
import { convertToAdaptiveCard } from '../adaptive/convert.ts';
import { countButtons } from '../webhook/prepare.ts';
import type { ConversionNote, ConversionResult } from '../adaptive/types.ts';
import { adaptiveVerdict, messageCardVerdict } from './compareVerdicts.ts';

function result(...kinds: ConversionNote['kind'][]): ConversionResult {
  const notes = kinds.map((kind, i) => ({ kind, path: [], topic: `t${i}`, message: 'm' }));
  return { card: { type: 'AdaptiveCard', version: '1.4', body: [] }, notes } as unknown as ConversionResult;
}

describe('the verdicts of the side-by-side view', () => {
  it('count the buttons Workflows leaves out of a MessageCard', () => {
    expect(messageCardVerdict(0)).toEqual({ text: 'Everything is shown: the card has no buttons.', ok: true });
    expect(messageCardVerdict(1)).toEqual({ text: '1 button not shown: Workflows draws no buttons.', ok: false });
    expect(messageCardVerdict(3).text).toBe('3 buttons not shown: Workflows draws no buttons.');
  });

  it('count what the conversion loses, limits and changes, and warn about versions above 1.4', () => {
    expect(adaptiveVerdict(result(), '1.4')).toEqual({ text: 'Nothing lost in conversion.', ok: true });
    expect(adaptiveVerdict(result('approximated', 'unused'), '1.4')).toEqual({
      text: '1 shown differently.',
      ok: true,
    });
    expect(adaptiveVerdict(result('lost', 'lost', 'limit', 'approximated'), '1.4')).toEqual({
      text: '2 things lost in conversion; 1 limit to check; 1 shown differently.',
      ok: false,
    });
    const tooNew = adaptiveVerdict(result(), '1.5');
    expect(tooNew.ok).toBe(false);
    expect(tooNew.text).toMatch(/^Version 1\.5 may show as “this card couldn't be displayed”\.$/);
  });

  it('agree with the converter on a card with an HttpPOST button', () => {
    const card = {
      '@type': 'MessageCard',
      summary: 'Deploy',
      text: 'Deploy?',
      potentialAction: [
        { '@type': 'HttpPOST', name: 'Approve', target: 'https://example.com/approve' },
        { '@type': 'OpenUri', name: 'Open', targets: [{ os: 'default', uri: 'https://example.com' }] },
      ],
    };
    expect(messageCardVerdict(countButtons(card)).text).toMatch(/^2 buttons not shown/);
    const verdict = adaptiveVerdict(convertToAdaptiveCard(card, { version: '1.4' }), '1.4');
    expect(verdict.ok).toBe(false);
    expect(verdict.text).toMatch(/^1 thing lost in conversion/);
  });
});
