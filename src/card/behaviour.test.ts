/**
 * One truth per behaviour (issue 13): a table walks every behaviour `card/behaviour.ts` decides
 * through the three places that use it (the preview's model in `card/preview`, the rule catalogue,
 * the Adaptive Card converter), the schema's hover texts where they describe it, and every host.
 * The preview's drawing of the same cases is checked in `features/preview/behaviour.test.tsx`.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { convertToAdaptiveCard } from '../adaptive/convert.ts';
import type { AdaptiveObject } from '../adaptive/types.ts';
import {
  actionCardStateSentence,
  choiceLayout,
  HOST_PALETTES,
  readDateValue,
  sectionGap,
  sectionTextFormat,
  titleLinksAreLinks,
} from './behaviour.ts';
import { readAction, readInput } from './preview/actions.ts';
import { drawnImageUrl, imageVerdict } from './urls.ts';
import { lintCard } from './rules/lint.ts';
import { elementSchema, messageCardSchema } from './schema.ts';
import { HOST_PROFILES, type HostProfile, type Issue } from './types.ts';

const BASE = { '@type': 'MessageCard', '@context': 'https://schema.org/extensions', summary: 'Test' };

function rulesOf(card: unknown, host: HostProfile, rule?: string): Issue[] {
  return lintCard(card, { host }).filter((i) => rule === undefined || i.rule === rule);
}

/** Every element of a converted card, depth first. */
function elements(value: unknown): AdaptiveObject[] {
  const out: AdaptiveObject[] = [];
  const walk = (node: unknown) => {
    if (Array.isArray(node)) node.forEach(walk);
    else if (typeof node === 'object' && node !== null) {
      if (typeof (node as AdaptiveObject).type === 'string') out.push(node as AdaptiveObject);
      Object.values(node).forEach(walk);
    }
  };
  walk(value);
  return out;
}

function withInput(input: Record<string, unknown>) {
  return {
    ...BASE,
    potentialAction: [
      {
        '@type': 'ActionCard',
        name: 'Form',
        inputs: [{ id: 'x', ...input }],
        actions: [{ '@type': 'HttpPOST', name: 'Save', target: 'https://example.com/save' }],
      },
    ],
  };
}

