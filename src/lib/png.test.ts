import { describe, expect, it } from 'vitest';
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
    const bytes = makePng({
      width: 2,
      height: 1,
      colorType: COLOR_TYPE.rgb,
      rows: [Uint8Array.of(0, 0, 0, 255, 255, 255)],
      trns: [0, 0, 0, 0, 0, 0],
    });
    expect(Array.from(pixels(bytes).data)).toEqual([0, 0, 0, 0, 255, 255, 255, 255]);
  });

  it('measures an interlaced image but says why it did not decode it', () => {
    const bytes = makePng({
      width: 2,
      height: 2,
      colorType: COLOR_TYPE.rgba,
      rows: [new Uint8Array(8), new Uint8Array(8)],
      interlace: true,
    });
    const result = readPng(bytes);
    expect(result).toMatchObject({ ok: true, header: { width: 2, height: 2, interlaced: true }, pixels: undefined });
    expect(result.ok && result.whyNoPixels).toMatch(/interlaced/);
  });

  it('refuses files that are not PNG, or are cut short, with a reason', () => {
    expect(readPng(new TextEncoder().encode('GIF89a...'))).toMatchObject({
      ok: false,
      reason: expect.stringMatching(/not a PNG/),
    });
    const whole = encodePng(rgba(4, () => [1, 2, 3, 4]));
    expect(readPng(whole.subarray(0, 40))).toMatchObject({ ok: false });
  });
});
