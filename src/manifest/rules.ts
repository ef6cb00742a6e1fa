/**
 * The manifest rules: what the published Teams manifest schemas require of a connector package,
 * said in words, each with a path into `manifest.json` like the card rules. Limits and patterns come
 * from `schema.ts`, which also feeds the editor, so the markers and these issues agree.
 */
import { formatPath } from '../json/path.ts';
import { asArray, asObject } from '../json/read.ts';
import type { Issue, JsonPath } from '../json/types.ts';
import {
  GUID_PATTERN,
  HEX_COLOR_PATTERN,
  MANIFEST_VERSIONS,
  MAX_LENGTH,
  schemaUrlFor,
  SEMVER_PATTERN,
  URL_PATTERN,
} from './schema.ts';

const GUID = new RegExp(GUID_PATTERN);
const URL_START = new RegExp(URL_PATTERN);
const HEX = new RegExp(HEX_COLOR_PATTERN);
const SEMVER = new RegExp(SEMVER_PATTERN);
const SCHEMA_URL = /^https?:\/\/developer\.microsoft\.com\/(?:[a-z]{2}-[a-z]{2}\/)?json-schemas\/teams\/v([^/]+)\//i;

interface TextField {
  path: JsonPath;
  label: string;
  max: number;
  required: boolean;
}

const TEXT_FIELDS: TextField[] = [
  { path: ['version'], label: 'The app version', max: MAX_LENGTH.version, required: true },
  { path: ['developer', 'name'], label: 'The developer name', max: MAX_LENGTH.developerName, required: true },
  { path: ['name', 'short'], label: 'The short name', max: MAX_LENGTH.nameShort, required: true },
  { path: ['name', 'full'], label: 'The full name', max: MAX_LENGTH.nameFull, required: true },
  { path: ['description', 'short'], label: 'The short description', max: MAX_LENGTH.descriptionShort, required: true },
  { path: ['description', 'full'], label: 'The full description', max: MAX_LENGTH.descriptionFull, required: true },
];

const URL_FIELDS: { path: JsonPath; label: string }[] = [
  { path: ['developer', 'websiteUrl'], label: 'The developer website' },
  { path: ['developer', 'privacyUrl'], label: 'The privacy statement URL' },
  { path: ['developer', 'termsOfUseUrl'], label: 'The terms of use URL' },
];

/**
 * Checks a parsed `manifest.json` for a connector package. Returns issues in no particular order;
 * an empty string counts as missing, since Teams rejects it the same way.
 */
