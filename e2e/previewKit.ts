import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { expect, seriousAxeViolations, type Designer } from './fixtures.ts';
import type { Page } from '@playwright/test';

/** Pretty JSON of a MessageCard with these fields. */
export const card = (fields: Record<string, unknown>) =>
  JSON.stringify(
    { '@type': 'MessageCard', '@context': 'https://schema.org/extensions', summary: 'Test', ...fields },
    null,
    2,
  );

export const HOSTS = ['Teams light', 'Teams dark', 'Teams high contrast', 'Outlook'] as const;
/** Every view of the preview: the connector hosts and a MessageCard posted through Workflows. */
export const ALL_HOSTS = [...HOSTS, 'Teams via Workflows'] as const;

/** Picks the host of the (left) preview in the preview's toolbar, as a person does. */
export async function chooseHost(
  designer: Designer,
  label: (typeof ALL_HOSTS)[number],
  which: 'Host' | 'Left' | 'Right' = 'Host',
) {
  await designer.preview.getByRole('group', { name: 'Preview options' }).getByLabel(which).selectOption({ label });
}

/** Turns a switch of the preview's toolbar on or off. */
export async function setSwitch(designer: Designer, name: RegExp, on: boolean) {
  const control = designer.preview.getByRole('switch', { name });
  if ((await control.isChecked()) !== on) await control.click();
  await expect(control).toBeChecked({ checked: on });
}

/** An 8x8 red PNG. */
export const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAgAAAAICAIAAABLbSncAAAAEUlEQVR4nGO4aGKBFTEMLQkAHdlPQfC39UoAAAAASUVORK5CYII=',
  'base64',
);
export const PNG_DATA_URL = `data:image/png;base64,${PNG.toString('base64')}`;

/**
 * A loopback server for images and link targets: `/ok.png` is an image, `/missing.png` answers 404,
 * anything else a small page. It records the paths requested.
 */
export async function startAssetServer(): Promise<{ url: string; requests: string[]; close(): Promise<void> }> {
  const requests: string[] = [];
  const server: Server = createServer((req, res) => {
    requests.push(req.url ?? '');
    if (req.url?.startsWith('/ok.png')) {
      res.writeHead(200, { 'content-type': 'image/png', 'access-control-allow-origin': '*' });
      res.end(PNG);
    } else if (req.url?.startsWith('/missing.png')) {
      res.writeHead(404, { 'content-type': 'text/plain' });
      res.end('no');
    } else {
      res.writeHead(200, { 'content-type': 'text/html' });
      res.end('<!doctype html><title>Landing</title><p>Landing page');
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    // The browser may hold a connection it opened ahead and never used: `close` alone would wait for the
    // server's header time-out (a minute) before it ends.
    close: () =>
      new Promise((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

/** axe's serious and critical findings in the preview pane. */
export function seriousViolations(page: Page): Promise<string[]> {
  return seriousAxeViolations(page, {
    include: ['section[aria-label="Card preview"]'],
    exclude: ['[data-tabster-dummy]'],
  });
}
