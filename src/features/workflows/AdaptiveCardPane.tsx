import { useMemo, useState } from 'react';
import { Button, Field, Select, Switch } from '@fluentui/react-components';
import { CheckmarkRegular, CopyRegular } from '@fluentui/react-icons';
import { workflowsEnvelope } from '../../adaptive/convert.ts';
import { ADAPTIVE_VERSIONS, DEFAULT_ADAPTIVE_VERSION, type AdaptiveVersion } from '../../adaptive/types.ts';
import { useDesigner, useWorkflows } from '../../store/hooks.ts';
import type { AdaptiveTheme } from '../../store/workflowsStore.ts';
import { AdaptiveCardRenderer } from './AdaptiveCardRenderer.tsx';
import { ConversionReport } from './ConversionReport.tsx';
import { TeamsOptions } from './TeamsOptions.tsx';
import { useAdaptiveConversion } from './useAdaptiveConversion.ts';
import './workflows.css';

interface AdaptiveCardPaneProps {
  /** The designer's own theme, which `theme: system` follows. */
  dark: boolean;
}

type CopyState = 'idle' | 'copied' | 'failed';

/**
 * The "Adaptive Card" view: the card converted for a Teams Workflows webhook, drawn by Microsoft's
 * renderer in Teams' light or dark look, its Teams options (full width, mentions), the report of
 * what changes, and the JSON to copy (the bare card or the whole Workflows message).
 */
export function AdaptiveCardPane({ dark }: AdaptiveCardPaneProps) {
  const lastGood = useDesigner((s) => s.lastGood);
  const analysis = useDesigner((s) => s.analysis);
  const select = useDesigner((s) => s.select);
  const version = useWorkflows((s) => s.version);
  const envelope = useWorkflows((s) => s.envelope);
  const theme = useWorkflows((s) => s.theme);
  const setVersion = useWorkflows((s) => s.setVersion);
  const setEnvelope = useWorkflows((s) => s.setEnvelope);
  const setTheme = useWorkflows((s) => s.setTheme);
  const fullWidth = useWorkflows((s) => s.fullWidth);
  const mentionIds = useWorkflows((s) => s.mentionIds);
  const setFullWidth = useWorkflows((s) => s.setFullWidth);
  const setMentionId = useWorkflows((s) => s.setMentionId);
  const [copy, setCopy] = useState<{ state: CopyState; text: string }>({ state: 'idle', text: '' });

  const card = lastGood?.card;
  const result = useAdaptiveConversion(card, version);
  const json = useMemo(
    () => (result ? JSON.stringify(envelope ? workflowsEnvelope(result.card) : result.card, null, 2) : ''),
    [result, envelope],
  );
  const stale = analysis !== lastGood;
  const drawDark = theme === 'system' ? dark : theme === 'dark';
  const copyState = copy.text === json ? copy.state : 'idle';

  const copyJson = async () => {
    try {
      await navigator.clipboard.writeText(json);
      setCopy({ state: 'copied', text: json });
    } catch {
      setCopy({ state: 'failed', text: json });
    }
  };

  return (
    <section className="wf-pane" aria-label="Adaptive Card for Workflows">
      <div className="wf-controls">
        <Field label="Adaptive Card version" size="small" className="wf-field">
          <Select
            size="small"
            value={version}
            onChange={(_event, data) => setVersion(data.value as AdaptiveVersion)}
            data-testid="adaptive-version"
          >
            {ADAPTIVE_VERSIONS.map((v) => (
              <option key={v} value={v}>
                {v}
                {v === DEFAULT_ADAPTIVE_VERSION ? ' (recommended)' : ''}
              </option>
            ))}
          </Select>
        </Field>
        <Field label="Teams theme" size="small" className="wf-field">
          <Select size="small" value={theme} onChange={(_event, data) => setTheme(data.value as AdaptiveTheme)}>
            <option value="system">Like the designer</option>
            <option value="light">Light</option>
            <option value="dark">Dark</option>
          </Select>
        </Field>
      </div>

      {stale && (
        <div className="wf-stale" role="status">
          The JSON does not parse right now; this is the last card that did.
        </div>
      )}

      {!result ? (
        <p className="wf-empty">Nothing to convert yet: the Adaptive Card appears here once the card's JSON parses.</p>
      ) : (
        <div className="wf-scroll">
          <div
            className={drawDark ? 'wf-stage is-dark' : 'wf-stage'}
            data-width={result.card.msteams?.width === 'Full' ? 'full' : 'standard'}
            data-testid="adaptive-stage"
          >
            <AdaptiveCardRenderer card={result.card} version={version} dark={drawDark} />
          </div>

          <TeamsOptions
            fullWidth={fullWidth}
            onFullWidth={setFullWidth}
            mentions={result.mentions}
            ids={mentionIds}
            onId={setMentionId}
            onSelectPath={(path) => select(path, 'preview')}
          />

          <ConversionReport notes={result.notes} onSelectPath={(path) => select(path, 'preview')} />

          <div className="wf-json-head">
            <h3 className="wf-heading" id="wf-json-heading">
              JSON
            </h3>
            <Switch
              checked={envelope}
              onChange={(_event, data) => setEnvelope(data.checked)}
              label="Workflows message envelope"
            />
            <Button
              size="small"
              icon={copyState === 'copied' ? <CheckmarkRegular /> : <CopyRegular />}
              onClick={() => void copyJson()}
            >
              {envelope ? 'Copy message' : 'Copy card'}
            </Button>
            <span className="wf-copy-status" role="status">
              {copyState === 'copied' ? 'Copied.' : copyState === 'failed' ? 'The browser refused the clipboard.' : ''}
            </span>
          </div>
          <pre className="wf-json" tabIndex={0} aria-labelledby="wf-json-heading" data-testid="adaptive-json">
            {json}
          </pre>
        </div>
      )}
    </section>
  );
}
