import { describe, expect, it } from 'vitest';
import { lintManifest } from './rules.ts';
import { analyzeManifest } from './analyze.ts';
import { manifestSchema, MANIFEST_VERSIONS, MAX_LENGTH, schemaUrlFor } from './schema.ts';
import { NEW_MANIFEST_TEXT } from './newManifest.ts';

const VALID = {
  $schema: schemaUrlFor('1.16'),
  manifestVersion: '1.16',
  id: '0e5c2f6a-3b1d-4e8f-9a7c-2d4b6f8a1c3e',
  version: '1.0.0',
  packageName: 'com.contoso.alerts',
  developer: {
    name: 'Contoso',
    websiteUrl: 'https://contoso.example.com',
    privacyUrl: 'https://contoso.example.com/privacy',
    termsOfUseUrl: 'https://contoso.example.com/terms',
  },
  name: { short: 'Contoso Alerts', full: 'Contoso Alerts for Teams' },
  description: { short: 'Build alerts in your channel', full: 'Posts build and deployment alerts to a Teams channel.' },
  icons: { color: 'color.png', outline: 'outline.png' },
  accentColor: '#4464EE',
  connectors: [{ connectorId: '7b2c8d4e-1f3a-4b5c-9d6e-0a1b2c3d4e5f', scopes: ['team'] }],
};

function withChange(change: (m: Record<string, unknown>) => void): Record<string, unknown> {
  const copy = structuredClone(VALID) as Record<string, unknown>;
  change(copy);
  return copy;
}

const found = (value: unknown) => lintManifest(value).map((i) => `${i.severity}:${i.rule}@${i.path.join('.')}`);

