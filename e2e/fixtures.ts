import { test as base, expect, type Locator, type Page } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';
import axe from 'axe-core';
import type { Result as AxeResult } from 'axe-core';
import { BASE_PORT } from './ports.ts';

/** Where the app keeps the "Check for" profile (src/store/persistence.ts). */
export const PROFILE_KEY = 'messagecard-designer:profile:v1';

/** Drives the designer as a person does: through the editor, the preview and the toolbar. */
export class Designer {
  readonly jsonPane: Locator;
  readonly preview: Locator;
  readonly problems: Locator;
  readonly editor: Locator;

  constructor(readonly page: Page) {
    this.jsonPane = page.getByRole('region', { name: 'Card JSON' });
    this.preview = page.getByRole('region', { name: 'Card preview' });
    this.problems = page.getByRole('region', { name: 'Problems' });
    this.editor = this.jsonPane.locator('.monaco-editor');
  }

  private seeded = false;

  /**
   * Opens the designer on a clean slate (no saved card) unless `keepStorage`.
   *
   * A first start checks for Teams Workflows and previews "Teams via Workflows" (no buttons). Most
   * journeys were written for the retired connector profile (buttons drawn, the connector's rules), so
   * by default the page starts as if the user had picked "Connector (retired 2026)" once: the profile is
   * seeded into storage before the app reads it, whenever it is missing (also after a reload or a clear),
   * and the preview host follows it (Teams light or dark as the system). `fresh: true` is the real first
   * start; it must be the page's first `open`.
   */
  async open({ keepStorage = false, fresh = false } = {}) {
    if (fresh && this.seeded) throw new Error('open({ fresh: true }) must come before any other open() of the page');
    if (!fresh && !this.seeded) {
      this.seeded = true;
      await this.page.addInitScript((key) => {
        try {
          if (localStorage.getItem(key) === null) localStorage.setItem(key, JSON.stringify('teams'));
        } catch {
          // A page without storage starts on the default profile.
        }
      }, PROFILE_KEY);
    }
    // Every test has a fresh browser context, so its storage starts empty; only a page that has already
    // been on the designer has something to clear.
    if (!keepStorage && this.page.url() !== 'about:blank') await this.page.evaluate(() => localStorage.clear());
    await this.page.goto('/');
    // Monaco is the last part to arrive; on a loaded machine it can take longer than one expect.
    await expect(this.editor).toBeVisible({ timeout: 30_000 });
    await this.page.waitForFunction(() => 'cardEditor' in window, undefined, { timeout: 30_000 });
  }

  /**
   * Replaces the whole text the way a person pastes it: select all, paste from the clipboard. (Typing
   * text with line breaks would let Monaco auto-close brackets and indent, changing the text.)
   */
  async replaceText(text: string) {
    await this.page.context().grantPermissions(['clipboard-read', 'clipboard-write']);
    await this.page.evaluate((t) => navigator.clipboard.writeText(t), text);
    await this.editor.locator('.view-lines').click();
    await this.page.keyboard.press('ControlOrMeta+A');
    await this.page.keyboard.press('ControlOrMeta+V');
    // Checked in the page on every frame (every 100 ms for huge texts), not by expect.poll, whose
    // back-off waits up to a second after the paste has landed.
    try {
      await this.page.waitForFunction(
        (t) => {
          // The length first: reading a 5 MB text on every poll would keep the page busy.
          const model = (window as unknown as { cardEditor: { getModel(): ModelHandle } }).cardEditor.getModel();
          return model.getValueLength() === t.length && model.getValue() === t;
        },
        text,
        text.length > 100_000 ? { polling: 100, timeout: 30_000 } : { polling: 'raf', timeout: 10_000 },
      );
    } catch {
      // Say what the editor holds instead.
      expect(await this.editorText()).toBe(text);
    }
  }

  /** The text the editor holds right now. */
  editorText(): Promise<string> {
    return this.page.evaluate(() =>
      (window as unknown as { cardEditor: { getValue(): string } }).cardEditor.getValue(),
    );
  }

  /** The cursor as an offset into the text. */
  cursorOffset(): Promise<number> {
    return this.page.evaluate(() => {
      const editor = (window as unknown as { cardEditor: EditorHandle }).cardEditor;
      return editor.getModel().getOffsetAt(editor.getPosition());
    });
  }

  /** Moves the cursor to an offset, as a click in the text would. */
  async setCursor(offset: number) {
    await this.page.evaluate((at) => {
      const editor = (window as unknown as { cardEditor: EditorHandle }).cardEditor;
      editor.setPosition(editor.getModel().getPositionAt(at));
      editor.focus();
    }, offset);
  }

