/**
 * Builds PNG files of any colour type, bit depth and filter for tests, so the reader is checked on
 * files our own writer never produces, chunk by chunk (a damaged file too). Not shipped (only tests
 * import it). `interlace` only sets the header's flag: for a real interlaced file use fast-png's
 * `encode` with `interlace: 'Adam7'`.
 */
import { zlibSync } from 'fflate';
import { PNG_SIGNATURE } from '../lib/png.ts';

export interface RawPng {
  width: number;
  height: number;
  colorType: number;
  bitDepth?: number;
  /** Rows of samples, already packed at the bit depth, without filter bytes. */
  rows: Uint8Array[];
  /** Filter type byte per row (default 0); the row bytes are filtered accordingly. */
  filters?: number[];
  palette?: number[];
  trns?: number[];
  interlace?: boolean;
}

function filterRow(filter: number, row: Uint8Array, prev: Uint8Array | undefined, bpp: number): Uint8Array {
  const out = new Uint8Array(row.length);
  for (let x = 0; x < row.length; x++) {
    const a = x >= bpp ? row[x - bpp]! : 0;
    const b = prev ? prev[x]! : 0;
    const c = prev && x >= bpp ? prev[x - bpp]! : 0;
    let p = 0;
    if (filter === 1) p = a;
    else if (filter === 2) p = b;
    else if (filter === 3) p = (a + b) >> 1;
    else if (filter === 4) {
      const e = a + b - c;
      const pa = Math.abs(e - a);
      const pb = Math.abs(e - b);
      const pc = Math.abs(e - c);
      p = pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
    }
    out[x] = (row[x]! - p) & 0xff;
  }
  return out;
}

const CHANNELS: Record<number, number> = { 0: 1, 2: 3, 3: 1, 4: 2, 6: 4 };

/** Encodes a PNG from raw rows. */
export function makePng(spec: RawPng): Uint8Array {
  const bitDepth = spec.bitDepth ?? 8;
  const bpp = Math.max(1, (CHANNELS[spec.colorType]! * bitDepth) >> 3);
  const parts: Uint8Array[] = [];
  spec.rows.forEach((row, y) => {
    const filter = spec.filters?.[y] ?? 0;
    parts.push(Uint8Array.of(filter), filterRow(filter, row, spec.rows[y - 1], bpp));
  });
  const raw = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    raw.set(p, at);
    at += p.length;
  }
  const ihdr = new Uint8Array(13);
  const view = new DataView(ihdr.buffer);
  view.setUint32(0, spec.width);
  view.setUint32(4, spec.height);
  ihdr.set([bitDepth, spec.colorType, 0, 0, spec.interlace ? 1 : 0], 8);
  const chunks = [chunk('IHDR', ihdr)];
  if (spec.palette) chunks.push(chunk('PLTE', Uint8Array.from(spec.palette)));
  if (spec.trns) chunks.push(chunk('tRNS', Uint8Array.from(spec.trns)));
  chunks.push(chunk('IDAT', zlibSync(raw)), chunk('IEND', new Uint8Array(0)));
  const all = [PNG_SIGNATURE, ...chunks];
  const out = new Uint8Array(all.reduce((n, p) => n + p.length, 0));
  at = 0;
  for (const p of all) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}

/** An RGBA image filled by a function of the pixel position. */
export function rgba(size: number, pixel: (x: number, y: number) => [number, number, number, number]) {
  const data = new Uint8Array(size * size * 4);
  for (let y = 0; y < size; y++) for (let x = 0; x < size; x++) data.set(pixel(x, y), (y * size + x) * 4);
  return { width: size, height: size, data };
}

/** One PNG chunk: length, type, data and the CRC of type and data. */
export function chunk(type: string, data: Uint8Array): Uint8Array {
  const out = new Uint8Array(12 + data.length);
  const view = new DataView(out.buffer);
  view.setUint32(0, data.length);
  for (let i = 0; i < 4; i++) out[4 + i] = type.charCodeAt(i);
  out.set(data, 8);
  view.setUint32(8 + data.length, crc32(out.subarray(4, 8 + data.length)));
  return out;
}

/** CRC-32 as PNG chunks use it (ISO 3309 polynomial, reflected). */
function crc32(bytes: Uint8Array): number {
  let crc = 0xffffffff;
  for (const byte of bytes) {
    crc ^= byte;
    for (let k = 0; k < 8; k++) crc = crc & 1 ? 0xedb88320 ^ (crc >>> 1) : crc >>> 1;
  }
  return (crc ^ 0xffffffff) >>> 0;
}
