/**
 * One focused case per rule: a minimal card that triggers it and one that does not, the quick fix
 * (where there is one) applied to the value gives a card without that issue, and the catalogue
 * covers every id that is emitted.
 */
import { describe, expect, it } from 'vitest';
import type { SchemaKind } from '../grammar.ts';
import { elementSchema } from '../schema.ts';
import { HOST_PROFILES, type HostProfile, type Issue, type JsonPath } from '../types.ts';
import { lintCard, RULES, ruleInfo, type RuleId } from './lint.ts';
import { applyFix, pathExists } from './testkit.ts';

// ---------------------------------------------------------------------------------------------
// Builders of minimal cards

const BASE = { '@type': 'MessageCard', '@context': 'https://schema.org/extensions', summary: 'Build 42' };

function card(extra: Record<string, unknown> = {}): Record<string, unknown> {
  return { ...BASE, ...extra };
}

function withSection(section: Record<string, unknown>, extra: Record<string, unknown> = {}): Record<string, unknown> {
  return card({ sections: [section], ...extra });
}

function withActions(...actions: unknown[]): Record<string, unknown> {
  return card({ potentialAction: actions });
}

function openUri(extra: Record<string, unknown> = {}): Record<string, unknown> {
  return { '@type': 'OpenUri', name: 'Open', targets: [{ os: 'default', uri: 'https://example.com' }], ...extra };
}

function httpPost(extra: Record<string, unknown> = {}): Record<string, unknown> {
  return { '@type': 'HttpPOST', name: 'Send', target: 'https://api.example.com/c', ...extra };
}

function textInput(extra: Record<string, unknown> = {}): Record<string, unknown> {
  return { '@type': 'TextInput', id: 'comment', title: 'Comment', ...extra };
}

function actionCard(extra: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    '@type': 'ActionCard',
    name: 'Comment',
    inputs: [textInput()],
    actions: [httpPost({ body: 'text={{comment.value}}' })],
    ...extra,
  };
}

function choiceInput(extra: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    '@type': 'MultichoiceInput',
    id: 'status',
    choices: [
      { display: 'Active', value: 'a' },
      { display: 'Closed', value: 'c' },
    ],
    ...extra,
  };
}

function without(record: Record<string, unknown>, key: string): Record<string, unknown> {
  const copy = { ...record };
  delete copy[key];
  return copy;
}

function withInput(input: Record<string, unknown>): Record<string, unknown> {
  return withActions(actionCard({ inputs: [input] }));
}

// ---------------------------------------------------------------------------------------------
// The cases

interface RuleCase {
  rule: RuleId;
  /** What the case shows, for the test name. */
  what: string;
  host?: HostProfile;
  bad: unknown;
  good: unknown;
  /** Where the issue must be (default: anywhere). */
  at?: JsonPath;
  /** The issue must offer a quick fix. */
  fixable?: boolean;
}

