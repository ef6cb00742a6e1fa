import { Field, Radio, RadioGroup, Select } from '@fluentui/react-components';
import { countButtons, type SendFormat } from '../../webhook/prepare.ts';
import { ADAPTIVE_VERSIONS, type AdaptiveVersion } from '../../adaptive/types.ts';
import { formatBytes } from '../../lib/bytes.ts';
import { useWorkflows } from '../../store/hooks.ts';
import type { WorkflowsPayload } from './useWorkflowsPayload.ts';

interface WorkflowsSendChoiceProps {
  /** Whether the target is a recognised Workflows webhook (else a host of the user's own). */
  workflows: boolean;
  card: Record<string, unknown>;
  payload: WorkflowsPayload;
}

/**
 * For a Workflows target: send the MessageCard as it is (Workflows draws none of its buttons) or
 * the converted Adaptive Card in the Workflows message envelope.
 */
export function WorkflowsSendChoice({ workflows, card, payload }: WorkflowsSendChoiceProps) {
  const setSendAs = useWorkflows((s) => s.setSendAs);
  const version = useWorkflows((s) => s.version);
  const setVersion = useWorkflows((s) => s.setVersion);
  const buttons = countButtons(card);
  const lost = payload.prepared?.notes.filter((n) => n.kind === 'lost').length ?? 0;
  return (
    <section className="send-workflows" aria-label="What to send">
      <RadioGroup
        value={payload.format}
        onChange={(_event, data) => setSendAs(data.value as SendFormat)}
        aria-label="What to send"
      >
        <Radio
          value="adaptive"
          label={`Adaptive Card ${version} in a Workflows message${workflows ? ' (recommended)' : ''}`}
        />
        <Radio value="messagecard" label="The MessageCard as it is" />
      </RadioGroup>
      {payload.format === 'adaptive' && (
        <Field
          label="Adaptive Card version"
          hint="The same choice as in the Adaptive Card view. Posts from Workflows display 1.4 and lower."
          className="send-version"
        >
          <Select value={version} onChange={(_e, data) => setVersion(data.value as AdaptiveVersion)}>
            {ADAPTIVE_VERSIONS.map((v) => (
              <option key={v} value={v}>
                {v}
                {v === '1.4' ? ' (recommended)' : v === '1.5' ? ' (not displayed from Workflows)' : ''}
              </option>
            ))}
          </Select>
        </Field>
      )}
      {payload.format === 'adaptive' && payload.prepared && (
        <p className="send-workflows-note" data-testid="workflows-send-note">
          Converted as in the Adaptive Card view ({formatBytes(payload.prepared.bytes)}).{' '}
          {lost === 0
            ? 'Nothing is lost.'
            : `${lost} thing${lost === 1 ? '' : 's'} do${lost === 1 ? 'es' : ''} not carry over: see the Adaptive Card tab beside the preview.`}
        </p>
      )}
      {payload.format === 'messagecard' && workflows && (
        <p className="send-warning" role="note" data-testid="workflows-send-note">
          Workflows draws no button of a MessageCard:{' '}
          {buttons === 0
            ? 'this card has none, so nothing is lost.'
            : `${buttons === 1 ? 'its button' : `all ${buttons} of its buttons`} will be missing.`}
        </p>
      )}
    </section>
  );
}
