import './PreviewToolbar.css';
import { Button, Select, Switch, useRestoreFocusTarget } from '@fluentui/react-components';
import { Info20Regular } from '@fluentui/react-icons';
import { Suspense, useId, useState } from 'react';
import { AboutPreviewDialog } from './lazyParts.ts';
import { PREVIEW_HOSTS, type PreviewHost } from '../../store/previewSettings.ts';
import { usePreviewSettings } from '../../store/hooks.ts';
import { LoadBoundary } from '../../ui/LoadBoundary.tsx';

/** The "About" button and, loaded on first use, the note on the choices the preview makes. */
function AboutPreview() {
  const [open, setOpen] = useState(false);
  const [used, setUsed] = useState(false);
  const restoreFocus = useRestoreFocusTarget();
  return (
    <>
      <Button
        size="small"
        appearance="subtle"
        icon={<Info20Regular />}
        aria-label="About this preview"
        aria-haspopup="dialog"
        {...restoreFocus}
        onClick={() => {
          setUsed(true);
          setOpen(true);
        }}
      >
        About
      </Button>
      {used && (
        <LoadBoundary what="The note about this preview">
          <Suspense fallback={null}>
            <AboutPreviewDialog open={open} onClose={() => setOpen(false)} />
          </Suspense>
        </LoadBoundary>
      )}
    </>
  );
}

function HostSelect({ label, value, onChange }: { label: string; value: PreviewHost; onChange(h: PreviewHost): void }) {
  const id = useId();
  return (
    <span className="preview-control">
      <label htmlFor={id}>{label}</label>
      <Select id={id} size="small" value={value} onChange={(_e, d) => onChange(d.value as PreviewHost)}>
        {PREVIEW_HOSTS.map((h) => (
          <option key={h.value} value={h.value}>
            {h.label}
          </option>
        ))}
      </Select>
    </span>
  );
}

interface PreviewToolbarProps {
  /** The host drawn now: the user's pick, or the one "Check for" implies. */
  host: PreviewHost;
}

/** The preview's own controls: host and theme, width, new Teams, two hosts side by side, the about note. */
export function PreviewToolbar({ host }: PreviewToolbarProps) {
  const secondHost = usePreviewSettings((s) => s.secondHost);
  const sideBySide = usePreviewSettings((s) => s.sideBySide);
  const width = usePreviewSettings((s) => s.width);
  const newTeams = usePreviewSettings((s) => s.newTeams);
  const set = usePreviewSettings((s) => s.set);

  return (
    <div className="preview-toolbar" role="group" aria-label="Preview options">
      {/* Picking a host here is kept; until then the preview follows "Check for". */}
      <HostSelect
        label={sideBySide ? 'Left' : 'Host'}
        value={host}
        onChange={(h) => set({ host: h, hostChosen: true })}
      />
      {sideBySide && <HostSelect label="Right" value={secondHost} onChange={(h) => set({ secondHost: h })} />}
      <Switch
        className="preview-switch"
        checked={width === 'narrow'}
        label="Narrow"
        onChange={(_e, d) => set({ width: d.checked ? 'narrow' : 'desktop' })}
      />
      <Switch
        className="preview-switch"
        checked={newTeams}
        label="New Teams"
        onChange={(_e, d) => set({ newTeams: d.checked })}
      />
      <Switch
        className="preview-switch"
        checked={sideBySide}
        label="Side by side"
        onChange={(_e, d) => set({ sideBySide: d.checked })}
      />
      <AboutPreview />
    </div>
  );
}
