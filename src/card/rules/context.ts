/**
 * The collector every rule reports to: it drops rules that do not apply to the host, fills in the
 * catalogue's severity, and caps the issues of one rule so that a hostile or generated card with
 * thousands of problems stays fast to lint and to show.
 */
import type { HostProfile, Issue, JsonPath, QuickFix, Severity } from '../types.ts';
import { ruleInfo, type RuleId } from './catalogue.ts';

/** Issues kept per rule before the rest is summarised by one `issues-truncated` issue. */
export const DEFAULT_MAX_ISSUES_PER_RULE = 100;

/** Optional parts of an issue. */
export interface ReportExtra {
  target?: 'value' | 'key';
  fix?: QuickFix;
}

/** What the rule walkers share: the host profile and the issue sink. */
export class LintContext {
  readonly host: HostProfile;
  private readonly maxPerRule: number;
  private readonly issues: Issue[] = [];
  private readonly counts = new Map<RuleId, number>();

  constructor(host: HostProfile, maxPerRule = DEFAULT_MAX_ISSUES_PER_RULE) {
    this.host = host;
    this.maxPerRule = Math.max(1, Math.floor(maxPerRule));
  }

  /**
   * Whether the next issue of `rule` would only be counted, not listed: callers may then skip
   * building its message (they must still call `report`, so the summary counts it).
   */
  isFull(rule: RuleId): boolean {
    return (this.counts.get(rule) ?? 0) >= this.maxPerRule;
  }

  /** Records an issue of `rule` at `path`, unless the rule does not apply to the host. */
  report(rule: RuleId, path: JsonPath, message: string, extra: ReportExtra = {}): void {
    const info = ruleInfo(rule);
    if (!info || !info.hosts.includes(this.host)) return;
    const count = (this.counts.get(rule) ?? 0) + 1;
    this.counts.set(rule, count);
    if (count > this.maxPerRule) return;
    const issue: Issue = { rule, severity: info.severity, message, path };
    if (extra.target) issue.target = extra.target;
    if (extra.fix) issue.fix = extra.fix;
    this.issues.push(issue);
  }

  /** The issues found, with one summary per capped rule appended. */
  finish(): Issue[] {
    for (const [rule, count] of this.counts) {
      if (count <= this.maxPerRule) continue;
      const severity: Severity = ruleInfo(rule)?.severity ?? 'warning';
      const hidden = count - this.maxPerRule;
      this.issues.push({
        rule: 'issues-truncated',
        severity,
        message: `${hidden.toLocaleString('en-US')} more "${rule}" issue${hidden === 1 ? '' : 's'} not listed (only the first ${this.maxPerRule} of ${count.toLocaleString('en-US')} are shown).`,
        path: [],
      });
    }
    return this.issues;
  }
}
