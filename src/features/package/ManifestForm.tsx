import type { ReactNode } from 'react';
import { Button, Checkbox, Field, Input, Select, Textarea } from '@fluentui/react-components';
import { ArrowSync16Regular, Add16Regular } from '@fluentui/react-icons';
import { asArray, asObject, getAt } from '../../json/read.ts';
import { MANIFEST_VERSIONS, MAX_LENGTH, schemaUrlFor } from '../../manifest/schema.ts';
import type { JsonPath, LocatedIssue } from '../../card/types.ts';
import { usePackage, usePackageStore } from '../../store/hooks.ts';
import { removeManifestField, setManifestField, setManifestFields } from './commands.ts';
import { samePath } from '../../json/path.ts';

const GUID = /^[0-9a-fA-F]{8}-([0-9a-fA-F]{4}-){3}[0-9a-fA-F]{12}$/;
const STANDARD_SCHEMA =
  /^https?:\/\/developer\.microsoft\.com\/(?:[a-z]{2}-[a-z]{2}\/)?json-schemas\/teams\/v[^/]+\/MicrosoftTeams\.schema\.json$/i;

/** The issues about one field, as a Fluent Field shows them. */
function validation(issues: readonly LocatedIssue[], path: JsonPath) {
  const own = issues.filter((issue) => samePath(issue.path, path));
  const state: 'error' | 'warning' | 'none' = own.some((i) => i.severity === 'error')
    ? 'error'
    : own.some((i) => i.severity === 'warning')
      ? 'warning'
      : 'none';
  return { validationState: state, validationMessage: own.length ? own.map((i) => i.message).join(' ') : undefined };
}

function text(value: unknown): string {
  return typeof value === 'string' ? value : value === undefined || value === null ? '' : JSON.stringify(value);
}

interface TextFieldProps {
  manifest: Record<string, unknown>;
  issues: readonly LocatedIssue[];
  path: JsonPath;
  label: string;
  hint?: string;
  max?: number;
  required?: boolean;
  /** Optional fields lose their key when emptied. */
  removeWhenEmpty?: boolean;
  multiline?: boolean;
  placeholder?: string;
  type?: 'text' | 'url';
  disabled: boolean;
  after?: ReactNode;
}

function TextField(props: TextFieldProps) {
  const { manifest, issues, path, label, max, multiline, disabled } = props;
  const packageStore = usePackageStore();
  const value = text(getAt(manifest, path));
  const count = max ? `${value.length} / ${max} characters` : undefined;
  const hint = [props.hint, count].filter(Boolean).join(' · ') || undefined;
  const onChange = (next: string) => {
    if (next === '' && props.removeWhenEmpty) removeManifestField(packageStore, path);
    else setManifestField(packageStore, path, next, { typing: true });
  };
  const control = multiline ? (
    <Textarea value={value} resize="vertical" rows={4} disabled={disabled} onChange={(_e, d) => onChange(d.value)} />
  ) : (
    <Input
      value={value}
      type={props.type ?? 'text'}
      placeholder={props.placeholder}
      disabled={disabled}
      onChange={(_e, d) => onChange(d.value)}
    />
  );
  return (
    <Field label={label} required={props.required} hint={hint} {...validation(issues, path)} className="package-field">
      {props.after ? (
        <div className="package-field-row">
          {control}
          {props.after}
        </div>
      ) : (
        control
      )}
    </Field>
  );
}