describe.each(HOST_PROFILES)('every behaviour in %s', (host) => {
  const teamsLike = host !== 'outlook';

  it('separators: none above a first section with nothing before it; Teams always, Outlook on startGroup', () => {
    const card = {
      ...BASE,
      sections: [{ text: 'one' }, { text: 'two', startGroup: true }, { text: 'three', startGroup: false }],
    };
    expect([0, 1, 2].map((i) => sectionGap(card, i, host))).toEqual(
      teamsLike ? ['none', 'separator', 'separator'] : ['none', 'separator', 'gap'],
    );
    // With a title before it, the first section is set apart in Teams, and in Outlook only on startGroup.
    const titled = { ...card, title: 'Title' };
    expect(sectionGap(titled, 0, host)).toBe(teamsLike ? 'separator' : 'gap');
    // The converter (Teams through Workflows) agrees: no separator on the first container, one on the others.
    const body = convertToAdaptiveCard(card).card.body;
    expect(body.map((c) => c.separator === true)).toEqual([false, true, true]);
    // The rule: `startGroup: false` does nothing in Teams, and is meaningful in Outlook.
    const ignored = rulesOf(card, host, 'ignored-field').map((i) => i.path.join('.'));
    expect(ignored.includes('sections.2.startGroup')).toBe(teamsLike);
  });

  it('choice lists: the recipe `isMultiSelect: true, style: true` is a compact multi-select everywhere', () => {
    const recipe = {
      '@type': 'MultichoiceInput',
      isMultiSelect: true,
      style: true,
      choices: [{ display: 'A', value: 'a' }],
    };
    expect(choiceLayout(recipe, host)).toMatchObject({ multiSelect: true, style: 'compact', source: 'recipe' });
    expect(readInput(recipe, host)).toMatchObject({ layout: 'multi-dropdown', multiSelect: true });
    const choiceSet = elements(convertToAdaptiveCard(withInput(recipe)).card).find((e) => e.type === 'Input.ChoiceSet');
    expect(choiceSet).toMatchObject({ style: 'compact', isMultiSelect: true });
    const [issue] = rulesOf(withInput(recipe), host, 'unexpected-value');
    expect(issue?.message).toMatch(/read as "compact": a multi-select drop-down/);
  });

  it('choice lists: the default of a multi-select is per host (Teams expanded, Outlook compact)', () => {
    const multi = { '@type': 'MultichoiceInput', isMultiSelect: 'true', choices: [{ display: 'A', value: 'a' }] };
    expect(readInput(multi, host)).toMatchObject({ layout: teamsLike ? 'checkbox' : 'multi-dropdown' });
    const upper = { ...multi, isMultiSelect: false, style: 'Expanded' };
    expect(readInput(upper, host)).toMatchObject({ layout: 'radio' });
    // The converter writes for Teams through Workflows, letter case read the same way.
    const converted = elements(convertToAdaptiveCard(withInput(upper)).card).find((e) => e.type === 'Input.ChoiceSet');
    expect(converted).toMatchObject({ style: 'expanded' });
    expect(rulesOf(withInput(upper), host, 'unexpected-value')[0]?.message).toMatch(
      /read as "expanded": radio buttons/,
    );
  });

  it.each([
    ['a PNG URL', 'https://example.com/a.png', true, undefined],
    ['a URL without extension', 'https://example.com/a', true, undefined],
    ['an SVG URL', 'https://example.com/logo.svg?x=1', false, 'image-not-drawn'],
    ['a WebP URL', 'https://example.com/photo.webp', false, 'image-not-drawn'],
    ['a PNG data URI', 'data:image/png;base64,iVBORw0KGgo=', true, undefined],
    ['a WebP data URI', 'data:image/webp;base64,UklGRg==', false, 'image-not-drawn'],
    ['an SVG data URI', 'data:image/svg+xml;base64,PHN2Zz4=', false, 'image-not-drawn'],
    ['a JPEG data URI over 1 MB', `data:image/jpeg;base64,${'A'.repeat(1_500_000)}`, false, 'image-not-drawn'],
    ['an ftp URL', 'ftp://example.com/a.png', false, 'url-invalid'],
  ])('images: %s is drawn: %s', (_what, url, drawn, rule) => {
    expect(imageVerdict(url).drawn).toBe(drawn);
    expect(drawnImageUrl(url) !== undefined).toBe(drawn);
    const card = { ...BASE, sections: [{ activityTitle: 'a', images: [{ image: url }] }] };
    const converted = elements(convertToAdaptiveCard(card).card).some((e) => e.type === 'Image' && e.url === url);
    expect(converted).toBe(drawn);
    const issues = rulesOf(card, host).filter((i) => i.path.join('.') === 'sections.0.images.0.image');
    if (rule) expect(issues.map((i) => i.rule)).toContain(rule);
    else expect(issues.filter((i) => i.rule === 'image-not-drawn' || i.rule === 'url-invalid')).toEqual([]);
  });

  it('images in Markdown text follow the same policy in the rules, the converter and the preview', () => {
    const card = { ...BASE, text: 'Logo ![logo](https://example.com/logo.svg) and ![ok](https://example.com/ok.png)' };
    expect(rulesOf(card, host, 'image-not-drawn').map((i) => i.path)).toEqual([['text']]);
    const images = elements(convertToAdaptiveCard(card).card).filter((e) => e.type === 'Image');
    expect(images.map((e) => e.url)).toEqual(['https://example.com/ok.png']);
    expect(drawnImageUrl('https://example.com/logo.svg')).toBeUndefined();
  });

  it('links in titles: shown as written in every host, and every part says so', () => {
    expect(titleLinksAreLinks(host)).toBe(false);
    const card = { ...BASE, title: 'See [Docs](https://example.com/d)', sections: [{ title: '[S](https://e.com)' }] };
    expect(rulesOf(card, host, 'markdown-link-in-title').map((i) => i.path.join('.'))).toEqual([
      'title',
      'sections.0.title',
    ]);
    const [title, section] = convertToAdaptiveCard(card).card.body;
    expect(title?.text).toBe('See \\[Docs\\]\\(https://example.com/d\\)');
    expect(JSON.stringify(section)).not.toMatch(/\]\(/);
    expect(messageCardSchema.properties?.title?.description).toMatch(/shows as written, `?\[text\]\(url\)`?/);
    expect(elementSchema('section').properties?.title?.description).toMatch(/shows as written/);
  });

  it('markdown: false: Teams reads the HTML subset, Outlook reads Markdown with headings 1 to 6', () => {
    const section = { markdown: false, text: '<strong>Hi</strong>\n\n#### Four' };
    expect(sectionTextFormat(section, host)).toEqual(
      teamsLike ? { syntax: 'html', headingLevels: 3 } : { syntax: 'markdown', headingLevels: 6 },
    );
    const card = { ...BASE, sections: [section] };
    // Outlook treats HTML as plain text: the rule says so; Teams draws it.
    expect(rulesOf(card, host, 'html-in-markdown').length > 0).toBe(!teamsLike);
    const deep = { ...BASE, sections: [{ text: '#### Four' }] };
    expect(rulesOf(deep, host, 'unsupported-markdown').length > 0).toBe(teamsLike);
    expect(elementSchema('section').properties?.markdown?.description).toMatch(/Outlook ignores it/);
  });

  it('DateInput values: ISO with seconds and a time zone is read, anything else is not', () => {
    const iso = { '@type': 'DateInput', value: '2017-05-01T17:07:18-07:00' };
    expect(readDateValue(iso.value)).toEqual({ date: '2017-05-01', time: '17:07' });
    expect(readInput(iso, host)).toMatchObject({ value: '2017-05-01' });
    expect(readInput({ ...iso, includeTime: true }, host)).toMatchObject({ value: '2017-05-01T17:07' });
    const date = elements(convertToAdaptiveCard(withInput({ ...iso, includeTime: true })).card);
    expect(date.find((e) => e.type === 'Input.Date')?.value).toBe('2017-05-01');
    expect(date.find((e) => e.type === 'Input.Time')?.value).toBe('17:07');
    expect(rulesOf(withInput(iso), host, 'date-value-unreadable')).toEqual([]);

    const js = { '@type': 'DateInput', value: 'Mon May 01 2017 17:07:18 GMT-0700 (Pacific Daylight Time)' };
    expect(readInput(js, host)).toMatchObject({ value: '' });
    expect(elements(convertToAdaptiveCard(withInput(js)).card).find((e) => e.type === 'Input.Date')?.value).toBe(
      undefined,
    );
    expect(rulesOf(withInput(js), host, 'date-value-unreadable')).toHaveLength(1);
  });

  it('an ActionCard with inputs but no actions: one sentence in the rule and the converter', () => {
    const card = {
      ...BASE,
      potentialAction: [
        { '@type': 'ActionCard', name: 'Comment', inputs: [{ '@type': 'TextInput', id: 'c' }], actions: [] },
      ],
    };
    const sentence = actionCardStateSentence('inputs-without-actions')!;
    const [issue] = rulesOf(card, host, 'actioncard-actions-required');
    expect(issue?.severity).toBe('error');
    expect(issue?.message.startsWith(sentence)).toBe(true);
    const note = convertToAdaptiveCard(card).notes.find((n) => n.topic === 'action-card-no-actions');
    expect(note?.message).toBe(sentence);
  });

  it('InvokeAddInCommand: not drawn in Teams and not counted toward its limit', () => {
    const open = (n: number) => ({
      '@type': 'OpenUri',
      name: `Open ${n}`,
      targets: [{ os: 'default', uri: `https://example.com/${n}` }],
    });
    const addIn = { '@type': 'InvokeAddInCommand', name: 'Add-in', addInId: 'a', desktopCommandId: 'b' };
    const card = { ...BASE, potentialAction: [open(1), open(2), open(3), open(4), addIn] };
    const tooMany = rulesOf(card, host, 'too-many-actions');
    // Teams draws 4 (no limit reached); Workflows draws none; Outlook draws 5 and shows 4.
    expect(tooMany.length).toBe(host === 'outlook' ? 1 : 0);
    expect(rulesOf(card, host, 'outlook-only-action').length).toBe(teamsLike ? 1 : 0);
    expect(readAction(addIn, host).kind).toBe('InvokeAddInCommand');
    const actions = convertToAdaptiveCard(card).card.actions ?? [];
    expect(actions.map((a) => a.title)).toEqual(['Open 1', 'Open 2', 'Open 3', 'Open 4']);
  });

  it('fields a host ignores are warnings; a multichoice value that is no choice is an error', () => {
    const card = {
      ...BASE,
      originator: 'x',
      correlationId: 'y',
      hideOriginalBody: true,
      sections: [{ text: 't', heroImage: { image: 'https://example.com/h.png' }, startGroup: false }],
    };
    const ignored = rulesOf(card, host, 'ignored-field');
    expect(ignored.every((i) => i.severity === 'warning')).toBe(true);
    expect(ignored.map((i) => i.path.join('.')).sort()).toEqual(
      teamsLike
        ? ['correlationId', 'hideOriginalBody', 'originator', 'sections.0.heroImage', 'sections.0.startGroup']
        : [],
    );
    const notCarried = convertToAdaptiveCard(card)
      .notes.filter((n) => n.topic === 'ignored-field')
      .map((n) => n.path.join('.'));
    expect(notCarried.sort()).toEqual(['correlationId', 'hideOriginalBody', 'originator']);

    const choice = withInput({
      '@type': 'MultichoiceInput',
      value: 'z',
      choices: [{ display: 'A', value: 'a' }],
    });
    expect(rulesOf(choice, host, 'multichoice-value-not-a-choice').map((i) => i.severity)).toEqual(['error']);
  });
});

describe('colours', () => {
  const css = readFileSync(new URL('../features/preview/preview.css', import.meta.url), 'utf8');

  /** The custom properties of the first rule whose selector list names `selector`. */
  function variables(selector: string): Record<string, string> {
    const rule = new RegExp(`(?:^|\\n)[^{}]*\\${selector}\\b[^{}]*\\{([^}]*)\\}`).exec(css);
    const out: Record<string, string> = {};
    for (const match of rule?.[1]?.matchAll(/--mc-([\w-]+):\s*([^;]+);/g) ?? []) out[match[1]!] = match[2]!.trim();
    return out;
  }

  it.each(Object.entries(HOST_PALETTES))(
    'the preview draws %s in the colours of reference section 9',
    (name, palette) => {
      const vars = variables(`.host-${name}`);
      expect(vars).toMatchObject(palette);
    },
  );

  it('uses the Teams light palette for the Workflows view', () => {
    expect(variables('.host-teams-workflows')).toEqual(variables('.host-teams-light'));
  });
});
