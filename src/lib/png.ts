/**
 * Just enough PNG to check Teams app icons from their bytes, and to write the icons we generate.
 *
 * Reading: the signature, the chunk list, IHDR (size, bit depth, colour type, interlace), PLTE and
 * tRNS, and the pixels of non-interlaced images of every bit depth and colour type (grey, RGB,
 * palette, grey + alpha, RGBA; 1 to 16 bits). The IDAT stream is inflated with fflate. Interlaced
 * (Adam7) images are measured but not decoded: the caller says plainly that their pixels were not
 * checked. Writing: 8-bit RGBA, filter 0, deflated with fflate.
 */
import { unzlibSync, zlibSync } from 'fflate';

/** The eight bytes every PNG file starts with. */
export const PNG_SIGNATURE = Uint8Array.of(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a);

/** PNG colour types (IHDR byte 9). */
export const COLOR_TYPE = { grey: 0, rgb: 2, palette: 3, greyAlpha: 4, rgba: 6 } as const;

/** What IHDR says about an image. */
export interface PngHeader {
  width: number;
  height: number;
  bitDepth: number;
  colorType: number;
  interlaced: boolean;
  /** Whether the image can carry transparency at all: an alpha channel or a tRNS chunk. */
  hasAlpha: boolean;
}

/** Pixels as 8-bit RGBA, row after row, four bytes a pixel. */
export interface RgbaImage {
  width: number;
  height: number;
  data: Uint8Array;
}

export type PngReadResult =
  { ok: true; header: PngHeader; pixels: RgbaImage | undefined; whyNoPixels?: string } | { ok: false; reason: string };

/** Above this many pixels we do not inflate the image: icons are tiny and a huge file is already wrong. */
const MAX_DECODED_PIXELS = 2048 * 2048;

/** Whether the bytes start with the PNG signature. */
export function isPng(bytes: Uint8Array): boolean {
  return bytes.length >= 8 && PNG_SIGNATURE.every((b, i) => bytes[i] === b);
}

/** A short guess at what the file is when it is not a PNG, so the message can name it. */
export function sniffFormat(bytes: Uint8Array): string | undefined {
  const starts = (...sig: number[]) => sig.every((b, i) => bytes[i] === b);
  if (starts(0xff, 0xd8, 0xff)) return 'a JPEG image';
  if (starts(0x47, 0x49, 0x46, 0x38)) return 'a GIF image';
  if (starts(0x52, 0x49, 0x46, 0x46) && bytes[8] === 0x57 && bytes[9] === 0x45) return 'a WebP image';
  if (starts(0x42, 0x4d)) return 'a BMP image';
  if (starts(0x00, 0x00, 0x01, 0x00)) return 'an ICO icon';
  const head = new TextDecoder().decode(bytes.subarray(0, 256)).trimStart().toLowerCase();
  if (head.startsWith('<svg') || (head.startsWith('<?xml') && head.includes('<svg'))) return 'an SVG drawing';
  return undefined;
}

/**
 * Reads a PNG: header always (when the file is a PNG), pixels when the image is not interlaced and
 * of a sane size. Never throws; a damaged file gives `ok: false` with the reason in words.
 */
