import { describe, expect, it } from 'vitest';
import { strFromU8 } from 'fflate';
import { buildPackage, packageFileName, readPackage } from './package.ts';
import { encodePng } from '../lib/png.ts';
import { rgba } from './testkit.ts';

describe('buildPackage', () => {
  const color = encodePng(rgba(192, () => [68, 100, 238, 255]));
  const outline = encodePng(rgba(32, (x) => (x % 2 ? [255, 255, 255, 255] : [0, 0, 0, 0])));

  it('puts manifest.json and the two icons, under the manifest names, at the root of the zip', () => {
    const zip = buildPackage({ manifestText: '{"a":1}\n', colorName: 'c.png', outlineName: 'o.png', color, outline });
    const files = readPackage(zip);
    expect(Object.keys(files).sort()).toEqual(['c.png', 'manifest.json', 'o.png']);
    expect(strFromU8(files['manifest.json']!)).toBe('{"a":1}\n');
    expect(files['c.png']).toEqual(color);
    expect(files['o.png']).toEqual(outline);
  });

  it('gives the same bytes for the same inputs', () => {
    const files = { manifestText: '{}', colorName: 'color.png', outlineName: 'outline.png', color, outline };
    expect(buildPackage(files)).toEqual(buildPackage(files));
  });

  it('refuses names that would collide or leave the root', () => {
    expect(() =>
      buildPackage({ manifestText: '{}', colorName: 'a.png', outlineName: 'A.png', color, outline }),
    ).toThrow();
    expect(() =>
      buildPackage({ manifestText: '{}', colorName: 'x/a.png', outlineName: 'b.png', color, outline }),
    ).toThrow();
    expect(() =>
      buildPackage({ manifestText: '{}', colorName: 'manifest.json', outlineName: 'b.png', color, outline }),
    ).toThrow();
  });
});

describe('packageFileName', () => {
  it('uses the package name, else the short name, made safe for a file name', () => {
    expect(packageFileName({ packageName: 'com.contoso.alerts' })).toBe('com.contoso.alerts.zip');
    expect(packageFileName({ name: { short: 'Contoso Alerts / CI' } })).toBe('Contoso-Alerts-CI.zip');
    expect(packageFileName(undefined)).toBe('teams-connector.zip');
  });
});
