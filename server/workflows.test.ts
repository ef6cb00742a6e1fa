import { describe, expect, it } from 'vitest';
import { INBOX_KEEP, INBOX_MAX_NAMES, INBOX_SIZE_LIMIT } from './inbox.js';
import { createWorkflows, RUN_ERRORS, runFlow, versionShown } from './workflows.js';

const json = (value: unknown) => Buffer.from(JSON.stringify(value), 'utf8');

const adaptive = (version: string | number = '1.4', extra: Record<string, unknown> = {}) => ({
  type: 'AdaptiveCard',
  version,
  body: [{ type: 'TextBlock', text: 'Build passed' }],
  ...extra,
});

const envelope = (...contents: unknown[]) => ({
  type: 'message',
  attachments: contents.map((content) => ({
    contentType: 'application/vnd.microsoft.card.adaptive',
    contentUrl: null,
    content,
  })),
});

const MESSAGE_CARD = {
  '@type': 'MessageCard',
  '@context': 'https://schema.org/extensions',
  summary: 'Build passed',
  title: 'Build passed',
  potentialAction: [{ '@type': 'OpenUri', name: 'Open', targets: [{ os: 'default', uri: 'https://example.com' }] }],
};

describe('runFlow: what a flow built on the Teams webhook trigger does with a body', () => {
  it('posts the Adaptive Card of an envelope, shown', () => {
    const card = adaptive('1.4');
    expect(runFlow(json(envelope(card)))).toEqual({
      status: 'Succeeded',
      posted: { format: 'adaptive', card, shown: true },
    });
  });

  it('posts each attachment of an envelope: the first in `posted`, the others in `morePosted`', () => {
    const [a, b, c] = [adaptive('1.2'), adaptive('1.3'), adaptive('1.4')];
    const run = runFlow(json(envelope(a, b, c)));
    expect(run.status).toBe('Succeeded');
    expect(run.posted?.card).toEqual(a);
    expect(run.morePosted?.map((p) => p.card)).toEqual([b, c]);
  });

  it('posts a bare MessageCard as it is (Teams draws it without its buttons)', () => {
    expect(runFlow(json(MESSAGE_CARD))).toEqual({
      status: 'Succeeded',
      posted: { format: 'messagecard', card: MESSAGE_CARD, shown: true },
    });
  });

  it('fails a MessageCard without summary or text as the connector did', () => {
    expect(runFlow(json({ '@type': 'MessageCard', title: 'Only a title' }))).toEqual({
      status: 'Failed',
      error: RUN_ERRORS.summaryOrText,
    });
  });

  it("fails a body without attachments that is not a MessageCard with the run history's Null text", () => {
    const run = runFlow(json({ type: 'message', text: 'Hello' }));
    expect(run.status).toBe('Failed');
    expect(run.error).toContain("'@triggerOutputs()?['body']?['attachments']' is of type 'Null'");
    expect(run.posted).toBeUndefined();
    // A MessageCard without its @type is not recognised either, and `null` has no attachments.
    expect(runFlow(json({ summary: 'Hi', text: 'Hello' })).error).toContain("is of type 'Null'");
    expect(runFlow(json(null)).error).toContain("is of type 'Null'");
  });

  it('fails when attachments is not an array, naming its type', () => {
    expect(runFlow(json({ attachments: { content: adaptive() } })).error).toContain("is of type 'Object'");
    expect(runFlow(json({ attachments: 'none' })).error).toContain("is of type 'String'");
  });

  it("fails an attachment whose content is not an Adaptive Card with \"Property 'type' must be 'AdaptiveCard'\"", () => {
    expect(runFlow(json(envelope(MESSAGE_CARD)))).toEqual({ status: 'Failed', error: RUN_ERRORS.notAdaptive });
    expect(runFlow(json({ attachments: [{ contentType: 'application/json' }] })).error).toBe(
      "Property 'type' must be 'AdaptiveCard'",
    );
    expect(runFlow(json(envelope('not json'))).error).toBe(RUN_ERRORS.notAdaptive);
  });

  it('still posts the good attachments of a message with a bad one, and fails the run', () => {
    const good = adaptive('1.4');
    const run = runFlow(json(envelope({ type: 'Container' }, good)));
    expect(run).toEqual({
      status: 'Failed',
      error: RUN_ERRORS.notAdaptive,
      posted: { format: 'adaptive', card: good, shown: true },
    });
  });

  it('takes content written as a JSON string, as the posting action reads text', () => {
    const card = adaptive('1.3');
    expect(runFlow(json(envelope(JSON.stringify(card)))).posted).toEqual({ format: 'adaptive', card, shown: true });
  });

  it('posts a card above version 1.4 but Teams shows "We\'re sorry, this card couldn\'t be displayed"', () => {
    const run = runFlow(json(envelope(adaptive('1.5'))));
    expect(run.status).toBe('Succeeded');
    expect(run.error).toBeUndefined();
    expect(run.posted?.shown).toBe(false);
    expect(runFlow(json(envelope({ type: 'AdaptiveCard', body: [] }))).posted?.shown).toBe(false);
  });

  it('fails a body over 28 KB with the payload-too-large text, whatever it holds', () => {
    const big = json(envelope(adaptive('1.4', { fallbackText: 'x'.repeat(INBOX_SIZE_LIMIT) })));
    expect(runFlow(big)).toEqual({
      status: 'Failed',
      error: 'The payload is too large. Please make sure the size is less than 28KB.',
    });
    expect(runFlow(Buffer.alloc(0), true).error).toBe(RUN_ERRORS.tooLarge);
    // Exactly 28 KB still runs.
    const card = { '@type': 'MessageCard', summary: 's', text: '' };
    const exact = json({ ...card, text: 'y'.repeat(INBOX_SIZE_LIMIT - json(card).length) });
    expect(exact.length).toBe(INBOX_SIZE_LIMIT);
    expect(runFlow(exact).status).toBe('Succeeded');
  });

  it('fails a body that is not JSON, or JSON that is not an object, because attachments cannot be selected', () => {
    const notJson = runFlow(Buffer.from('{"type": "message", attachments: [}', 'utf8'));
    expect(notJson.status).toBe('Failed');
    expect(notJson.error).toContain("Property selection is not supported on values of type 'String'");
    expect(runFlow(json([1, 2])).error).toContain("values of type 'Array'");
    expect(runFlow(json(42)).error).toContain("values of type 'Integer'");
  });
});

