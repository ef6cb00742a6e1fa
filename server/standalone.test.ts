import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import { request, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAppServer } from './standalone.js';

let server: Server;
let port: number;

beforeAll(async () => {
  const outside = mkdtempSync(join(tmpdir(), 'mcd-'));
  writeFileSync(join(outside, 'secret.txt'), 'outside the folder');
  const root = join(outside, 'dist');
  mkdirSync(root);
  writeFileSync(join(root, '.env'), 'dotfile');
  writeFileSync(join(root, 'index.html'), '<!doctype html><title>designer</title>');
  mkdirSync(join(root, 'assets'));
  writeFileSync(join(root, 'assets', 'app.js'), 'console.log(1)');
  server = createAppServer({ root });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  port = (server.address() as AddressInfo).port;
});

afterAll(() => new Promise((resolve) => server.close(resolve)));

function get(path: string, host = `127.0.0.1:${port}`, method = 'GET') {
  return new Promise<{ status: number; type: string | undefined; text: string }>((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, path, method, headers: { host } }, (res) => {
      let text = '';
      res.on('data', (c: Buffer) => (text += c.toString()));
      res.on('end', () => resolve({ status: res.statusCode!, type: res.headers['content-type'], text }));
    });
    req.on('error', reject);
    req.end();
  });
}

describe('the standalone server', () => {
  it('serves the built app, with index.html for the page routes', async () => {
    expect(await get('/')).toMatchObject({ status: 200, type: expect.stringMatching(/^text\/html; ?charset=utf-8$/) });
    expect(await get('/assets/app.js')).toMatchObject({
      status: 200,
      type: expect.stringMatching(/^text\/javascript/),
    });
    expect((await get('/some/route')).text).toContain('designer');
    expect((await get('/missing.js')).status).toBe(404);
  });

  it('serves the API on the same port', async () => {
    const list = await get('/api/inbox');
    expect(list.status).toBe(200);
    expect(JSON.parse(list.text)).toEqual({ items: [] });
  });

  it('never serves files outside its folder, nor its dotfiles', async () => {
    for (const path of [
      '/../secret.txt',
      '/..%2fsecret.txt',
      '/%2e%2e/secret.txt',
      '/assets/../../secret.txt',
      '/.env',
    ]) {
      const answer = await get(path);
      expect(answer.text, path).not.toContain('outside the folder');
      expect(answer.text, path).not.toContain('dotfile');
    }
    expect((await get('/..%2f..%2fetc%2fpasswd')).text).not.toContain('root:');
  });

  it('answers other methods than GET and HEAD on files with 405', async () => {
    expect((await get('/', undefined, 'POST')).status).toBe(405);
    expect((await get('/', undefined, 'HEAD')).status).toBe(200);
  });

  it('answers only to loopback host names, so a rebound DNS name cannot reach the API', async () => {
    expect((await get('/api/inbox', 'evil.example:80')).status).toBe(421);
    expect((await get('/api/inbox', `localhost:${port}`)).status).toBe(200);
  });
});
