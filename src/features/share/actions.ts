import { formatCardText, minifyCardText } from '../../json/format.ts';
import { importCardText, type ImportSource } from '../../exchange/import/importSnippet.ts';
import { nameForCard, type DraftsStore } from '../../store/drafts.ts';

/** A message for the user after a command: what happened, and where the previous card went. */
export interface Notice {
  tone: 'success' | 'error' | 'info';
  title: string;
  text?: string;
}

const SOURCE_WORDS: Record<ImportSource, string> = {
  json: 'the JSON',
  curl: 'the curl command',
  powershell: 'the PowerShell command',
  python: 'the Python snippet',
};

/**
 * Puts a card in the editor as one undo step without ever dropping the current one: the current
 * card stays in the drafts list and the new card opens as a new draft. Returns what to tell the user.
 */
export function openCard(draftsStore: DraftsStore, text: string, what: string): Notice {
  // Save the open card first, so the name below is the one it is kept under.
  draftsStore.getState().flush();
  const previous = draftsStore.getState().drafts.find((d) => d.id === draftsStore.getState().openId);
  draftsStore.getState().create(text);
  return {
    tone: 'success',
    title: `Opened ${what} as a new draft.`,
    text: `Your previous card is kept in Drafts as “${previous?.name ?? nameForCard(text)}”. Undo (Ctrl+Z) goes back to it.`,
  };
}

/** Imports pasted or opened text: JSON or a snippet. Changes nothing when the text holds no card. */
export function importText(draftsStore: DraftsStore, input: string, from: string): Notice {
  const result = importCardText(input);
  if (!result.ok) return { tone: 'error', title: `Nothing was imported from ${from}.`, text: result.message };
  const notice = openCard(
    draftsStore,
    result.text,
    `the card from ${result.source === 'json' ? from : SOURCE_WORDS[result.source]}`,
  );
  return result.warning ? { ...notice, tone: 'info', text: `${result.warning} ${notice.text ?? ''}`.trim() } : notice;
}

/** The card text indented, or undefined when it does not parse. */
export function prettyText(text: string): string | undefined {
  return minifyCardText(text) === undefined ? undefined : formatCardText(text);
}

/** A file name for the card, from its title: `build-1287-passed.json`. */
export function fileNameFor(text: string): string {
  const slug = nameForCard(text)
    .normalize('NFKD')
    .replace(/[^\w\s-]/g, '')
    .trim()
    .toLowerCase()
    .replace(/[\s_-]+/g, '-')
    .slice(0, 60)
    .replace(/-$/, '');
  return `${slug || 'card'}.json`;
}

/** Writes text to the clipboard; resolves to an error message when the browser refuses. */
export async function copyText(text: string): Promise<string | undefined> {
  try {
    await navigator.clipboard.writeText(text);
    return undefined;
  } catch {
    return 'The browser did not allow copying. Select the text and press Ctrl+C instead.';
  }
}
