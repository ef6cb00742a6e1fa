import { useDesigner } from '../../store/hooks.ts';
import type { LocatedIssue } from '../../card/types.ts';
import { ProblemButton } from '../../ui/Problem.tsx';

const SHOWN_AT_MOST = 200;

function plural(count: number, word: string): string {
  return `${count} ${word}${count === 1 ? '' : 's'}`;
}

/**
 * Every issue of the rule catalogue (and the JSON parser) for the current text. Activating one puts
 * the editor's cursor on it.
 */
export function ProblemsList() {
  const issues = useDesigner((s) => s.analysis.issues);
  const counts = useDesigner((s) => s.analysis.counts);
  const pending = useDesigner((s) => s.analysisPending);
  const revealRange = useDesigner((s) => s.revealRange);
  const shown = issues.slice(0, SHOWN_AT_MOST);

  const summary = pending
    ? 'Checking the card…'
    : issues.length === 0
      ? 'No problems: Teams will accept this card as it is.'
      : [plural(counts.error, 'error'), plural(counts.warning, 'warning'), plural(counts.hint, 'hint')].join(', ');

  return (
    <section className="problems" aria-label="Problems">
      <h2 className="pane-heading">
        Problems <span className="problems-summary">{summary}</span>
      </h2>
      {shown.length > 0 && (
        <ul className="problems-list">
          {shown.map((issue: LocatedIssue, index) => (
            <li key={`${issue.rule}-${issue.range.offset}-${index}`}>
              <ProblemButton
                issue={issue}
                onActivate={() => revealRange(issue.range)}
                title={`${issue.severity}: ${issue.rule}`}
              />
            </li>
          ))}
        </ul>
      )}
      {issues.length > SHOWN_AT_MOST && (
        <p className="problems-more">
          {plural(issues.length - SHOWN_AT_MOST, 'more problem')} not listed. Fix the ones above first.
        </p>
      )}
    </section>
  );
}
