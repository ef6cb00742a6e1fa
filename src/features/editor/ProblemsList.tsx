import { ErrorCircle16Filled, Info16Regular, Warning16Filled } from '@fluentui/react-icons';
import { useDesigner } from '../../store/hooks.ts';
import type { LocatedIssue } from '../../card/types.ts';

const SHOWN_AT_MOST = 200;

const ICONS = {
  error: <ErrorCircle16Filled className="severity-icon severity-error" aria-hidden />,
  warning: <Warning16Filled className="severity-icon severity-warning" aria-hidden />,
  hint: <Info16Regular className="severity-icon severity-hint" aria-hidden />,
};

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
      <h2 className="problems-title">
        Problems <span className="problems-summary">{summary}</span>
      </h2>
      {shown.length > 0 && (
        <ul className="problems-list">
          {shown.map((issue: LocatedIssue, index) => (
            <li key={`${issue.rule}-${issue.range.offset}-${index}`}>
              <button
                type="button"
                className={`problem problem-${issue.severity}`}
                onClick={() => revealRange(issue.range)}
                title={`${issue.severity}: ${issue.rule}`}
              >
                {ICONS[issue.severity]}
                <span className="visually-hidden">{issue.severity}:</span>
                <span className="problem-message">{issue.message}</span>
                <span className="problem-meta">
                  {issue.rule} · Ln {issue.line}, Col {issue.column}
                </span>
              </button>
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
