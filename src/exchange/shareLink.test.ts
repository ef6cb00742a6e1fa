import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync } from 'node:fs';
import { compressToEncodedURIComponent, decompressFromEncodedURIComponent } from 'lz-string';
import {
  decodeShareFragment,
  encodeShareFragment,
  isShareFragment,
  MAX_SHARE_FRAGMENT_CHARS,
  shareLinkFor,
} from './shareLink.ts';

const CORPUS = new URL('../../fixtures/corpus/', import.meta.url);
const corpus = readdirSync(CORPUS)
  .filter((f) => f.endsWith('.json'))
  .map((f) => [f, readFileSync(new URL(f, CORPUS), 'utf8')] as const);

function parsesToObject(text: string): boolean {
  try {
    const v: unknown = JSON.parse(text);
    return typeof v === 'object' && v !== null && !Array.isArray(v);
  } catch {
    return false;
  }
}

describe('share links', () => {
  it('finds the corpus', () => expect(corpus.length).toBeGreaterThan(30));

  it.each(corpus.filter(([, t]) => parsesToObject(t)))('round-trip %s to the same card', (_f, text) => {
    const encoded = encodeShareFragment(text);
    if (!encoded.ok) throw new Error(encoded.message);
    expect(encoded.fragment).toMatch(/^card=[A-Za-z0-9+\-$]+$/);
    const decoded = decodeShareFragment(`#${encoded.fragment}`);
    if (!decoded.ok) throw new Error(decoded.message);
    expect(JSON.parse(decoded.text)).toEqual(JSON.parse(text));
  });

  it('refuse to share text that is not a card object', () => {
    const broken = corpus.find(([f]) => f.startsWith('047'))![1];
    expect(encodeShareFragment(broken).ok).toBe(false);
    expect(encodeShareFragment('[1, 2]').ok).toBe(false);
  });

  it('carry only the card: a link is the page address plus the compressed card', () => {
    const link = shareLinkFor('https://designer.example.com/app/?x=1#old', '{"text":"hi"}');
    expect(link).toEqual({
      ok: true,
      fragment: `https://designer.example.com/app/?x=1#card=${compressToEncodedURIComponent('{"text":"hi"}')}`,
    });
  });

  it('read what lz-string writes, for every kind of text, as its own decompressor does', () => {
    const samples = ['a', 'aaaaaaaaaaaaaaaaaaaaaaaa', '{"text":"😀 ünïcödé \\" \\\\ \\n"}', 'x'.repeat(5000)];
    let seed = 7;
    for (let n = 0; n < 40; n++) {
      let s = '';
      const len = (n * 97) % 3000;
      for (let i = 0; i < len; i++) {
        seed = (seed * 1103515245 + 12345) % 2 ** 31;
        s += String.fromCharCode(seed % 7 === 0 ? 0x4e00 + (seed % 500) : 32 + (seed % 90));
      }
      samples.push(`{"text":${JSON.stringify(s)}}`);
    }
    for (const s of samples) {
      const payload = compressToEncodedURIComponent(s);
      expect(decompressFromEncodedURIComponent(payload)).toBe(s);
      if (parsesToObject(s)) expect(decodeShareFragment(`card=${payload}`)).toEqual({ ok: true, text: s });
    }
  });

  it('accept links whose plus signs a chat app turned into spaces or percent-encoded', () => {
    const text = JSON.stringify({ text: 'a'.repeat(300) + '?'.repeat(300) + 'Ω'.repeat(50) });
    const payload = compressToEncodedURIComponent(text);
    expect(payload).toContain('+');
    expect(decodeShareFragment(`card=${payload.replace(/\+/g, ' ')}`)).toEqual({ ok: true, text });
    expect(decodeShareFragment(`card=${encodeURIComponent(payload)}`)).toEqual({ ok: true, text });
  });

  it('tell fragments that carry a card from other fragments', () => {
    expect(isShareFragment('#card=abc')).toBe(true);
    expect(isShareFragment('card=')).toBe(true);
    expect(isShareFragment('#section-2')).toBe(false);
    expect(decodeShareFragment('#top').ok).toBe(false);
  });
});

describe('hostile share links', () => {
  it.each([
    ['an empty card', 'card='],
    ['characters outside the alphabet', 'card=<script>alert(1)</script>'],
    ['random letters', 'card=Zm9vYmFyYmF6cXV4aGVsbG93b3JsZA'],
    ['a broken percent escape', 'card=%E0%A4%A'],
    ['a cut-off link', `card=${compressToEncodedURIComponent('{"text":"a fairly long card text"}').slice(0, 12)}`],
  ])('with %s give a message and no card', (_name, fragment) => {
    const result = decodeShareFragment(fragment);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.message.length).toBeGreaterThan(10);
  });

  it('with a 10 MB payload is refused before any decompression, quickly', () => {
    const started = performance.now();
    const result = decodeShareFragment(`card=${'A'.repeat(10 * 1024 * 1024)}`);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.message).toMatch(/too long/);
    expect(performance.now() - started).toBeLessThan(1000);
  });

  it('that expands to a huge card stops decompressing at the limit', () => {
    const bomb = compressToEncodedURIComponent(`{"text":"${'a'.repeat(700_000)}"}`);
    expect(bomb.length).toBeLessThan(MAX_SHARE_FRAGMENT_CHARS);
    const started = performance.now();
    const result = decodeShareFragment(`card=${bomb}`);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.message).toMatch(/larger than Teams accepts/);
    expect(performance.now() - started).toBeLessThan(2000);
  });

  it('holding JSON that is not an object, or script instead of JSON, are refused', () => {
    for (const text of ['[{"text":"x"}]', '"card"', 'alert(1)', '{"text": "x"}; alert(1)', '{"a":'.repeat(500)]) {
      expect(decodeShareFragment(`card=${compressToEncodedURIComponent(text)}`).ok, text).toBe(false);
    }
  });

  it('holding script inside card text return it as inert text, for the preview to escape', () => {
    const text = '{"text":"<script>alert(1)</script><img src=x onerror=alert(2)>"}';
    expect(decodeShareFragment(`card=${compressToEncodedURIComponent(text)}`)).toEqual({ ok: true, text });
  });
});
