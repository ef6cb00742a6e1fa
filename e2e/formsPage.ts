import { expect, type Locator, type Page } from '@playwright/test';

/** The outline and property forms, driven as a person does. */
export class FormsPage {
  readonly pane: Locator;
  readonly tree: Locator;
  readonly properties: Locator;

  constructor(readonly page: Page) {
    this.pane = page.getByRole('region', { name: 'Outline and properties' });
    this.tree = this.pane.getByRole('tree', { name: 'Card outline' });
    this.properties = this.pane.getByRole('region', { name: 'Properties' });
  }

  /** The outline row whose label matches (`Fact: Status`, /^ActionCard/). */
  node(name: string | RegExp): Locator {
    return this.tree.getByRole('treeitem', { name, exact: typeof name === 'string' });
  }

  /** Selects an outline row with the mouse and waits for its form. */
  async open(name: string | RegExp) {
    await this.node(name).click();
    await expect(this.node(name)).toHaveAttribute('aria-selected', 'true');
  }

  /** A field's control in the form, by its label. */
  field(label: string): Locator {
    return this.properties.getByLabel(label, { exact: true });
  }

  async fill(label: string, value: string) {
    await this.field(label).fill(value);
  }

  button(name: string | RegExp): Locator {
    return this.properties.getByRole('button', { name });
  }

  /** Opens an "Add …" menu of the form and picks a type. */
  async addFromMenu(menu: string, type: string) {
    await this.button(menu).click();
    await this.page.getByRole('menuitem', { name: type, exact: true }).click();
  }

  /** The title of the form (the kind of element shown). */
  title(): Locator {
    return this.properties.locator('.form-title');
  }

  /** Presses Tab until the focused element's accessible text matches, as a keyboard user does. */
  async tabTo(name: string | RegExp, { max = 60, backwards = false } = {}) {
    for (let i = 0; i < max; i++) {
      const text = await this.page.evaluate(() => {
        const el = document.activeElement as HTMLElement | null;
        return el ? (el.getAttribute('aria-label') ?? el.innerText ?? '').trim() : '';
      });
      if (typeof name === 'string' ? text === name : name.test(text)) return;
      await this.page.keyboard.press(backwards ? 'Shift+Tab' : 'Tab');
    }
    throw new Error(`Tab never reached ${String(name)}`);
  }
}
