import { render } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import type * as BlockModule from './Block.tsx';
import type * as CardImageModule from './CardImage.tsx';
import { CardView } from './CardView.tsx';

const sectionRenders: number[] = [];

// Counts how often each section draws its own block: a memoized section that did not change does not.
vi.mock('./Block.tsx', async (importOriginal) => {
  const original = await importOriginal<typeof BlockModule>();
  return {
    ...original,
    Block: (props: Parameters<typeof original.Block>[0]) => {
      const [first, index] = props.path;
      if (first === 'sections' && typeof index === 'number' && props.path.length === 2) {
        sectionRenders[index] = (sectionRenders[index] ?? 0) + 1;
      }
      return original.Block(props);
    },
  };
});

// An image URL that makes the renderer throw, to prove a section's error stays in that section.
vi.mock('./CardImage.tsx', async (importOriginal) => {
  const original = await importOriginal<typeof CardImageModule>();
  return {
    CardImage: (props: Parameters<typeof original.CardImage>[0]) => {
      if (props.url === 'https://throw.example/') throw new Error('boom');
      return original.CardImage(props);
    },
  };
});

const noop = () => {};

function cardWith(sections: unknown[], title = 'Title') {
  return { '@type': 'MessageCard', summary: 's', title, sections };
}

describe('CardView', () => {
  it('draws a card and says how many sections Teams leaves out', () => {
    const sections = Array.from({ length: 12 }, (_, i) => ({ activityTitle: `Section ${i}` }));
    const view = render(
      <CardView card={cardWith(sections)} renderer="teams" newTeams={false} primary onSelect={noop} />,
    );
    expect(view.getByTestId('preview-title').textContent).toBe('Title');
    expect(view.getByTestId('preview-section-9').textContent).toContain('Section 9');
    expect(view.queryByTestId('preview-section-10')).toBeNull();
    expect(view.getByText(/2 more sections are not drawn/)).toBeTruthy();
  });

  it('draws again only the sections whose value changed', () => {
    const make = (second: string, title: string) =>
      cardWith(
        [
          { activityTitle: 'One', facts: [{ name: 'a', value: 'b' }] },
          { activityTitle: second },
          { activityTitle: 'Three' },
        ],
        title,
      );
    sectionRenders.length = 0;
    const view = render(<CardView card={make('Two', 'T')} renderer="teams" newTeams={false} primary onSelect={noop} />);
    expect(sectionRenders).toEqual([1, 1, 1]);
    // A new parse gives new objects with the same values: typing in the title redraws no section.
    view.rerender(<CardView card={make('Two', 'Te')} renderer="teams" newTeams={false} primary onSelect={noop} />);
    expect(view.getByTestId('preview-title').textContent).toBe('Te');
    expect(sectionRenders).toEqual([1, 1, 1]);
    view.rerender(<CardView card={make('Two!', 'Te')} renderer="teams" newTeams={false} primary onSelect={noop} />);
    expect(sectionRenders).toEqual([1, 2, 1]);
  });

  it('keeps a render error inside its section and draws the rest of the card', () => {
    const spy = vi.spyOn(console, 'error').mockImplementation(() => {});
    const card = cardWith([
      { activityTitle: 'Before' },
      { activityImage: 'https://throw.example/', activityTitle: 'Broken' },
      { activityTitle: 'After' },
    ]);
    const view = render(<CardView card={card} renderer="teams" newTeams={false} primary onSelect={noop} />);
    spy.mockRestore();
    expect(view.getByTestId('preview-section-0').textContent).toContain('Before');
    expect(view.getByTestId('preview-section-2').textContent).toContain('After');
    expect(view.getByText(/Section 2 could not be drawn \(boom\)/)).toBeTruthy();
  });

  it('draws the hero image in Outlook and a designer note in Teams', () => {
    const card = cardWith([{ heroImage: { image: 'https://example.com/h.png', title: 'Hero' } }]);
    const teams = render(<CardView card={card} renderer="teams" newTeams={false} primary onSelect={noop} />);
    expect(teams.getByText(/Hero image not drawn/)).toBeTruthy();
    teams.unmount();
    const outlook = render(<CardView card={card} renderer="outlook" newTeams={false} primary onSelect={noop} />);
    expect(outlook.container.querySelector('img.mc-hero-image')?.getAttribute('src')).toBe('https://example.com/h.png');
  });
});

describe('CardView in the Workflows view', () => {
  const card = {
    '@type': 'MessageCard',
    summary: 's',
    title: 'Deployed',
    themeColor: '0076D7',
    sections: [
      {
        activityTitle: 'Build 42',
        potentialAction: [{ '@type': 'OpenUri', name: 'Logs', targets: [{ os: 'default', uri: 'https://a.example' }] }],
      },
    ],
    potentialAction: [
      { '@type': 'OpenUri', name: 'Open', targets: [{ os: 'default', uri: 'https://a.example' }] },
      { '@type': 'HttpPOST', name: 'Approve', target: 'https://a.example' },
    ],
  };

  it('draws the Teams look without any button, says how many actions it left out, and names the flow bot', () => {
    const view = render(
      <CardView card={card} renderer="workflows" workflowOwner="Megan" newTeams={false} primary onSelect={noop} />,
    );
    const frame = view.getByTestId('preview-card');
    expect(frame.className).toContain('is-teams');
    expect(frame.querySelector('.mc-color-bar')).not.toBeNull();
    expect(view.getByTestId('preview-section-0').textContent).toContain('Build 42');
    expect(view.queryAllByRole('button')).toHaveLength(0);
    expect(view.getByTestId('workflows-actions-not-drawn').textContent).toMatch(
      /3 actions are not drawn: Workflows posts a MessageCard without its buttons/,
    );
    expect(view.getByText('Workflows')).toBeTruthy();
    expect(view.getByText('Megan used a Workflow template')).toBeTruthy();
  });

  it('draws the buttons in Teams and no Workflows note', () => {
    const view = render(<CardView card={card} renderer="teams" newTeams={false} primary onSelect={noop} />);
    expect(view.getAllByRole('button').length).toBeGreaterThanOrEqual(3);
    expect(view.queryByTestId('workflows-actions-not-drawn')).toBeNull();
    expect(view.queryByText(/used a Workflow template/)).toBeNull();
  });
});
