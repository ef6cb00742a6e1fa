import { Button } from '@fluentui/react-components';
import { ErrorCircle16Filled, Info16Regular, Warning16Filled, Wrench16Regular } from '@fluentui/react-icons';
import type { LocatedIssue } from '../../card/types.ts';
import { applyFix } from './commands.ts';
import { useDesignerStore } from '../../store/hooks.ts';

const ICONS = {
  error: <ErrorCircle16Filled className="severity-error" aria-hidden />,
  warning: <Warning16Filled className="severity-warning" aria-hidden />,
  hint: <Info16Regular className="severity-hint" aria-hidden />,
};

/** Rule issues shown beside the field (or element) they concern, each with its quick fix as a button. */
export function IssueList({ issues, readOnly }: { issues: readonly LocatedIssue[]; readOnly: boolean }) {
  const designer = useDesignerStore();
  if (issues.length === 0) return null;
  return (
    <ul className="form-issues">
      {issues.map((issue, index) => (
        <li key={`${issue.rule}-${issue.range.offset}-${index}`} className={`form-issue form-issue-${issue.severity}`}>
          <span className="form-issue-icon">{ICONS[issue.severity]}</span>
          <span className="form-issue-text">
            <span className="visually-hidden">{issue.severity}: </span>
            {issue.message} <span className="form-issue-rule">{issue.rule}</span>
          </span>
          {issue.fix && (
            <Button
              size="small"
              icon={<Wrench16Regular />}
              className="form-issue-fix"
              disabled={readOnly}
              onClick={() => applyFix(designer, issue.fix!)}
            >
              {issue.fix.title}
            </Button>
          )}
        </li>
      ))}
    </ul>
  );
}
