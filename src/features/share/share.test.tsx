import { fireEvent, screen } from '@testing-library/react';
import { FluentProvider, webLightTheme } from '@fluentui/react-components';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import type { ReactNode } from 'react';
import { TEMPLATES } from '../../exchange/templates/index.ts';
import { createTestStores } from '../../store/createStores.ts';
import { renderWithStores } from '../../test/renderWithStores.tsx';
import { fileNameFor, importText, openCard } from './actions.ts';
import { SnippetsDialog } from './SnippetsDialog.tsx';
import { TemplateGallery } from './TemplateGallery.tsx';

beforeAll(() => {
  // happy-dom rejects the promise of a cancelled animation; Fluent's motion skips elements whose animate() throws.
  vi.spyOn(Element.prototype, 'animate').mockImplementation(() => {
    throw new Error('no animations in tests');
  });
});

/** An IntersectionObserver under which every observed element is in view at once. */
class InView {
  constructor(private readonly callback: (entries: { isIntersecting: boolean }[]) => void) {}
  observe() {
    this.callback([{ isIntersecting: true }]);
  }
  disconnect() {}
}

const wrap = (ui: ReactNode) => renderWithStores(<FluentProvider theme={webLightTheme}>{ui}</FluentProvider>);

describe('the template gallery', () => {
  it('draws no thumbnail before it scrolls into view', () => {
    const drawn: unknown[] = [];
    vi.stubGlobal(
      'IntersectionObserver',
      class {
        observe() {}
        disconnect() {}
      },
    );
    wrap(<TemplateGallery open onClose={() => {}} onChoose={() => {}} renderCard={(card) => drawn.push(card)} />);
    expect(screen.getAllByRole('listitem')).toHaveLength(TEMPLATES.length);
    expect(drawn).toEqual([]);
    vi.unstubAllGlobals();
  });

  it('draws every template with the renderer it is given, and searching narrows the list', () => {
    vi.stubGlobal('IntersectionObserver', InView);
    const drawn: unknown[] = [];
    const onChoose = vi.fn();
    wrap(
      <TemplateGallery
        open
        onClose={() => {}}
        onChoose={onChoose}
        renderCard={(card) => {
          drawn.push(card);
          return <span>drawn</span>;
        }}
      />,
    );
    expect(screen.getAllByRole('listitem')).toHaveLength(TEMPLATES.length);
    expect(drawn.length).toBeGreaterThanOrEqual(TEMPLATES.length);
    fireEvent.change(screen.getByRole('searchbox', { name: 'Search templates' }), { target: { value: 'on-call' } });
    expect(screen.getAllByRole('listitem')).toHaveLength(1);
    fireEvent.click(screen.getByRole('button', { name: /On-call handover/ }));
    expect(onChoose).toHaveBeenCalledWith(TEMPLATES.find((t) => t.id === 'on-call-handover'));
    vi.unstubAllGlobals();
  });

  it('says so when nothing matches', () => {
    wrap(<TemplateGallery open onClose={() => {}} onChoose={() => {}} renderCard={() => null} />);
    fireEvent.change(screen.getByRole('searchbox', { name: 'Search templates' }), { target: { value: 'zeppelin' } });
    expect(screen.getByRole('status').textContent).toContain('No template matches “zeppelin”');
  });
});

describe('the snippets dialog', () => {
  it('shows the placeholder, never the selected webhook URL unless asked', () => {
    wrap(<SnippetsDialog open text={TEMPLATES[1]!.text} onClose={() => {}} />);
    const code = screen.getByTestId('snippet-code');
    expect(code.textContent).toContain('https://paste-your-webhook-url-here.invalid/');
    fireEvent.click(screen.getByRole('tab', { name: 'Python' }));
    expect(screen.getByTestId('snippet-code').textContent).toContain('requests.post(');
    fireEvent.click(screen.getByRole('checkbox', { name: /Put in the webhook URL of/ }));
    expect(screen.getByTestId('snippet-code').textContent).toContain('/api/workflows/default');
  });
});

describe('opening and importing cards', () => {
  it('keeps the current card as a draft and opens the new one as one undo step', () => {
    const { designer: designerStore, drafts: draftsStore } = createTestStores();
    designerStore.getState().applyCommand(() => '{"summary": "Mine", "text": "my card"}');
    draftsStore.getState().flush();
    const before = draftsStore.getState().drafts.length;
    const notice = openCard(draftsStore, TEMPLATES[2]!.text, 'the template');
    expect(notice.text).toContain('kept in Drafts as “Mine”');
    expect(designerStore.getState().text).toBe(TEMPLATES[2]!.text);
    expect(draftsStore.getState().drafts).toHaveLength(before + 1);
    designerStore.getState().undo();
    expect(designerStore.getState().text).toBe('{"summary": "Mine", "text": "my card"}');
  });

  it('changes nothing when pasted text holds no card', () => {
    const { designer: designerStore, drafts: draftsStore } = createTestStores();
    const text = designerStore.getState().text;
    const drafts = draftsStore.getState().drafts.length;
    const notice = importText(draftsStore, 'Invoke-RestMethod -Uri $u -Method Post', 'the pasted text');
    expect(notice).toMatchObject({ tone: 'error', text: expect.stringContaining('no -Body') });
    expect(designerStore.getState().text).toBe(text);
    expect(draftsStore.getState().drafts).toHaveLength(drafts);
  });

  it('names downloads after the card', () => {
    expect(fileNameFor('{"title": "✅ Build #1287 passed"}')).toBe('build-1287-passed.json');
    expect(fileNameFor('{"text": ""}')).toBe('untitled-card.json');
  });
});
