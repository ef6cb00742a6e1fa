/**
 * The preview's side of "one truth per behaviour" (issue 13): each behaviour of `card/behaviour.ts`
 * drawn by CardView in every renderer, and the Teams connector page's example card drawn whole in
 * the Teams, Outlook and Workflows views. (`card/behaviour.test.ts` walks the same behaviours through
 * the rules and the converter.)
 */
import { act, fireEvent, render } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { actionCardStateSentence, sectionGap } from '../../card/behaviour.ts';
import { RENDERERS, type Renderer } from '../../card/preview/limits.ts';
import { TEAMS_CONNECTOR_EXAMPLE_TEXT } from '../../card/samples.ts';
import { CardView } from './CardView.tsx';

const noop = () => {};
const BASE = { '@type': 'MessageCard', summary: 's' };

function draw(card: Record<string, unknown>, renderer: Renderer) {
  return render(<CardView card={card} renderer={renderer} newTeams={false} primary onSelect={noop} />);
}

describe.each(RENDERERS)('the preview in the %s view', (renderer) => {
  const teamsLike = renderer !== 'outlook';

  it('draws the separators sectionGap decides: none above a first section with nothing before it', () => {
    const card = { ...BASE, sections: [{ text: 'one' }, { text: 'two', startGroup: true }, { text: 'three' }] };
    const view = draw(card, renderer);
    const classes = [0, 1, 2].map((i) => view.getByTestId(`preview-section-${i}`).className);
    [0, 1, 2].forEach((i) => expect(classes[i]).toContain(`gap-${sectionGap(card, i, renderer)}`));
    expect(classes[0]).toContain('gap-none');
    expect(classes[2]).toContain(teamsLike ? 'gap-separator' : 'gap-gap');
  });

  it('shows a link in a title as written, and links in texts as links', () => {
    const card = {
      ...BASE,
      title: 'See [Docs](https://example.com/d)',
      text: 'Read [more](https://example.com/m)',
      sections: [{ title: '**Bold** [S](https://e.com)' }],
    };
    const view = draw(card, renderer);
    const title = view.getByTestId('preview-title');
    expect(title.querySelector('a')).toBeNull();
    expect(title.textContent).toBe('See [Docs](https://example.com/d)');
    const sectionTitle = view.container.querySelector('.mc-section-title')!;
    expect(sectionTitle.querySelector('a')).toBeNull();
    expect(sectionTitle.querySelector('strong')?.textContent).toBe('Bold');
    expect(view.getByTestId('preview-text').querySelector('a')?.getAttribute('href')).toBe('https://example.com/m');
  });

  it('reads `markdown: false` as Teams does, and as Outlook does (Markdown, HTML as text, headings 1 to 6)', () => {
    const card = { ...BASE, sections: [{ markdown: false, text: '<strong>Hi</strong>' }, { text: '#### Four' }] };
    const view = draw(card, renderer);
    const html = view.getByTestId('preview-section-0');
    if (teamsLike) {
      expect(html.querySelector('strong')?.textContent).toBe('Hi');
    } else {
      expect(html.querySelector('strong')).toBeNull();
      expect(html.textContent).toContain('<strong>Hi</strong>');
    }
    // Outlook draws headings 1 to 6. (That Teams drops h4-h6 is the sanitizer's allow-list, which only a real
    // browser runs fully: happy-dom's node iterator stops at the first removed node; e2e covers it.)
    if (!teamsLike) expect(view.getByTestId('preview-section-1').querySelector('h4')?.textContent).toBe('Four');
  });

  it('draws only images the image policy allows, as images or as a placeholder', () => {
    const card = {
      ...BASE,
      sections: [
        {
          activityTitle: 'x',
          images: [
            { image: 'https://example.com/a.png', title: 'png' },
            { image: 'https://example.com/a.svg', title: 'svg' },
            { image: 'data:image/webp;base64,UklGRg==', title: 'webp' },
          ],
        },
      ],
    };
    const view = draw(card, renderer);
    const srcs = Array.from(view.container.querySelectorAll('img.mc-gallery-image')).map((i) => i.getAttribute('src'));
    expect(srcs).toEqual(['https://example.com/a.png']);
    expect(view.container.querySelectorAll('.mc-gallery-image.mc-img-placeholder')).toHaveLength(2);
  });

  it('leaves InvokeAddInCommand out in Teams (not counted toward the limit), draws it in Outlook', () => {
    const open = (n: number) => ({
      '@type': 'OpenUri',
      name: `Open ${n}`,
      targets: [{ os: 'default', uri: 'https://e.com' }],
    });
    const addIn = { '@type': 'InvokeAddInCommand', name: 'Add-in', addInId: 'a', desktopCommandId: 'b' };
    const card = {
      ...BASE,
      sections: [{ text: 't', potentialAction: [open(1), open(2), open(3), open(4), open(5), addIn] }],
    };
    const view = draw(card, renderer);
    const names = view.queryAllByRole('button').map((b) => b.textContent);
    if (renderer === 'teams') {
      expect(names).toEqual(['Open 1', 'Open 2', 'Open 3', 'Open 4', 'Open 5']);
      expect(view.getByText(/1 InvokeAddInCommand action is not drawn/)).toBeTruthy();
    } else if (renderer === 'outlook') {
      expect(names).toEqual(['Open 1', 'Open 2', 'Open 3', 'Open 4']);
      expect(view.getByText(/2 more actions are not drawn: Outlook shows at most 4/)).toBeTruthy();
    } else {
      expect(names).toEqual([]);
      expect(view.getByTestId('workflows-actions-not-drawn').textContent).toMatch(/6 actions are not drawn/);
    }
  });

  it('fills a DateInput from an ISO value with seconds and a zone, and notes an ActionCard without actions', async () => {
    if (renderer === 'workflows') return; // No button, so no panel, in the Workflows view.
    const card = {
      ...BASE,
      potentialAction: [
        {
          '@type': 'ActionCard',
          name: 'Due',
          inputs: [{ '@type': 'DateInput', id: 'd', value: '2017-05-01T17:07:18-07:00' }],
          actions: [],
        },
        { '@type': 'OpenUri', name: 'Other', targets: [{ os: 'default', uri: 'https://e.com' }] },
      ],
    };
    const view = draw(card, renderer);
    await act(async () => fireEvent.click(view.getByRole('button', { name: 'Due' })));
    const field = await view.findByLabelText('d', {}, { timeout: 5000 });
    expect((field as HTMLInputElement).value).toBe('2017-05-01');
    expect(view.getByText(actionCardStateSentence('inputs-without-actions')!)).toBeTruthy();
  });
});

