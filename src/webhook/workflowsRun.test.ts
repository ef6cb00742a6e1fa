import { describe, expect, it } from 'vitest';
import { prepareWorkflowsMessage } from './prepare.ts';
import { adaptivePreflight, explainRun, postedCards, readRuns, type WorkflowsRun } from './workflowsRun.ts';

const run = (patch: Partial<WorkflowsRun>): WorkflowsRun => ({
  id: 'r1',
  receivedAt: 1,
  status: 'Succeeded',
  ...patch,
});
const adaptive = (version = '1.4') => ({ type: 'AdaptiveCard', version, body: [] });

// The run-history texts of server/workflows.js, as a flow's run shows them.
const NULL_TEXT =
  "ExpressionEvaluationFailed. The execution of template action 'Send_each_adaptive_card' failed: the result of the evaluation of 'foreach' expression '@triggerOutputs()?['body']?['attachments']' is of type 'Null'. The result must be a valid array.";
const selection = (type: string) =>
  `InvalidTemplate. Unable to process template language expressions in action 'Send_each_adaptive_card' inputs at line '0' and column '0': 'The template language expression 'triggerOutputs()?['body']?['attachments']' cannot be evaluated because property 'attachments' cannot be selected. Property selection is not supported on values of type '${type}'.'`;

describe('readRuns', () => {
  it('keeps well-formed runs and drops the rest', () => {
    const runs = readRuns([
      { id: 'a', receivedAt: 2, status: 'Succeeded', posted: { format: 'adaptive', card: {}, shown: false } },
      { id: 'b', receivedAt: 1, status: 'Failed', error: 'x', name: 'ops', morePosted: [{ format: 'nope' }] },
      { id: 'c', receivedAt: 1, status: 'Running' },
      { id: 4, receivedAt: 1, status: 'Failed' },
      null,
    ]);
    expect(runs).toEqual([
      { id: 'a', receivedAt: 2, status: 'Succeeded', posted: { format: 'adaptive', card: {}, shown: false } },
      { id: 'b', receivedAt: 1, status: 'Failed', error: 'x', name: 'ops' },
    ]);
    expect(readRuns({ items: [] })).toEqual([]);
  });
});

describe('explainRun', () => {
  it.each<[string, Partial<WorkflowsRun>, string, RegExp]>([
    [
      'posted',
      { posted: { format: 'adaptive', card: adaptive(), shown: true } },
      'success',
      /Teams shows the Adaptive Card/,
    ],
    [
      'posted-messagecard',
      { posted: { format: 'messagecard', card: {}, shown: true } },
      'success',
      /without its buttons/,
    ],
    [
      'not-displayed',
      { posted: { format: 'adaptive', card: adaptive('1.5'), shown: false } },
      'warning',
      /We're sorry, this card couldn't be displayed/,
    ],
    ['posted-nothing', {}, 'warning', /posted nothing/],
    [
      'too-large',
      { status: 'Failed', error: 'The payload is too large. Please make sure the size is less than 28KB.' },
      'error',
      /over 28 KB/,
    ],
    ['no-attachments', { status: 'Failed', error: NULL_TEXT }, 'error', /no "attachments"/],
    [
      'attachments-not-a-list',
      { status: 'Failed', error: NULL_TEXT.replace("'Null'", "'Object'") },
      'error',
      /not a list/,
    ],
    ['not-json', { status: 'Failed', error: selection('String') }, 'error', /not JSON/],
    ['not-an-object', { status: 'Failed', error: selection('Array') }, 'error', /not a JSON object/],
    [
      'not-adaptive',
      { status: 'Failed', error: "Property 'type' must be 'AdaptiveCard'" },
      'error',
      /not an Adaptive Card/,
    ],
    ['summary-or-text-required', { status: 'Failed', error: 'Summary or Text is required.' }, 'error', /summary/],
    ['failed', { status: 'Failed', error: 'Something else' }, 'error', /The run failed/],
  ])('explains %s', (code, patch, tone, headline) => {
    const explained = explainRun(run(patch));
    expect(explained.code).toBe(code);
    expect(explained.tone).toBe(tone);
    expect(explained.headline).toMatch(headline);
    expect(explained.detail.length).toBeGreaterThan(20);
  });

  it('names the version Teams cannot display, and counts the cards of a partly displayed message', () => {
    const hidden = explainRun(
      run({
        posted: { format: 'adaptive', card: adaptive('1.4'), shown: true },
        morePosted: [{ format: 'adaptive', card: adaptive('1.5'), shown: false }],
      }),
    );
    expect(hidden.detail).toMatch(/1 of its 2 cards: Adaptive Card version 1\.5 is above 1\.4/);
  });

  it('says which attachments were still posted when another failed', () => {
    const failed = run({
      status: 'Failed',
      error: "Property 'type' must be 'AdaptiveCard'",
      posted: { format: 'adaptive', card: adaptive(), shown: true },
    });
    expect(explainRun(failed).detail).toMatch(/other attachments were posted \(1\)/);
    expect(postedCards(failed)).toHaveLength(1);
  });
});

describe('adaptivePreflight', () => {
  const card = { '@type': 'MessageCard', summary: 'Build', title: 'Build passed', text: 'All green' };

  it('passes a 1.4 card', () => {
    expect(adaptivePreflight(prepareWorkflowsMessage(card, '1.4'))).toEqual([]);
  });

  it('stops a version above 1.4, which Teams does not display from a flow', () => {
    const issues = adaptivePreflight(prepareWorkflowsMessage(card, '1.5'));
    expect(issues).toEqual([expect.objectContaining({ severity: 'error', code: 'adaptive-version' })]);
    expect(issues[0]!.message).toMatch(/We're sorry, this card couldn't be displayed/);
  });

  it('warns over 20 KB and stops over 28 KB', () => {
    const large = adaptivePreflight(prepareWorkflowsMessage({ ...card, text: 'x'.repeat(21 * 1024) }, '1.4'));
    expect(large.map((i) => i.code)).toEqual(['adaptive-large']);
    const tooLarge = adaptivePreflight(prepareWorkflowsMessage({ ...card, text: 'x'.repeat(29 * 1024) }, '1.4'));
    expect(tooLarge.map((i) => [i.code, i.severity])).toEqual([['adaptive-too-large', 'error']]);
  });
});
