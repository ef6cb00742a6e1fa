import { describe, expect, it } from 'vitest';
import { analyzeManifest } from './analyze.ts';

describe('analyzeManifest', () => {
  it('calls an empty or broken manifest.json the app manifest, never the card', () => {
    expect(analyzeManifest('').issues.map((i) => i.message)).toEqual(['The app manifest is empty']);
    expect(analyzeManifest('{"name": ').issues.map((i) => i.message)).toEqual([
      'Expected a value, but the app manifest ends here',
    ]);
    expect(analyzeManifest('{} {}').issues.map((i) => i.message)).toEqual(['Text after the end of the app manifest']);
  });
});
