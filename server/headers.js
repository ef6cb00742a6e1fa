/**
 * The headers every answer of the designer's own servers carries (`npm start` and `vite preview`).
 *
 * The Content-Security-Policy allows only the designer's own scripts and workers (the bundle's files;
 * no inline script, no eval), styles from the bundle plus inline ones (Fluent UI and Monaco insert
 * <style> elements), images from the bundle, any http(s) URL and data: URIs (the preview draws a card's
 * images from wherever the card points, as Teams does, by the URL policy of `src/card/urls.ts`), blob: images (the package view shows the icons it holds),
 * fetches only to this server (`/api/...`), and no framing of the designer by any page.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "worker-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' https: http: data: blob:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');

/** @type {Record<string, string>} */
export const SECURITY_HEADERS = {
  'content-security-policy': CONTENT_SECURITY_POLICY,
  'referrer-policy': 'no-referrer',
  'x-content-type-options': 'nosniff',
  'x-frame-options': 'DENY',
  'cross-origin-opener-policy': 'same-origin',
};

/**
 * Sets the security headers on an answer before anything is written.
 * @param {import('node:http').ServerResponse} res
 */
export function setSecurityHeaders(res) {
  for (const [name, value] of Object.entries(SECURITY_HEADERS)) res.setHeader(name, value);
}
