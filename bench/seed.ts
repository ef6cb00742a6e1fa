import type { BrowserContext } from '@playwright/test';

/** Where versions before drafts kept the card's text; the app still opens it (`store/persistence.ts`). */
const TEXT_KEY = 'messagecard-designer:text:v1';

/**
 * Stores `text` as the saved card in every page of `context` before the app first reads it, unless the
 * page already holds one (a reload keeps what the app wrote).
 */
export async function seedText(context: BrowserContext, text: string): Promise<void> {
  await context.addInitScript(
    ([key, value]) => {
      if (localStorage.getItem(key!) === null) localStorage.setItem(key!, JSON.stringify(value));
    },
    [TEXT_KEY, text],
  );
}
