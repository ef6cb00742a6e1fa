import { act, fireEvent, render, screen, within } from '@testing-library/react';
import { FluentProvider, webLightTheme } from '@fluentui/react-components';
import { beforeEach, describe, expect, it } from 'vitest';
import { designerStore } from '../../store/hooks.ts';
import { workflowsStore } from '../../store/workflowsStore.ts';
import { AdaptiveCardPane } from './AdaptiveCardPane.tsx';

const CARD = JSON.stringify({
  summary: 'Deploy',
  title: 'Deploy **finished**',
  sections: [{ facts: [{ name: 'Env', value: 'prod' }] }],
  potentialAction: [
    { '@type': 'HttpPOST', name: 'Roll back', target: 'https://ops.example.com/rollback' },
    { '@type': 'OpenUri', name: 'Logs', targets: [{ os: 'default', uri: 'https://ops.example.com/logs' }] },
  ],
});

function renderPane() {
  return render(
    <FluentProvider theme={webLightTheme}>
      <AdaptiveCardPane dark={false} />
    </FluentProvider>,
  );
}

describe('the Adaptive Card view', () => {
  beforeEach(() => {
    act(() => {
      designerStore.getState().setText(CARD, 'command', 'command');
      workflowsStore.setState({ version: '1.4', envelope: true, theme: 'system' });
    });
  });

  it('draws the converted card with Microsoft’s renderer, Markdown included, and only http(s) links', () => {
    renderPane();
    const drawn = screen.getByTestId('adaptive-card-rendered');
    expect(drawn.querySelector('.ac-adaptiveCard')).not.toBeNull();
    expect(drawn.querySelector('strong')?.textContent).toBe('finished');
    expect(drawn.textContent).toContain('prod');
    expect(within(drawn).getByRole('link', { name: 'Logs' })).toBeTruthy();
    expect(drawn.textContent).not.toContain('Roll back');
  });

  it('lists what is lost, with the path it concerns', () => {
    renderPane();
    const report = screen.getByTestId('conversion-report');
    expect(report.textContent).toContain('Not carried over (1)');
    expect(within(report).getByRole('button', { name: 'Show potentialAction[0] in the JSON' })).toBeTruthy();
    expect(report.querySelector('[data-topic="http-post"]')?.textContent).toContain('“Roll back”');
  });

  it('shows the JSON with or without the envelope, in the chosen version', () => {
    renderPane();
    const json = () => JSON.parse(screen.getByTestId('adaptive-json').textContent ?? '');
    expect(json().type).toBe('message');
    fireEvent.click(screen.getByRole('switch', { name: 'Workflows message envelope' }));
    expect(json().type).toBe('AdaptiveCard');
    fireEvent.change(screen.getByRole('combobox', { name: 'Adaptive Card version' }), { target: { value: '1.5' } });
    expect(json().version).toBe('1.5');
    expect(json().body[0].style).toBe('heading');
  });
});
