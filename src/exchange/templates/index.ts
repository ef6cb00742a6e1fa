/**
 * The starter cards of the template gallery. Each is a JSON file written for this project, kept as
 * raw text so that the user gets it formatted exactly as written. Images are small `data:` PNGs and
 * links point at example.com: a template never loads anything from a real service.
 */
import { BLANK_CARD_TEXT } from '../../card/samples.ts';
import announcement from './announcement.json?raw';
import approval from './approval.json?raw';
import ciBuildFailed from './ci-build-failed.json?raw';
import ciBuildPassed from './ci-build-passed.json?raw';
import ciBuildUnstable from './ci-build-unstable.json?raw';
import deployment from './deployment.json?raw';
import digestWithImages from './digest-with-images.json?raw';
import incidentAlert from './incident-alert.json?raw';
import onCallHandover from './on-call-handover.json?raw';
import outlookAddIn from './outlook-add-in.json?raw';
import plainText from './plain-text.json?raw';
import pullRequest from './pull-request.json?raw';
import releaseNotes from './release-notes.json?raw';
import taskWithInputs from './task-with-inputs.json?raw';
import workflowsAlert from './workflows-alert.json?raw';
import workflowsBuild from './workflows-build.json?raw';
import workflowsDeployment from './workflows-deployment.json?raw';

/** One starter card of the gallery. */
export interface CardTemplate {
  /** Stable id, also the file name without `.json`. */
  id: string;
  name: string;
  /** One sentence: what the card is for and which features of the format it shows. */
  description: string;
  /** Lower-case words the gallery search matches besides name and description. */
  tags: readonly string[];
  /** The card JSON as it opens in the editor. */
  text: string;
}

/** The tag of the templates that post through a Workflows webhook with nothing lost (no buttons; links in text). */
export const WORKFLOWS_READY_TAG = 'workflows-ready';

/**
 * Every template, "Blank card" first, then the Workflows-ready cards (Workflows is how cards reach
 * Teams since connectors were switched off in 2026), then the common uses, then the feature showcases.
 */
