// @vitest-environment happy-dom
import * as AC from 'adaptivecards';
import { describe, expect, it } from 'vitest';
import { convertToAdaptiveCard } from './convert.ts';
import { applyTeamsOptions, findMentions, mentionIdProblem, type TeamsOptions } from './teams.ts';
import type { AdaptiveCardJson } from './types.ts';

const UPN = 'ada.lovelace@contoso.com';
const GUID = '5f3c2a10-9b7e-4d21-8c6a-0e1f2d3c4b5a';

function convert(card: Record<string, unknown>, options: Partial<TeamsOptions> = {}) {
  const converted = convertToAdaptiveCard(card);
  return applyTeamsOptions(converted.card, card, { fullWidth: true, mentions: {}, ...options });
}

/** Every text of a TextBlock or fact in the card, in order. */
function texts(card: AdaptiveCardJson): string[] {
  const out: string[] = [];
  const walk = (value: unknown) => {
    if (Array.isArray(value)) return value.forEach(walk);
    if (typeof value !== 'object' || value === null) return;
    const o = value as Record<string, unknown>;
    if (o.type === 'TextBlock') out.push(String(o.text));
    if (o.type === 'FactSet') for (const f of o.facts as { title: string; value: string }[]) out.push(f.title, f.value);
    Object.values(o).forEach(walk);
  };
  walk(card.body);
  return out;
}

function libraryEvents(card: AdaptiveCardJson): string[] {
  const versions = {
    '1.2': AC.Versions.v1_2,
    '1.3': AC.Versions.v1_3,
    '1.4': AC.Versions.v1_4,
    '1.5': AC.Versions.v1_5,
  };
  const context = new AC.SerializationContext(versions[card.version]);
  const parsed = new AC.AdaptiveCard();
  parsed.parse(card, context);
  const events: string[] = [];
  for (let i = 0; i < context.eventCount; i++) events.push(context.getEventAt(i).message);
  for (const event of parsed.validateProperties().validationEvents) events.push(event.message);
  return events;
}

describe('finding mentions in a MessageCard', () => {
  it('lists each name once, with every field that writes it and how often', () => {
    const card = {
      title: 'For <at>Ada Lovelace</at>',
      text: 'Hi <at>Ada Lovelace</at> and <at>Grace Hopper</at>, also <at>Ada Lovelace</at>.',
      summary: '<at>Summary Person</at>',
      sections: [
        { activityTitle: '<at>Grace Hopper</at>', facts: [{ name: 'Owner', value: '<at>Ada Lovelace</at>' }] },
        null,
        { markdown: false, text: '<p><at>Alan Turing</at></p>' },
      ],
    };
    expect(findMentions(card)).toEqual([
      { name: 'Ada Lovelace', paths: [['title'], ['text'], ['sections', 0, 'facts', 0, 'value']], count: 4 },
      { name: 'Grace Hopper', paths: [['text'], ['sections', 0, 'activityTitle']], count: 2 },
      { name: 'Alan Turing', paths: [['sections', 2, 'text']], count: 1 },
    ]);
  });

  it('finds nothing in a card without <at> (or with empty, multi-line or bracketed ones)', () => {
    expect(findMentions({ text: 'Hello @Ada', sections: 'x' })).toEqual([]);
    expect(findMentions({ text: '<at></at> <at>  </at> <at>a\nb</at> <at><b>x</b></at> <AT>Ada</AT>' })).toEqual([]);
    expect(findMentions({})).toEqual([]);
  });
});

describe('valid mention IDs', () => {
  it('accepts UPNs and Entra object IDs, trimmed', () => {
    for (const id of [UPN, ` ${GUID} `, GUID.toUpperCase(), "o'brien_2#x@eu.contoso.co.uk"]) {
      expect(mentionIdProblem(id), id).toBeUndefined();
    }
  });

  it('explains what is wrong with anything else', () => {
    expect(mentionIdProblem('')).toContain('No ID');
    for (const id of ['ada', 'ada@', '@contoso.com', 'ada@contoso', '.ada@contoso.com', 'ada lovelace@contoso.com']) {
      expect(mentionIdProblem(id), id).toContain('neither a UPN');
    }
    expect(mentionIdProblem(`8:orgid:${GUID}`)).toBe(`Give the object ID without “8:orgid:”: ${GUID}.`);
    expect(mentionIdProblem(`${GUID}<script>`)).toContain('neither');
    expect(mentionIdProblem(`a@b.com\nBcc: x@y.com`)).toContain('neither');
  });
});