describe('the example card of the Teams connector page', () => {
  // The card as issue 13 gives it, verbatim; the issue's text folds its one line inside `"name"`.
  const ISSUE_FIRST_LINE =
    '{"@type":"MessageCard","@context":"http://schema.org/extensions","themeColor":"0076D7","summary":"Larry Bryant created a new task","sections":[{"activityTitle":"![TestImage](https://47a92947.ngrok.io/Content/Images/default.png)Larry Bryant created a new task","activitySubtitle":"On Project Tango","activityImage":"https://teamsnodesample.azurewebsites.net/static/img/image5.png","facts":[{"name":"Assigned to","value":"Unassigned"},{"name":"Due date","value":"Mon May 01 2017 17:07:18 GMT-0700 (Pacific Daylight Time)"},{"name":"Status","value":"Not started"}],"markdown":true}],"potentialAction":[{"@type":"ActionCard","name":"Add a comment","inputs":[{"@type":"TextInput","id":"comment","isMultiline":false,"title":"Add a comment here for this task"}],"actions":[{"@type":"HttpPOST","name":"Add comment","target":"http://..."}]},{"@type":"ActionCard","name":"Set due date","inputs":[{"@type":"DateInput","id":"dueDate","title":"Enter a due date for this task"}],"actions":[{"@type":"HttpPOST","nam';
  const ISSUE_SECOND_LINE =
    'e":"Save","target":"http://..."}]},{"@type":"ActionCard","name":"Change status","inputs":[{"@type":"MultichoiceInput","id":"list","title":"Select a status","isMultiSelect":"false","choices":[{"display":"In Progress","value":"1"},{"display":"Active","value":"2"},{"display":"Closed","value":"3"}]}],"actions":[{"@type":"HttpPOST","name":"Save","target":"http://..."}]}]}';

  it('is the sample, byte for byte as the issue gives it (the folded "name" joined back)', () => {
    expect(ISSUE_FIRST_LINE.endsWith('"nam')).toBe(true);
    expect(TEAMS_CONNECTOR_EXAMPLE_TEXT).toBe(`${ISSUE_FIRST_LINE}${ISSUE_SECOND_LINE}\n`);
    expect(TEAMS_CONNECTOR_EXAMPLE_TEXT).toContain('"name":"Save"');
  });

  const card = JSON.parse(TEAMS_CONNECTOR_EXAMPLE_TEXT) as Record<string, unknown>;

  it.each(RENDERERS)('draws every part in the %s view', (renderer) => {
    const view = draw(card, renderer);
    const section = view.getByTestId('preview-section-0');
    // Nothing comes before the first section: no line and no gap under the colour bar.
    expect(section.className).toContain('gap-none');
    const title = section.querySelector('.mc-activity-title')!;
    expect(title.textContent).toContain('Larry Bryant created a new task');
    const inline = title.querySelector('img');
    expect(inline?.getAttribute('src')).toBe('https://47a92947.ngrok.io/Content/Images/default.png');
    expect(inline?.getAttribute('alt')).toBe('TestImage');
    // The host cannot be reached: the image becomes a visible placeholder with its alt text.
    fireEvent.error(inline!);
    const placeholder = title.querySelector('.mc-img-placeholder')!;
    expect(placeholder.textContent).toBe('TestImage');
    expect(placeholder.getAttribute('aria-label')).toBe('Image not shown: TestImage');
    expect(section.textContent).toContain('On Project Tango');
    expect(section.querySelector('img.mc-avatar')?.getAttribute('src')).toBe(
      'https://teamsnodesample.azurewebsites.net/static/img/image5.png',
    );
    for (const text of ['Assigned to', 'Unassigned', 'Due date', 'Mon May 01 2017', 'Status', 'Not started']) {
      expect(section.textContent).toContain(text);
    }
    const buttons = view.queryAllByRole('button').map((b) => b.textContent);
    if (renderer === 'workflows') {
      expect(buttons).toEqual([]);
      expect(view.getByTestId('workflows-actions-not-drawn').textContent).toMatch(/3 actions are not drawn/);
    } else {
      expect(buttons).toEqual(['Add a comment', 'Set due date', 'Change status']);
    }
  });

  it('opens the status list as a drop-down in Teams ("isMultiSelect": "false")', async () => {
    const view = draw(card, 'teams');
    await act(async () => fireEvent.click(view.getByRole('button', { name: 'Change status' })));
    const list = await view.findByLabelText('Select a status', {}, { timeout: 5000 });
    expect(list.tagName).toBe('SELECT');
  });
});
