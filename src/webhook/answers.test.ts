import { describe, expect, it } from 'vitest';
import { explainAnswer, explainResult, formatElapsed } from './answers.ts';

const wrapped = (code: number) =>
  `Webhook message delivery failed with error: Microsoft Teams endpoint returned HTTP error ${code} with ContextId tcid=0,server=msgapi-production-eus-azsc2-4-170,cv=deadbeef.0`;

describe('explainAnswer', () => {
  it.each([
    [200, '1', 'success', 'delivered', /Delivered/],
    [200, wrapped(400), 'error', 'delivery-failed-400', /error 400/],
    [200, wrapped(413), 'error', 'delivery-failed-413', /error 413/],
    [200, wrapped(429), 'error', 'delivery-failed-429', /error 429/],
    [200, wrapped(500), 'error', 'delivery-failed-500', /error 500/],
    [200, 'OK', 'warning', 'unconfirmed', /not with 1/],
    [400, 'Summary or Text is required.', 'error', 'summary-or-text-required', /summary or a text/],
    [400, 'Bad payload received by generic incoming webhook.', 'error', 'bad-payload', /could not read/],
    [404, '', 'error', 'not-found', /No webhook/],
    [410, '', 'error', 'gone', /removed/],
    [202, '', 'info', 'accepted', /Workflows/],
    [401, '', 'error', 'unauthorized', /not allowed/],
    [503, '', 'error', 'server-error', /failed/],
  ])('reads %d %j as %s (%s)', (status, body, tone, code, headline) => {
    const outcome = explainAnswer({ status, body });
    expect(outcome.tone).toBe(tone);
    expect(outcome.code).toBe(code);
    expect(outcome.headline).toMatch(headline);
  });

  it('explains the inner codes of wrapped failures', () => {
    expect(explainAnswer({ status: 200, body: wrapped(413) }).detail).toMatch(/too large.*28 KB/);
    expect(explainAnswer({ status: 200, body: wrapped(429) }).detail).toMatch(/throttling/);
    expect(explainAnswer({ status: 200, body: wrapped(400) }).detail).toMatch(/refused the card/);
  });

  it('says that a 202 is the flow accepting the request, not a delivery, and where a failure would show', () => {
    const outcome = explainAnswer({ status: 202, body: '' });
    expect(outcome.headline).toBe('Accepted by Workflows: not yet delivered');
    expect(outcome.detail).toMatch(/^The flow accepted the request \(202, empty body\)\. That is not a delivery/);
    expect(outcome.detail).toMatch(/shows only in the flow's run history/);
    expect(outcome.detail).toMatch(/"attachments".*Adaptive Card.*28 KB.*above 1\.4/);
  });
});

describe('explainResult', () => {
  it('shows the proxy refusals with the server message as it is', () => {
    const outcome = explainResult({
      kind: 'refused',
      httpStatus: 403,
      code: 'host-not-allowed',
      message: 'No, because.',
    });
    expect(outcome).toMatchObject({ tone: 'error', headline: 'The proxy refused to send', detail: 'No, because.' });
  });

  it('names time-outs and network errors', () => {
    expect(explainResult({ kind: 'refused', httpStatus: 504, code: 'upstream-timeout', message: 'm' }).headline).toBe(
      'No answer in time',
    );
    expect(
      explainResult({ kind: 'refused', httpStatus: 502, code: 'upstream-unreachable', message: 'm' }).headline,
    ).toBe('Network error');
  });
});

describe('formatElapsed', () => {
  it('shows milliseconds below a second and seconds above', () => {
    expect(formatElapsed(85.4)).toBe('85 ms');
    expect(formatElapsed(1234)).toBe('1.2 s');
  });
});