export function readPng(bytes: Uint8Array): PngReadResult {
  if (!isPng(bytes)) return { ok: false, reason: 'The file is not a PNG (it does not start with the PNG signature).' };
  const chunks = readChunks(bytes);
  if (!chunks.ok) return chunks;
  const ihdr = chunks.list[0];
  if (!ihdr || ihdr.type !== 'IHDR' || ihdr.data.length !== 13) {
    return { ok: false, reason: 'The PNG has no valid IHDR header chunk.' };
  }
  const view = new DataView(ihdr.data.buffer, ihdr.data.byteOffset, 13);
  const width = view.getUint32(0);
  const height = view.getUint32(4);
  const bitDepth = ihdr.data[8]!;
  const colorType = ihdr.data[9]!;
  const interlaced = ihdr.data[12] === 1;
  if (width === 0 || height === 0) return { ok: false, reason: 'The PNG says it is 0 pixels wide or high.' };
  if (!validDepth(colorType, bitDepth)) {
    return { ok: false, reason: `The PNG has an invalid combination: colour type ${colorType}, ${bitDepth}-bit.` };
  }
  const plte = chunks.list.find((c) => c.type === 'PLTE')?.data;
  const trns = chunks.list.find((c) => c.type === 'tRNS')?.data;
  const hasAlpha = colorType === COLOR_TYPE.greyAlpha || colorType === COLOR_TYPE.rgba || trns !== undefined;
  const header: PngHeader = { width, height, bitDepth, colorType, interlaced, hasAlpha };

  if (interlaced) {
    return {
      ok: true,
      header,
      pixels: undefined,
      whyNoPixels: 'it is interlaced (Adam7), which this check does not decode',
    };
  }
  if (width * height > MAX_DECODED_PIXELS) {
    return { ok: true, header, pixels: undefined, whyNoPixels: 'it is too large to decode here' };
  }
  if (colorType === COLOR_TYPE.palette && !plte) return { ok: false, reason: 'The palette PNG has no PLTE chunk.' };

  const idat = concat(chunks.list.filter((c) => c.type === 'IDAT').map((c) => c.data));
  if (idat.length === 0) return { ok: false, reason: 'The PNG has no image data (IDAT).' };
  let raw: Uint8Array;
  try {
    raw = unzlibSync(idat);
  } catch {
    return { ok: false, reason: 'The PNG image data is damaged: it does not inflate.' };
  }
  const channels = CHANNELS[colorType]!;
  const bitsPerPixel = channels * bitDepth;
  const stride = Math.ceil((width * bitsPerPixel) / 8);
  if (raw.length < (stride + 1) * height)
    return { ok: false, reason: 'The PNG image data is shorter than its size says.' };
  const rows = unfilter(raw, width, height, stride, Math.max(1, bitsPerPixel >> 3));
  if (!rows) return { ok: false, reason: 'The PNG image data uses an unknown row filter.' };
  return { ok: true, header, pixels: toRgba(rows, header, stride, plte, trns) };
}

/**
 * Encodes 8-bit RGBA pixels as a PNG (colour type 6, not interlaced).
 *
 * @throws when `rgba` is not `width * height * 4` bytes long.
 */
export function encodePng(image: RgbaImage): Uint8Array {
  const { width, height, data } = image;
  if (data.length !== width * height * 4)
    throw new Error(`Expected ${width * height * 4} bytes of RGBA, got ${data.length}`);
  const stride = width * 4;
  const raw = new Uint8Array((stride + 1) * height);
  for (let y = 0; y < height; y++) raw.set(data.subarray(y * stride, (y + 1) * stride), y * (stride + 1) + 1);
  const ihdr = new Uint8Array(13);
  const view = new DataView(ihdr.buffer);
  view.setUint32(0, width);
  view.setUint32(4, height);
  ihdr.set([8, COLOR_TYPE.rgba, 0, 0, 0], 8);
  return concat([
    PNG_SIGNATURE,
    chunk('IHDR', ihdr),
    chunk('IDAT', zlibSync(raw, { level: 9 })),
    chunk('IEND', new Uint8Array(0)),
  ]);
}

// ---------------------------------------------------------------------------------------------

const CHANNELS: Record<number, number> = { 0: 1, 2: 3, 3: 1, 4: 2, 6: 4 };

function validDepth(colorType: number, bitDepth: number): boolean {
  switch (colorType) {
    case 0:
      return [1, 2, 4, 8, 16].includes(bitDepth);
    case 3:
      return [1, 2, 4, 8].includes(bitDepth);
    case 2:
    case 4:
    case 6:
      return bitDepth === 8 || bitDepth === 16;
    default:
      return false;
  }
}

interface Chunk {
  type: string;
  data: Uint8Array;
}

function readChunks(bytes: Uint8Array): { ok: true; list: Chunk[] } | { ok: false; reason: string } {
  const list: Chunk[] = [];
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let at = 8;
  while (at + 8 <= bytes.length) {
    const length = view.getUint32(at);
    const type = String.fromCharCode(...bytes.subarray(at + 4, at + 8));
    const end = at + 12 + length;
    if (end > bytes.length) return { ok: false, reason: `The PNG is cut short inside its ${type} chunk.` };
    list.push({ type, data: bytes.subarray(at + 8, at + 8 + length) });
    at = end;
    if (type === 'IEND') break;
  }
  return { ok: true, list };
}

