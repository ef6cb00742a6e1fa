import { describe, expect, it } from 'vitest';
import { drawnImageUrl, safeLinkUrl } from './urls.ts';

describe('the URL policy', () => {
  it.each(['https://example.com/a', 'http://example.com', '  https://example.com/x y'])('opens %j', (url) => {
    expect(safeLinkUrl(url)).toMatch(/^https?:\/\//);
  });

  it.each([
    'javascript:alert(1)',
    'JAVASCRIPT:alert(1)',
    ' javascript:alert(1)',
    'data:text/html,<script>alert(1)</script>',
    'vbscript:x',
    'file:///etc/passwd',
    '//evil.example',
    '/relative',
    'https://',
    '',
    undefined,
  ])('never opens %j', (url) => {
    expect(safeLinkUrl(url)).toBeUndefined();
  });

  it('loads raster data images but not SVG or HTML', () => {
    expect(drawnImageUrl('data:image/png;base64,iVBORw0KGgo=')).toBeDefined();
    expect(drawnImageUrl('data:image/svg+xml;base64,PHN2Zz4=')).toBeUndefined();
    expect(drawnImageUrl('data:text/html;base64,PHNjcmlwdD4=')).toBeUndefined();
    expect(drawnImageUrl('javascript:alert(1)')).toBeUndefined();
    expect(drawnImageUrl('file:///etc/passwd')).toBeUndefined();
    expect(drawnImageUrl('https://example.com/a.png')).toBe('https://example.com/a.png');
  });

  it('follows the one image policy: PNG, JPEG or GIF, data URIs up to 1 MB, no SVG', () => {
    expect(drawnImageUrl('data:image/webp;base64,UklGRg==')).toBeUndefined();
    expect(drawnImageUrl('https://example.com/logo.svg')).toBeUndefined();
    expect(drawnImageUrl(`data:image/png;base64,${'A'.repeat(1_500_000)}`)).toBeUndefined();
    expect(drawnImageUrl('data:image/gif;base64,R0lGODlhAQABAAAAACw=')).toBeDefined();
  });
});