const CASES: RuleCase[] = [
  {
    rule: 'not-an-object',
    what: 'a list of cards',
    bad: [card()],
    good: card(),
    at: [],
    fixable: true,
  },
  { rule: 'not-an-object', what: 'a string', bad: 'hello', good: card(), at: [] },
  {
    rule: 'type-missing',
    what: 'no @type',
    bad: { '@context': BASE['@context'], text: 'x' },
    good: card(),
    fixable: true,
  },
  {
    rule: 'type-not-messagecard',
    what: 'a wrongly cased @type',
    bad: card({ '@type': 'messageCard' }),
    good: card(),
    at: ['@type'],
    fixable: true,
  },
  {
    rule: 'type-not-messagecard',
    what: 'an Adaptive Card type',
    bad: card({ '@type': 'AdaptiveCard' }),
    good: card(),
    at: ['@type'],
  },
  {
    rule: 'context-missing',
    what: 'no @context',
    bad: { '@type': 'MessageCard', summary: 'x' },
    good: card(),
    fixable: true,
  },
  {
    rule: 'context-unexpected',
    what: 'another @context',
    bad: card({ '@context': 'https://schema.org' }),
    good: card({ '@context': 'http://schema.org/extensions' }),
    at: ['@context'],
    fixable: true,
  },
  {
    rule: 'summary-or-text-required',
    what: 'a card with a title only',
    bad: { '@type': 'MessageCard', '@context': BASE['@context'], title: 'Build **42** failed' },
    good: { '@type': 'MessageCard', '@context': BASE['@context'], text: 'Build 42 failed' },
    fixable: true,
  },
  {
    rule: 'summary-or-text-required',
    what: 'an empty summary and a null text',
    bad: card({ summary: '', text: null }),
    good: card({ summary: '', text: 'x' }),
    at: ['summary'],
    fixable: true,
  },
  {
    rule: 'summary-or-text-blank',
    what: 'a summary of spaces',
    bad: card({ summary: '   ' }),
    good: card({ summary: 'x' }),
    at: ['summary'],
  },
  {
    rule: 'theme-color-hash',
    what: 'a # before the hex digits',
    bad: card({ themeColor: '#0076D7' }),
    good: card({ themeColor: '0076D7' }),
    at: ['themeColor'],
    fixable: true,
  },
  {
    rule: 'theme-color-invalid',
    what: 'a short hex colour',
    bad: card({ themeColor: '#FFF' }),
    good: card({ themeColor: 'FFFFFF' }),
    at: ['themeColor'],
    fixable: true,
  },
  {
    rule: 'theme-color-invalid',
    what: 'a colour name',
    bad: card({ themeColor: 'red' }),
    good: card({ themeColor: 'E81123' }),
    at: ['themeColor'],
  },
  {
    rule: 'payload-large',
    what: 'a 21 KB card',
    bad: card({ text: 'a'.repeat(21 * 1024) }),
    good: card({ text: 'a'.repeat(19 * 1024) }),
    at: [],
  },
  {
    rule: 'payload-too-large',
    what: 'a 29 KB card',
    bad: card({ text: 'é'.repeat(29 * 512) }),
    good: card({ text: 'a'.repeat(21 * 1024) }),
    at: [],
  },
  {
    rule: 'too-many-sections',
    what: '11 sections',
    bad: card({ sections: Array.from({ length: 11 }, (_, i) => ({ text: `s${i}` })) }),
    good: card({ sections: Array.from({ length: 10 }, (_, i) => ({ text: `s${i}` })) }),
    at: ['sections'],
  },
  {
    rule: 'unknown-field',
    what: 'a typo of summary',
    bad: { '@type': 'MessageCard', '@context': BASE['@context'], text: 'x', sumary: 'x' },
    good: card(),
    at: ['sumary'],
    fixable: true,
  },
  {
    rule: 'unknown-field',
    what: 'an undocumented HttpPOST field',
    bad: withActions(httpPost({ successMessage: 'Done' })),
    good: withActions(httpPost()),
    at: ['potentialAction', 0, 'successMessage'],
  },
  {
    rule: 'unknown-field',
    what: 'a TextInput field on a DateInput',
    bad: withInput({ '@type': 'DateInput', id: 'comment', isMultiline: true }),
    good: withInput({ '@type': 'DateInput', id: 'comment', includeTime: true }),
    at: ['potentialAction', 0, 'inputs', 0, 'isMultiline'],
  },
  {
    rule: 'unknown-field',
    what: 'context instead of @context',
    bad: { ...without(card(), '@context'), context: 'https://schema.org/extensions' },
    good: card(),
    at: ['context'],
    fixable: true,
  },
  {
    rule: 'field-wrong-case',
    what: 'Sections with a capital S',
    bad: card({ Sections: [{ text: 'x' }] }),
    good: card({ sections: [{ text: 'x' }] }),
    at: ['Sections'],
    fixable: true,
  },
  {
    rule: 'field-wrong-case',
    what: 'a wrongly cased fact field',
    bad: withSection({ facts: [{ Name: 'a', value: 'b' }] }),
    good: withSection({ facts: [{ name: 'a', value: 'b' }] }),
    at: ['sections', 0, 'facts', 0, 'Name'],
    fixable: true,
  },
  {
    rule: 'null-value',
    what: 'a null activityImage',
    bad: withSection({ activityTitle: 'x', activityImage: null }),
    good: withSection({ activityTitle: 'x' }),
    at: ['sections', 0, 'activityImage'],
    fixable: true,
  },
  {
    rule: 'null-value',
    what: 'a null section',
    bad: card({ sections: [null, { text: 'x' }] }),
    good: card({ sections: [{ text: 'x' }] }),
    at: ['sections', 0],
    fixable: true,
  },
  {
    rule: 'string-boolean',
    what: '"false" as a string',
    bad: withInput(choiceInput({ isMultiSelect: 'false' })),
    good: withInput(choiceInput({ isMultiSelect: false })),
    at: ['potentialAction', 0, 'inputs', 0, 'isMultiSelect'],
    fixable: true,
  },
  {
    rule: 'number-as-string',
    what: 'a numeric fact value',
    bad: withSection({ facts: [{ name: 'CPU', value: 93.42 }] }),
    good: withSection({ facts: [{ name: 'CPU', value: '93.42' }] }),
    at: ['sections', 0, 'facts', 0, 'value'],
    fixable: true,
  },
  {
    rule: 'string-number',
    what: 'maxLength in quotes',
    bad: withInput(textInput({ maxLength: '100' })),
    good: withInput(textInput({ maxLength: 100 })),
    at: ['potentialAction', 0, 'inputs', 0, 'maxLength'],
    fixable: true,
  },
  {
    rule: 'wrong-type',
    what: 'a list as the title',
    bad: card({ title: ['a', 'b'] }),
    good: card({ title: 'a b' }),
    at: ['title'],
  },
  {
    rule: 'wrong-type',
    what: 'one section object instead of a list',
    bad: card({ sections: { text: 'x' } }),
    good: card({ sections: [{ text: 'x' }] }),
    at: ['sections'],
    fixable: true,
  },
  {
    rule: 'wrong-type',
    what: '"yes" as a boolean',
    bad: withSection({ text: 'x', markdown: 'yes' }),
    good: withSection({ text: 'x', markdown: true }),
    at: ['sections', 0, 'markdown'],
  },
  {
    rule: 'wrong-type',
    what: 'a string as a section',
    bad: card({ sections: ['text'] }),
    good: card({ sections: [{ text: 'text' }] }),
    at: ['sections', 0],
  },
  {
    rule: 'unexpected-value',
    what: 'a wrongly cased activityImageType',
    bad: withSection({ activityTitle: 'x', activityImageType: 'Article' }),
    good: withSection({ activityTitle: 'x', activityImageType: 'article' }),
    at: ['sections', 0, 'activityImageType'],
    fixable: true,
  },
  {
    rule: 'unexpected-value',
    what: 'style: true (a typo in Teams docs)',
    bad: withInput(choiceInput({ isMultiSelect: true, style: true })),
    good: withInput(choiceInput({ isMultiSelect: true, style: 'compact' })),
    at: ['potentialAction', 0, 'inputs', 0, 'style'],
    fixable: true,
  },
  {
    rule: 'ignored-field',
    what: 'heroImage in Teams',
    bad: withSection({ text: 'x', heroImage: { image: 'https://example.com/a.png' } }),
    good: withSection({ text: 'x', images: [{ image: 'https://example.com/a.png' }] }),
    at: ['sections', 0, 'heroImage'],
  },
  {
    rule: 'ignored-field',
    what: 'startGroup: false in Teams',
    bad: withSection({ text: 'x', startGroup: false }),
    good: withSection({ text: 'x', startGroup: true }),
    at: ['sections', 0, 'startGroup'],
  },
  {
    rule: 'ignored-field',
    what: 'originator in Teams',
    bad: card({ originator: 'abc' }),
    good: card(),
    at: ['originator'],
  },
  {
    rule: 'ignored-field',
    what: 'markdown in Outlook',
    host: 'outlook',
    bad: withSection({ text: 'x', markdown: true }),
    good: withSection({ text: 'x', heroImage: { image: 'https://example.com/a.png' } }),
    at: ['sections', 0, 'markdown'],
  },
  {
    rule: 'empty-section',
    what: 'a section with only a null field',
    bad: card({ sections: [{ activityTitle: null }, { text: 'x' }] }),
    good: card({ sections: [{ text: 'x' }] }),
    at: ['sections', 0],
    fixable: true,
  },
  {
    rule: 'empty-section',
    what: 'a section with only a hero image, in Teams',
    bad: withSection({ heroImage: { image: 'https://example.com/a.png' } }),
    good: withSection({ images: [{ image: 'https://example.com/a.png' }] }),
    at: ['sections', 0],
  },
  {
    rule: 'html-in-markdown',
    what: 'HTML in a Markdown section',
    bad: withSection({ text: '<p>Hello <b>you</b></p>' }),
    good: withSection({ text: '<p>Hello <strong>you</strong></p>', markdown: false }),
    at: ['sections', 0, 'text'],
    fixable: true,
  },
  {
    rule: 'html-in-markdown',
    what: 'HTML in the card text',
    bad: card({ text: 'Line<br>break' }),
    good: card({ text: 'A stack trace at Foo.<Bar>g__Baz and a < b > c' }),
    at: ['text'],
  },
  {
    rule: 'unsupported-html',
    what: 'a <div> in a markdown: false section',
    bad: withSection({ text: '<div>x</div>', markdown: false }),
    good: withSection({ text: '<p>x</p>', markdown: false }),
    at: ['sections', 0, 'text'],
  },
  {
    rule: 'markdown-link-in-title',
    what: 'a link in the card title',
    bad: card({ title: 'Issue [#1](https://example.com/1) opened' }),
    good: card({ title: 'Issue #1 opened', text: '[#1](https://example.com/1)' }),
    at: ['title'],
    fixable: true,
  },
  {
    rule: 'markdown-link-in-title',
    what: 'a link in the summary',
    bad: card({ summary: '[repo](https://example.com) issue opened' }),
    good: card({ summary: 'repo issue opened' }),
    at: ['summary'],
    fixable: true,
  },
  {
    rule: 'unsupported-markdown',
    what: 'a level 4 heading',
    bad: withSection({ text: '#### Details\r- a' }),
    good: withSection({ text: '### Details\r- a' }),
    at: ['sections', 0, 'text'],
  },
  {
    rule: 'unsupported-markdown',
    what: 'a Markdown table',
    bad: card({ text: '| a | b |\n|---|---|\n| 1 | 2 |' }),
    good: card({ text: 'a | b' }),
    at: ['text'],
  },
  {
    rule: 'url-not-https',
    what: 'an http image',
    bad: withSection({ activityTitle: 'x', activityImage: 'http://example.com/a.png' }),
    good: withSection({ activityTitle: 'x', activityImage: 'https://example.com/a.png' }),
    at: ['sections', 0, 'activityImage'],
    fixable: true,
  },
  {
    rule: 'url-not-https',
    what: 'an http HttpPOST target',
    bad: withActions(httpPost({ target: 'http://api.example.com' })),
    good: withActions(httpPost()),
    at: ['potentialAction', 0, 'target'],
    fixable: true,
  },
  {
    rule: 'url-invalid',
    what: 'spaces in a link',
    bad: withActions({ '@type': 'ViewAction', name: 'View', target: ['https://example.com/job/simple job/1'] }),
    good: withActions({ '@type': 'ViewAction', name: 'View', target: ['https://example.com/job/simple%20job/1'] }),
    at: ['potentialAction', 0, 'target', 0],
    fixable: true,
  },
  {
    rule: 'url-invalid',
    what: 'an image that is not http(s)',
    bad: withSection({ images: [{ image: 'ftp://example.com/a.png' }] }),
    good: withSection({ images: [{ image: 'data:image/png;base64,iVBORw0KGgo=' }] }),
    at: ['sections', 0, 'images', 0, 'image'],
  },
  {
    rule: 'image-not-drawn',
    what: 'an SVG activity image',
    bad: withSection({ activityImage: 'https://example.com/logo.svg', activityTitle: 'x' }),
    good: withSection({ activityImage: 'https://example.com/logo.png', activityTitle: 'x' }),
    at: ['sections', 0, 'activityImage'],
  },
  {
    rule: 'image-not-drawn',
    what: 'a data URI image over 1 MB',
    bad: withSection({ images: [{ image: `data:image/png;base64,${'A'.repeat(1_400_000)}` }] }),
    good: withSection({ images: [{ image: 'data:image/gif;base64,R0lGODlhAQABAAAAACw=' }] }),
    at: ['sections', 0, 'images', 0, 'image'],
  },
  {
    rule: 'url-localhost',
    what: 'an HttpPOST to localhost',
    bad: withActions(httpPost({ target: 'https://localhost:8080/hook' })),
    good: withActions(httpPost({ target: 'https://hooks.example.com/hook' })),
    at: ['potentialAction', 0, 'target'],
  },
  {
    rule: 'too-many-images',
    what: '6 images in a section',
    bad: withSection({ images: Array.from({ length: 6 }, (_, i) => ({ image: `https://example.com/${i}.png` })) }),
    good: withSection({ images: Array.from({ length: 5 }, (_, i) => ({ image: `https://example.com/${i}.png` })) }),
    at: ['sections', 0, 'images'],
  },
  {
    rule: 'too-many-actions',
    what: '5 card actions',
    bad: withActions(...Array.from({ length: 5 }, (_, i) => openUri({ name: `Open ${i}` }))),
    good: withActions(...Array.from({ length: 4 }, (_, i) => openUri({ name: `Open ${i}` }))),
    at: ['potentialAction'],
  },
  {
    rule: 'too-many-actions',
    what: '6 actions in a section',
    bad: withSection({ text: 'x', potentialAction: Array.from({ length: 6 }, () => openUri()) }),
    good: withSection({ text: 'x', potentialAction: Array.from({ length: 4 }, () => openUri()) }),
    at: ['sections', 0, 'potentialAction'],
  },
  {
    rule: 'action-type-unknown',
    what: 'HttpPost in the wrong case',
    bad: withActions(actionCard({ actions: [httpPost({ '@type': 'HttpPost' })] })),
    good: withActions(actionCard()),
    at: ['potentialAction', 0, 'actions', 0, '@type'],
    fixable: true,
  },
  {
    rule: 'action-type-unknown',
    what: 'an action without @type',
    bad: withActions({ name: 'Open', targets: [{ os: 'default', uri: 'https://example.com' }] }),
    good: withActions(openUri()),
    at: ['potentialAction', 0],
    fixable: true,
  },
  {
    rule: 'action-type-unknown',
    what: 'the removed Transaction type',
    bad: withActions({ '@type': 'Transaction', name: 'Pay' }),
    good: withActions(openUri()),
    at: ['potentialAction', 0, '@type'],
  },
  {
    rule: 'action-name-required',
    what: 'an OpenUri without name',
    bad: withActions(without(openUri(), 'name')),
    good: withActions(openUri()),
    at: ['potentialAction', 0],
  },
  {
    rule: 'action-name-required',
    what: 'a blank name',
    bad: withActions(openUri({ name: ' ' })),
    good: withActions(openUri({ name: 'Open' })),
    at: ['potentialAction', 0, 'name'],
  },
  {
    rule: 'outlook-only-action',
    what: 'InvokeAddInCommand in Teams',
    bad: withActions({ '@type': 'InvokeAddInCommand', name: 'Open add-in', addInId: 'x', desktopCommandId: 'y' }),
    good: withActions(openUri()),
    at: ['potentialAction', 0],
  },
  {
    rule: 'openuri-targets-required',
    what: 'an OpenUri without targets',
    bad: withActions({ '@type': 'OpenUri', name: 'View post' }),
    good: withActions(openUri()),
    at: ['potentialAction', 0],
    fixable: true,
  },
  {
    rule: 'openuri-targets-required',
    what: 'an OpenUri with an empty target list',
    bad: withActions(openUri({ targets: [] })),
    good: withActions(openUri()),
    at: ['potentialAction', 0, 'targets'],
    fixable: true,
  },
  {
    rule: 'action-uri-invalid',
    what: 'a Slack shortcode before the URL',
    bad: withActions(openUri({ targets: [{ os: 'default', uri: ':arrow_heading_up: https://github.com/a/b.git' }] })),
    good: withActions(openUri({ targets: [{ os: 'default', uri: 'https://github.com/a/b.git' }] })),
    at: ['potentialAction', 0, 'targets', 0, 'uri'],
    fixable: true,
  },
  {
    rule: 'action-uri-invalid',
    what: 'an empty uri',
    bad: withActions(openUri({ targets: [{ os: 'default', uri: '' }] })),
    good: withActions(openUri()),
    at: ['potentialAction', 0, 'targets', 0, 'uri'],
  },
  {
    rule: 'action-uri-invalid',
    what: 'a ViewAction to a mailto link',
    bad: withActions({ '@type': 'ViewAction', name: 'Mail', target: ['mailto:a@example.com'] }),
    good: withActions({ '@type': 'ViewAction', name: 'Mail', target: ['https://example.com/contact'] }),
    at: ['potentialAction', 0, 'target', 0],
  },
  {
    rule: 'openuri-os-invalid',
    what: 'os in the wrong case',
    bad: withActions(
      openUri({
        targets: [
          { os: 'default', uri: 'https://a.example' },
          { os: 'ios', uri: 'https://b.example' },
        ],
      }),
    ),
    good: withActions(
      openUri({
        targets: [
          { os: 'default', uri: 'https://a.example' },
          { os: 'iOS', uri: 'https://b.example' },
        ],
      }),
    ),
    at: ['potentialAction', 0, 'targets', 1, 'os'],
    fixable: true,
  },
  {
    rule: 'openuri-default-target-missing',
    what: 'a target without os',
    bad: withActions(openUri({ targets: [{ uri: 'https://example.com' }] })),
    good: withActions(openUri()),
    at: ['potentialAction', 0, 'targets'],
    fixable: true,
  },
  {
    rule: 'viewaction-target-required',
    what: 'a ViewAction without target',
    bad: withActions({ '@type': 'ViewAction', name: 'View' }),
    good: withActions({ '@type': 'ViewAction', name: 'View', target: ['https://example.com'] }),
    at: ['potentialAction', 0],
  },
  {
    rule: 'httppost-target-required',
    what: 'an HttpPOST without target',
    bad: withActions(without(httpPost(), 'target')),
    good: withActions(httpPost()),
    at: ['potentialAction', 0],
  },
  {
    rule: 'httppost-body-content-type',
    what: 'a charset parameter',
    bad: withActions(httpPost({ bodyContentType: 'application/json; charset=utf-8' })),
    good: withActions(httpPost({ bodyContentType: 'application/json' })),
    at: ['potentialAction', 0, 'bodyContentType'],
    fixable: true,
  },
  {
    rule: 'httppost-body-content-type',
    what: 'text/plain',
    bad: withActions(httpPost({ bodyContentType: 'text/plain' })),
    good: withActions(httpPost({ bodyContentType: 'application/x-www-form-urlencoded' })),
    at: ['potentialAction', 0, 'bodyContentType'],
  },
  {
    rule: 'actioncard-actions-required',
    what: 'an ActionCard with inputs and empty actions',
    bad: withActions(actionCard({ actions: [] })),
    good: withActions(actionCard()),
    at: ['potentialAction', 0, 'actions'],
  },
  {
    rule: 'actioncard-nested',
    what: 'an ActionCard in an ActionCard',
    bad: withActions(actionCard({ actions: [actionCard()] })),
    good: withActions(actionCard(), actionCard({ name: 'Other' })),
    at: ['potentialAction', 0, 'actions', 0],
  },
  {
    rule: 'actioncard-action-unsupported',
    what: 'a ViewAction in an ActionCard',
    bad: withActions(
      actionCard({ actions: [{ '@type': 'ViewAction', name: 'View', target: ['https://example.com'] }] }),
    ),
    good: withActions(actionCard({ actions: [openUri()] })),
    at: ['potentialAction', 0, 'actions', 0],
  },
  {
    rule: 'placeholder-outside-body',
    what: '{{comment.value}} in the target URL',
    bad: withActions(
      actionCard({ actions: [httpPost({ target: 'https://api.example.com/c?text={{comment.value}}' })] }),
    ),
    good: withActions(actionCard({ actions: [httpPost({ body: '{"text":"{{comment.value}}"}' })] })),
    at: ['potentialAction', 0, 'actions', 0, 'target'],
  },
  {
    rule: 'placeholder-outside-body',
    what: '{{comment.value}} in a header',
    bad: withActions(
      actionCard({ actions: [httpPost({ headers: [{ name: 'X-Text', value: '{{comment.value}}' }] })] }),
    ),
    good: withActions(actionCard({ actions: [httpPost({ headers: [{ name: 'X-Text', value: 'fixed' }] })] })),
    at: ['potentialAction', 0, 'actions', 0, 'headers', 0, 'value'],
  },
  {
    rule: 'placeholder-unknown-input',
    what: 'a typo of the input id',
    bad: withActions(actionCard({ actions: [httpPost({ body: 'text={{coment.value}}' })] })),
    good: withActions(actionCard({ actions: [httpPost({ body: 'text={{comment.value}}' })] })),
    at: ['potentialAction', 0, 'actions', 0, 'body'],
    fixable: true,
  },
  {
    rule: 'placeholder-unknown-input',
    what: 'a placeholder in a card-level HttpPOST',
    bad: withActions(httpPost({ body: 'text={{comment.value}}' })),
    good: withActions(httpPost({ body: 'text=fixed' })),
    at: ['potentialAction', 0, 'body'],
  },
  {
    rule: 'input-type-unknown',
    what: 'an input type in the wrong case',
    bad: withInput(textInput({ '@type': 'textInput' })),
    good: withInput(textInput()),
    at: ['potentialAction', 0, 'inputs', 0, '@type'],
    fixable: true,
  },
  {
    rule: 'input-id-required',
    what: 'an input without id',
    bad: withActions(actionCard({ inputs: [without(textInput(), 'id')], actions: [httpPost()] })),
    good: withActions(actionCard({ actions: [httpPost()] })),
    at: ['potentialAction', 0, 'inputs', 0],
  },
  {
    rule: 'input-id-duplicate',
    what: 'two inputs with one id',
    bad: withActions(actionCard({ inputs: [textInput(), textInput({ title: 'Again' })] })),
    good: withActions(actionCard({ inputs: [textInput(), textInput({ id: 'other' })] })),
    at: ['potentialAction', 0, 'inputs', 1, 'id'],
  },
  {
    rule: 'date-value-unreadable',
    what: 'a JavaScript date string as a DateInput value',
    bad: withInput({ '@type': 'DateInput', id: 'due', value: 'Mon May 01 2017 17:07:18 GMT-0700' }),
    good: withInput({ '@type': 'DateInput', id: 'due', value: '2017-05-01T17:07:18-07:00' }),
    at: ['potentialAction', 0, 'inputs', 0, 'value'],
  },
  {
    rule: 'multichoice-choices-required',
    what: 'a MultichoiceInput without choices',
    bad: withInput(without(choiceInput(), 'choices')),
    good: withInput(choiceInput()),
    at: ['potentialAction', 0, 'inputs', 0],
  },
  {
    rule: 'multichoice-value-not-a-choice',
    what: 'the display text as initial value',
    bad: withInput(choiceInput({ value: 'Active' })),
    good: withInput(choiceInput({ value: 'a' })),
    at: ['potentialAction', 0, 'inputs', 0, 'value'],
    fixable: true,
  },
  {
    rule: 'multichoice-value-not-a-choice',
    what: 'an unknown value among multi-select values',
    bad: withInput(choiceInput({ isMultiSelect: true, value: 'a,x' })),
    good: withInput(choiceInput({ isMultiSelect: true, value: 'a,c' })),
    at: ['potentialAction', 0, 'inputs', 0, 'value'],
  },
  {
    rule: 'choice-value-missing',
    what: 'a choice without value',
    bad: withInput(choiceInput({ choices: [{ display: 'Active' }] })),
    good: withInput(choiceInput({ choices: [{ display: 'Active', value: 'a' }] })),
    at: ['potentialAction', 0, 'inputs', 0, 'choices', 0],
    fixable: true,
  },
  {
    rule: 'choice-value-comma',
    what: 'a comma in a multi-select value',
    bad: withInput(choiceInput({ isMultiSelect: true, choices: [{ display: 'A, B', value: 'a,b' }] })),
    good: withInput(choiceInput({ isMultiSelect: false, choices: [{ display: 'A, B', value: 'a,b' }] })),
    at: ['potentialAction', 0, 'inputs', 0, 'choices', 0, 'value'],
  },
  {
    rule: 'choice-value-duplicate',
    what: 'two choices with one value',
    bad: withInput(
      choiceInput({
        choices: [
          { display: 'A', value: '1' },
          { display: 'B', value: '1' },
        ],
      }),
    ),
    good: withInput(choiceInput()),
    at: ['potentialAction', 0, 'inputs', 0, 'choices', 1, 'value'],
  },
  {
    rule: 'workflows-actions-not-rendered',
    what: 'card actions through Workflows',
    host: 'workflows',
    bad: withActions(openUri()),
    good: card({ text: 'See [the build](https://example.com)' }),
    at: ['potentialAction'],
  },
  {
    rule: 'workflows-httppost-unusable',
    what: 'an HttpPOST through Workflows',
    host: 'workflows',
    bad: withActions(httpPost()),
    good: withActions(openUri()),
    at: ['potentialAction', 0],
  },
  {
    rule: 'workflows-prefer-adaptive-card',
    what: 'any card through Workflows, not through the connector',
    host: 'workflows',
    bad: card(),
    good: 'not applicable on teams',
  },
  {
    rule: 'issues-truncated',
    what: '150 null titles',
    bad: card({ sections: Array.from({ length: 150 }, () => ({ text: 'x', title: null })) }),
    good: card({ sections: Array.from({ length: 50 }, () => ({ text: 'x', title: null })) }),
    at: [],
  },
];

