import { Field, Input, Switch } from '@fluentui/react-components';
import { describePath } from '../../adaptive/convert.ts';
import { mentionIdProblem, type MentionStatus } from '../../adaptive/teams.ts';
import type { JsonPath } from '../../card/types.ts';

interface TeamsOptionsProps {
  fullWidth: boolean;
  onFullWidth(fullWidth: boolean): void;
  /** Each `<at>Name</at>` of the card and what became of it. */
  mentions: readonly MentionStatus[];
  /** The IDs the user typed, by name, valid or not. */
  ids: Readonly<Record<string, string>>;
  onId(name: string, id: string): void;
  /** Shows a field of the MessageCard in the editor. */
  onSelectPath(path: JsonPath): void;
}

/** More names than anyone mentions in one card: the rest are counted, not listed. */
const MAX_LISTED = 50;

function ownId(ids: Readonly<Record<string, string>>, name: string): string {
  return Object.prototype.hasOwnProperty.call(ids, name) ? (ids[name] ?? '') : '';
}

function validation(
  status: MentionStatus,
  id: string,
): { state: 'none' | 'error' | 'warning' | 'success'; message: string } {
  if (id.trim() === '') return { state: 'none', message: 'No ID: stays plain text and notifies nobody.' };
  const problem = mentionIdProblem(id);
  if (problem) return { state: 'error', message: problem };
  if (status.state === 'not-carried') {
    return {
      state: 'warning',
      message: 'Written in HTML text (or code), which the conversion rewrites without the <at> tag: no mention.',
    };
  }
  if (status.carried < status.count) {
    return {
      state: 'warning',
      message: `Mentioned ${status.carried} of the ${status.count} times it is written; the others are in HTML text (or code) and stay plain.`,
    };
  }
  return { state: 'success', message: 'Mentioned: Teams notifies this person.' };
}

function names(list: readonly MentionStatus[]): string {
  return list.map((m) => m.name).join(', ');
}

/**
 * The Teams options of the converted card: full width, and an ID for each name the card mentions.
 * A name gets a mention only with a UPN or an Entra object ID; the others are listed as plain text.
 */
export function TeamsOptions({ fullWidth, onFullWidth, mentions, ids, onId, onSelectPath }: TeamsOptionsProps) {
  const plain = mentions.filter((m) => m.state !== 'mentioned');
  const listed = mentions.slice(0, MAX_LISTED);
  return (
    <section className="wf-options" aria-labelledby="wf-options-heading" data-testid="teams-options">
      <h3 className="wf-heading" id="wf-options-heading">
        Teams options
      </h3>
      <Switch
        checked={fullWidth}
        onChange={(_event, data) => onFullWidth(data.checked)}
        label="Full width"
        aria-describedby="wf-full-width-hint"
      />
      <p className="wf-hint" id="wf-full-width-hint">
        {fullWidth
          ? 'The card fills the conversation’s width, as connector cards did (msteams.width “Full”).'
          : 'Teams draws the card at its standard width, narrower than the conversation.'}
      </p>

      <h4 className="wf-subheading" id="wf-mentions-heading">
        Mentions
      </h4>
      {mentions.length === 0 ? (
        <p className="wf-hint">
          No <code>&lt;at&gt;Name&lt;/at&gt;</code> in the card’s titles, texts or facts. Write one there to mention
          someone, then give their UPN or Entra object ID here.
        </p>
      ) : (
        <>
          <ul className="wf-mentions" aria-labelledby="wf-mentions-heading">
            {listed.map((mention) => {
              const id = ownId(ids, mention.name);
              const check = validation(mention, id);
              return (
                <li key={mention.name} className="wf-mention-row" data-state={mention.state}>
                  <Field
                    size="small"
                    label={`UPN or Entra object ID for ${mention.name}`}
                    validationState={check.state}
                    validationMessage={check.message}
                  >
                    <Input
                      size="small"
                      value={id}
                      onChange={(_event, data) => onId(mention.name, data.value)}
                      placeholder="name@contoso.com or object ID"
                      autoComplete="off"
                      spellCheck={false}
                    />
                  </Field>
                  <p className="wf-mention-where">
                    <code>&lt;at&gt;{mention.name}&lt;/at&gt;</code>
                    {mention.count > 1 ? ` (${mention.count} times)` : ''} in{' '}
                    {mention.paths.map((path, i) => (
                      <span key={describePath(path)}>
                        {i > 0 ? ' ' : ''}
                        <button
                          type="button"
                          className="wf-path"
                          onClick={() => onSelectPath(path)}
                          aria-label={`Show ${describePath(path)} in the JSON`}
                        >
                          {describePath(path)}
                        </button>
                      </span>
                    ))}
                  </p>
                </li>
              );
            })}
          </ul>
          {mentions.length > listed.length && (
            <p className="wf-hint">
              {mentions.length - listed.length} more names are not listed; they stay plain text unless an ID is given.
            </p>
          )}
          <p className="wf-mention-report" role="status" data-testid="mention-report">
            {plain.length === 0
              ? `Every name is mentioned (${mentions.length}).`
              : `Plain text, nobody notified: ${names(plain)}.`}
          </p>
          <p className="wf-hint">
            The ID must belong to a person in your organization; a bot cannot be mentioned from a webhook.
          </p>
        </>
      )}
    </section>
  );
}