  /** Monaco's markers for the card, as the squiggles show them. */
  markers(): Promise<{ message: string; severity: number; startLineNumber: number; code?: string }[]> {
    return this.page.evaluate(() => {
      const w = window as unknown as {
        monaco: {
          editor: {
            getModelMarkers(
              filter: object,
            ): { message: string; severity: number; startLineNumber: number; code?: unknown }[];
          };
        };
      };
      return w.monaco.editor.getModelMarkers({}).map((m) => ({
        message: m.message,
        severity: m.severity,
        startLineNumber: m.startLineNumber,
        code: typeof m.code === 'string' ? m.code : undefined,
      }));
    });
  }

  toolbarButton(name: string | RegExp): Locator {
    return this.page.getByRole('toolbar', { name: 'Card commands' }).getByRole('button', { name });
  }
}

/** Pictures for a person to look at are taken on request only (E2E_SCREENSHOTS=1): they cost the suite time. */
export const SCREENSHOTS = Boolean(process.env.E2E_SCREENSHOTS);

/**
 * Saves a picture of the page or of an element at `path` when SCREENSHOTS is on. Otherwise an element
 * must still be visible, as the screenshot would have required.
 */
export async function shot(target: Page | Locator, path: string, options: { fullPage?: boolean } = {}) {
  const isPage = (t: Page | Locator): t is Page => 'goto' in t;
  if (SCREENSHOTS) await target.screenshot({ path, ...options });
  else if (!isPage(target)) await expect(target).toBeVisible();
}

/** Where axe looks: CSS selectors of the parts to check and of the parts to leave out. */
export interface AxeScope {
  include?: string[];
  exclude?: string[];
}

/**
 * axe-core's violations on the page, of every impact. The same rules as AxeBuilder's `analyze()`, but
 * axe is injected once per document and run in it directly: AxeBuilder evaluates axe's 560 KB source
 * on every call and finishes each run in a new blank page, which cost more than the scan itself. A page
 * with frames goes through AxeBuilder, which checks inside them.
 */
export async function axeViolations(page: Page, { include = [], exclude = [] }: AxeScope = {}): Promise<AxeResult[]> {
  // axe reads the colours on screen. Fluent's buttons fade their colours for about 100 ms when the theme or
  // the preview's host changes: measured half-way, a label on its new background fails colour contrast.
  await page.waitForFunction(() =>
    document.getAnimations().every((a) => !(a instanceof CSSTransition) || a.playState !== 'running'),
  );
  if (page.frames().length > 1) {
    let builder = new AxeBuilder({ page });
    for (const selector of include) builder = builder.include(selector);
    for (const selector of exclude) builder = builder.exclude(selector);
    return (await builder.analyze()).violations;
  }
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(axe.source);
  return page.evaluate(
    async ({ include, exclude }) => {
      const injected = (window as unknown as { axe: typeof axe }).axe;
      const context = {
        ...(include.length ? { include: include.map((s) => [s]) } : {}),
        exclude: exclude.map((s) => [s]),
      };
      return (await injected.run(context as Parameters<typeof injected.run>[0])).violations;
    },
    { include, exclude },
  );
}

/** axe's serious and critical findings, one line each (rule, help and where), for `toEqual([])`. */
export async function seriousAxeViolations(page: Page, scope?: AxeScope): Promise<string[]> {
  return (await axeViolations(page, scope))
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`);
}

interface ModelHandle {
  getValueLength(): number;
  getValue(): string;
}

interface EditorHandle {
  getModel(): { getOffsetAt(p: unknown): number; getPositionAt(o: number): unknown };
  getPosition(): unknown;
  setPosition(p: unknown): void;
  focus(): void;
}

export const test = base.extend<{ designer: Designer }, { appPort: number }>({
  // Worker N talks to the app server on BASE_PORT + N (playwright.config.ts starts one per worker).
  appPort: [
    // Playwright reads the fixtures a function needs from its first parameter, so it must be a pattern.
    // eslint-disable-next-line no-empty-pattern
    async ({}, use, workerInfo) => {
      await use(BASE_PORT + workerInfo.parallelIndex);
    },
    { scope: 'worker' },
  ],
  baseURL: async ({ appPort }, use) => {
    await use(`http://127.0.0.1:${appPort}`);
  },
  designer: async ({ page }, use) => {
    await use(new Designer(page));
  },
});

export { expect };
