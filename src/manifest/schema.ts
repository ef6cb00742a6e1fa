/**
 * The Teams app manifest, as far as a connector package needs it: the JSON Schema the editor binds
 * to `manifest.json` (completion, hover, structural markers), and the limits the rules in
 * `rules.ts` share with it, so the two can never disagree.
 *
 * Sources, read in microsoft/json-schemas (`teams/v1.0`, `teams/v1.16`, `teams/v1.24`
 * MicrosoftTeams.schema.json) and on learn.microsoft.com (app manifest reference, "root.connectors
 * object", "root.name object", "root.icons object"):
 * - `connectors` is in every published manifest version from 1.0 to at least 1.24: an array of at
 *   most one connector with `connectorId` (string, at most 64) and `scopes` (at most one item, only
 *   `"team"`), both required, and an optional https `configurationUrl`.
 * - Required at the root: manifestVersion, version, id, developer, name, description, icons,
 *   accentColor (v1.0 also packageName). developer needs name (32), websiteUrl, privacyUrl and
 *   termsOfUseUrl; name needs short (30) and full (100); description short (80) and full (4000).
 * - `id` and other GUIDs: `^[0-9a-fA-F]{8}-([0-9a-fA-F]{4}-){3}[0-9a-fA-F]{12}$`; URLs:
 *   `^[Hh][Tt][Tt][Pp][Ss]?://`, at most 2048; accentColor `^#[0-9a-fA-F]{6}$`; packageName 64;
 *   version 256 and "must follow the semver standard".
 * - Version 1.18 was never published ("Version 1.18 is not available").
 * - `needsIdentity` is in no published schema: it appears in Microsoft's connector sample manifest
 *   (as the string "true") and in manifests the Connectors Developer Dashboard generated.
 */
import type { JsonSchema } from '../json/schema.ts';

/** The URI the editor registers the manifest schema under (never fetched). */
export const MANIFEST_SCHEMA_URI = 'https://messagecard-designer.local/schema/teams-manifest.json';

/** Manifest versions whose published schema carries `connectors` (1.18 does not exist). */
export const MANIFEST_VERSIONS: readonly string[] = [
  ...Array.from({ length: 18 }, (_, i) => `1.${i}`),
  ...Array.from({ length: 6 }, (_, i) => `1.${19 + i}`),
];

/** The version a new package starts with: widely used by Teams Toolkit templates, and carries connectors. */
export const DEFAULT_MANIFEST_VERSION = '1.16';

/** The public schema URL of a manifest version, as `$schema` names it. */
export function schemaUrlFor(version: string): string {
  return `https://developer.microsoft.com/json-schemas/teams/v${version}/MicrosoftTeams.schema.json`;
}

export const GUID_PATTERN = '^[0-9a-fA-F]{8}-([0-9a-fA-F]{4}-){3}[0-9a-fA-F]{12}$';
export const URL_PATTERN = '^[Hh][Tt][Tt][Pp][Ss]?://';
export const HEX_COLOR_PATTERN = '^#[0-9a-fA-F]{6}$';
export const SEMVER_PATTERN = '^(0|[1-9][0-9]*)\\.(0|[1-9][0-9]*)\\.(0|[1-9][0-9]*)$';

/** Maximum lengths, in characters, from the published schemas. */
export const MAX_LENGTH = {
  version: 256,
  packageName: 64,
  developerName: 32,
  url: 2048,
  nameShort: 30,
  nameFull: 100,
  descriptionShort: 80,
  descriptionFull: 4000,
  relativePath: 2048,
  connectorId: 64,
} as const;

const url = (description: string): JsonSchema => ({
  type: 'string',
  description,
  maxLength: MAX_LENGTH.url,
  pattern: URL_PATTERN,
  patternErrorMessage: 'Must be a web address starting with https://',
});

const text = (description: string, maxLength: number): JsonSchema => ({ type: 'string', description, maxLength });

