import { useCallback } from 'react';
import { countButtons } from '../webhook/prepare.ts';
import type { JsonPath } from '../card/types.ts';
import { CardView } from '../features/preview/CardView.tsx';
import { AdaptiveCardRenderer } from '../features/workflows/AdaptiveCardRenderer.tsx';
import { useAdaptiveConversion } from '../features/workflows/useAdaptiveConversion.ts';
import '../features/workflows/workflows.css';
import { useDesigner, useWorkflows } from '../store/hooks.ts';
import { adaptiveVerdict, messageCardVerdict } from './compareVerdicts.ts';
import './compareWorkflows.css';

/**
 * Both ways a card can reach a channel through a Workflows webhook, next to each other: the
 * MessageCard posted as it is (Teams draws it without buttons) and the card converted to an
 * Adaptive Card (drawn by Microsoft's renderer), each with a one-line verdict. Loaded with its tab.
 */
export default function CompareWorkflows({ dark }: { dark: boolean }) {
  const lastGood = useDesigner((s) => s.lastGood);
  const stale = useDesigner((s) => s.analysis !== s.lastGood);
  const select = useDesigner((s) => s.select);
  const version = useWorkflows((s) => s.version);
  const theme = useWorkflows((s) => s.theme);
  const onSelect = useCallback((path: JsonPath) => select(path, 'preview'), [select]);
  const card = lastGood?.card;
  // The same converted card as the Adaptive Card tab: its version, full width and mentions.
  const result = useAdaptiveConversion(card, version);

  if (!card || !result) {
    return (
      <p className="workspace-loading">Nothing to compare yet: both outcomes appear once the card’s JSON parses.</p>
    );
  }
  const drawDark = theme === 'system' ? dark : theme === 'dark';
  const left = messageCardVerdict(countButtons(card));
  const right = adaptiveVerdict(result, version);

  return (
    <section className="compare-wf" aria-label="Both outcomes on Workflows">
      {stale && (
        <p className="compare-wf-stale" role="status">
          The JSON does not parse right now; this is the last card that did.
        </p>
      )}
      <div className="compare-wf-columns">
        <section className="compare-wf-column" aria-labelledby="compare-wf-mc">
          <h3 className="compare-wf-heading" id="compare-wf-mc">
            MessageCard, as it is
          </h3>
          <p className={left.ok ? 'compare-wf-verdict is-ok' : 'compare-wf-verdict'} data-testid="compare-verdict-mc">
            {left.text}
          </p>
          <div className={`compare-wf-stage preview-host host-teams-workflows${drawDark ? ' host-teams-dark' : ''}`}>
            <div className="preview-host-inner">
              <CardView card={card} renderer="workflows" newTeams={false} primary={false} onSelect={onSelect} />
            </div>
          </div>
        </section>
        <section className="compare-wf-column" aria-labelledby="compare-wf-ac">
          <h3 className="compare-wf-heading" id="compare-wf-ac">
            Adaptive Card {version}, converted
          </h3>
          <p
            className={right.ok ? 'compare-wf-verdict is-ok' : 'compare-wf-verdict'}
            data-testid="compare-verdict-adaptive"
          >
            {right.text}
          </p>
          <div className={`compare-wf-stage wf-stage${drawDark ? ' is-dark' : ''}`}>
            <AdaptiveCardRenderer card={result.card} version={version} dark={drawDark} />
          </div>
        </section>
      </div>
    </section>
  );
}
