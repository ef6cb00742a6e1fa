import { encodePng } from '../../lib/png.ts';
import { ICON_SIZE, type IconKind } from '../../manifest/icons.ts';

/**
 * Draws an icon with a canvas and encodes it with our own PNG writer (8-bit RGBA, not interlaced),
 * so what we generate is exactly what the checks can read:
 * - colour: the letters in white on a rounded square of the chosen colour, 192 × 192;
 * - outline: the letters in white inside a white rounded border, on transparent, 32 × 32. Canvas
 *   anti-aliasing leaves partly transparent edge pixels; their colour is forced to pure white so the
 *   icon is white on transparent and nothing else.
 */
export function generateIcon(kind: IconKind, color: string, letters: string): Uint8Array {
  const size = ICON_SIZE[kind];
  const canvas = document.createElement('canvas');
  canvas.width = canvas.height = size;
  const context = canvas.getContext('2d', { willReadFrequently: true });
  if (!context) throw new Error('This browser cannot draw icons (no 2D canvas).');
  const text = letters.trim().slice(0, 2).toUpperCase();
  const font = (px: number) => `600 ${px}px "Segoe UI", system-ui, -apple-system, Roboto, sans-serif`;
  context.textAlign = 'center';
  context.textBaseline = 'middle';

  if (kind === 'color') {
    context.fillStyle = color;
    roundRect(context, 0, 0, size, size, 36);
    context.fill();
    context.fillStyle = readableOn(color);
    context.font = font(text.length > 1 ? 84 : 104);
    context.fillText(text, size / 2, size / 2 + 6);
  } else {
    context.strokeStyle = '#ffffff';
    context.lineWidth = 2;
    roundRect(context, 2, 2, size - 4, size - 4, 6);
    context.stroke();
    context.fillStyle = '#ffffff';
    context.font = font(text.length > 1 ? 13 : 17);
    context.fillText(text, size / 2, size / 2 + 1);
  }

  const image = context.getImageData(0, 0, size, size);
  const data = new Uint8Array(image.data.buffer.slice(0));
  if (kind === 'outline') {
    for (let o = 0; o < data.length; o += 4) {
      if (data[o + 3]! === 0) data[o] = data[o + 1] = data[o + 2] = 0;
      else data[o] = data[o + 1] = data[o + 2] = 255;
    }
  }
  return encodePng({ width: size, height: size, data });
}

function roundRect(context: CanvasRenderingContext2D, x: number, y: number, w: number, h: number, r: number) {
  context.beginPath();
  context.moveTo(x + r, y);
  context.arcTo(x + w, y, x + w, y + h, r);
  context.arcTo(x + w, y + h, x, y + h, r);
  context.arcTo(x, y + h, x, y, r);
  context.arcTo(x, y, x + w, y, r);
  context.closePath();
}

/** White letters on dark colours, near-black on light ones (WCAG relative luminance). */
function readableOn(hex: string): string {
  const match = /^#([0-9a-f]{6})$/i.exec(hex);
  if (!match) return '#ffffff';
  const value = parseInt(match[1]!, 16);
  const channel = (shift: number) => {
    const c = ((value >> shift) & 0xff) / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  };
  const luminance = 0.2126 * channel(16) + 0.7152 * channel(8) + 0.0722 * channel(0);
  return luminance > 0.4 ? '#1b1b1b' : '#ffffff';
}