describe('versionShown', () => {
  it('shows 1.0 to 1.4, not 1.5, 2.0 or an unreadable version', () => {
    for (const v of ['1.0', '1.2', '1.4', ' 1.4 ', 1.3]) expect(versionShown(v), String(v)).toBe(true);
    for (const v of ['1.5', '1.10', '2.0', '1', 'latest', undefined, null, {}]) expect(versionShown(v)).toBe(false);
  });
});

describe('createWorkflows: the runs of the local Workflows webhooks', () => {
  it('answers 202 with an empty body whatever the payload, and records the run', async () => {
    let now = 1_000;
    const flows = createWorkflows({ now: () => now });
    for (const body of [json(envelope(adaptive())), Buffer.from('not json'), json({})]) {
      const answer = await flows.receive('ops', body);
      expect(answer).toMatchObject({ status: 202, body: '' });
      now += 10;
    }
    const runs = await flows.runs('ops');
    expect(runs.map((r) => r.status)).toEqual(['Failed', 'Failed', 'Succeeded']);
    expect(runs[0]).toEqual({ id: expect.any(String), receivedAt: 1_020, status: 'Failed', error: expect.any(String) });
    expect(await flows.runs('other')).toEqual([]);
  });

  it('lists every webhook newest first, with names, and orders runs of the same millisecond', async () => {
    const flows = createWorkflows({ now: () => 5 });
    for (let i = 0; i < 12; i++) await flows.receive(i % 2 ? 'a' : 'b', json(MESSAGE_CARD));
    const all = await flows.all();
    expect(all).toHaveLength(12);
    expect(all.map((r) => r.name).slice(0, 2)).toEqual(['a', 'b']);
    const ids = all.map((r) => r.id);
    expect([...ids].sort().reverse()).toEqual(ids);
  });

  it('keeps the newest runs per name and a bounded number of names', async () => {
    let now = 0;
    const flows = createWorkflows({ now: () => now++ });
    for (let i = 0; i < INBOX_KEEP + 5; i++) await flows.receive('busy', json(MESSAGE_CARD));
    expect(await flows.runs('busy')).toHaveLength(INBOX_KEEP);
    for (let i = 0; i < INBOX_MAX_NAMES; i++) await flows.receive(`name-${i}`, json(MESSAGE_CARD));
    // "busy" ran least recently, so the newest name pushed it out.
    expect(await flows.runs('busy')).toEqual([]);
    expect(new Set((await flows.all()).map((r) => r.name)).size).toBe(INBOX_MAX_NAMES);
  });

  it('clears one webhook or all of them', async () => {
    const flows = createWorkflows();
    await flows.receive('a', json(MESSAGE_CARD));
    await flows.receive('b', json(MESSAGE_CARD));
    await flows.clear('a');
    expect(await flows.runs('a')).toEqual([]);
    expect(await flows.runs('b')).toHaveLength(1);
    await flows.clear();
    expect(await flows.all()).toEqual([]);
  });
});