describe('lintManifest', () => {
  it('finds nothing wrong with a complete connector manifest', () => {
    expect(lintManifest(VALID)).toEqual([]);
  });

  it('reports every required field of a new, empty manifest with its path', () => {
    const issues = found(JSON.parse(NEW_MANIFEST_TEXT));
    expect(issues).toEqual(
      expect.arrayContaining([
        'error:manifest-required@id',
        'error:manifest-required@developer.name',
        'error:manifest-required@developer.websiteUrl',
        'error:manifest-required@developer.privacyUrl',
        'error:manifest-required@developer.termsOfUseUrl',
        'error:manifest-required@name.short',
        'error:manifest-required@name.full',
        'error:manifest-required@description.short',
        'error:manifest-required@description.full',
        'error:manifest-required@connectors.0.connectorId',
      ]),
    );
    expect(issues.filter((i) => i.startsWith('error'))).toHaveLength(10);
  });

  it('requires the app ID to be a GUID', () => {
    const issues = lintManifest(withChange((m) => (m.id = 'my-app')));
    expect(issues).toMatchObject([{ rule: 'manifest-guid', severity: 'error', path: ['id'] }]);
    expect(issues[0]!.message).toContain('"my-app"');
  });

  it('warns when the connector ID is not a GUID, since the dashboard hands out GUIDs', () => {
    expect(found(withChange((m) => ((m.connectors as { connectorId: string }[])[0]!.connectorId = 'abc')))).toEqual([
      'warning:connector-id-format@connectors.0.connectorId',
    ]);
  });

  it.each([
    [['name', 'short'], MAX_LENGTH.nameShort, 30],
    [['name', 'full'], MAX_LENGTH.nameFull, 100],
    [['description', 'short'], MAX_LENGTH.descriptionShort, 80],
    [['description', 'full'], MAX_LENGTH.descriptionFull, 4000],
    [['developer', 'name'], MAX_LENGTH.developerName, 32],
  ] as const)('limits %j to %i characters (documented: %i)', (path, max, documented) => {
    expect(max).toBe(documented);
    const atLimit = withChange((m) => ((m[path[0]] as Record<string, string>)[path[1]] = 'x'.repeat(max)));
    expect(lintManifest(atLimit)).toEqual([]);
    const over = withChange((m) => ((m[path[0]] as Record<string, string>)[path[1]] = 'y'.repeat(max + 1)));
    const issues = lintManifest(over);
    expect(issues).toMatchObject([{ rule: 'manifest-max-length', severity: 'error', path }]);
    expect(issues[0]!.message).toContain(`${max + 1} characters long; Teams allows at most ${max}`);
  });

  it('requires web addresses for the developer links and warns about http', () => {
    expect(
      found(withChange((m) => ((m.developer as Record<string, string>).privacyUrl = 'contoso.com/privacy'))),
    ).toEqual(['error:manifest-url@developer.privacyUrl']);
    expect(
      found(withChange((m) => ((m.developer as Record<string, string>).websiteUrl = 'http://contoso.example.com'))),
    ).toEqual(['warning:manifest-url-http@developer.websiteUrl']);
    expect(
      found(withChange((m) => ((m.connectors as Record<string, unknown>[])[0]!.configurationUrl = 'ftp://x'))),
    ).toEqual(['error:manifest-url@connectors.0.configurationUrl']);
  });

  it('accepts only the team scope, and one connector', () => {
    expect(found(withChange((m) => ((m.connectors as Record<string, unknown>[])[0]!.scopes = ['personal'])))).toEqual([
      'error:connector-scopes@connectors.0.scopes',
    ]);
    expect(found(withChange((m) => ((m.connectors as Record<string, unknown>[])[0]!.scopes = [])))).toEqual([
      'error:connector-scopes@connectors.0.scopes',
    ]);
    expect(found(withChange((m) => delete (m.connectors as Record<string, unknown>[])[0]!.scopes))).toEqual([
      'error:manifest-required@connectors.0.scopes',
    ]);
    expect(
      found(withChange((m) => (m.connectors = [...(m.connectors as unknown[]), ...(m.connectors as unknown[])]))),
    ).toEqual(['error:connectors-max@connectors.1']);
    expect(found(withChange((m) => delete m.connectors))).toEqual(['error:connectors-missing@']);
  });

  it('checks the manifest version against the versions that carry connectors, and $schema against it', () => {
    expect(MANIFEST_VERSIONS).toContain('1.0');
    expect(MANIFEST_VERSIONS).toContain('1.24');
    expect(MANIFEST_VERSIONS).not.toContain('1.18');
    expect(found(withChange((m) => (m.manifestVersion = '1.18')))).toContain('error:manifest-version@manifestVersion');
    expect(found(withChange((m) => (m.manifestVersion = '1.17')))).toEqual([
      'warning:manifest-schema-mismatch@$schema',
    ]);
  });

  it('requires packageName only for manifest version 1.0', () => {
    const v10 = withChange((m) => {
      m.manifestVersion = '1.0';
      m.$schema = schemaUrlFor('1.0');
      delete m.packageName;
    });
    expect(found(v10)).toEqual(['error:manifest-required@packageName']);
    expect(found(withChange((m) => delete m.packageName))).toEqual([]);
  });

  it('wants the accent colour as #RRGGBB and the app version as semver', () => {
    expect(found(withChange((m) => (m.accentColor = 'blue')))).toEqual(['error:manifest-accent-color@accentColor']);
    expect(found(withChange((m) => (m.version = '1.0')))).toEqual(['warning:manifest-semver@version']);
  });

  it('wants icons named as two different PNG files at the root of the package', () => {
    expect(
      found(withChange((m) => ((m.icons as Record<string, string>).color = 'https://contoso.example.com/c.png'))),
    ).toEqual(['error:manifest-icon-path@icons.color']);
    expect(found(withChange((m) => ((m.icons as Record<string, string>).outline = 'img/outline.png')))).toEqual([
      'error:manifest-icon-path@icons.outline',
    ]);
    expect(found(withChange((m) => ((m.icons as Record<string, string>).outline = 'outline.jpg')))).toEqual([
      'error:manifest-icon-path@icons.outline',
    ]);
    expect(found(withChange((m) => ((m.icons as Record<string, string>).outline = 'COLOR.png')))).toEqual([
      'error:manifest-icons-same@icons.outline',
    ]);
  });

  it('warns that needsIdentity is in no published schema, and rejects values that are not booleans', () => {
    expect(found(withChange((m) => (m.needsIdentity = 'true')))).toEqual([
      'warning:manifest-needs-identity@needsIdentity',
    ]);
    expect(found(withChange((m) => (m.needsIdentity = 1)))).toEqual(['error:manifest-needs-identity@needsIdentity']);
  });

  it('says when a field has the wrong type', () => {
    expect(found(withChange((m) => (m.id = 42)))).toEqual(['error:manifest-type@id']);
    expect(found([])).toEqual(['error:manifest-not-object@']);
  });
});

describe('manifestSchema', () => {
  it('carries the same limits and patterns as the rules', () => {
    const props = manifestSchema.properties!;
    expect(props.name!.properties!.short!.maxLength).toBe(30);
    expect(props.description!.properties!.full!.maxLength).toBe(4000);
    expect(props.id!.pattern).toBe('^[0-9a-fA-F]{8}-([0-9a-fA-F]{4}-){3}[0-9a-fA-F]{12}$');
    expect(props.connectors!.items!.properties!.scopes!.items!.enum).toEqual(['team']);
    expect(props.connectors!.maxItems).toBe(1);
    expect(manifestSchema.required).toEqual(
      expect.arrayContaining(['id', 'developer', 'name', 'description', 'icons', 'accentColor']),
    );
  });
});

describe('analyzeManifest', () => {
  it('places each issue on its field in the text', () => {
    const text = JSON.stringify(
      withChange((m) => (m.id = 'nope')),
      null,
      2,
    );
    const analysis = analyzeManifest(text);
    expect(analysis.counts).toEqual({ error: 1, warning: 0, hint: 0 });
    const [issue] = analysis.issues;
    expect(text.slice(issue!.range.offset, issue!.range.offset + issue!.range.length)).toBe('"nope"');
    expect(issue!.line).toBe(4);
  });

  it('reports syntax errors alone while the JSON does not parse', () => {
    const analysis = analyzeManifest('{ "id": ');
    expect(analysis.parsed.ok).toBe(false);
    expect(analysis.issues.every((i) => i.rule === 'json-syntax')).toBe(true);
  });
});
