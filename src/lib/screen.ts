/**
 * The window the designer is drawn in, as far as where things sit depends on it. What the first script
 * paints or places from the last visit (the preview's picture, the editor's place) is used only in a window
 * like the one it was taken in.
 */
export interface Screen {
  width: number;
  height: number;
  ratio: number;
  dark: boolean;
}

export function currentScreen(): Screen {
  return {
    width: window.innerWidth,
    height: window.innerHeight,
    ratio: window.devicePixelRatio,
    dark: window.matchMedia?.('(prefers-color-scheme: dark)').matches ?? false,
  };
}

const isNumber = (value: unknown): value is number => typeof value === 'number' && Number.isFinite(value);

/** The value as a screen, or undefined when it is not one. */
export function parseScreen(value: unknown): Screen | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  const s = value as Record<string, unknown>;
  return isNumber(s.width) && isNumber(s.height) && isNumber(s.ratio) && typeof s.dark === 'boolean'
    ? { width: s.width, height: s.height, ratio: s.ratio, dark: s.dark }
    : undefined;
}

/** The same size and pixel ratio: where things sit. */
export function sameSize(a: Screen, b: Screen): boolean {
  return a.width === b.width && a.height === b.height && a.ratio === b.ratio;
}

/** The same size, pixel ratio and colour scheme: how things look. */
export function sameScreen(a: Screen, b: Screen): boolean {
  return sameSize(a, b) && a.dark === b.dark;
}

/** A box in the window, in CSS pixels. */
export interface Box {
  left: number;
  top: number;
  width: number;
  height: number;
}

/** The box of a rectangle the browser measured. */
export function boxOf(rect: DOMRect): Box {
  return { left: rect.left, top: rect.top, width: rect.width, height: rect.height };
}

/** The value as a box, or undefined when it is not one. */
export function parseBox(value: unknown): Box | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  const b = value as Record<string, unknown>;
  return isNumber(b.left) && isNumber(b.top) && isNumber(b.width) && isNumber(b.height)
    ? { left: b.left, top: b.top, width: b.width, height: b.height }
    : undefined;
}