/** Undoes the per-row filters (PNG spec section 9); undefined for an unknown filter type. */
function unfilter(
  raw: Uint8Array,
  _width: number,
  height: number,
  stride: number,
  bpp: number,
): Uint8Array | undefined {
  const out = new Uint8Array(stride * height);
  for (let y = 0; y < height; y++) {
    const filter = raw[y * (stride + 1)]!;
    const src = y * (stride + 1) + 1;
    const row = y * stride;
    const prev = row - stride;
    for (let x = 0; x < stride; x++) {
      const value = raw[src + x]!;
      const a = x >= bpp ? out[row + x - bpp]! : 0;
      const b = y > 0 ? out[prev + x]! : 0;
      const c = x >= bpp && y > 0 ? out[prev + x - bpp]! : 0;
      let predicted: number;
      switch (filter) {
        case 0:
          predicted = 0;
          break;
        case 1:
          predicted = a;
          break;
        case 2:
          predicted = b;
          break;
        case 3:
          predicted = (a + b) >> 1;
          break;
        case 4: {
          const p = a + b - c;
          const pa = Math.abs(p - a);
          const pb = Math.abs(p - b);
          const pc = Math.abs(p - c);
          predicted = pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
          break;
        }
        default:
          return undefined;
      }
      out[row + x] = (value + predicted) & 0xff;
    }
  }
  return out;
}

function toRgba(
  rows: Uint8Array,
  header: PngHeader,
  stride: number,
  plte: Uint8Array | undefined,
  trns: Uint8Array | undefined,
): RgbaImage {
  const { width, height, bitDepth, colorType } = header;
  const channels = CHANNELS[colorType]!;
  const data = new Uint8Array(width * height * 4);
  const maxSample = (1 << Math.min(bitDepth, 8)) - 1;
  // A sample of any depth as 0..255; 16-bit samples keep their high byte.
  const sampleAt = (row: number, index: number): number => {
    if (bitDepth === 8) return rows[row + index]!;
    if (bitDepth === 16) return rows[row + index * 2]!;
    const bit = index * bitDepth;
    const byte = rows[row + (bit >> 3)]!;
    return (byte >> (8 - bitDepth - (bit & 7))) & maxSample;
  };
  // A raw sample (before scaling), for comparing with tRNS, which is written at the image's own depth.
  const rawAt = (row: number, index: number): number =>
    bitDepth === 16 ? (rows[row + index * 2]! << 8) | rows[row + index * 2 + 1]! : sampleAt(row, index);
  const scale = (v: number) => (bitDepth >= 8 ? v : Math.round((v * 255) / maxSample));
  const trnsValue = (i: number) => (trns && trns.length >= i * 2 + 2 ? (trns[i * 2]! << 8) | trns[i * 2 + 1]! : -1);

  for (let y = 0; y < height; y++) {
    const row = y * stride;
    for (let x = 0; x < width; x++) {
      const o = (y * width + x) * 4;
      const i = x * channels;
      let r: number, g: number, b: number, a: number;
      switch (colorType) {
        case COLOR_TYPE.grey: {
          r = g = b = scale(sampleAt(row, i));
          a = rawAt(row, i) === trnsValue(0) ? 0 : 255;
          break;
        }
        case COLOR_TYPE.rgb: {
          r = sampleAt(row, i);
          g = sampleAt(row, i + 1);
          b = sampleAt(row, i + 2);
          const transparent =
            trns !== undefined &&
            rawAt(row, i) === trnsValue(0) &&
            rawAt(row, i + 1) === trnsValue(1) &&
            rawAt(row, i + 2) === trnsValue(2);
          a = transparent ? 0 : 255;
          break;
        }
        case COLOR_TYPE.palette: {
          const index = sampleAt(row, i);
          r = plte![index * 3] ?? 0;
          g = plte![index * 3 + 1] ?? 0;
          b = plte![index * 3 + 2] ?? 0;
          a = trns && index < trns.length ? trns[index]! : 255;
          break;
        }
        case COLOR_TYPE.greyAlpha:
          r = g = b = sampleAt(row, i);
          a = sampleAt(row, i + 1);
          break;
        default:
          r = sampleAt(row, i);
          g = sampleAt(row, i + 1);
          b = sampleAt(row, i + 2);
          a = sampleAt(row, i + 3);
      }
      data[o] = r;
      data[o + 1] = g;
      data[o + 2] = b;
      data[o + 3] = a;
    }
  }
  return { width, height, data };
}

function concat(parts: readonly Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const part of parts) {
    out.set(part, at);
    at += part.length;
  }
  return out;
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

let crcTable: Uint32Array | undefined;

/** CRC-32 as PNG chunks use it (ISO 3309 polynomial, reflected). */
export function crc32(bytes: Uint8Array): number {
  if (!crcTable) {
    crcTable = new Uint32Array(256);
    for (let n = 0; n < 256; n++) {
      let c = n;
      for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
      crcTable[n] = c >>> 0;
    }
  }
  let crc = 0xffffffff;
  for (const byte of bytes) crc = crcTable[(crc ^ byte) & 0xff]! ^ (crc >>> 8);
  return (crc ^ 0xffffffff) >>> 0;
}
