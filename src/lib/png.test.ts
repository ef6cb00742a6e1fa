import { describe, expect, it } from 'vitest';
import { encode } from 'fast-png';
import { COLOR_TYPE, encodePng, isPng, readPng } from './png.ts';
import { makePng, rgba } from '../manifest/testkit.ts';

function pixels(bytes: Uint8Array) {
  const result = readPng(bytes);
  if (!result.ok || !result.pixels) throw new Error(result.ok ? String(result.whyNoPixels) : result.reason);
  return result.pixels;
}

describe('readPng', () => {
  it('reads back what encodePng wrote, pixel for pixel', () => {
    const image = rgba(7, (x, y) => [x * 30, y * 30, (x + y) * 10, x === 3 ? 0 : 255]);
    const bytes = encodePng(image);
    expect(isPng(bytes)).toBe(true);
    const result = readPng(bytes);
    expect(result.ok && result.header).toMatchObject({
      width: 7,
      height: 7,
      bitDepth: 8,
      colorType: 6,
      hasAlpha: true,
    });
    expect(Array.from(pixels(bytes).data)).toEqual(Array.from(image.data));
  });

  it('undoes every row filter (none, sub, up, average, paeth)', () => {
    const rows = Array.from({ length: 5 }, (_, y) =>
      Uint8Array.from({ length: 12 }, (_, i) => (i * 37 + y * 11) & 0xff),
    );
    const bytes = makePng({ width: 4, height: 5, colorType: COLOR_TYPE.rgb, rows, filters: [0, 1, 2, 3, 4] });
    const data = pixels(bytes).data;
    for (let y = 0; y < 5; y++) {
      for (let x = 0; x < 4; x++) {
        const o = (y * 4 + x) * 4;
        expect([data[o], data[o + 1], data[o + 2], data[o + 3]]).toEqual([...rows[y]!.subarray(x * 3, x * 3 + 3), 255]);
      }
    }
  });

  it('reads a 2-bit palette image with transparency from tRNS', () => {
    // Four pixels a row, 2 bits each: indices 0,1,2,3 → one byte 0b00011011.
    const bytes = makePng({
      width: 4,
      height: 1,
      colorType: COLOR_TYPE.palette,
      bitDepth: 2,
      rows: [Uint8Array.of(0b00011011)],
      palette: [0, 0, 0, 255, 0, 0, 0, 255, 0, 255, 255, 255],
      trns: [0],
    });
    const result = readPng(bytes);
    expect(result.ok && result.header.hasAlpha).toBe(true);
    expect(Array.from(pixels(bytes).data)).toEqual([0, 0, 0, 0, 255, 0, 0, 255, 0, 255, 0, 255, 255, 255, 255, 255]);
  });

  it('reads 16-bit grey with alpha by the high byte of each sample', () => {
    const bytes = makePng({
      width: 1,
      height: 1,
      colorType: COLOR_TYPE.greyAlpha,
      bitDepth: 16,
      rows: [Uint8Array.of(0xff, 0x10, 0x80, 0x00)],
    });
    expect(Array.from(pixels(bytes).data)).toEqual([255, 255, 255, 128]);
  });

  it('treats the tRNS colour of an RGB image as transparent', () => {
    // Three pixels at least: fast-png refuses an RGB image with fewer pixels than tRNS values (3).
    const bytes = makePng({
      width: 3,
      height: 1,
      colorType: COLOR_TYPE.rgb,
      rows: [Uint8Array.of(0, 0, 0, 255, 255, 255, 0, 0, 0)],
      trns: [0, 0, 0, 0, 0, 0],
    });
    expect(Array.from(pixels(bytes).data)).toEqual([0, 0, 0, 0, 255, 255, 255, 255, 0, 0, 0, 0]);
  });

  it('decodes interlaced (Adam7) images, which the old hand-written reader could only measure', () => {
    // An image whose every pixel differs, so a pass put in the wrong place would show.
    const image = rgba(13, (x, y) => [x * 19, y * 19, (x * y) & 0xff, 255 - x - y]);
    const bytes = encode({ ...image, depth: 8, channels: 4 }, { interlace: 'Adam7' });
    const result = readPng(bytes);
    expect(result).toMatchObject({ ok: true, header: { width: 13, height: 13, interlaced: true } });
    expect(Array.from(pixels(bytes).data)).toEqual(Array.from(image.data));
    // Interlaced grey at 16 bits: the high byte of each sample.
    const grey = encode(
      { width: 3, height: 2, data: Uint16Array.of(0, 0x1234, 0xffff, 0x8000, 0x7fff, 0x0100), depth: 16, channels: 1 },
      { interlace: 'Adam7' },
    );
    expect(Array.from(pixels(grey).data).filter((_, i) => i % 4 === 0)).toEqual([0, 0x12, 0xff, 0x80, 0x7f, 0x01]);
  });

  it('reads 1-bit grey rows packed eight pixels a byte, and a 4-bit palette', () => {
    const bytes = makePng({
      width: 10,
      height: 1,
      colorType: COLOR_TYPE.grey,
      bitDepth: 1,
      rows: [Uint8Array.of(0b10100000, 0b01000000)],
    });
    expect(Array.from(pixels(bytes).data).filter((_, i) => i % 4 === 0)).toEqual([255, 0, 255, 0, 0, 0, 0, 0, 0, 255]);
    const palette = makePng({
      width: 3,
      height: 1,
      colorType: COLOR_TYPE.palette,
      bitDepth: 4,
      rows: [Uint8Array.of(0x01, 0x20)],
      palette: [10, 20, 30, 40, 50, 60, 70, 80, 90],
    });
    expect(Array.from(pixels(palette).data)).toEqual([10, 20, 30, 255, 40, 50, 60, 255, 70, 80, 90, 255]);
  });

  it('says why it did not decode an image too large to be an icon', () => {
    const result = readPng(makePng({ width: 3000, height: 3000, colorType: COLOR_TYPE.rgba, rows: [] }));
    expect(result).toMatchObject({ ok: true, header: { width: 3000 }, pixels: undefined });
    expect(result.ok && result.whyNoPixels).toMatch(/too large/);
  });

  it('refuses files that are not PNG, or are cut short, with a reason', () => {
    expect(readPng(new TextEncoder().encode('GIF89a...'))).toMatchObject({
      ok: false,
      reason: expect.stringMatching(/not a PNG/),
    });
    const whole = encodePng(rgba(4, () => [1, 2, 3, 4]));
    expect(readPng(whole.subarray(0, 40))).toMatchObject({ ok: false });
    // An unknown row filter: the decoder's refusal, in words.
    const badFilter = makePng({
      width: 1,
      height: 1,
      colorType: COLOR_TYPE.grey,
      rows: [Uint8Array.of(7)],
      filters: [9],
    });
    expect(readPng(badFilter)).toMatchObject({ ok: false, reason: expect.stringMatching(/damaged/) });
  });
});
