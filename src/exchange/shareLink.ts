/**
 * Share links: the card compressed into the URL fragment (`#card=…`), so sharing needs no server
 * and nothing leaves the browser (browsers never send the fragment in a request).
 *
 * A link is untrusted input: anyone can craft one and send it to a colleague. Decoding therefore
 * bounds everything before doing work: the fragment's length, the size of the decompressed text
 * (LZ-style compression can expand a few kilobytes into gigabytes, so the decompressor stops as
 * soon as its output passes the limit), the nesting depth (the strict parser refuses deep input),
 * and the result must be a JSON object. The text is only ever parsed as JSON, never evaluated.
 */
import { compressToEncodedURIComponent } from 'lz-string';
import { minifyCardText } from '../json/format.ts';
import { parseText } from '../json/parse.ts';

/** The fragment key: `#card=<compressed card>`. */
export const SHARE_FRAGMENT_KEY = 'card';

/**
 * Links longer than this are likely to be cut or refused by chat apps and e-mail clients that
 * limit message or URL length (and some proxies cap URLs near 2,000 characters).
 */
export const SHARE_LINK_WARNING_CHARS = 2000;

/** Fragments longer than this are refused before any decompression (a 28 KB card needs far less). */
export const MAX_SHARE_FRAGMENT_CHARS = 200_000;

/** The decompressed card may not exceed this many characters: twenty times Teams' 28 KB limit. */
export const MAX_SHARED_CARD_CHARS = 28 * 1024 * 20;

export type ShareEncodeResult = { ok: true; fragment: string } | { ok: false; message: string };

export type ShareDecodeResult = { ok: true; text: string } | { ok: false; message: string };

/**
 * The URL fragment (without `#`) that carries a card. The card is minified first, so the link
 * carries the card's value, not its whitespace. Only the card text goes in: no app state and no
 * webhook URL. Fails when the text is not a JSON object, because such a link could not be opened.
 */
export function encodeShareFragment(cardText: string): ShareEncodeResult {
  const parsed = parseText(cardText);
  const value = parsed.value;
  if (!parsed.ok || typeof value !== 'object' || value === null || Array.isArray(value)) {
    return { ok: false, message: 'Fix the JSON errors first: only a card that parses can be shared.' };
  }
  const minified = minifyCardText(cardText) ?? cardText;
  return { ok: true, fragment: `${SHARE_FRAGMENT_KEY}=${compressToEncodedURIComponent(minified)}` };
}

/** A full link: the page address without its fragment, plus the card fragment. */
export function shareLinkFor(pageUrl: string, cardText: string): ShareEncodeResult {
  const encoded = encodeShareFragment(cardText);
  if (!encoded.ok) return encoded;
  const base = pageUrl.split('#')[0];
  return { ok: true, fragment: `${base}#${encoded.fragment}` };
}

/** True when a URL fragment (with or without `#`) is a card share link, valid or not. */
export function isShareFragment(hash: string): boolean {
  return hash.replace(/^#/, '').startsWith(`${SHARE_FRAGMENT_KEY}=`);
}

/**
 * Reads the card out of a fragment (with or without `#`). Never throws and never runs anything:
 * garbage, oversized or expanding payloads and text that is not a JSON object give a message.
 */
export function decodeShareFragment(hash: string): ShareDecodeResult {
  const fragment = hash.replace(/^#/, '');
  if (!isShareFragment(fragment)) return { ok: false, message: 'This link does not contain a card.' };
  let payload = fragment.slice(SHARE_FRAGMENT_KEY.length + 1);
  // Some mail and chat apps percent-encode characters of a link they pass on.
  if (payload.includes('%') && payload.length <= MAX_SHARE_FRAGMENT_CHARS) {
    try {
      payload = decodeURIComponent(payload);
    } catch {
      return { ok: false, message: 'The link is damaged: its card could not be read. Ask for a new link.' };
    }
  }
  if (payload.length === 0) return { ok: false, message: 'The link’s card is empty.' };
  if (payload.length > MAX_SHARE_FRAGMENT_CHARS) {
    return {
      ok: false,
      message: `The link is too long (${payload.length.toLocaleString('en')} characters); a shared card is at most ${MAX_SHARE_FRAGMENT_CHARS.toLocaleString('en')}.`,
    };
  }
  const text = decompressBounded(payload, MAX_SHARED_CARD_CHARS);
  if (text === TOO_LARGE) {
    return { ok: false, message: 'The link’s card is far larger than Teams accepts, so it was not opened.' };
  }
  if (text === undefined || text === '') {
    return { ok: false, message: 'The link is damaged: its card could not be read. Ask for a new link.' };
  }
  const parsed = parseText(text);
  const value = parsed.value;
  if (!parsed.ok) return { ok: false, message: 'The link is damaged: its card is not valid JSON.' };
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    return { ok: false, message: 'The link does not hold a card: a MessageCard is a JSON object.' };
  }
  return { ok: true, text };
}

const TOO_LARGE = Symbol('too large');

// The 64 characters of lz-string's URI-safe encoding, each worth 6 bits.
const URI_ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+-$';
const URI_VALUES = new Map([...URI_ALPHABET].map((ch, i) => [ch, i]));

/**
 * Decompresses lz-string's `compressToEncodedURIComponent` format (an LZW variant whose code width
 * grows as its dictionary does), stopping with {@link TOO_LARGE} once the output would pass
 * `maxChars`. The library's own decompressor has no such bound, and a tiny link can expand
 * quadratically. Returns undefined for input that is not a valid stream.
 */
function decompressBounded(input: string, maxChars: number): string | undefined | typeof TOO_LARGE {
  // Some chat apps turn '+' into a space in links.
  const source = input.replace(/ /g, '+');
  const values: number[] = [];
  for (const ch of source) {
    const v = URI_VALUES.get(ch);
    if (v === undefined) return undefined;
    values.push(v);
  }

  let index = 0;
  let current = values[0] ?? 0;
  let position = 32; // the next bit to read of `current`, from the high end of 6 bits
  let exhausted = false;
  const readBits = (count: number): number => {
    let result = 0;
    for (let power = 1, i = 0; i < count; i++, power *= 2) {
      if (current & position) result += power;
      position >>= 1;
      if (position === 0) {
        position = 32;
        index++;
        if (index >= values.length) exhausted = true;
        current = values[index] ?? 0;
      }
    }
    return result;
  };

  const dictionary: string[] = ['', '', ''];
  let width = 3;
  let enlargeIn = 4;
  const grow = () => {
    if (--enlargeIn === 0) {
      enlargeIn = 2 ** width;
      width++;
    }
  };

  const first = readBits(2);
  if (first === 2) return '';
  if (first !== 0 && first !== 1) return undefined;
  let w = String.fromCharCode(readBits(first === 0 ? 8 : 16));
  dictionary[3] = w;
  const output: string[] = [w];
  let length = w.length;

  for (;;) {
    if (exhausted) return undefined; // ran out of input before the end-of-stream code
    let code = readBits(width);
    if (code === 0 || code === 1) {
      dictionary.push(String.fromCharCode(readBits(code === 0 ? 8 : 16)));
      code = dictionary.length - 1;
      grow();
    } else if (code === 2) {
      return output.join('');
    }
    let entry: string;
    if (code < dictionary.length) entry = dictionary[code]!;
    else if (code === dictionary.length) entry = w + w.charAt(0);
    else return undefined;
    length += entry.length;
    if (length > maxChars) return TOO_LARGE;
    output.push(entry);
    dictionary.push(w + entry.charAt(0));
    grow();
    w = entry;
  }
}
