import { useDesigner } from '../../store/hooks.ts';
import './preview.css';
import { CardView } from './CardView.tsx';

function describeValue(value: unknown): string {
  if (Array.isArray(value)) return 'a JSON array';
  if (value === null) return 'null';
  return `a ${typeof value}`;
}

/**
 * The Teams-style preview. It always shows the last card that parsed: while the text is broken the
 * card stays, marked as out of date, with the error and where it is.
 */
export function PreviewPane() {
  const analysis = useDesigner((s) => s.analysis);
  const lastGood = useDesigner((s) => s.lastGood);
  const pending = useDesigner((s) => s.analysisPending);
  const selection = useDesigner((s) => s.selection);
  const select = useDesigner((s) => s.select);

  const firstError = analysis.parsed.errors[0];
  const notAnObject = analysis.parsed.ok && analysis.card === undefined;
  const stale = !pending && (firstError !== undefined || notAnObject);

  return (
    <section className="preview-pane" aria-label="Card preview">
      {stale && (
        <div className="preview-stale" role="status">
          <strong>Preview out of date.</strong>{' '}
          {firstError ? (
            <>
              The JSON has an error at line {firstError.line}, column {firstError.column}: {firstError.message}
            </>
          ) : (
            <>The text is {describeValue(analysis.parsed.value)}, not a card: a MessageCard is a JSON object.</>
          )}{' '}
          {lastGood ? 'Showing the last card that worked.' : ''}
        </div>
      )}
      {pending && (
        <div className="preview-stale" role="status">
          Checking a large card…
        </div>
      )}
      {lastGood?.card ? (
        <div className={stale ? 'preview-surface is-stale' : 'preview-surface'} data-testid="preview-surface">
          <CardView card={lastGood.card} selectedPath={selection?.path} onSelect={(path) => select(path, 'preview')} />
        </div>
      ) : (
        <p className="preview-empty">Nothing to show yet: the card appears here once its JSON parses.</p>
      )}
    </section>
  );
}
