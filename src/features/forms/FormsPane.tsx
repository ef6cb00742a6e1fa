import { memo, useCallback, useDeferredValue, useMemo, useRef } from 'react';
import { Button } from '@fluentui/react-components';
import { ErrorCircle16Filled } from '@fluentui/react-icons';
import { nearestElement } from '../../card/elements.ts';
import { elementPath } from '../../card/grammar.ts';
import type { Analysis } from '../../card/analyze.ts';
import type { JsonPath, LocatedIssue, Severity } from '../../card/types.ts';
import { useDesigner, useDesignerStore } from '../../store/hooks.ts';
import { isAnalysisCurrent } from '../../store/textDocument.ts';
import { Outline } from './Outline.tsx';
import { PropertyForm } from './PropertyForm.tsx';
import './forms.css';

const ROOT: JsonPath = [];
const NO_ISSUES: readonly LocatedIssue[] = [];
const RANK: Record<Severity, number> = { error: 3, warning: 2, hint: 1 };

/** The worst severity among the issues of each element (an issue about a field counts for its element). */
function worstByElement(issues: readonly LocatedIssue[]): Map<string, Severity> {
  const worst = new Map<string, Severity>();
  for (const issue of issues) {
    const key = JSON.stringify(elementPath(issue.path));
    const previous = worst.get(key);
    if (!previous || RANK[issue.severity] > RANK[previous]) worst.set(key, issue.severity);
  }
  return worst;
}

/**
 * The designer's no-JSON way to build a card: the outline of the card above the form of the
 * selected element. Both read the card by path and write minimal text edits through the one
 * undo history. While the JSON does not parse they show the last card that did, read-only, and
 * say where the error is.
 */
export function FormsPane() {
  const analysis = useDesigner((s) => s.analysis);
  const lastGood = useDesigner((s) => s.lastGood);
  const text = useDesigner((s) => s.text);
  const selection = useDesigner((s) => s.selection);
  const typed = useDesigner((s) => s.textOrigin === 'editor');
  // Typing in the editor reaches the preview first: the outline and the form follow in a deferred
  // render, so their work never delays the frame that shows the keystroke. Their own edits, and
  // selections made in them, are drawn at once, so the focus can move into what they just created.
  const deferred = {
    analysis: useDeferredValue(analysis),
    lastGood: useDeferredValue(lastGood),
    text: useDeferredValue(text),
    selection: useDeferredValue(selection),
  };
  const view = typed ? deferred : { analysis, lastGood, text, selection };
  return (
    <FormsView
      analysis={view.analysis}
      lastGood={view.lastGood}
      text={view.text}
      selection={selection?.origin === 'editor' ? view.selection : selection}
    />
  );
}

interface FormsViewProps {
  analysis: Analysis;
  lastGood: Analysis | undefined;
  text: string;
  selection: { path: JsonPath } | undefined;
}

const FormsView = memo(function FormsView({ analysis, lastGood, text, selection }: FormsViewProps) {
  const formRef = useRef<HTMLDivElement>(null);
  const designerStore = useDesignerStore();

  const current = analysis.parsed.ok && isAnalysisCurrent({ analysis, text }) && analysis.card !== undefined;
  const readOnly = !current;
  const card = current ? analysis.card : lastGood?.card;
  const firstError = analysis.parsed.errors[0];

  const info = useMemo(() => nearestElement(card, elementPath(selection?.path ?? ROOT)), [card, selection?.path]);
  const issues = current ? analysis.issues : NO_ISSUES;
  const severities = useMemo(() => worstByElement(issues), [issues]);

  const focusForm = useCallback(() => {
    requestAnimationFrame(() => {
      const form = formRef.current;
      const first =
        form?.querySelector<HTMLElement>('.form-field :is(input:not([type="color"]), textarea, select)') ??
        form?.querySelector<HTMLElement>('button:not([disabled])');
      first?.focus();
    });
  }, []);

  const select = useCallback((path: JsonPath) => designerStore.getState().select(path, 'form'), [designerStore]);

  return (
    <section className="forms-pane" aria-label="Outline and properties">
      {readOnly && (
        <div className="forms-readonly" role="status">
          <ErrorCircle16Filled className="severity-error" aria-hidden />
          <span>
            {firstError ? (
              <>
                The JSON has an error at line {firstError.line}, column {firstError.column}: {firstError.message}.
              </>
            ) : (
              <>The text is not a card object.</>
            )}{' '}
            The forms are read-only until it is fixed.
          </span>
          {firstError && (
            <Button size="small" onClick={() => designerStore.getState().revealRange(firstError.range)}>
              Go to the error
            </Button>
          )}
        </div>
      )}
      {card === undefined ? (
        <p className="forms-empty">Nothing to edit yet: the outline appears once the JSON is a card.</p>
      ) : (
        <>
          <div className="forms-outline">
            <h2 className="pane-heading" id="outline-heading">
              Outline
            </h2>
            <Outline
              card={card}
              selectedPath={info.path}
              readOnly={readOnly}
              onSelect={select}
              onOpenForm={focusForm}
              severities={severities}
            />
          </div>
          <div
            className="forms-properties"
            ref={formRef}
            aria-label="Properties"
            role="region"
            onKeyDown={(event) => {
              // Escape goes back to the outline, so the keyboard can walk tree → form → tree.
              if (event.key !== 'Escape' || event.defaultPrevented) return;
              const row = document.querySelector<HTMLElement>('.outline-tree [role="treeitem"][tabindex="0"]');
              if (row) {
                event.preventDefault();
                row.focus();
              }
            }}
          >
            <h2 className="pane-heading">Properties</h2>
            <fieldset className="forms-fieldset" disabled={readOnly}>
              <legend className="visually-hidden">Properties of the selected element</legend>
              <PropertyForm
                key={JSON.stringify(info.path)}
                card={card}
                info={info}
                issues={issues}
                readOnly={readOnly}
                onAdded={focusForm}
              />
            </fieldset>
          </div>
        </>
      )}
    </section>
  );
});
