import { Select, Toolbar, ToolbarButton, ToolbarDivider, Tooltip } from '@fluentui/react-components';
import {
  ArrowRedo20Regular,
  ArrowUndo20Regular,
  DocumentAdd20Regular,
  TextAlignLeft20Regular,
} from '@fluentui/react-icons';
import { useId, type ReactNode } from 'react';
import { useDesigner } from '../store/hooks.ts';
import { isAnalysisCurrent } from '../store/textDocument.ts';
import type { HostProfile } from '../card/types.ts';

// Workflows first: Office 365 connectors (incoming webhooks) were switched off in Teams in May 2026; their
// profile stays for people who replay or test legacy cards. Short labels keep the toolbar on one row at 1280 px.
const HOSTS: { value: HostProfile; label: string; title?: string }[] = [
  { value: 'workflows', label: 'Teams Workflows' },
  {
    value: 'teams',
    label: 'Connector (retired 2026)',
    title: 'Office 365 connectors were switched off in Teams in May 2026: for replaying or testing legacy cards',
  },
  { value: 'outlook', label: 'Outlook' },
];

const isMac = typeof navigator !== 'undefined' && /Mac|iPhone|iPad/.test(navigator.platform);
const mod = isMac ? '⌘' : 'Ctrl+';

/**
 * The designer's commands. Later features add their buttons through `children`. Loaded in a chunk of
 * its own (`App.tsx`): the first screen draws the header and the card without waiting for it.
 */
export default function DesignerToolbar({ children }: { children?: ReactNode }) {
  const canUndo = useDesigner((s) => s.history.past.length > 0);
  const canRedo = useDesigner((s) => s.history.future.length > 0);
  const canFormat = useDesigner((s) => s.analysis.parsed.ok && isAnalysisCurrent(s));
  const host = useDesigner((s) => s.host);
  const newCard = useDesigner((s) => s.newCard);
  const undo = useDesigner((s) => s.undo);
  const redo = useDesigner((s) => s.redo);
  const format = useDesigner((s) => s.format);
  const setHost = useDesigner((s) => s.setHost);
  const hostId = useId();

  return (
    <Toolbar aria-label="Card commands" className="app-toolbar" size="small">
      <Tooltip content="Start a new card (undo brings the current one back)" relationship="description">
        <ToolbarButton icon={<DocumentAdd20Regular />} onClick={newCard}>
          New
        </ToolbarButton>
      </Tooltip>
      <ToolbarDivider />
      <Tooltip content={`Undo (${mod}Z)`} relationship="description">
        <ToolbarButton icon={<ArrowUndo20Regular />} onClick={undo} disabled={!canUndo} aria-label="Undo" />
      </Tooltip>
      <Tooltip content={`Redo (${mod}Shift+Z)`} relationship="description">
        <ToolbarButton icon={<ArrowRedo20Regular />} onClick={redo} disabled={!canRedo} aria-label="Redo" />
      </Tooltip>
      <Tooltip
        content={canFormat ? 'Indent the JSON with two spaces' : 'Fix the JSON errors first'}
        relationship="description"
      >
        <ToolbarButton icon={<TextAlignLeft20Regular />} onClick={format} disabled={!canFormat}>
          Format
        </ToolbarButton>
      </Tooltip>
      <ToolbarDivider />
      <label htmlFor={hostId} className="host-label">
        Check for
      </label>
      <Select id={hostId} size="small" value={host} onChange={(_event, data) => setHost(data.value as HostProfile)}>
        {HOSTS.map((h) => (
          <option key={h.value} value={h.value} title={h.title}>
            {h.label}
          </option>
        ))}
      </Select>
      {children}
    </Toolbar>
  );
}