/** The manifest JSON Schema (draft-07 subset) for the connector-carrying versions. */
export const manifestSchema: JsonSchema = {
  $schema: 'http://json-schema.org/draft-07/schema#',
  $id: MANIFEST_SCHEMA_URI,
  title: 'Teams app manifest for an Office 365 connector',
  type: 'object',
  required: ['manifestVersion', 'version', 'id', 'developer', 'name', 'description', 'icons', 'accentColor'],
  properties: {
    $schema: { type: 'string', description: 'The public JSON Schema of this manifest version.' },
    manifestVersion: {
      type: 'string',
      description: 'The version of the manifest schema. Every version from 1.0 to 1.24 carries connectors.',
      enum: [...MANIFEST_VERSIONS],
    },
    version: {
      type: 'string',
      description: 'The version of the app, as semver MAJOR.MINOR.PATCH. Raise it with every change you upload.',
      maxLength: MAX_LENGTH.version,
    },
    id: {
      type: 'string',
      description:
        'A GUID that identifies the app. Microsoft\u2019s connector sample uses the connector\u2019s own GUID here.',
      pattern: GUID_PATTERN,
      patternErrorMessage: 'Must be a GUID such as 0e5c2f6a-3b1d-4e8f-9a7c-2d4b6f8a1c3e',
    },
    packageName: text(
      'A unique name for the app in reverse domain notation, e.g. com.example.myapp.',
      MAX_LENGTH.packageName,
    ),
    developer: {
      type: 'object',
      description: 'Who publishes the app.',
      required: ['name', 'websiteUrl', 'privacyUrl', 'termsOfUseUrl'],
      properties: {
        name: text('The display name of the developer.', MAX_LENGTH.developerName),
        websiteUrl: url('The page with support information for the app.'),
        privacyUrl: url('The privacy statement of the app.'),
        termsOfUseUrl: url('The terms of use of the app.'),
        mpnId: text('Microsoft Partner Network ID, only if you have one.', 10),
      },
    },
    name: {
      type: 'object',
      required: ['short', 'full'],
      properties: {
        short: text('The short name, shown where space is limited (at most 30 characters).', MAX_LENGTH.nameShort),
        full: text('The full name (at most 100 characters).', MAX_LENGTH.nameFull),
      },
    },
    description: {
      type: 'object',
      required: ['short', 'full'],
      properties: {
        short: text('A short description (at most 80 characters).', MAX_LENGTH.descriptionShort),
        full: text('The full description (at most 4000 characters).', MAX_LENGTH.descriptionFull),
      },
    },
    icons: {
      type: 'object',
      required: ['outline', 'color'],
      properties: {
        color: text('The file name of the 192 × 192 colour PNG in the package.', MAX_LENGTH.relativePath),
        outline: text(
          'The file name of the 32 × 32 white-on-transparent outline PNG in the package.',
          MAX_LENGTH.relativePath,
        ),
      },
    },
    accentColor: {
      type: 'string',
      description: 'A colour used with the icon, as #RRGGBB.',
      pattern: HEX_COLOR_PATTERN,
      patternErrorMessage: 'Must be a colour such as #4464EE',
    },
    connectors: {
      type: 'array',
      description: 'The Office 365 connector of this app. Only one connector per app is supported.',
      maxItems: 1,
      items: {
        type: 'object',
        required: ['connectorId', 'scopes'],
        properties: {
          connectorId: text(
            'The connector\u2019s ID from the Connectors Developer Dashboard (a GUID).',
            MAX_LENGTH.connectorId,
          ),
          configurationUrl: url('The https page Teams opens to configure the connector.'),
          scopes: {
            type: 'array',
            description: 'Where the connector works: only "team" (channels of a team) is supported.',
            maxItems: 1,
            items: { enum: ['team'] },
          },
        },
      },
    },
    needsIdentity: {
      description:
        'Not in any published manifest schema; present in Microsoft\u2019s connector sample and in manifests from the Connectors Developer Dashboard.',
      anyOf: [{ type: 'boolean' }, { enum: ['true', 'false'] }],
    },
  },
};
