import { useEffect, useRef, useState, type KeyboardEvent, type ReactNode } from 'react';
import {
  Button,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  Toolbar,
  ToolbarButton,
  ToolbarDivider,
  Tooltip,
} from '@fluentui/react-components';
import {
  ArrowDownload20Regular,
  ArrowLeft20Regular,
  ArrowRedo20Regular,
  ArrowUndo20Regular,
  DocumentAdd20Regular,
} from '@fluentui/react-icons';
import { buildPackage, packageFileName } from '../../manifest/package.ts';
import type { LocatedIssue, TextRange } from '../../card/types.ts';
import { usePackage, usePackageStore } from '../../store/hooks.ts';
import { IconsPanel } from './IconsPanel.tsx';
import { ManifestForm } from './ManifestForm.tsx';
import { ProblemButton, ProblemText } from '../../ui/Problem.tsx';
import './package.css';

/** What the package view hands to the JSON editor it is given (App passes the Monaco pane). */
export interface ManifestEditorProps {
  text: string;
  textOrigin: 'editor' | 'command' | 'history';
  issues: readonly LocatedIssue[];
  onChange(text: string): void;
  onUndo(): void;
  onRedo(): void;
  reveal?: { range: TextRange };
}

const ICON_LABEL = { color: 'Colour icon', outline: 'Outline icon' } as const;

function plural(count: number, word: string): string {
  return `${count} ${word}${count === 1 ? '' : 's'}`;
}

function isTextField(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target.closest('.monaco-editor')) return true;
  return target.isContentEditable || target instanceof HTMLInputElement || target instanceof HTMLTextAreaElement;
}

/**
 * The connector app package: a form over `manifest.json` beside the JSON itself, the two icons,
 * every problem the schema rules and the icon checks find, and the download of the .zip.
 */
