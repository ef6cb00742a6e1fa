import { describePath } from '../../adaptive/convert.ts';
import { groupNotes, NOTE_KIND_LABELS } from '../../adaptive/report.ts';
import type { ConversionNote } from '../../adaptive/types.ts';
import type { JsonPath } from '../../card/types.ts';

interface ConversionReportProps {
  notes: readonly ConversionNote[];
  /** Shows the MessageCard element a note is about (selects it in the JSON editor). */
  onSelectPath(path: JsonPath): void;
}

function count(n: number, one: string, many: string): string {
  return `${n} ${n === 1 ? one : many}`;
}

/** The conversion report: what is lost, what changed, grouped, each with the path it concerns. */
export function ConversionReport({ notes, onSelectPath }: ConversionReportProps) {
  const groups = groupNotes(notes);
  const lost = notes.filter((n) => n.kind === 'lost').length;
  return (
    <section className="wf-report" aria-labelledby="wf-report-heading" data-testid="conversion-report">
      <h3 className="wf-heading" id="wf-report-heading">
        What changes in Workflows
      </h3>
      <p className="wf-report-summary">
        {notes.length === 0
          ? 'Everything carries over: the Adaptive Card shows what the MessageCard showed.'
          : `${count(lost, 'thing does not', 'things do not')} carry over; ${count(notes.length, 'note', 'notes')} in all.`}
      </p>
      {groups.map((group) => (
        <div key={group.kind} className={`wf-report-group is-${group.kind}`}>
          <h4 className="wf-report-kind">
            {NOTE_KIND_LABELS[group.kind]} ({group.notes.length})
          </h4>
          <ul>
            {group.notes.map((note, index) => (
              <li key={`${note.topic}-${index}`} data-topic={note.topic}>
                <button
                  type="button"
                  className="wf-path"
                  onClick={() => onSelectPath(note.path)}
                  title="Show in the JSON"
                  aria-label={`Show ${describePath(note.path)} in the JSON`}
                >
                  {describePath(note.path)}
                </button>{' '}
                <span className="wf-note">{note.message}</span>
              </li>
            ))}
          </ul>
        </div>
      ))}
    </section>
  );
}