describe('applying the Teams options to a converted card', () => {
  it('mentions one name: the text stays as written and one entity names the person', () => {
    const result = convert(
      { text: 'Deploy approved by <at>Ada Lovelace</at>.' },
      { mentions: { 'Ada Lovelace': UPN } },
    );
    expect(result.card.body[0]).toEqual({
      type: 'TextBlock',
      text: 'Deploy approved by <at>Ada Lovelace</at>.',
      wrap: true,
    });
    expect(result.card.msteams).toEqual({
      width: 'Full',
      entities: [{ type: 'mention', text: '<at>Ada Lovelace</at>', mentioned: { id: UPN, name: 'Ada Lovelace' } }],
    });
    expect(result.mentions.map((m) => [m.name, m.state, m.id])).toEqual([['Ada Lovelace', 'mentioned', UPN]]);
    expect(result.notes).toEqual([]);
    expect(libraryEvents(result.card)).toEqual([]);
  });

  it('gives a name written several times one entity, in a title, a text and a fact', () => {
    const result = convert(
      {
        title: 'On call: <at>Ada</at>',
        sections: [{ text: '<at>Ada</at>, then <at>Ada</at> again', facts: [{ name: 'Who', value: '<at>Ada</at>' }] }],
      },
      { mentions: { Ada: GUID } },
    );
    expect(result.card.msteams?.entities).toHaveLength(1);
    expect(result.card.msteams?.entities?.[0]?.mentioned).toEqual({ id: GUID, name: 'Ada' });
    expect(texts(result.card).filter((t) => t.includes('<at>Ada</at>'))).toHaveLength(3);
    expect(result.mentions[0]).toMatchObject({ count: 4, state: 'mentioned' });
    expect(result.notes).toEqual([]);
  });

  it('maps several names in order of appearance and reports each one left without an ID', () => {
    const result = convert(
      { text: '<at>Grace</at> hands over to <at>Ada</at>; cc <at>Alan</at>' },
      { mentions: { Ada: UPN, Grace: GUID, Nobody: 'x@y.com' } },
    );
    expect(result.card.msteams?.entities?.map((e) => e.text)).toEqual(['<at>Grace</at>', '<at>Ada</at>']);
    expect(result.mentions.map((m) => m.state)).toEqual(['mentioned', 'mentioned', 'missing']);
    expect(result.notes).toEqual([
      {
        kind: 'approximated',
        path: ['text'],
        topic: 'mention-no-id',
        message: '<at>Alan</at> has no UPN or Entra object ID: it stays plain text and notifies nobody.',
      },
    ]);
    // The text is not touched: Teams shows it as written.
    expect(texts(result.card)[0]).toBe('<at>Grace</at> hands over to <at>Ada</at>; cc <at>Alan</at>');
  });

  it('makes no entity for a name without an ID, never guessing one from the name', () => {
    const result = convert({ text: 'Ping <at>ada.lovelace@contoso.com</at>' });
    expect(result.card.msteams).toEqual({ width: 'Full' });
    expect(result.mentions[0]).toMatchObject({ state: 'missing' });
    expect(result.notes.map((n) => n.topic)).toEqual(['mention-no-id']);
    // Blank IDs are no IDs.
    expect(convert({ text: '<at>Ada</at>' }, { mentions: { Ada: '   ' } }).mentions[0]!.state).toBe('missing');
  });

  it('reports an ID that is neither a UPN nor a GUID and makes no entity for it', () => {
    const result = convert({ text: '<at>Ada</at>' }, { mentions: { Ada: 'Ada Lovelace' } });
    expect(result.card.msteams).toEqual({ width: 'Full' });
    expect(result.mentions[0]).toMatchObject({ state: 'invalid', id: 'Ada Lovelace' });
    expect(result.notes[0]).toMatchObject({ kind: 'approximated', topic: 'mention-bad-id', path: ['text'] });
  });

  it('keeps names with odd characters exactly as the entity spells them, undoing the converter’s escapes', () => {
    const names = ["O'Brien", 'Zoë Núñez', '李雷', '_ops', 'Ada*', 'team [EU]', '_sre_', 'R&D'];
    const text = names.map((n) => `<at>${n}</at>`).join(' ');
    const mentions = Object.fromEntries(names.map((n, i) => [n, `user${i}@contoso.com`]));
    const result = convert({ text }, { mentions });
    expect(result.mentions.map((m) => m.state)).toEqual(names.map(() => 'mentioned'));
    expect(result.card.msteams?.entities?.map((e) => e.text)).toEqual(names.map((n) => `<at>${n}</at>`));
    for (const name of names) expect(texts(result.card)[0]).toContain(`<at>${name}</at>`);
    expect(libraryEvents(result.card)).toEqual([]);
  });

  it('treats hostile names as text: prototype keys, script, quotes, huge and unclosed input', () => {
    const card = {
      text: '<at>__proto__</at> <at>constructor</at> <at>toString</at> <at>"}],"x":{"</at> <at><script>alert(1)</script></at>',
    };
    // Nothing comes from Object.prototype: no ID given means no entity.
    const none = convert(card);
    expect(none.mentions.map((m) => [m.name, m.state])).toEqual([
      ['__proto__', 'missing'],
      ['constructor', 'missing'],
      ['toString', 'missing'],
      ['"}],"x":{"', 'missing'],
    ]);
    expect(none.card.msteams).toEqual({ width: 'Full' });

    const mentions = JSON.parse(`{"__proto__":"${UPN}","constructor":"${GUID}"}`) as Record<string, string>;
    const given = convert(card, { mentions });
    // `__proto__` is bold Markdown (`**proto**`) once converted, so its mention cannot be kept; it is said so.
    expect(given.mentions.map((m) => m.state)).toEqual(['not-carried', 'mentioned', 'missing', 'missing']);
    expect(given.card.msteams?.entities).toEqual([
      { type: 'mention', text: '<at>constructor</at>', mentioned: { id: GUID, name: 'constructor' } },
    ]);
    expect(({} as Record<string, unknown>).constructor).toBe(Object);

    const start = performance.now();
    expect(findMentions({ text: '<at>'.repeat(50_000) })).toEqual([]);
    expect(findMentions({ text: `<at>${'x'.repeat(200_000)}` })).toEqual([]);
    expect(findMentions({ text: `<at>${'x'.repeat(101)}</at>` })).toEqual([]);
    expect(performance.now() - start).toBeLessThan(500);
  });

  it('keeps a mention written in HTML text (markdown: false, or tags in Markdown)', () => {
    const result = convert(
      { sections: [{ markdown: false, text: '<p>Owner: <at>Ada</at></p>' }, { text: '<at>Grace</at>' }] },
      { mentions: { Ada: UPN, Grace: GUID } },
    );
    expect(result.mentions.map((m) => m.state)).toEqual(['mentioned', 'mentioned']);
    expect(result.card.msteams?.entities?.map((e) => e.text)).toEqual(['<at>Ada</at>', '<at>Grace</at>']);
    expect(result.notes).toEqual([]);

    // Written in Markdown and in HTML around other tags: both places keep their tag.
    const both = convert(
      { text: 'Owner <at>Ada</at>', sections: [{ text: '<b>Backup</b> <at>Ada</at>' }] },
      { mentions: { Ada: UPN } },
    );
    expect(both.mentions[0]).toMatchObject({ state: 'mentioned', count: 2, carried: 2 });
    expect(both.card.msteams?.entities).toHaveLength(1);
  });

  it('changes nothing but the width for a card without mentions', () => {
    const result = convert({ title: 'Build 42 passed', text: 'All **green**' }, { mentions: { Ada: UPN } });
    expect(result.mentions).toEqual([]);
    expect(result.notes).toEqual([]);
    expect(result.card.msteams).toEqual({ width: 'Full' });
  });

  it('sets full width on request, leaves msteams out without it, and never changes the card given', () => {
    const converted = convertToAdaptiveCard({ text: '<at>Ada</at>' }).card;
    const before = JSON.stringify(converted);
    const narrow = applyTeamsOptions(converted, { text: '<at>Ada</at>' }, { fullWidth: false, mentions: {} });
    expect('msteams' in narrow.card).toBe(false);
    const narrowMention = applyTeamsOptions(
      converted,
      { text: '<at>Ada</at>' },
      { fullWidth: false, mentions: { Ada: UPN } },
    );
    expect(narrowMention.card.msteams).toEqual({
      entities: [{ type: 'mention', text: '<at>Ada</at>', mentioned: { id: UPN, name: 'Ada' } }],
    });
    const wide = applyTeamsOptions(converted, { text: '<at>Ada</at>' }, { fullWidth: true, mentions: { Ada: UPN } });
    // msteams comes before body, where Teams reads it.
    expect(Object.keys(wide.card).slice(0, 4)).toEqual(['$schema', 'type', 'version', 'msteams']);
    expect(JSON.stringify(converted)).toBe(before);
    expect(libraryEvents(narrowMention.card)).toEqual([]);
  });
});