export function lintManifest(value: unknown): Issue[] {
  const root = asObject(value);
  if (!root) {
    return [
      { rule: 'manifest-not-object', severity: 'error', message: 'manifest.json must be one JSON object.', path: [] },
    ];
  }
  const issues: Issue[] = [];
  const add = (rule: string, severity: Issue['severity'], path: JsonPath, message: string) =>
    issues.push({ rule, severity, path, message });

  const readString = (path: JsonPath, label: string, required: boolean): string | undefined => {
    const raw = get(root, path);
    if (raw === undefined || raw === '' || raw === null) {
      if (required) add('manifest-required', 'error', path, `${label} is required (${formatPath(path)}).`);
      return undefined;
    }
    if (typeof raw !== 'string') {
      add('manifest-type', 'error', path, `${label} must be a string in quotes, not ${kind(raw)}.`);
      return undefined;
    }
    return raw;
  };

  // manifestVersion and $schema
  const version = readString(['manifestVersion'], 'The manifest version', true);
  if (version !== undefined && !MANIFEST_VERSIONS.includes(version)) {
    add(
      'manifest-version',
      'error',
      ['manifestVersion'],
      `Manifest version "${version}" is not one that carries connectors: use one of 1.0 to 1.17 or 1.19 to 1.24 (1.16 is a safe choice).`,
    );
  }
  const schema = readString(['$schema'], 'The schema URL', false);
  const schemaVersion = schema ? SCHEMA_URL.exec(schema)?.[1] : undefined;
  if (version && schemaVersion && schemaVersion !== version) {
    add(
      'manifest-schema-mismatch',
      'warning',
      ['$schema'],
      `$schema points at the v${schemaVersion} schema but manifestVersion is ${version}; use ${schemaUrlFor(version)}.`,
    );
  }

  // id
  const id = readString(['id'], 'The app ID', true);
  if (id !== undefined && !GUID.test(id)) {
    add(
      'manifest-guid',
      'error',
      ['id'],
      `The app ID must be a GUID like 0e5c2f6a-3b1d-4e8f-9a7c-2d4b6f8a1c3e; "${clip(id)}" is not one.`,
    );
  }

  // packageName: required by the v1.0 schema, optional later
  const packageName = readString(['packageName'], 'The package name', version === '1.0');
  if (packageName !== undefined) {
    if (packageName.length > MAX_LENGTH.packageName)
      tooLong(add, ['packageName'], 'The package name', packageName, MAX_LENGTH.packageName);
    if (!/^[A-Za-z0-9_-]+(\.[A-Za-z0-9_-]+)+$/.test(packageName)) {
      add(
        'manifest-package-name',
        'warning',
        ['packageName'],
        `The package name is meant to be in reverse domain notation, like com.example.connector; "${clip(packageName)}" is not.`,
      );
    }
  }

  for (const group of ['developer', 'name', 'description', 'icons'] as const) {
    const raw = root[group];
    if (raw === undefined) continue;
    if (!asObject(raw))
      add('manifest-type', 'error', [group], `"${group}" must be an object with its fields inside { }.`);
  }

  for (const field of TEXT_FIELDS) {
    const value = readString(field.path, field.label, field.required);
    if (value === undefined) continue;
    if (value.length > field.max) tooLong(add, field.path, field.label, value, field.max);
    else if (value.trim() === '') add('manifest-required', 'error', field.path, `${field.label} is only spaces.`);
  }
  const appVersion = get(root, ['version']);
  if (typeof appVersion === 'string' && appVersion !== '' && !SEMVER.test(appVersion)) {
    add(
      'manifest-semver',
      'warning',
      ['version'],
      `The app version "${clip(appVersion)}" is not semver MAJOR.MINOR.PATCH (like 1.0.0), which the manifest schema asks for.`,
    );
  }
  const shortName = get(root, ['name', 'short']);
  const fullName = get(root, ['name', 'full']);
  if (typeof shortName === 'string' && shortName !== '' && shortName === fullName) {
    add(
      'manifest-name-same',
      'hint',
      ['name', 'full'],
      'The short and full names are the same; the Teams Store asks for different values (fine for uploading to your own team).',
    );
  }

  for (const field of URL_FIELDS) {
    const value = readString(field.path, field.label, true);
    if (value !== undefined) checkUrl(add, field.path, field.label, value);
  }

  // accentColor
  const accent = readString(['accentColor'], 'The accent colour', true);
  if (accent !== undefined && !HEX.test(accent)) {
    add(
      'manifest-accent-color',
      'error',
      ['accentColor'],
      `The accent colour must be #RRGGBB, like #4464EE; "${clip(accent)}" is not.`,
    );
  }

  // icons: the package puts the two files at its root, so the manifest must name plain file names.
  const color = readString(['icons', 'color'], 'The colour icon file name', true);
  const outline = readString(['icons', 'outline'], 'The outline icon file name', true);
  for (const [name, key] of [
    [color, 'color'],
    [outline, 'outline'],
  ] as const) {
    if (name === undefined) continue;
    const path = ['icons', key];
    if (/^[a-z][a-z0-9+.-]*:/i.test(name)) {
      add(
        'manifest-icon-path',
        'error',
        path,
        `icons.${key} must name a file inside the package (like ${key}.png), not a web address: Teams reads icons only from the .zip.`,
      );
    } else if (name.includes('/') || name.includes('\\')) {
      add(
        'manifest-icon-path',
        'error',
        path,
        `icons.${key} must be a file name at the root of the package, without folders.`,
      );
    } else if (!/\.png$/i.test(name)) {
      add('manifest-icon-path', 'error', path, `icons.${key} must name a .png file; Teams only accepts PNG icons.`);
    }
  }
  if (color !== undefined && outline !== undefined && color.toLowerCase() === outline.toLowerCase()) {
    add(
      'manifest-icons-same',
      'error',
      ['icons', 'outline'],
      'The colour and outline icons need two different file names.',
    );
  }

  checkConnectors(root, add);

  // needsIdentity
  if (Object.hasOwn(root, 'needsIdentity')) {
    const raw = root.needsIdentity;
    const valid = typeof raw === 'boolean' || raw === 'true' || raw === 'false';
    add(
      'manifest-needs-identity',
      valid ? 'warning' : 'error',
      ['needsIdentity'],
      valid
        ? 'needsIdentity is in no published manifest schema (they all forbid unknown fields). Microsoft\u2019s connector sample and Connectors Developer Dashboard manifests carry it; keep it only if yours did, since strict validators reject it.'
        : 'needsIdentity must be true or false.',
    );
  }
  return issues;
}

