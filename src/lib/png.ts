/**
 * PNG for the Teams app icons: reading them to check their size and pixels, and writing the icons we
 * generate. The pixels are decoded by fast-png (every colour type and bit depth, interlaced or not);
 * this module reads the header itself, so a damaged or huge file is described in words before any
 * decoding, and turns fast-png's samples into 8-bit RGBA. Writing: 8-bit RGBA with fast-png.
 */
import { decode, encode, type DecodedPng } from 'fast-png';

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
 * Reads a PNG: header always (when the file is a PNG), pixels when the image is of a sane size.
 * Never throws; a damaged file gives `ok: false` with the reason in words.
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
  const hasTrns = chunks.list.some((c) => c.type === 'tRNS');
  const hasAlpha = colorType === COLOR_TYPE.greyAlpha || colorType === COLOR_TYPE.rgba || hasTrns;
  const header: PngHeader = { width, height, bitDepth, colorType, interlaced, hasAlpha };

  if (width * height > MAX_DECODED_PIXELS) {
    return { ok: true, header, pixels: undefined, whyNoPixels: 'it is too large to decode here' };
  }
  if (colorType === COLOR_TYPE.palette && !chunks.list.some((c) => c.type === 'PLTE')) {
    return { ok: false, reason: 'The palette PNG has no PLTE chunk.' };
  }
  if (!chunks.list.some((c) => c.type === 'IDAT')) return { ok: false, reason: 'The PNG has no image data (IDAT).' };
  let decoded: DecodedPng;
  try {
    decoded = decode(bytes);
  } catch (error) {
    const detail = error instanceof Error ? ` (${error.message})` : '';
    return { ok: false, reason: `The PNG image data is damaged: it cannot be decoded${detail}.` };
  }
  const expected = Math.ceil((width * CHANNELS[colorType]! * bitDepth) / 8) * height;
  const samples = bitDepth === 16 ? decoded.data.length * 2 : decoded.data.length;
  if (samples < expected) return { ok: false, reason: 'The PNG image data is shorter than its size says.' };
  return { ok: true, header, pixels: toRgba(decoded, header) };
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
  return encode({ width, height, data, depth: 8, channels: 4 }, { zlib: { level: 9 } });
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

/**
 * fast-png's samples as 8-bit RGBA. It gives rows packed at the image's depth below 8 bits, one
 * number a sample at 8 and 16 bits (16-bit samples keep their high byte here), palette entries
 * with their tRNS alpha, and the tRNS colour of grey and RGB images at the image's own depth.
 */
function toRgba(png: DecodedPng, header: PngHeader): RgbaImage {
  const { width, height, bitDepth, colorType } = header;
  const channels = CHANNELS[colorType]!;
  const samples = png.data;
  const stride = Math.ceil((width * channels * bitDepth) / 8);
  const maxSample = (1 << Math.min(bitDepth, 8)) - 1;
  /** A raw sample at its own depth, for comparing with tRNS. */
  const rawAt = (y: number, index: number): number => {
    if (bitDepth >= 8) return samples[y * width * channels + index]!;
    const bit = index * bitDepth;
    const byte = samples[y * stride + (bit >> 3)]!;
    return (byte >> (8 - bitDepth - (bit & 7))) & maxSample;
  };
  // A sample as 0..255.
  const sampleAt = (y: number, index: number): number => {
    const raw = rawAt(y, index);
    return bitDepth === 16 ? raw >> 8 : raw;
  };
  const scale = (v: number) => (bitDepth >= 8 ? v : Math.round((v * 255) / maxSample));
  const key = png.transparency;
  const isKey = (y: number, i: number, count: number): boolean => {
    if (!key || key.length < count) return false;
    for (let k = 0; k < count; k++) if (rawAt(y, i + k) !== key[k]) return false;
    return true;
  };
  const data = new Uint8Array(width * height * 4);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const o = (y * width + x) * 4;
      const i = x * channels;
      let r: number, g: number, b: number, a: number;
      switch (colorType) {
        case COLOR_TYPE.grey:
          r = g = b = scale(sampleAt(y, i));
          a = isKey(y, i, 1) ? 0 : 255;
          break;
        case COLOR_TYPE.rgb:
          r = sampleAt(y, i);
          g = sampleAt(y, i + 1);
          b = sampleAt(y, i + 2);
          a = isKey(y, i, 3) ? 0 : 255;
          break;
        case COLOR_TYPE.palette: {
          const entry = png.palette?.[rawAt(y, i)];
          [r, g, b] = [entry?.[0] ?? 0, entry?.[1] ?? 0, entry?.[2] ?? 0];
          a = entry?.[3] ?? 255;
          break;
        }
        case COLOR_TYPE.greyAlpha:
          r = g = b = sampleAt(y, i);
          a = sampleAt(y, i + 1);
          break;
        default:
          r = sampleAt(y, i);
          g = sampleAt(y, i + 1);
          b = sampleAt(y, i + 2);
          a = sampleAt(y, i + 3);
      }
      data[o] = r;
      data[o + 1] = g;
      data[o + 2] = b;
      data[o + 3] = a;
    }
  }
  return { width, height, data };
}
