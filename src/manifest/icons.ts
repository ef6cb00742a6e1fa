/**
 * Checks of the two icons a Teams app package carries, from the files' bytes.
 *
 * Sizes and looks as Microsoft documents them (learn.microsoft.com, "root.icons object" of the app
 * manifest reference, and the `icons` descriptions in the v1.16 and v1.24 manifest schemas of
 * microsoft/json-schemas): the colour icon is "a full color PNG icon. Size 192x192"; the outline
 * icon is "a transparent PNG outline icon. The border color needs to be white. Size 32x32". (Manifest
 * v1.0 still said 96x96 and 20x20; Teams has asked for 192 and 32 for years, so we check those.)
 */
import { readPng, sniffFormat, type PngHeader, type RgbaImage } from '../lib/png.ts';
import type { Severity } from '../json/types.ts';

export type IconKind = 'color' | 'outline';

export const ICON_SIZE: Record<IconKind, number> = { color: 192, outline: 32 };

/** One finding about an icon file. */
export interface IconIssue {
  rule: string;
  severity: Severity;
  message: string;
}

/** What we learnt about an icon file. */
export interface IconReport {
  kind: IconKind;
  header: PngHeader | undefined;
  issues: IconIssue[];
  /** Whether the pixels were decoded and judged (false for images too large to decode). */
  pixelsChecked: boolean;
}

/** A pixel counts as visible from this alpha on; fainter anti-aliasing fringes are ignored. */
const VISIBLE_ALPHA = 48;
/** Every channel of a visible outline pixel must be at least this bright to count as white. */
const WHITE_MIN = 224;
/** An outline icon whose background is less transparent than this is not "on transparent". */
const MIN_TRANSPARENT_SHARE = 0.2;

const LABEL: Record<IconKind, string> = { color: 'colour icon', outline: 'outline icon' };

/**
 * Checks an icon file: that it is a PNG, its size, and for the outline icon that it is white on a
 * transparent background (by decoding the pixels). Says plainly what it could not check.
 */
export function checkIcon(kind: IconKind, bytes: Uint8Array): IconReport {
  const label = LABEL[kind];
  const want = ICON_SIZE[kind];
  const png = readPng(bytes);
  if (!png.ok) {
    const other = bytes.length === 0 ? 'an empty file' : sniffFormat(bytes);
    const message = other
      ? `The ${label} is ${other}, not a PNG. Teams only accepts PNG icons: export it as PNG.`
      : `The ${label} is not a readable PNG: ${png.reason} Teams only accepts PNG icons.`;
    return {
      kind,
      header: undefined,
      pixelsChecked: false,
      issues: [{ rule: 'icon-not-png', severity: 'error', message }],
    };
  }
  const { header } = png;
  const issues: IconIssue[] = [];
  if (header.width !== want || header.height !== want) {
    issues.push({
      rule: 'icon-size',
      severity: 'error',
      message: `The ${label} is ${header.width} × ${header.height} pixels; Teams needs exactly ${want} × ${want}.`,
    });
  }
  if (!png.pixels) {
    issues.push({
      rule: 'icon-unchecked',
      severity: 'warning',
      message:
        kind === 'outline'
          ? `The outline icon's pixels were not checked because ${png.whyNoPixels}: make sure it is white on transparent, and at ${ICON_SIZE.outline} × ${ICON_SIZE.outline} pixels it will be checked.`
          : `The colour icon's pixels were not checked because ${png.whyNoPixels}.`,
    });
    return { kind, header, issues, pixelsChecked: false };
  }
  if (kind === 'outline') issues.push(...checkOutline(header, png.pixels));
  else issues.push(...checkColor(png.pixels));
  return { kind, header, issues, pixelsChecked: true };
}

function checkOutline(header: PngHeader, image: RgbaImage): IconIssue[] {
  if (!header.hasAlpha) {
    return [
      {
        rule: 'icon-outline-opaque',
        severity: 'error',
        message:
          'The outline icon has no transparency (no alpha channel): Teams draws it as a white silhouette on its own background, so it must be white on a transparent background.',
      },
    ];
  }
  const { data } = image;
  const total = data.length / 4;
  let transparent = 0;
  let visible = 0;
  let coloured = 0;
  let firstColoured: { x: number; y: number; hex: string } | undefined;
  for (let p = 0; p < total; p++) {
    const o = p * 4;
    const a = data[o + 3]!;
    if (a === 0) transparent++;
    if (a < VISIBLE_ALPHA) continue;
    visible++;
    const r = data[o]!;
    const g = data[o + 1]!;
    const b = data[o + 2]!;
    if (r < WHITE_MIN || g < WHITE_MIN || b < WHITE_MIN) {
      coloured++;
      firstColoured ??= { x: p % image.width, y: Math.floor(p / image.width), hex: hex(r, g, b) };
    }
  }
  const issues: IconIssue[] = [];
  if (visible === 0) {
    issues.push({
      rule: 'icon-outline-empty',
      severity: 'error',
      message: 'The outline icon is fully transparent: there is nothing for Teams to draw.',
    });
    return issues;
  }
  if (transparent / total < MIN_TRANSPARENT_SHARE) {
    issues.push({
      rule: 'icon-outline-opaque',
      severity: 'error',
      message: `Only ${percent(transparent / total)} of the outline icon is transparent: it needs a transparent background with a white shape on it, not a filled square.`,
    });
  }
  if (coloured > 0) {
    issues.push({
      rule: 'icon-outline-not-white',
      severity: 'error',
      message: `${percent(coloured / visible)} of the outline icon's visible pixels are not white (the first at x ${firstColoured!.x}, y ${firstColoured!.y} is ${firstColoured!.hex}). Teams expects a white outline on transparent.`,
    });
  }
  return issues;
}

function checkColor(image: RgbaImage): IconIssue[] {
  const { data } = image;
  let visible = 0;
  for (let o = 3; o < data.length; o += 4) if (data[o]! >= VISIBLE_ALPHA) visible++;
  if (visible === 0) {
    return [
      {
        rule: 'icon-color-empty',
        severity: 'error',
        message: 'The colour icon is fully transparent: Teams would show an empty tile.',
      },
    ];
  }
  return [];
}

function percent(share: number): string {
  const value = share * 100;
  return `${value > 0 && value < 1 ? '<1' : Math.round(value)}%`;
}

function hex(r: number, g: number, b: number): string {
  return '#' + [r, g, b].map((v) => v.toString(16).padStart(2, '0')).join('');
}