function checkConnectors(
  root: Record<string, unknown>,
  add: (r: string, s: Issue['severity'], p: JsonPath, m: string) => void,
) {
  const raw = root.connectors;
  if (raw === undefined) {
    add(
      'connectors-missing',
      'error',
      [],
      'The manifest has no "connectors": a connector package needs your connector\u2019s ID there.',
    );
    return;
  }
  const list = asArray(raw);
  if (!list) {
    add(
      'manifest-type',
      'error',
      ['connectors'],
      '"connectors" must be an array: [ { "connectorId": …, "scopes": ["team"] } ].',
    );
    return;
  }
  if (list.length === 0) {
    add('connectors-missing', 'error', ['connectors'], '"connectors" is empty: add your connector with its ID.');
    return;
  }
  if (list.length > 1) {
    add('connectors-max', 'error', ['connectors', 1], 'Only one connector per app is supported; remove the others.');
  }
  list.forEach((item, i) => {
    const connector = asObject(item);
    const path: JsonPath = ['connectors', i];
    if (!connector) {
      add('manifest-type', 'error', path, 'Each connector must be an object with connectorId and scopes.');
      return;
    }
    const id = connector.connectorId;
    if (id === undefined || id === '' || id === null) {
      add(
        'manifest-required',
        'error',
        [...path, 'connectorId'],
        'The connector ID is required: copy it from the Connectors Developer Dashboard.',
      );
    } else if (typeof id !== 'string') {
      add(
        'manifest-type',
        'error',
        [...path, 'connectorId'],
        `The connector ID must be a string in quotes, not ${kind(id)}.`,
      );
    } else if (id.length > MAX_LENGTH.connectorId) {
      tooLong(add, [...path, 'connectorId'], 'The connector ID', id, MAX_LENGTH.connectorId);
    } else if (!GUID.test(id)) {
      // The schema only limits the length; the dashboard hands out GUIDs, so anything else will not match.
      add(
        'connector-id-format',
        'warning',
        [...path, 'connectorId'],
        `Connector IDs from the Connectors Developer Dashboard are GUIDs; "${clip(id)}" is not one, so Teams will not find the connector.`,
      );
    }
    const scopes = connector.scopes;
    const scopeList = asArray(scopes);
    if (scopes === undefined) {
      add('manifest-required', 'error', [...path, 'scopes'], 'The connector needs "scopes": ["team"].');
    } else if (!scopeList) {
      add('connector-scopes', 'error', [...path, 'scopes'], 'scopes must be an array: ["team"].');
    } else if (scopeList.length !== 1 || scopeList[0] !== 'team') {
      add(
        'connector-scopes',
        'error',
        [...path, 'scopes'],
        `Connectors work only in channels of a team: scopes must be exactly ["team"], not ${clip(JSON.stringify(scopeList))}.`,
      );
    }
    if (connector.configurationUrl !== undefined) {
      const configurationUrl = connector.configurationUrl;
      if (typeof configurationUrl !== 'string' || configurationUrl === '') {
        add(
          'manifest-url',
          'error',
          [...path, 'configurationUrl'],
          'The configuration URL must be a web address, or be left out.',
        );
      } else {
        checkUrl(add, [...path, 'configurationUrl'], 'The configuration URL', configurationUrl);
      }
    }
    for (const key of Object.keys(connector)) {
      if (!['connectorId', 'scopes', 'configurationUrl'].includes(key)) {
        add(
          'manifest-unknown-field',
          'error',
          [...path, key],
          `A connector has no field "${key}": the schema allows connectorId, configurationUrl and scopes.`,
        );
      }
    }
  });
}

function checkUrl(
  add: (r: string, s: Issue['severity'], p: JsonPath, m: string) => void,
  path: JsonPath,
  label: string,
  value: string,
) {
  if (value.length > MAX_LENGTH.url) return tooLong(add, path, label, value, MAX_LENGTH.url);
  if (!URL_START.test(value)) {
    return add(
      'manifest-url',
      'error',
      path,
      `${label} must be a web address starting with https://; "${clip(value)}" is not.`,
    );
  }
  let parsed: URL | undefined;
  try {
    parsed = new URL(value);
  } catch {
    parsed = undefined;
  }
  if (!parsed || !parsed.hostname.includes('.')) {
    return add('manifest-url', 'error', path, `${label} is not a complete web address: "${clip(value)}".`);
  }
  if (parsed.protocol === 'http:') {
    add(
      'manifest-url-http',
      'warning',
      path,
      `${label} uses http; the schema accepts it but Teams and the Store expect https.`,
    );
  }
}

function tooLong(
  add: (r: string, s: Issue['severity'], p: JsonPath, m: string) => void,
  path: JsonPath,
  label: string,
  value: string,
  max: number,
) {
  add(
    'manifest-max-length',
    'error',
    path,
    `${label} is ${value.length} characters long; Teams allows at most ${max}.`,
  );
}

function get(root: Record<string, unknown>, path: JsonPath): unknown {
  let current: unknown = root;
  for (const segment of path) {
    const obj = asObject(current);
    if (!obj || typeof segment !== 'string' || !Object.hasOwn(obj, segment)) return undefined;
    current = obj[segment];
  }
  return current;
}

function kind(value: unknown): string {
  if (Array.isArray(value)) return 'an array';
  if (value === null) return 'null';
  return typeof value === 'object' ? 'an object' : `a ${typeof value}`;
}

function clip(value: string): string {
  return value.length > 60 ? value.slice(0, 57) + '…' : value;
}
