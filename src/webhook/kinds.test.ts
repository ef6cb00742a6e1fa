import { describe, expect, it } from 'vitest';
import { isWorkflowsKind, localWorkflowsName, maskUrl, recognizeWebhook, type WebhookKind } from './kinds.ts';

const G = '0a1b2c3d-0000-4000-8000-0123456789ab';
const HEX = '0123456789abcdef0123456789abcdef';

describe('recognizeWebhook', () => {
  it.each([
    [
      `https://contoso.webhook.office.com/webhookb2/${G}@${G}/IncomingWebhook/${HEX}/${G}/V2abc-_=`,
      'incoming-webhook',
      'teams',
    ],
    [`https://outlook.office.com/webhook/${G}@${G}/IncomingWebhook/${HEX}/${G}`, 'legacy-connector', 'teams'],
    [`https://outlook.office365.com/webhook/${G}@${G}/IncomingWebhook/${HEX}/${G}`, 'legacy-connector', 'teams'],
    [
      `https://prod-12.westeurope.logic.azure.com:443/workflows/${HEX}/triggers/manual/paths/invoke?sig=x`,
      'workflows-logic-apps',
      'workflows',
    ],
    [
      `https://default1.ab.environment.api.powerplatform.com:443/powerautomate/automations/direct/workflows/${HEX}/triggers/manual/paths/invoke?sig=x`,
      'workflows-power-platform',
      'workflows',
    ],
    ['http://127.0.0.1:5173/api/inbox/default', 'local-inbox', 'teams'],
    ['http://127.0.0.1:5173/api/workflows/default', 'local-workflows', 'workflows'],
    ['http://127.0.0.1:5173/api/workflows/ops_2', 'local-workflows', 'workflows'],
    // Another origin's path, a query or a name the server cannot hold: not the designer's own webhook.
    ['http://127.0.0.1:5174/api/workflows/default', 'other', 'teams'],
    ['http://127.0.0.1:5173/api/workflows/default?x=1', 'other', 'teams'],
    ['http://127.0.0.1:5173/api/workflows/a.b', 'other', 'teams'],
    ['https://hooks.example.com/x', 'other', 'teams'],
    ['not a url', 'invalid', 'teams'],
    ['ftp://x.webhook.office.com/', 'invalid', 'teams'],
  ])('recognises %s as %s, checked for %s', (url, kind, host) => {
    const info = recognizeWebhook(url, 'http://127.0.0.1:5173');
    expect(info.kind).toBe(kind);
    expect(info.host).toBe(host);
    expect(info.notes.length).toBeGreaterThan(0);
  });

  it('describes the local Workflows webhook as answering 202 and showing its runs in the Inbox', () => {
    const info = recognizeWebhook('http://127.0.0.1:5173/api/workflows/default', 'http://127.0.0.1:5173');
    expect(info).toMatchObject({ label: 'Local Workflows webhook', tone: 'ok' });
    expect(info.notes.join(' ')).toMatch(/answers 202 .* Inbox tab shows each run/);
    expect(recognizeWebhook('http://127.0.0.1:5173/api/inbox/default', 'http://127.0.0.1:5173').notes[0]).toMatch(
      /retired Office 365 connector/,
    );
  });

  it('tells Workflows kinds apart and finds the local webhook name', () => {
    expect(
      (['workflows-logic-apps', 'workflows-power-platform', 'local-workflows'] as const).every(isWorkflowsKind),
    ).toBe(true);
    expect(['incoming-webhook', 'local-inbox', 'other', 'invalid'].some((k) => isWorkflowsKind(k as WebhookKind))).toBe(
      false,
    );
    expect(localWorkflowsName(' http://127.0.0.1:5173/api/workflows/ops ', 'http://127.0.0.1:5173')).toBe('ops');
    expect(localWorkflowsName('http://127.0.0.1:5173/api/inbox/ops', 'http://127.0.0.1:5173')).toBeUndefined();
    expect(localWorkflowsName('nonsense', 'http://127.0.0.1:5173')).toBeUndefined();
  });

  it('says that Workflows draws none of the buttons', () => {
    const info = recognizeWebhook(`https://x.ab.environment.api.powerplatform.com/powerautomate/x`);
    expect(info.notes.join(' ')).toMatch(/none of its buttons/);
  });

  it('warns about an incoming webhook URL without the V2 segment, and not about one with it', () => {
    const old = recognizeWebhook(`https://contoso.webhook.office.com/webhookb2/${G}@${G}/IncomingWebhook/${HEX}/${G}`);
    expect(old.notes.join(' ')).toMatch(/no trailing V2 segment/);
    const current = recognizeWebhook(
      `https://contoso.webhook.office.com/webhookb2/${G}@${G}/IncomingWebhook/${HEX}/${G}/V2xyz`,
    );
    expect(current.notes.join(' ')).not.toMatch(/V2 segment/);
    expect(current.label).toMatch(/current/);
  });

  it('says the legacy host is retired and that http is refused', () => {
    expect(recognizeWebhook('https://outlook.office.com/webhook/x').notes.join(' ')).toMatch(/retired/);
    const http = recognizeWebhook(
      `http://contoso.webhook.office.com/webhookb2/${G}@${G}/IncomingWebhook/${HEX}/${G}/V2x`,
    );
    expect(http.tone).toBe('error');
    expect(http.notes[0]).toMatch(/https only/);
  });

  it('treats an inbox path on another origin as another host', () => {
    expect(recognizeWebhook('http://127.0.0.1:9999/api/inbox/default', 'http://127.0.0.1:5173').kind).toBe('other');
  });
});

describe('maskUrl', () => {
  it('keeps the origin and the last four characters, and hides the credential', () => {
    const url = `https://contoso.webhook.office.com/webhookb2/${G}@${G}/IncomingWebhook/${HEX}/${G}/V2secretTOKEN9f3a`;
    const masked = maskUrl(url);
    expect(masked).toBe('https://contoso.webhook.office.com/••••••••9f3a');
    expect(masked).not.toContain(HEX);
    expect(masked).not.toContain('secretTOKEN');
  });

  it('hides a Workflows signature in the query', () => {
    const masked = maskUrl(
      'https://prod-1.x.logic.azure.com:443/workflows/abc/triggers/manual/paths/invoke?sig=SECRETSIGNATURE',
    );
    expect(masked.startsWith('https://prod-1.x.logic.azure.com/')).toBe(true);
    expect(masked).not.toContain('SECRETSIG');
  });

  it('hides everything of a text that is not a URL but the last four characters', () => {
    expect(maskUrl('somethingsecret-and-long')).toBe('/••••••••long');
  });
});
