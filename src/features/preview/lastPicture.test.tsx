import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { MemoryStorage, storageArea } from '../../lib/storage.ts';
import { currentScreen } from '../../lib/screen.ts';
import {
  capturePicture,
  cleanPicture,
  paintPicture,
  parsePicture,
  pictureFits,
  PICTURE_KEY,
  readPicture,
  savePicture,
  type Picture,
} from './lastPicture.ts';

const TEXT = '{"summary":"Kept","title":"The card from the last visit"}';

function picture(overrides: Partial<Picture> = {}): Picture {
  return {
    text: TEXT,
    screen: currentScreen(),
    box: { left: 800, top: 80, width: 480, height: 720 },
    scrollTop: 0,
    ancestors: ['app is-dark', 'split'],
    html: '<section class="preview-pane"><div data-testid="preview-title">The card from the last visit</div></section>',
    css: '.f1abc{color:red}',
    ...overrides,
  };
}

/** A pane in the document, laid out at a fixed box (happy-dom lays nothing out). */
function pane(html: string): HTMLElement {
  const app = document.createElement('div');
  app.className = 'app is-dark';
  app.innerHTML = `<section class="preview-pane" aria-label="Card preview">${html}</section>`;
  document.body.append(app);
  const section = app.firstElementChild as HTMLElement;
  section.getBoundingClientRect = () => DOMRect.fromRect({ x: 800, y: 80, width: 480, height: 720 });
  return section;
}

beforeEach(() => {
  localStorage.clear();
  document.body.replaceChildren();
});
afterEach(() => vi.restoreAllMocks());

describe('a stored picture', () => {
  it('reads back what was saved, and anything else reads as none and is removed', () => {
    savePicture(picture());
    expect(readPicture()?.text).toBe(TEXT);

    for (const raw of ['not json', '42', 'null', JSON.stringify({ ...picture(), html: 7 }), '{"text":"x"}']) {
      localStorage.setItem(PICTURE_KEY, raw);
      expect(readPicture(), raw).toBeUndefined();
      expect(localStorage.getItem(PICTURE_KEY), raw).toBeNull();
    }
  });

  it('rejects every shape that is not a picture', () => {
    const good = picture();
    expect(parsePicture(good)).toBe(good);
    expect(parsePicture({ ...good, screen: { ...good.screen, dark: 'yes' } })).toBeUndefined();
    expect(parsePicture({ ...good, box: { ...good.box, width: Number.NaN } })).toBeUndefined();
    expect(parsePicture({ ...good, scrollTop: '0' })).toBeUndefined();
    expect(parsePicture([])).toBeUndefined();
  });

  it('is forgotten when there is none to take, or when the storage refuses it', () => {
    savePicture(picture());
    savePicture(undefined);
    expect(localStorage.getItem(PICTURE_KEY)).toBeNull();

    const memory = new MemoryStorage();
    const area = storageArea(memory);
    savePicture(picture(), area);
    memory.failWrites = 'quota';
    expect(() => savePicture(picture({ text: 'a newer card' }), area)).not.toThrow();
    // The older picture is not left behind to be painted for a card it does not show,
    expect(memory.getItem(PICTURE_KEY)).toBeNull();
    // and a cache that does not fit is not reported as the user's work not saved.
    expect(area.status().failed.size).toBe(0);
  });

  it('fits only the same text in a window of the same size, pixel ratio and colour scheme', () => {
    const screen = currentScreen();
    const p = picture();
    expect(pictureFits(p, TEXT, screen)).toBe(true);
    expect(pictureFits(p, `${TEXT} `, screen)).toBe(false);
    expect(pictureFits(p, TEXT, { ...screen, width: screen.width + 1 })).toBe(false);
    expect(pictureFits(p, TEXT, { ...screen, height: screen.height - 1 })).toBe(false);
    expect(pictureFits(p, TEXT, { ...screen, ratio: screen.ratio * 2 })).toBe(false);
    expect(pictureFits(p, TEXT, { ...screen, dark: !screen.dark })).toBe(false);
  });
});

