import { ErrorCircle16Filled, Info16Regular, Warning16Filled } from '@fluentui/react-icons';

type Severity = 'error' | 'warning' | 'hint';

const ICONS: Record<Severity, React.JSX.Element> = {
  error: <ErrorCircle16Filled className="severity-icon severity-error" aria-hidden />,
  warning: <Warning16Filled className="severity-icon severity-warning" aria-hidden />,
  hint: <Info16Regular className="severity-icon severity-hint" aria-hidden />,
};

/** A problem's icon, its severity for screen readers, and its message. */
export function ProblemText({ severity, message }: { severity: Severity; message: string }) {
  return (
    <>
      {ICONS[severity]}
      <span className="visually-hidden">{severity}:</span>
      <span className="problem-message">{message}</span>
    </>
  );
}

interface ProblemButtonProps {
  issue: { severity: Severity; message: string; rule: string; line: number; column: number };
  /** Shows where the problem is. */
  onActivate(): void;
  title?: string;
}

/** One entry of a problems list: activating it shows the problem in its document. */
export function ProblemButton({ issue, onActivate, title }: ProblemButtonProps) {
  return (
    <button type="button" className={`problem problem-${issue.severity}`} onClick={onActivate} title={title}>
      <ProblemText severity={issue.severity} message={issue.message} />
      <span className="problem-meta">
        {issue.rule} · Ln {issue.line}, Col {issue.column}
      </span>
    </button>
  );
}