/** The form over the manifest's fields; every change is a minimal edit of the JSON beside it. */
export function ManifestForm() {
  const packageStore = usePackageStore();
  const analysis = usePackage((s) => s.analysis);
  const issues = analysis.issues;
  const disabled = !analysis.parsed.ok;
  const manifest = analysis.manifest ?? {};
  const common = { manifest, issues, disabled };

  const manifestVersion = text(manifest.manifestVersion);
  const versionKnown = MANIFEST_VERSIONS.includes(manifestVersion);
  const connectors = asArray(manifest.connectors);
  const connector = asObject(connectors?.[0]);
  const connectorId = text(connector?.connectorId);
  const scopes = asArray(connector?.scopes);
  const accent = text(manifest.accentColor);
  const needsIdentity = manifest.needsIdentity;
  const needsValue =
    needsIdentity === undefined
      ? ''
      : needsIdentity === true || needsIdentity === 'true'
        ? 'true'
        : needsIdentity === false || needsIdentity === 'false'
          ? 'false'
          : 'other';

  const setVersion = (version: string) => {
    const schema = text(manifest.$schema);
    const writes: { path: JsonPath; value: unknown }[] = [{ path: ['manifestVersion'], value: version }];
    // Keep $schema in step when it is Microsoft's standard URL (or missing); a custom one is left alone.
    if (schema === '' || STANDARD_SCHEMA.test(schema))
      writes.unshift({ path: ['$schema'], value: schemaUrlFor(version) });
    setManifestFields(packageStore, writes);
  };

  return (
    <form className="package-form" aria-label="Manifest fields" onSubmit={(e) => e.preventDefault()}>
      {disabled && (
        <p className="package-form-disabled" role="status">
          The manifest JSON has a syntax error; fix it in the JSON pane to edit the fields here.
        </p>
      )}
      <fieldset className="package-fieldset">
        <legend>App</legend>
        <TextField
          {...common}
          path={['$schema']}
          label="$schema"
          type="url"
          hint="Microsoft's public schema of this manifest version"
        />
        <Field label="Manifest version" required {...validation(issues, ['manifestVersion'])} className="package-field">
          <Select
            value={versionKnown ? manifestVersion : ''}
            disabled={disabled}
            onChange={(_e, d) => setVersion(d.value)}
          >
            {!versionKnown && (
              <option value="">{manifestVersion ? `${manifestVersion} (not supported)` : 'Choose a version'}</option>
            )}
            {MANIFEST_VERSIONS.map((v) => (
              <option key={v} value={v}>
                {v}
              </option>
            ))}
          </Select>
        </Field>
        <TextField
          {...common}
          path={['id']}
          label="App ID (GUID)"
          required
          placeholder="0e5c2f6a-3b1d-4e8f-9a7c-2d4b6f8a1c3e"
          hint="Microsoft's connector sample uses the connector's GUID here too"
          after={
            <>
              <Button
                icon={<ArrowSync16Regular />}
                disabled={disabled}
                onClick={() => setManifestField(packageStore, ['id'], crypto.randomUUID())}
              >
                New GUID
              </Button>
              <Button
                disabled={disabled || !GUID.test(connectorId)}
                onClick={() => setManifestField(packageStore, ['id'], connectorId)}
              >
                Use connector ID
              </Button>
            </>
          }
        />
        <TextField
          {...common}
          path={['version']}
          label="App version"
          required
          max={MAX_LENGTH.version}
          hint="semver, like 1.0.0; raise it with each upload"
        />
        <TextField
          {...common}
          path={['packageName']}
          label="Package name"
          removeWhenEmpty
          max={MAX_LENGTH.packageName}
          placeholder="com.example.connector"
          hint="reverse domain notation; the 1.0 schema requires it, later ones (1.16, 1.24) do not"
        />
      </fieldset>

      <fieldset className="package-fieldset">
        <legend>Developer</legend>
        <TextField
          {...common}
          path={['developer', 'name']}
          label="Developer name"
          required
          max={MAX_LENGTH.developerName}
        />
        <TextField
          {...common}
          path={['developer', 'websiteUrl']}
          label="Website"
          required
          type="url"
          placeholder="https://example.com"
        />
        <TextField
          {...common}
          path={['developer', 'privacyUrl']}
          label="Privacy statement URL"
          required
          type="url"
          placeholder="https://example.com/privacy"
        />
        <TextField
          {...common}
          path={['developer', 'termsOfUseUrl']}
          label="Terms of use URL"
          required
          type="url"
          placeholder="https://example.com/terms"
        />
      </fieldset>

      <fieldset className="package-fieldset">
        <legend>Name and description</legend>
        <TextField {...common} path={['name', 'short']} label="Short name" required max={MAX_LENGTH.nameShort} />
        <TextField {...common} path={['name', 'full']} label="Full name" required max={MAX_LENGTH.nameFull} />
        <TextField
          {...common}
          path={['description', 'short']}
          label="Short description"
          required
          max={MAX_LENGTH.descriptionShort}
        />
        <TextField
          {...common}
          path={['description', 'full']}
          label="Full description"
          required
          multiline
          max={MAX_LENGTH.descriptionFull}
        />
        <Field label="Accent colour" required {...validation(issues, ['accentColor'])} className="package-field">
          <div className="package-field-row">
            <input
              type="color"
              className="package-color-swatch"
              aria-label="Accent colour picker"
              value={/^#[0-9a-f]{6}$/i.test(accent) ? accent.toLowerCase() : '#ffffff'}
              disabled={disabled}
              onChange={(e) =>
                setManifestField(packageStore, ['accentColor'], e.target.value.toUpperCase(), { typing: true })
              }
            />
            <Input
              value={accent}
              disabled={disabled}
              placeholder="#4464EE"
              onChange={(_e, d) => setManifestField(packageStore, ['accentColor'], d.value, { typing: true })}
            />
          </div>
        </Field>
      </fieldset>

      <fieldset className="package-fieldset">
        <legend>Connector</legend>
        {connector ? (
          <>
            <TextField
              {...common}
              path={['connectors', 0, 'connectorId']}
              label="Connector ID"
              required
              max={MAX_LENGTH.connectorId}
              placeholder="GUID from the Connectors Developer Dashboard"
            />
            <TextField
              {...common}
              path={['connectors', 0, 'configurationUrl']}
              label="Configuration URL"
              type="url"
              removeWhenEmpty
              hint="optional: the https page Teams opens to configure the connector"
            />
            <Field {...validation(issues, ['connectors', 0, 'scopes'])} className="package-field" label="Scopes">
              <Checkbox
                label="Channels of a team (team): the only scope connectors support"
                checked={scopes?.length === 1 && scopes[0] === 'team'}
                disabled={disabled}
                onChange={(_e, d) =>
                  setManifestField(packageStore, ['connectors', 0, 'scopes'], d.checked ? ['team'] : [])
                }
              />
            </Field>
            {connectors && connectors.length > 1 && (
              <p className="package-note">
                Only the first of {connectors.length} connectors is shown; Teams allows one.
              </p>
            )}
          </>
        ) : (
          <div className="package-field">
            {validation(issues, ['connectors']).validationMessage && (
              <p className="package-note">{validation(issues, ['connectors']).validationMessage}</p>
            )}
            <Button
              icon={<Add16Regular />}
              disabled={disabled}
              onClick={() => setManifestField(packageStore, ['connectors'], [{ connectorId: '', scopes: ['team'] }])}
            >
              Add the connector
            </Button>
          </div>
        )}
        <Field
          label="needsIdentity"
          {...validation(issues, ['needsIdentity'])}
          className="package-field"
          hint="not in the published schemas; leave it out unless your dashboard manifest had it"
        >
          <Select
            value={needsValue}
            disabled={disabled}
            onChange={(_e, d) =>
              d.value === ''
                ? removeManifestField(packageStore, ['needsIdentity'])
                : setManifestField(packageStore, ['needsIdentity'], d.value === 'true')
            }
          >
            <option value="">Leave out (recommended)</option>
            <option value="true">true</option>
            <option value="false">false</option>
            {needsValue === 'other' && <option value="other">{text(needsIdentity)} (invalid)</option>}
          </Select>
        </Field>
      </fieldset>
    </form>
  );
}