// The good card of the host-only rule is the same card on another host.
const HOST_SWITCHED: Partial<Record<RuleId, HostProfile>> = { 'workflows-prefer-adaptive-card': 'teams' };

function issuesOf(value: unknown, host: HostProfile = 'teams'): Issue[] {
  return lintCard(value, { host });
}

function show(issues: readonly Issue[]): string {
  return (
    issues.map((i) => `  ${i.severity} ${i.rule} ${JSON.stringify(i.path)}: ${i.message}`).join('\n') || '  (none)'
  );
}

function samePath(a: readonly unknown[], b: readonly unknown[]): boolean {
  return a.length === b.length && a.every((segment, i) => segment === b[i]);
}

describe('each rule', () => {
  for (const c of CASES) {
    const host = c.host ?? 'teams';
    describe(`${c.rule}: ${c.what}${c.host ? ` (${c.host})` : ''}`, () => {
      it('is reported for the bad card', () => {
        const issues = issuesOf(c.bad, host);
        const hits = issues.filter((i) => i.rule === c.rule);
        expect(hits.length, `expected ${c.rule}, got:\n${show(issues)}`).toBeGreaterThan(0);
        if (c.at) {
          expect(
            hits.some((i) => samePath(i.path, c.at!)),
            `expected ${c.rule} at ${JSON.stringify(c.at)}, got:\n${show(hits)}`,
          ).toBe(true);
        }
        for (const hit of hits) {
          expect(hit.severity).toBe(ruleInfo(c.rule)?.severity);
          expect(hit.message.length).toBeGreaterThan(20);
          expect(hit.message).not.toMatch(/undefined|\[object Object\]|NaN/);
        }
      });

      it('is not reported for the good card', () => {
        const goodHost = HOST_SWITCHED[c.rule] ?? host;
        const good = HOST_SWITCHED[c.rule] ? c.bad : c.good;
        const issues = issuesOf(good, goodHost);
        expect(
          issues.filter((i) => i.rule === c.rule),
          show(issues),
        ).toEqual([]);
      });

      it(c.fixable ? 'offers a quick fix that removes the issue' : 'has only fixes that remove the issue', () => {
        const hits = issuesOf(c.bad, host).filter((i) => i.rule === c.rule);
        if (c.fixable)
          expect(
            hits.some((i) => i.fix),
            `expected a fix on:\n${show(hits)}`,
          ).toBe(true);
        for (const hit of hits) {
          if (!hit.fix) continue;
          const fixed = applyFix(c.bad, hit.fix);
          const after = issuesOf(fixed, host);
          const still = after.filter((i) => i.rule === c.rule && samePath(i.path, hit.path));
          expect(still, `after "${hit.fix.title}":\n${show(after)}`).toEqual([]);
        }
      });
    });
  }
});