describe('painting', () => {
  it('paints a fitting picture, inert and hidden from assistive technology, where the pane was', () => {
    savePicture(picture());
    const root = document.createElement('div');
    expect(paintPicture(root, TEXT)).toBe(true);
    const frame = root.querySelector<HTMLElement>('[data-testid="last-picture"]')!;
    expect(frame.getAttribute('aria-hidden')).toBe('true');
    expect(frame.inert).toBe(true);
    expect(frame.style.left).toBe('800px');
    expect(frame.style.height).toBe('720px');
    expect(frame.querySelector('style')?.textContent).toBe('.f1abc{color:red}');
    // The pane sits inside its ancestors' classes, as it did.
    expect(frame.querySelector('.app.is-dark > .split > .preview-pane')).not.toBeNull();
    expect(frame.querySelector('[data-testid="preview-title"]')?.textContent).toBe('The card from the last visit');
  });

  it('paints nothing, and forgets the entry, when a stored picture cannot be drawn', () => {
    savePicture(picture());
    const root = document.createElement('div');
    vi.spyOn(document, 'createElement').mockImplementationOnce(() => {
      throw new Error('a browser that cannot');
    });
    expect(paintPicture(root, TEXT)).toBe(false);
    expect(root.childElementCount).toBe(0);
    expect(localStorage.getItem(PICTURE_KEY)).toBeNull();
  });

  it('paints nothing for another card, or when there is no picture', () => {
    const root = document.createElement('div');
    expect(paintPicture(root, TEXT)).toBe(false);
    savePicture(picture());
    expect(paintPicture(root, '{"title":"Another card"}')).toBe(false);
    expect(root.childElementCount).toBe(0);
  });

  it('drops what the preview never draws from a stored picture written by something else', () => {
    const template = document.createElement('template');
    template.innerHTML = [
      '<div class="mc-card" onclick="alert(1)">',
      '<script>alert(2)</script><iframe src="https://example.com"></iframe><style>*{display:none}</style>',
      '<a href="javascript:alert(3)">bad link</a><a href="https://example.com/ok">good link</a>',
      '<img src="https://example.com/a.png" onerror="alert(4)"><img src="data:image/png;base64,AAAA">',
      '<svg><path d="M0 0"/><foreignObject><div>inside</div></foreignObject></svg>',
      '<object data="x"></object><form action="https://example.com"><input value="kept"></form>',
      '<font color="red" onmouseover="alert(5)">font text</font><strike>struck</strike>',
      '</div>',
    ].join('');
    cleanPicture(template.content);
    const html = (template.content.firstElementChild as HTMLElement).outerHTML;
    expect(html).not.toMatch(/script|iframe|style|onclick|onerror|javascript:|foreignObject|object|form/i);
    expect(html).toContain('href="https://example.com/ok"');
    expect(html).toContain('src="https://example.com/a.png"');
    expect(html).toContain('src="data:image/png;base64,AAAA"');
    expect(html).toContain('<path');
    expect(template.content.textContent).toContain('good link');
    // An element the preview does not draw gives way to its content; one it draws stays.
    expect(html).not.toMatch(/<font|onmouseover/);
    expect(html).toContain('font text');
    expect(html).toContain('<strike>struck</strike>');
    expect(html).toContain('value="kept"');
    expect(template.content.textContent).not.toContain('inside');
  });
});

describe('taking a picture', () => {
  it('keeps what the controls show, without the selection outline or the landmark', () => {
    const section = pane(
      '<select><option>Teams</option><option>Outlook</option></select><input type="checkbox">' +
        '<div class="mc-card" data-selected="">Card</div>',
    );
    section.querySelector('select')!.selectedIndex = 1;
    section.querySelector('input')!.checked = true;
    const taken = capturePicture(section, TEXT)!;
    expect(taken.text).toBe(TEXT);
    expect(taken.ancestors).toEqual(['app is-dark']);
    expect(taken.box).toEqual({ left: 800, top: 80, width: 480, height: 720 });
    expect(taken.html).toMatch(/<option selected="">Outlook<\/option>/);
    expect(taken.html).toMatch(/<input type="checkbox" checked=""/);
    expect(taken.html).not.toContain('data-selected');
    expect(taken.html).not.toContain('aria-label');
  });

  it('keeps the previous picture while nothing changed, and takes a new one when the card did', () => {
    const section = pane('<div class="mc-card">Card</div>');
    const first = capturePicture(section, TEXT)!;
    expect(capturePicture(section, TEXT, first)).toBe(first);
    section.querySelector('.mc-card')!.textContent = 'Card, changed';
    const second = capturePicture(section, TEXT, first)!;
    expect(second).not.toBe(first);
    expect(second.html).toContain('Card, changed');
    expect(capturePicture(section, `${TEXT} `, second)).not.toBe(second);
  });

  it('takes none of a hidden pane or of a card too large to keep', () => {
    const section = pane('<div>Card</div>');
    expect(capturePicture(section, 'x'.repeat(100_001))).toBeUndefined();
    section.getBoundingClientRect = () => DOMRect.fromRect({ x: 0, y: 0, width: 0, height: 0 });
    expect(capturePicture(section, TEXT)).toBeUndefined();
  });
});