export const TEMPLATES: readonly CardTemplate[] = [
  {
    id: 'blank',
    name: 'Blank card',
    description: 'The smallest card Teams accepts: a summary, a title and one line of text.',
    tags: ['empty', 'new', 'start'],
    text: BLANK_CARD_TEXT,
  },
  {
    id: 'workflows-alert',
    name: 'Alert (Workflows-ready)',
    description:
      'A monitoring alert with its facts and the runbook, graph and silence as links in the text: Workflows shows all of it.',
    tags: [WORKFLOWS_READY_TAG, 'workflows', 'alert', 'monitoring', 'alertmanager', 'facts', 'links'],
    text: workflowsAlert,
  },
  {
    id: 'workflows-build',
    name: 'Build failed (Workflows-ready)',
    description:
      'A failed CI build with the commit as an activity block and links to the build, tests and commit in the text.',
    tags: [WORKFLOWS_READY_TAG, 'workflows', 'ci', 'build', 'failure', 'pipeline', 'activity', 'links'],
    text: workflowsBuild,
  },
  {
    id: 'workflows-deployment',
    name: 'Deployment (Workflows-ready)',
    description:
      'A release reaching production with its facts, and the notes, dashboard and roll-back guide as links in the text.',
    tags: [WORKFLOWS_READY_TAG, 'workflows', 'deploy', 'release', 'production', 'facts', 'links'],
    text: workflowsDeployment,
  },
  {
    id: 'plain-text',
    name: 'Plain text',
    description: 'Just a line of text, the way most scripts start: no title, no sections.',
    tags: ['simple', 'text', 'notification', 'minimal'],
    text: plainText,
  },
  {
    id: 'ci-build-passed',
    name: 'CI build passed',
    description: 'A green build with the commit as an activity block, its facts and links to the build.',
    tags: ['ci', 'build', 'success', 'pipeline', 'facts', 'activity', 'openuri'],
    text: ciBuildPassed,
  },
  {
    id: 'ci-build-failed',
    name: 'CI build failed',
    description: 'A red build with the failing step, a log excerpt and a button that re-runs it (HttpPOST).',
    tags: ['ci', 'build', 'failure', 'pipeline', 'httppost', 'rerun'],
    text: ciBuildFailed,
  },
  {
    id: 'ci-build-unstable',
    name: 'CI build unstable',
    description: 'An amber build with flaky tests listed in Markdown.',
    tags: ['ci', 'build', 'unstable', 'flaky', 'tests', 'warning', 'list'],
    text: ciBuildUnstable,
  },
  {
    id: 'deployment',
    name: 'Deployment',
    description: 'A release reaching production, with per-platform links and a roll-back form.',
    tags: ['deploy', 'release', 'production', 'rollback', 'actioncard', 'textinput', 'targets'],
    text: deployment,
  },
  {
    id: 'incident-alert',
    name: 'Incident alert',
    description: 'A monitoring alert with its facts, a status form with radio choices, and the runbook.',
    tags: ['incident', 'alert', 'monitoring', 'sev', 'outage', 'multichoice', 'actioncard'],
    text: incidentAlert,
  },
  {
    id: 'pull-request',
    name: 'Pull request',
    description: 'A new pull request with the author’s avatar, review facts, a link and a comment form.',
    tags: ['git', 'pull request', 'pr', 'review', 'code', 'viewaction', 'avatar'],
    text: pullRequest,
  },
  {
    id: 'task-with-inputs',
    name: 'Task with inputs',
    description: 'A task to plan with all three input kinds: text, date and single or multiple choice.',
    tags: ['task', 'todo', 'form', 'inputs', 'textinput', 'dateinput', 'multichoiceinput'],
    text: taskWithInputs,
  },
  {
    id: 'approval',
    name: 'Approval with HttpPOST',
    description: 'Approve in one click (HttpPOST with a header) or reject with a reason (form-encoded body).',
    tags: ['approval', 'approve', 'reject', 'httppost', 'workflow', 'purchase'],
    text: approval,
  },
  {
    id: 'digest-with-images',
    name: 'Digest with images',
    description: 'A newsletter of stories with article images, section buttons and a gallery of pictures.',
    tags: ['digest', 'newsletter', 'images', 'gallery', 'article', 'photos'],
    text: digestWithImages,
  },
  {
    id: 'release-notes',
    name: 'Release notes in Markdown',
    description: 'Headings, lists, emphasis, a quote and a link in Markdown, and an HTML section (markdown: false).',
    tags: ['release', 'notes', 'markdown', 'html', 'changelog', 'formatting'],
    text: releaseNotes,
  },
  {
    id: 'on-call-handover',
    name: 'On-call handover',
    description: 'Last week in facts, what to watch for, who takes over, and a button to accept.',
    tags: ['on-call', 'oncall', 'handover', 'rotation', 'ops', 'sre'],
    text: onCallHandover,
  },
  {
    id: 'announcement',
    name: 'Announcement with hero image',
    description: 'A team announcement with a hero image (Outlook only), a ViewAction and a choice to send.',
    tags: ['announcement', 'news', 'hero', 'heroimage', 'viewaction', 'office'],
    text: announcement,
  },
  {
    id: 'outlook-add-in',
    name: 'Outlook add-in command',
    description: 'An expense report for Outlook whose button opens an add-in (InvokeAddInCommand, not shown in Teams).',
    tags: ['outlook', 'add-in', 'invokeaddincommand', 'expenses'],
    text: outlookAddIn,
  },
];

/**
 * The templates whose name, description or tags contain every word of the query (any letter
 * case); all of them for an empty query. Keeps the gallery's order.
 */
export function searchTemplates(query: string, templates: readonly CardTemplate[] = TEMPLATES): CardTemplate[] {
  const words = query.toLowerCase().split(/\s+/).filter(Boolean);
  return templates.filter((t) => {
    const haystack = [t.name, t.description, ...t.tags].join(' ').toLowerCase();
    return words.every((w) => haystack.includes(w));
  });
}
