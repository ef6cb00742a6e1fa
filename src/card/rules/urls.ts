/**
 * URL rules shared by images, links and HttpPOST targets (reference/messagecard.md §3, §4), over
 * the one URL policy of `card/urls.ts`, and the `{{id.value}}` placeholder reader (§4.3).
 */
import type { JsonPath, JsonSegment } from '../types.ts';
import { imageVerdict, urlHost } from '../urls.ts';
import type { LintContext } from './context.ts';
import { quote, scanned } from './read.ts';

/** What a URL is for: an image Teams loads, a link the user opens, or a target Microsoft posts to. */
export type UrlRole = 'image' | 'link' | 'post';

const HTTP = /^https?:\/\//i;
const LOCAL_HOSTS = new Set(['localhost', '127.0.0.1', '0.0.0.0', '[::1]']);

/**
 * Warnings for one URL string: not http(s) (images and posts; links are an error of their own
 * rule), http instead of https, spaces, and localhost. Non-strings are the kind rules' business.
 */
export function checkUrl(ctx: LintContext, value: unknown, parent: JsonPath, key: JsonSegment, role: UrlRole): void {
  if (typeof value !== 'string') return;
  const url = value.trim();
  if (url.length === 0) return;
  const path = [...parent, key];
  const field = typeof key === 'number' ? 'This URL' : `\`${key}\``;
  if (role === 'image') {
    // The one image policy (card/behaviour.ts): format, SVG and data URI size, checked without fetching.
    const verdict = imageVerdict(url);
    if (!verdict.drawn && (verdict.reason === 'svg' || verdict.reason === 'format' || verdict.reason === 'too-large')) {
      ctx.report('image-not-drawn', path, `${field} is not drawn: ${verdict.why}.`);
      return;
    }
    // The 2016 connector reference allowed a data: URI for images (§2, [obs]).
    if (/^data:/i.test(url)) return;
  }
  if (!HTTP.test(url)) {
    if (role === 'link') return;
    ctx.report(
      'url-invalid',
      path,
      role === 'image'
        ? `${field} ${quote(url)} is not an http(s) URL: Teams cannot load the image.`
        : `${field} ${quote(url)} is not an https URL: Microsoft cannot post to it, so the button fails.`,
    );
    return;
  }
  if (/^http:/i.test(url)) {
    const https = `https:${value.trim().slice(5)}`;
    ctx.report(
      'url-not-https',
      path,
      role === 'image'
        ? `${field} loads the image over http: Teams documents https image URLs and some clients do not load http images.`
        : role === 'post'
          ? `${field} uses http: Microsoft requires https for HttpPOST targets, so the request may be refused.`
          : `${field} opens an http page; use https so the link is not blocked or downgraded.`,
      { fix: { title: 'Use https', path, value: https } },
    );
  }
  const scannedUrl = scanned(url);
  if (/\s/.test(scannedUrl)) {
    const onlySpaces = !/[^\S ]/.test(scannedUrl) && url.length === scannedUrl.length;
    ctx.report(
      'url-invalid',
      path,
      `${field} contains spaces; encode them as %20 or the URL ${role === 'image' ? 'will not load' : 'may break'}.`,
      onlySpaces ? { fix: { title: 'Encode spaces as %20', path, value: url.replace(/ /g, '%20') } } : {},
    );
  }
  const host = urlHost(url);
  if (host !== undefined && (LOCAL_HOSTS.has(host) || host.endsWith('.localhost'))) {
    ctx.report(
      'url-localhost',
      path,
      role === 'post'
        ? `${field} points at localhost: Microsoft's servers post the request, and they cannot reach your machine. Use a public https URL.`
        : role === 'image'
          ? `${field} points at localhost: Teams cannot fetch the image from your machine.`
          : `${field} points at localhost: it opens on the reader's own machine, not yours.`,
    );
  }
}

const PLACEHOLDER = /\{\{([^{}\r\n]{1,200}?)\.value\}\}/g;

/** The input ids named by `{{id.value}}` placeholders in a text, in order, each once. */
export function placeholderIds(text: string): string[] {
  const ids: string[] = [];
  for (const match of scanned(text).matchAll(PLACEHOLDER)) {
    const id = match[1] ?? '';
    if (!ids.includes(id)) ids.push(id);
    if (ids.length >= 50) break;
  }
  return ids;
}

/** `{{id.value}}` where Teams does not substitute it: it would be sent or opened literally. */
export function checkNoPlaceholder(ctx: LintContext, value: unknown, path: JsonPath, where: string): void {
  if (typeof value !== 'string' || !value.includes('{{')) return;
  const ids = placeholderIds(value);
  if (ids.length === 0) return;
  ctx.report(
    'placeholder-outside-body',
    path,
    `{{${ids[0]}.value}} in ${where} is sent as written: Teams substitutes input values only in the body of an HttpPOST. Move the value into the body.`,
  );
}
