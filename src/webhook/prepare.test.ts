import { describe, expect, it } from 'vitest';
import { countButtons, prepareWorkflowsMessage, sendFormatFor } from './prepare.ts';

describe('what a send to Workflows posts', () => {
  it('offers the converted card by default for Workflows targets, the card as written for other hosts', () => {
    expect(sendFormatFor('workflows-power-platform', undefined)).toBe('adaptive');
    expect(sendFormatFor('workflows-logic-apps', 'messagecard')).toBe('messagecard');
    expect(sendFormatFor('other', undefined)).toBe('messagecard');
    expect(sendFormatFor('other', 'adaptive')).toBe('adaptive');
  });

  it('offers no choice for Teams incoming webhooks and the local inbox, which take MessageCards', () => {
    expect(sendFormatFor('incoming-webhook', 'adaptive')).toBeUndefined();
    expect(sendFormatFor('local-inbox', 'adaptive')).toBeUndefined();
    expect(sendFormatFor('legacy-connector', undefined)).toBeUndefined();
  });

  it('prepares the Workflows message in the chosen version, with its posted size', () => {
    const prepared = prepareWorkflowsMessage(
      { text: 'Hello', potentialAction: [{ '@type': 'HttpPOST', name: 'x' }] },
      '1.3',
    );
    expect(prepared.message.attachments[0]!.content.version).toBe('1.3');
    expect(prepared.bytes).toBe(new TextEncoder().encode(JSON.stringify(prepared.message)).length);
    expect(prepared.notes.map((n) => n.topic)).toContain('http-post');
  });

  it('carries the Teams options: full width or not, and the mentions that have an ID', () => {
    const card = { text: 'Paging <at>Ada</at> and <at>Alan</at>' };
    expect(prepareWorkflowsMessage(card, '1.4').message.attachments[0]!.content.msteams).toEqual({ width: 'Full' });
    const prepared = prepareWorkflowsMessage(card, '1.4', {
      fullWidth: false,
      mentions: { Ada: 'ada@contoso.com' },
    });
    const content = prepared.message.attachments[0]!.content;
    expect(content.msteams).toEqual({
      entities: [{ type: 'mention', text: '<at>Ada</at>', mentioned: { id: 'ada@contoso.com', name: 'Ada' } }],
    });
    expect(prepared.mentions.map((m) => [m.name, m.state])).toEqual([
      ['Ada', 'mentioned'],
      ['Alan', 'missing'],
    ]);
    expect(prepared.notes.map((n) => n.topic)).toContain('mention-no-id');
    expect(prepared.bytes).toBe(new TextEncoder().encode(JSON.stringify(prepared.message)).length);
  });

  it('counts the buttons Workflows would not draw, in the card and its sections', () => {
    expect(
      countButtons({
        potentialAction: [{}, {}],
        sections: [{ potentialAction: [{}] }, null, { potentialAction: 'x' }],
      }),
    ).toBe(3);
    expect(countButtons({})).toBe(0);
  });
});
