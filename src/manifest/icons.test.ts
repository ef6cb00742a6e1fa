import { describe, expect, it } from 'vitest';
import { checkIcon } from './icons.ts';
import { encode } from 'fast-png';
import { COLOR_TYPE, encodePng } from '../lib/png.ts';
import { makePng, rgba } from './testkit.ts';

const rules = (report: ReturnType<typeof checkIcon>) => report.issues.map((issue) => `${issue.severity}:${issue.rule}`);

/** A white ring on transparent, like a real outline icon. */
const outline = (size: number) =>
  encodePng(
    rgba(size, (x, y) =>
      Math.abs(Math.hypot(x - size / 2, y - size / 2) - size / 3) < 2 ? [255, 255, 255, 255] : [0, 0, 0, 0],
    ),
  );

describe('checkIcon', () => {
  it('accepts a 192 × 192 colour icon and a 32 × 32 white-on-transparent outline icon', () => {
    expect(checkIcon('color', encodePng(rgba(192, () => [68, 100, 238, 255])))).toMatchObject({
      issues: [],
      pixelsChecked: true,
    });
    expect(checkIcon('outline', outline(32))).toMatchObject({ issues: [], pixelsChecked: true });
  });

  it('says the size is wrong and what it must be', () => {
    const report = checkIcon('color', encodePng(rgba(96, () => [68, 100, 238, 255])));
    expect(rules(report)).toEqual(['error:icon-size']);
    expect(report.issues[0]!.message).toContain('96 × 96');
    expect(report.issues[0]!.message).toContain('192 × 192');
    expect(rules(checkIcon('outline', outline(20)))).toEqual(['error:icon-size']);
  });

  it('rejects an outline icon without any transparency', () => {
    const rgb = makePng({
      width: 32,
      height: 32,
      colorType: COLOR_TYPE.rgb,
      rows: Array.from({ length: 32 }, () => new Uint8Array(96).fill(255)),
    });
    const report = checkIcon('outline', rgb);
    expect(rules(report)).toEqual(['error:icon-outline-opaque']);
    expect(report.issues[0]!.message).toMatch(/no transparency/);
  });

  it('rejects an outline icon whose alpha channel is opaque everywhere', () => {
    const report = checkIcon('outline', encodePng(rgba(32, () => [255, 255, 255, 255])));
    expect(rules(report)).toEqual(['error:icon-outline-opaque']);
  });

  it('rejects a coloured outline icon and names the first coloured pixel', () => {
    const report = checkIcon(
      'outline',
      encodePng(rgba(32, (x, y) => (x > 10 && x < 20 && y > 10 && y < 20 ? [0x1f, 0x6f, 0xeb, 255] : [0, 0, 0, 0]))),
    );
    expect(rules(report)).toEqual(['error:icon-outline-not-white']);
    expect(report.issues[0]!.message).toContain('#1f6feb');
    expect(report.issues[0]!.message).toContain('x 11, y 11');
  });

  it('ignores faint anti-aliasing fringes when judging whiteness', () => {
    const report = checkIcon(
      'outline',
      encodePng(rgba(32, (x) => (x === 16 ? [255, 255, 255, 255] : x === 17 ? [40, 40, 40, 20] : [0, 0, 0, 0]))),
    );
    expect(report.issues).toEqual([]);
  });

  it('rejects an empty outline icon', () => {
    expect(rules(checkIcon('outline', encodePng(rgba(32, () => [255, 255, 255, 0]))))).toEqual([
      'error:icon-outline-empty',
    ]);
  });

  it('names the format of a file that is not a PNG', () => {
    const jpeg = Uint8Array.of(0xff, 0xd8, 0xff, 0xe0, 0, 0x10);
    const report = checkIcon('color', jpeg);
    expect(rules(report)).toEqual(['error:icon-not-png']);
    expect(report.issues[0]!.message).toMatch(/JPEG image, not a PNG/);
    const svg = new TextEncoder().encode('<svg xmlns="http://www.w3.org/2000/svg"></svg>');
    expect(checkIcon('outline', svg).issues[0]!.message).toMatch(/SVG drawing/);
    expect(checkIcon('outline', new Uint8Array(0)).issues[0]!.message).toMatch(/empty file/);
  });

  it('checks the pixels of an interlaced (Adam7) outline icon like any other', () => {
    const shape = rgba(32, (x, y) => (x > 8 && x < 24 && y > 8 && y < 24 ? [255, 255, 255, 255] : [0, 0, 0, 0]));
    const white = encode({ ...shape, depth: 8, channels: 4 }, { interlace: 'Adam7' });
    expect(white[28]).toBe(1); // the header's interlace method
    expect(checkIcon('outline', white)).toMatchObject({ pixelsChecked: true, issues: [] });
    const red = rgba(32, (x) => (x < 16 ? [255, 0, 0, 255] : [0, 0, 0, 0]));
    const report = checkIcon('outline', encode({ ...red, depth: 8, channels: 4 }, { interlace: 'Adam7' }));
    expect(rules(report)).toEqual(['error:icon-outline-not-white']);
  });

  it('says plainly when it could not check the pixels of an image too large to decode', () => {
    const huge = makePng({ width: 4096, height: 4096, colorType: COLOR_TYPE.rgba, rows: [] });
    const report = checkIcon('outline', huge);
    expect(rules(report)).toEqual(['error:icon-size', 'warning:icon-unchecked']);
    expect(report.pixelsChecked).toBe(false);
    expect(report.issues[1]!.message).toMatch(/not checked because it is too large to decode here/);
  });
});
