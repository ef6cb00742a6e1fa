import { render, screen } from '@testing-library/react';
import { FluentProvider, webLightTheme } from '@fluentui/react-components';
import type { ReactNode } from 'react';
import { describe, expect, it, vi } from 'vitest';
import type { WorkflowsRun } from '../../webhook/workflowsRun.ts';
import { RunCards, RunOutcome } from './RunView.tsx';

const renderers = () => ({
  renderCard: vi.fn((card: Record<string, unknown>, host?: string) => (
    <span data-testid="mc">{`${String(card.title)} via ${host}`}</span>
  )),
  renderAdaptive: vi.fn((_card: unknown, version: string) => <span data-testid="ac">{`v${version}`}</span>),
});

const inProvider = (node: ReactNode) => render(<FluentProvider theme={webLightTheme}>{node}</FluentProvider>);

describe('RunOutcome', () => {
  it('says what a failed run means, with the run history text beneath', () => {
    const run: WorkflowsRun = {
      id: 'r',
      receivedAt: 1,
      status: 'Failed',
      error: "Property 'type' must be 'AdaptiveCard'",
    };
    inProvider(<RunOutcome run={run} />);
    expect(screen.getByTestId('run-outcome').dataset.outcome).toBe('not-adaptive');
    expect(screen.getByText('Not posted: an attachment is not an Adaptive Card')).toBeTruthy();
    expect(screen.getByTestId('run-error').textContent).toBe("Property 'type' must be 'AdaptiveCard'");
  });

  it('shows no raw text for a run that succeeded', () => {
    inProvider(<RunOutcome run={{ id: 'r', receivedAt: 1, status: 'Succeeded' }} />);
    expect(screen.queryByTestId('run-error')).toBeNull();
  });
});

describe('RunCards', () => {
  it('draws a MessageCard in Workflows mode, an Adaptive Card with a version the renderer knows, and the placeholder for one Teams cannot show', () => {
    const r = renderers();
    const run: WorkflowsRun = {
      id: 'r',
      receivedAt: 1,
      status: 'Succeeded',
      posted: { format: 'messagecard', card: { title: 'Deploy' }, shown: true },
      morePosted: [
        { format: 'adaptive', card: { type: 'AdaptiveCard', version: '1.0', body: [] }, shown: true },
        { format: 'adaptive', card: { type: 'AdaptiveCard', version: '1.5', body: [] }, shown: false },
      ],
    };
    inProvider(<RunCards run={run} {...r} />);
    expect(screen.getByTestId('mc').textContent).toBe('Deploy via workflows');
    expect(screen.getByTestId('ac').textContent).toBe('v1.2');
    expect(screen.getByTestId('run-not-displayed').textContent).toBe("We're sorry, this card couldn't be displayed");
    expect(r.renderAdaptive).toHaveBeenCalledTimes(1);
  });

  it('hands the renderer only mention entities it can read', () => {
    const r = renderers();
    const card = {
      type: 'AdaptiveCard',
      version: '1.4',
      body: [],
      msteams: { width: 'Full', entities: [{ type: 'mention', text: '<at>Ann</at>' }, 7, { text: 3 }] },
    };
    inProvider(
      <RunCards
        run={{ id: 'r', receivedAt: 1, status: 'Succeeded', posted: { format: 'adaptive', card, shown: true } }}
        {...r}
      />,
    );
    const given = r.renderAdaptive.mock.calls[0]![0] as { msteams: { width: string; entities: unknown[] } };
    expect(given.msteams).toEqual({ width: 'Full', entities: [{ type: 'mention', text: '<at>Ann</at>' }] });
    // The posted card itself is left as it was.
    expect(card.msteams.entities).toHaveLength(3);

    const odd = { ...card, msteams: { entities: 'nope' } };
    inProvider(
      <RunCards
        run={{ id: 's', receivedAt: 1, status: 'Succeeded', posted: { format: 'adaptive', card: odd, shown: true } }}
        {...r}
      />,
    );
    expect((r.renderAdaptive.mock.calls[1]![0] as { msteams: unknown }).msteams).toEqual({ entities: [] });
  });
});
