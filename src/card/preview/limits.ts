/**
 * What each client draws of a card (reference/messagecard.md §1, §2, §4.1, §9). The preview applies
 * these limits the way the client does, silently, and shows a designer badge saying what it left out.
 * Which elements a host draws at all (hero image, add-in commands, any button in Workflows) is decided
 * in `card/behaviour.ts`.
 */

/**
 * The renderer a preview host imitates: Teams' connector-card renderer, Outlook's actionable messages,
 * or Teams showing a MessageCard posted to a Workflows webhook (reference §8, "State in late 2026": the
 * Teams look, posted by the flow bot, and no buttons at all).
 */
export type Renderer = 'teams' | 'outlook' | 'workflows';

/** Every renderer, in the order the tests walk them. */
export const RENDERERS: readonly Renderer[] = ['teams', 'outlook', 'workflows'];

/** The display limits of one renderer; `undefined` means no limit is known. */
export interface DisplayLimits {
  /** Sections drawn (Teams: 10; extra ones are dropped, `TEAMS-CARDS`). */
  readonly sections: number | undefined;
  /** Images of `images[]` drawn per section (Teams: 5). */
  readonly imagesPerSection: number | undefined;
  /** Actions drawn per section `potentialAction` (Teams: 5; Outlook: 4 per collection). */
  readonly actionsPerSection: number | undefined;
  /** Card-level actions drawn (Teams: undocumented, so none dropped; Outlook: 4). */
  readonly cardActions: number | undefined;
}

export const DISPLAY_LIMITS: Readonly<Record<Renderer, DisplayLimits>> = {
  teams: {
    sections: 10,
    imagesPerSection: 5,
    actionsPerSection: 5,
    cardActions: undefined,
  },
  outlook: {
    sections: undefined,
    imagesPerSection: undefined,
    actionsPerSection: 4,
    cardActions: 4,
  },
  workflows: {
    sections: 10,
    imagesPerSection: 5,
    actionsPerSection: 5,
    cardActions: undefined,
  },
};

/** The part of a list a client draws and how many it leaves out. */
export interface Shown<T> {
  shown: readonly T[];
  hidden: number;
}

/** Splits a list at a limit: the first `limit` items are drawn, the rest are not. */
export function applyLimit<T>(items: readonly T[], limit: number | undefined): Shown<T> {
  if (limit === undefined || items.length <= limit) return { shown: items, hidden: 0 };
  return { shown: items.slice(0, limit), hidden: items.length - limit };
}
