/**
 * The rule catalogue's entry point: the ONE function that the editor markers, the problems list,
 * the forms, the send pre-flight and the command line call, so they never disagree.
 *
 * It takes the parsed card (JSON syntax errors are the parser's `json-syntax` issues) and returns
 * issues that carry a JSON path, not text offsets; `json/locate.ts` turns paths into ranges.
 */
import type { HostProfile, Issue } from '../types.ts';
import { checkCard } from './card.ts';
import { DEFAULT_MAX_ISSUES_PER_RULE, LintContext } from './context.ts';

export { RULES, ruleInfo, type RuleId, type RuleInfo } from './catalogue.ts';
export { DEFAULT_MAX_ISSUES_PER_RULE } from './context.ts';

/** Options of {@link lintCard}. */
export interface LintOptions {
  /** The host the card is checked for: `teams` (legacy incoming webhook, the default), `workflows` or `outlook`. */
  host?: HostProfile;
  /**
   * Issues kept per rule; the rest is summarised by one `issues-truncated` issue. Default
   * {@link DEFAULT_MAX_ISSUES_PER_RULE}.
   */
  maxIssuesPerRule?: number;
}

/**
 * Checks a parsed MessageCard against the rule catalogue for one host.
 *
 * Never throws, whatever JSON value it is given (a list, a number, null, a card with thousands of
 * sections), and its work is bounded: strings are scanned up to a limit, and each rule reports at
 * most `maxIssuesPerRule` issues. Issues come in document order, roughly: the card's own fields,
 * then each section, then card actions, then size and host notes.
 *
 * @param value The parsed JSON (e.g. `JSON.parse(text)`).
 * @param options The host profile (default `teams`).
 * @returns The issues, each with a rule id from `RULES`, a severity, a message saying what Teams
 *   will do, the path of the element concerned and, where obvious, a quick fix.
 */
export function lintCard(value: unknown, options: LintOptions = {}): Issue[] {
  const ctx = new LintContext(options.host ?? 'teams', options.maxIssuesPerRule ?? DEFAULT_MAX_ISSUES_PER_RULE);
  checkCard(ctx, value);
  return ctx.finish();
}