describe('the catalogue', () => {
  it('has a focused case for every rule (json-syntax comes from the parser, not from lintCard)', () => {
    const covered = new Set<string>(CASES.map((c) => c.rule));
    expect(RULES.map((r) => r.id).filter((id) => !covered.has(id) && id !== 'json-syntax')).toEqual([]);
    expect(ruleInfo('json-syntax')?.severity).toBe('error');
  });

  it('has unique kebab-case ids, valid severities and hosts, and documentation', () => {
    const ids = RULES.map((r) => r.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const rule of RULES) {
      expect(rule.id).toMatch(/^[a-z]+(-[a-z0-9]+)*$/);
      expect(['error', 'warning', 'hint']).toContain(rule.severity);
      expect(rule.hosts.length).toBeGreaterThan(0);
      for (const host of rule.hosts) expect(HOST_PROFILES).toContain(host);
      expect(rule.title.length, rule.id).toBeGreaterThan(5);
      expect(rule.description.length, rule.id).toBeGreaterThan(30);
      expect(rule.reference.length, rule.id).toBeGreaterThan(0);
    }
  });

  it('covers every rule id emitted by the cases, on every host, at paths that exist', () => {
    const emitted = new Set<string>();
    for (const c of CASES) {
      for (const host of HOST_PROFILES) {
        for (const value of [c.bad, c.good]) {
          for (const issue of issuesOf(value, host)) {
            emitted.add(issue.rule);
            expect(ruleInfo(issue.rule), issue.rule).toBeDefined();
            expect(ruleInfo(issue.rule)?.hosts, `${issue.rule} on ${host}`).toContain(host);
            expect(pathExists(value, issue.path), `${issue.rule} at ${JSON.stringify(issue.path)}`).toBe(true);
            if (issue.fix) expect(issue.fix.title.length).toBeGreaterThan(2);
          }
        }
      }
    }
    expect([...emitted].filter((id) => !ruleInfo(id))).toEqual([]);
  });
});

