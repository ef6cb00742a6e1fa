import './flowBotSender.css';

/**
 * The line above a post that a Teams flow made: the flow bot, with the template's attribution. A flow
 * cannot post under another name or icon (reference §8), so the preview's Workflows view and the
 * Inbox's Workflows runs draw the same line.
 */
export function FlowBotSender({ owner = 'The flow owner' }: { owner?: string }) {
  return (
    <div className="flow-sender">
      <span className="flow-sender-avatar" aria-hidden>
        W
      </span>
      <span className="flow-sender-text">
        <span className="flow-sender-name">Workflows</span>
        <span className="flow-sender-attribution">{owner} used a Workflow template</span>
      </span>
    </div>
  );
}