export function PackageView({
  onClose,
  renderEditor,
}: {
  onClose(): void;
  renderEditor(props: ManifestEditorProps): ReactNode;
}) {
  const packageStore = usePackageStore();
  const text = usePackage((s) => s.text);
  const textOrigin = usePackage((s) => s.textOrigin);
  const analysis = usePackage((s) => s.analysis);
  const icons = usePackage((s) => s.icons);
  const canUndo = usePackage((s) => s.history.past.length > 0);
  const canRedo = usePackage((s) => s.history.future.length > 0);
  const saveStatus = usePackage((s) => s.saveStatus);
  const [reveal, setReveal] = useState<{ range: TextRange }>();
  const [downloaded, setDownloaded] = useState<string>();
  const headingRef = useRef<HTMLHeadingElement>(null);

  useEffect(() => headingRef.current?.focus(), []);

  const store = packageStore.getState;
  const iconProblems = (['color', 'outline'] as const).flatMap((kind) => {
    const icon = icons[kind];
    if (!icon)
      return [
        { kind, severity: 'error' as const, message: `${ICON_LABEL[kind]} is missing: upload one or generate both.` },
      ];
    return icon.report.issues.map((issue) => ({
      kind,
      severity: issue.severity,
      message: `${ICON_LABEL[kind]}: ${issue.message}`,
    }));
  });
  const errors = analysis.counts.error + iconProblems.filter((p) => p.severity === 'error').length;
  const warnings = analysis.counts.warning + iconProblems.filter((p) => p.severity === 'warning').length;
  const hints = analysis.counts.hint;
  const ready = errors === 0 && analysis.parsed.ok;

  const download = () => {
    const { color, outline } = icons;
    const manifest = analysis.manifest;
    if (!ready || !color || !outline || !manifest) return;
    const names = manifest.icons as { color: string; outline: string };
    const zip = buildPackage({
      manifestText: text,
      colorName: names.color,
      outlineName: names.outline,
      color: color.bytes,
      outline: outline.bytes,
    });
    const fileName = packageFileName(manifest);
    const url = URL.createObjectURL(new Blob([zip as Uint8Array<ArrayBuffer>], { type: 'application/zip' }));
    const link = document.createElement('a');
    link.href = url;
    link.download = fileName;
    document.body.append(link);
    link.click();
    link.remove();
    setTimeout(() => URL.revokeObjectURL(url), 10_000);
    setDownloaded(
      `${fileName} downloaded: manifest.json, ${names.color} and ${names.outline}. Upload it in Teams with Apps › Manage your apps › Upload an app.`,
    );
  };

  // Undo and redo of the package, not the card, while this view is open.
  const onKeyDown = (event: KeyboardEvent) => {
    if (!(event.ctrlKey || event.metaKey) || event.altKey || isTextField(event.target)) return;
    const key = event.key.toLowerCase();
    if (key === 'z' && !event.shiftKey) store().undo();
    else if ((key === 'z' && event.shiftKey) || (key === 'y' && !event.shiftKey)) store().redo();
    else return;
    event.preventDefault();
    event.stopPropagation();
  };

  const summary =
    errors + warnings + hints === 0
      ? 'No problems: the package is ready to download.'
      : [plural(errors, 'error'), plural(warnings, 'warning'), plural(hints, 'hint')].join(', ');

  return (
    <div className="package-view" onKeyDown={onKeyDown}>
      <div className="package-header">
        <h2 className="package-title" ref={headingRef} tabIndex={-1}>
          Connector app package
        </h2>
        <Toolbar aria-label="Package commands" className="package-toolbar">
          <ToolbarButton icon={<ArrowLeft20Regular />} onClick={onClose}>
            Back to the card
          </ToolbarButton>
          <ToolbarDivider />
          <Tooltip content="Undo a change to the package" relationship="description">
            <ToolbarButton
              icon={<ArrowUndo20Regular />}
              disabled={!canUndo}
              onClick={() => store().undo()}
              aria-label="Undo package change"
            />
          </Tooltip>
          <Tooltip content="Redo a change to the package" relationship="description">
            <ToolbarButton
              icon={<ArrowRedo20Regular />}
              disabled={!canRedo}
              onClick={() => store().redo()}
              aria-label="Redo package change"
            />
          </Tooltip>
          <Tooltip content="Start an empty manifest (undo brings this one back)" relationship="description">
            <ToolbarButton icon={<DocumentAdd20Regular />} onClick={() => store().reset()}>
              New manifest
            </ToolbarButton>
          </Tooltip>
        </Toolbar>
        <span className="save-state" role="status" aria-live="polite">
          {saveStatus.state === 'failed'
            ? `Not saved: ${saveStatus.reason}`
            : saveStatus.state === 'pending'
              ? 'Saving…'
              : 'Package saved in this browser'}
        </span>
      </div>

      <MessageBar intent="warning" layout="multiline" className="package-retired">
        <MessageBarBody>
          <MessageBarTitle>Office 365 connectors are retired</MessageBarTitle>
          Microsoft stopped registering new connectors in October 2024: the Connectors Developer Dashboard no longer
          creates them, so this view cannot get you a connector ID. It is for owners of an existing connector ID who
          package it to upload and test in Teams. Microsoft is also switching the connector service off (the dates have
          moved several times), so check that yours still works. For new integrations, use Teams Workflows.
        </MessageBarBody>
      </MessageBar>

      <div className="package-columns">
        <div className="package-left">
          <ManifestForm />
          <IconsPanel />
        </div>
        <div className="package-right">
          <section className="package-json" aria-label="Manifest JSON">
            <h2 className="package-section-title">manifest.json</h2>
            <div className="package-editor-host">
              {renderEditor({
                text,
                textOrigin,
                issues: analysis.issues,
                onChange: (next) => store().setText(next, 'typing', 'editor'),
                onUndo: () => store().undo(),
                onRedo: () => store().redo(),
                ...(reveal ? { reveal } : {}),
              })}
            </div>
          </section>
          <section className="problems package-problems" aria-label="Package problems">
            <h2 className="pane-heading">
              Problems <span className="problems-summary">{summary}</span>
            </h2>
            {(analysis.issues.length > 0 || iconProblems.length > 0) && (
              <ul className="problems-list">
                {analysis.issues.map((issue, index) => (
                  <li key={`${issue.rule}-${issue.range.offset}-${index}`}>
                    <ProblemButton issue={issue} onActivate={() => setReveal({ range: issue.range })} />
                  </li>
                ))}
                {iconProblems.map((problem, index) => (
                  <li
                    key={`icon-${problem.kind}-${index}`}
                    className={`problem problem-${problem.severity} package-icon-problem`}
                  >
                    <ProblemText severity={problem.severity} message={problem.message} />
                  </li>
                ))}
              </ul>
            )}
          </section>
          <div className="package-download">
            <Button appearance="primary" icon={<ArrowDownload20Regular />} disabled={!ready} onClick={download}>
              Download package
            </Button>
            <p className="package-download-status" role="status" aria-live="polite">
              {ready
                ? (downloaded ?? 'Ready: the .zip will hold manifest.json and the two icons at its root.')
                : !analysis.parsed.ok
                  ? 'Fix the JSON syntax error first.'
                  : `Fix ${plural(errors, 'error')} listed above before downloading.`}
            </p>
          </div>
        </div>
      </div>
    </div>
  );
}