describe('host profiles', () => {
  const hero = withSection({ text: 'x', heroImage: { image: 'https://example.com/a.png' } });
  const addIn = withActions({ '@type': 'InvokeAddInCommand', name: 'Open', addInId: 'a', desktopCommandId: 'b' });
  const fiveActions = withActions(...Array.from({ length: 5 }, () => openUri()));

  it('treats teams as the default host', () => {
    expect(lintCard(hero)).toEqual(lintCard(hero, { host: 'teams' }));
  });

  it('accepts heroImage and InvokeAddInCommand in Outlook', () => {
    expect(issuesOf(hero, 'outlook').map((i) => i.rule)).not.toContain('ignored-field');
    expect(issuesOf(addIn, 'outlook').map((i) => i.rule)).not.toContain('outlook-only-action');
  });

  it("applies Outlook's 4-action limit and the os values in Outlook", () => {
    const outlook = issuesOf(fiveActions, 'outlook').find((i) => i.rule === 'too-many-actions');
    expect(outlook?.message).toMatch(/Outlook shows at most 4/);
    const os = withActions(openUri({ targets: [{ os: 'Android', uri: 'https://example.com' }] }));
    expect(issuesOf(os, 'outlook').map((i) => i.rule)).toContain('openuri-os-invalid');
  });

  it('reports, for Workflows, that actions do not render instead of counting them', () => {
    const rules = issuesOf(fiveActions, 'workflows').map((i) => i.rule);
    expect(rules).toContain('workflows-actions-not-rendered');
    expect(rules).not.toContain('too-many-actions');
    expect(rules.filter((r) => r === 'workflows-actions-not-rendered')).toHaveLength(1);
    expect(rules).toContain('workflows-prefer-adaptive-card');
  });

  it('reports no Workflows rule for the other hosts', () => {
    for (const host of ['teams', 'outlook'] as const) {
      expect(issuesOf(withActions(httpPost()), host).filter((i) => i.rule.startsWith('workflows-'))).toEqual([]);
    }
  });
});

