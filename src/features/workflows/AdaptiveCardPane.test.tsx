import { act, fireEvent, screen, within } from '@testing-library/react';
import { FluentProvider, webLightTheme } from '@fluentui/react-components';
import { beforeEach, describe, expect, it } from 'vitest';
import { createTestStores, type Stores } from '../../store/createStores.ts';
import type { DesignerStore } from '../../store/designerStore.ts';
import { renderWithStores } from '../../test/renderWithStores.tsx';
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

let stores: Stores;
let designerStore: DesignerStore;
let workflowsStore: Stores['workflows'];

function renderPane() {
  return renderWithStores(
    <FluentProvider theme={webLightTheme}>
      <AdaptiveCardPane dark={false} />
    </FluentProvider>,
    { stores },
  );
}

describe('the Adaptive Card view', () => {
  beforeEach(() => {
    stores = createTestStores();
    designerStore = stores.designer;
    workflowsStore = stores.workflows;
    act(() => {
      designerStore.getState().setText(CARD, 'command', 'command');
      workflowsStore.setState({ version: '1.4', envelope: true, theme: 'system', fullWidth: true, mentionIds: {} });
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

  it('lists each mentioned name with a labelled ID field, and the mention reaches the card and the JSON', () => {
    act(() => {
      designerStore.getState().setText(
        JSON.stringify({
          text: 'Paging <at>Ada Lovelace</at> and <at>Alan</at>',
          sections: [{ title: '<at>Alan</at>' }],
        }),
        'command',
        'command',
      );
    });
    renderPane();
    const options = screen.getByTestId('teams-options');
    expect(screen.getByTestId('mention-report').textContent).toBe('Plain text, nobody notified: Ada Lovelace, Alan.');
    expect(within(options).getByRole('button', { name: 'Show sections[0].title in the JSON' })).toBeTruthy();
    const ada = within(options).getByRole('textbox', { name: 'UPN or Entra object ID for Ada Lovelace' });

    fireEvent.change(ada, { target: { value: 'ada lovelace' } });
    expect(options.textContent).toContain('neither a UPN');
    expect(JSON.parse(screen.getByTestId('adaptive-json').textContent ?? '').attachments[0].content.msteams).toEqual({
      width: 'Full',
    });

    fireEvent.change(ada, { target: { value: 'ada@contoso.com' } });
    expect(options.textContent).toContain('Mentioned: Teams notifies this person.');
    expect(screen.getByTestId('mention-report').textContent).toBe('Plain text, nobody notified: Alan.');
    const content = JSON.parse(screen.getByTestId('adaptive-json').textContent ?? '').attachments[0].content;
    expect(content.msteams.entities).toEqual([
      { type: 'mention', text: '<at>Ada Lovelace</at>', mentioned: { id: 'ada@contoso.com', name: 'Ada Lovelace' } },
    ]);
    const drawn = screen.getByTestId('adaptive-card-rendered');
    expect(drawn.querySelector('.wf-mention')?.textContent).toBe('Ada Lovelace');
    expect(drawn.textContent).toContain('<at>Alan</at>');
    expect(
      screen.getByTestId('conversion-report').querySelector('[data-topic="mention-no-id"]')?.textContent,
    ).toContain('<at>Alan</at>');
  });

  it('switches full width off and on, in the drawn card and in the JSON', () => {
    renderPane();
    const stage = screen.getByTestId('adaptive-stage');
    expect(stage.dataset.width).toBe('full');
    fireEvent.click(screen.getByRole('switch', { name: 'Full width' }));
    expect(stage.dataset.width).toBe('standard');
    expect(JSON.parse(screen.getByTestId('adaptive-json').textContent ?? '').attachments[0].content.msteams).toBe(
      undefined,
    );
    expect(screen.getByTestId('teams-options').textContent).toContain('No <at>Name</at> in the card');
    fireEvent.click(screen.getByRole('switch', { name: 'Full width' }));
    expect(stage.dataset.width).toBe('full');
    expect(workflowsStore.getState().fullWidth).toBe(true);
  });

  it('draws a mention of an odd name as text, never as markup', () => {
    act(() => {
      designerStore
        .getState()
        .setText(
          JSON.stringify({ text: 'Ask <at>R&D "ops" & co</at> or <at>img src=x onerror=alert(1)</at>' }),
          'command',
          'command',
        );
      workflowsStore.setState({
        mentionIds: { 'R&D "ops" & co': 'rd@contoso.com', 'img src=x onerror=alert(1)': 'x@contoso.com' },
      });
    });
    renderPane();
    const drawn = screen.getByTestId('adaptive-card-rendered');
    expect([...drawn.querySelectorAll('.wf-mention')].map((m) => m.textContent)).toEqual([
      'R&D "ops" & co',
      'img src=x onerror=alert(1)',
    ]);
    expect(drawn.querySelector('img')).toBeNull();
  });
});
