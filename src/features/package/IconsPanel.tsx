import { useId, useMemo, useState } from 'react';
import { Button, Field, Input } from '@fluentui/react-components';
import { Delete16Regular, ImageSparkle16Regular } from '@fluentui/react-icons';
import { formatBytes } from '../../lib/bytes.ts';
import { ICON_SIZE, type IconKind } from '../../manifest/icons.ts';
import { usePackage, usePackageStore } from '../../store/hooks.ts';
import { generateIcon } from './generateIcons.ts';

const TITLE: Record<IconKind, string> = { color: 'Colour icon', outline: 'Outline icon' };
const WHAT: Record<IconKind, string> = {
  color: 'PNG, 192 × 192 pixels, full colour',
  outline: 'PNG, 32 × 32 pixels, white on a transparent background',
};
/** Largest file we read: icons are a few kilobytes; anything this big is not an icon. */
const MAX_FILE_BYTES = 2_000_000;

function toDataUrl(bytes: Uint8Array): string {
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return `data:image/png;base64,${btoa(binary)}`;
}

function initials(name: string): string {
  const words = name.trim().split(/\s+/).filter(Boolean);
  if (words.length === 0) return 'C';
  return (words.length > 1 ? words[0]![0]! + words[1]![0]! : words[0]!.slice(0, 2)).toUpperCase();
}

function IconSlot({ kind, fileName }: { kind: IconKind; fileName: string }) {
  const icon = usePackage((s) => s.icons[kind]);
  const packageStore = usePackageStore();
  const inputId = useId();
  const [readError, setReadError] = useState<string>();
  const header = icon?.report.header;
  // Only a file that is a PNG is shown; anything else would be a broken image.
  const src = useMemo(() => (icon?.report.header ? toDataUrl(icon.bytes) : undefined), [icon]);
  const issues = icon?.report.issues ?? [];

  const onFile = async (file: File | undefined) => {
    setReadError(undefined);
    if (!file) return;
    if (file.size > MAX_FILE_BYTES) {
      setReadError(`${file.name} is ${formatBytes(file.size)}; an icon is a small PNG of a few KB.`);
      return;
    }
    const bytes = new Uint8Array(await file.arrayBuffer());
    packageStore.getState().setIcon(kind, file.name, bytes);
  };

  return (
    <section className="package-icon" aria-labelledby={`${inputId}-title`} data-testid={`icon-${kind}`}>
      <h3 id={`${inputId}-title`} className="package-icon-title">
        {TITLE[kind]} <span className="package-icon-file">{fileName}</span>
      </h3>
      <p className="package-icon-what">{WHAT[kind]}</p>
      <div className={`package-icon-preview package-icon-preview-${kind}`}>
        {src ? (
          <img
            src={src}
            alt={`${TITLE[kind]} preview`}
            width={kind === 'color' ? 96 : 32}
            height={kind === 'color' ? 96 : 32}
          />
        ) : (
          <span className="package-icon-empty">{icon ? 'Not a PNG: no preview' : 'No icon yet'}</span>
        )}
      </div>
      {icon && (
        <p className="package-icon-meta">
          {icon.source}
          {header
            ? ` · ${header.width} × ${header.height} PNG${header.hasAlpha ? ' with transparency' : ', no transparency'}`
            : ''}
        </p>
      )}
      <label htmlFor={inputId} className="package-upload-label">
        Upload {TITLE[kind].toLowerCase()} ({ICON_SIZE[kind]} × {ICON_SIZE[kind]} PNG)
      </label>
      <input
        id={inputId}
        type="file"
        accept="image/png"
        className="package-upload"
        onChange={(e) => {
          void onFile(e.target.files?.[0]);
          e.target.value = '';
        }}
      />
      {icon && (
        <Button size="small" icon={<Delete16Regular />} onClick={() => packageStore.getState().removeIcon(kind)}>
          Remove {TITLE[kind].toLowerCase()}
        </Button>
      )}
      {readError && <p className="package-icon-issue package-icon-issue-error">{readError}</p>}
      {icon && issues.length === 0 && (
        <p className="package-icon-ok">
          {icon.report.pixelsChecked ? 'Checked: right size' : 'Right size'}
          {kind === 'outline' ? ', white on transparent.' : '.'}
        </p>
      )}
      {issues.length > 0 && (
        <ul className="package-icon-issues" aria-label={`${TITLE[kind]} problems`}>
          {issues.map((issue) => (
            <li key={issue.rule} className={`package-icon-issue package-icon-issue-${issue.severity}`}>
              <span className="visually-hidden">{issue.severity}:</span> {issue.message}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

/** The two icons: upload and check, or generate them from a colour and up to two letters. */
export function IconsPanel() {
  const manifest = usePackage((s) => s.analysis.manifest);
  const packageStore = usePackageStore();
  const icons = (manifest?.icons ?? {}) as Record<string, unknown>;
  const names = {
    color: typeof icons.color === 'string' && icons.color ? icons.color : 'color.png',
    outline: typeof icons.outline === 'string' && icons.outline ? icons.outline : 'outline.png',
  };
  const shortName = ((manifest?.name ?? {}) as Record<string, unknown>).short;
  const accent =
    typeof manifest?.accentColor === 'string' && /^#[0-9a-f]{6}$/i.test(manifest.accentColor)
      ? manifest.accentColor
      : '#4464EE';
  const [letters, setLetters] = useState<string>();
  const [color, setColor] = useState<string>();
  const [error, setError] = useState<string>();
  const shownLetters = letters ?? initials(typeof shortName === 'string' ? shortName : '');
  const shownColor = color ?? (accent.toUpperCase() === '#FFFFFF' ? '#4464EE' : accent);

  const generate = (kinds: IconKind[]) => {
    setError(undefined);
    try {
      for (const kind of kinds)
        packageStore.getState().setIcon(kind, 'generated', generateIcon(kind, shownColor, shownLetters));
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    }
  };

  return (
    <section className="package-icons" aria-labelledby="package-icons-title">
      <h2 id="package-icons-title" className="package-section-title">
        Icons
      </h2>
      <div className="package-icon-slots">
        <IconSlot kind="color" fileName={names.color} />
        <IconSlot kind="outline" fileName={names.outline} />
      </div>
      <div className="package-generate" role="group" aria-label="Generate icons">
        <p className="package-note">No icons at hand? Generate both from a colour and up to two letters.</p>
        <div className="package-field-row">
          <Field label="Letters" className="package-field">
            <Input value={shownLetters} maxLength={2} onChange={(_e, d) => setLetters(d.value)} />
          </Field>
          <Field label="Background colour" className="package-field">
            <Input value={shownColor} onChange={(_e, d) => setColor(d.value)} />
          </Field>
        </div>
        <div className="package-field-row">
          <Button
            icon={<ImageSparkle16Regular />}
            disabled={!/^#[0-9a-f]{6}$/i.test(shownColor) || shownLetters.trim() === ''}
            onClick={() => generate(['color', 'outline'])}
          >
            Generate both icons
          </Button>
        </div>
        {error && <p className="package-icon-issue package-icon-issue-error">{error}</p>}
      </div>
    </section>
  );
}