describe('known fields come from the schema', () => {
  const KINDS: SchemaKind[] = ['card', 'section', 'fact', 'image', 'openUriTarget', 'httpHeader', 'choice'];

  function place(kind: SchemaKind, element: Record<string, unknown>): { value: unknown; path: JsonPath } {
    switch (kind) {
      case 'card':
        return { value: { ...BASE, ...element }, path: [] };
      case 'section':
        return { value: withSection(element), path: ['sections', 0] };
      case 'fact':
        return { value: withSection({ facts: [element] }), path: ['sections', 0, 'facts', 0] };
      case 'image':
        return { value: withSection({ images: [element] }), path: ['sections', 0, 'images', 0] };
      case 'openUriTarget':
        return { value: withActions(openUri({ targets: [element] })), path: ['potentialAction', 0, 'targets', 0] };
      case 'httpHeader':
        return { value: withActions(httpPost({ headers: [element] })), path: ['potentialAction', 0, 'headers', 0] };
      default:
        return {
          value: withInput(choiceInput({ choices: [element] })),
          path: ['potentialAction', 0, 'inputs', 0, 'choices', 0],
        };
    }
  }

  it('accepts every property the schema lists, and no other', () => {
    for (const kind of KINDS) {
      for (const field of Object.keys(elementSchema(kind).properties ?? {})) {
        const { value, path } = place(kind, { [field]: 'x' });
        const unknown = issuesOf(value).filter((i) => i.rule === 'unknown-field' && samePath(i.path, [...path, field]));
        expect(unknown, `${kind}.${field}`).toEqual([]);
      }
      const { value, path } = place(kind, { notAField: 'x' });
      const unknown = issuesOf(value).filter(
        (i) => i.rule === 'unknown-field' && samePath(i.path, [...path, 'notAField']),
      );
      expect(unknown, kind).toHaveLength(1);
    }
  });

  it('accepts the fields of each action and input type only on that type', () => {
    const allOpenUri = withActions(openUri());
    expect(issuesOf(allOpenUri).filter((i) => i.rule === 'unknown-field')).toEqual([]);
    const targetOnPost = withActions(httpPost({ targets: [] }));
    const issue = issuesOf(targetOnPost).find((i) => i.rule === 'unknown-field');
    expect(issue?.message).toMatch(/field of an OpenUri action/);
  });

  it('points key issues at the key', () => {
    const [issue] = issuesOf(card({ Title: 'x' })).filter((i) => i.rule === 'field-wrong-case');
    expect(issue?.target).toBe('key');
    expect(issue?.fix?.renameTo).toBe('title');
  });
});
