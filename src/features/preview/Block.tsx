import './Block.css';
import { useContext, useId, type ReactNode } from 'react';
import { pathKey } from '../../card/preview/blocks.ts';
import type { JsonPath, LocatedIssue } from '../../card/types.ts';
import { FrameContext, IssuesContext } from './context.ts';

const SEVERITY_WORD = { error: 'Error', warning: 'Warning', hint: 'Hint' } as const;

/** The rule badges of a block; the messages show when the block is focused or selected. */
function IssueBadges({ id, issues }: { id: string; issues: readonly LocatedIssue[] }) {
  const worst = issues.some((i) => i.severity === 'error')
    ? 'error'
    : issues.some((i) => i.severity === 'warning')
      ? 'warning'
      : 'hint';
  return (
    <>
      <span
        className={`mc-issue-badge sev-${worst}`}
        title={issues.map((i) => `${SEVERITY_WORD[i.severity]} (${i.rule}): ${i.message}`).join('\n')}
        aria-hidden
      >
        {worst === 'error' ? '✕' : worst === 'warning' ? '!' : 'i'} {issues[0]!.rule}
        {issues.length > 1 ? ` +${issues.length - 1}` : ''}
      </span>
      <span id={id} className="mc-issue-detail" role="note">
        {issues.map((i, n) => (
          <span key={n} className={`mc-issue-line sev-${i.severity}`}>
            {SEVERITY_WORD[i.severity]} <code>{i.rule}</code>: {i.message}
          </span>
        ))}
      </span>
    </>
  );
}

interface BlockProps {
  path: JsonPath;
  className: string;
  children: ReactNode;
  testId?: string | undefined;
}

/**
 * A selectable part of the card. It carries its JSON path (`data-path`): a click, or Enter when it has
 * the keyboard focus, selects that element in the JSON pane. Blocks are reached with the arrow keys
 * from the card (one tab stop for the whole card), so they take `tabIndex={-1}`.
 */
export function Block({ path, className, children, testId }: BlockProps) {
  const frame = useContext(FrameContext);
  const key = pathKey(path);
  const issues = useContext(IssuesContext).get(key);
  const detailId = useId();
  return (
    <div
      className={issues ? `${className} mc-block has-issues` : `${className} mc-block`}
      data-path={key}
      data-testid={frame?.primary ? testId : undefined}
      tabIndex={-1}
      aria-describedby={issues ? detailId : undefined}
      onClick={(event) => {
        event.stopPropagation();
        frame?.onSelect(path);
      }}
    >
      {children}
      {issues && <IssueBadges id={detailId} issues={issues} />}
    </div>
  );
}

/** A note of the designer inside the card (what Teams leaves out): dashed, never mistaken for content. */
export function DesignerNote({ children, testId }: { children: ReactNode; testId?: string }) {
  return (
    <p className="mc-designer-note" role="note" data-testid={testId}>
      <span className="mc-designer-note-tag">Designer</span> {children}
    </p>
  );
}
