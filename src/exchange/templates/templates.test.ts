import { describe, expect, it } from 'vitest';
import { readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { analyze } from '../../card/analyze.ts';
import { asArray, asObject, asString } from '../../json/read.ts';
import { searchTemplates, TEMPLATES, WORKFLOWS_READY_TAG } from './index.ts';

const dir = fileURLToPath(new URL('.', import.meta.url));

function sections(card: Record<string, unknown>): Record<string, unknown>[] {
  return (asArray(card.sections) ?? []).map((s) => asObject(s) ?? {});
}

/** Every action of the card: card level, section level and inside ActionCards. */
function actions(card: Record<string, unknown>): Record<string, unknown>[] {
  const lists = [card.potentialAction, ...sections(card).map((s) => s.potentialAction)];
  const out: Record<string, unknown>[] = [];
  for (const list of lists) {
    for (const raw of asArray(list) ?? []) {
      const action = asObject(raw) ?? {};
      out.push(action);
      for (const inner of asArray(action.actions) ?? []) out.push(asObject(inner) ?? {});
    }
  }
  return out;
}

function inputs(card: Record<string, unknown>): Record<string, unknown>[] {
  return actions(card).flatMap((a) => (asArray(a.inputs) ?? []).map((i) => asObject(i) ?? {}));
}

describe('the template gallery', () => {
  it('has a blank card and at least twelve starter cards', () => {
    expect(TEMPLATES[0]?.id).toBe('blank');
    expect(TEMPLATES.filter((t) => t.id !== 'blank').length).toBeGreaterThanOrEqual(12);
  });

  it('lists every JSON file of the folder once, under unique ids', () => {
    const files = readdirSync(dir).filter((f) => f.endsWith('.json'));
    const ids = TEMPLATES.map((t) => t.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(files.map((f) => f.replace(/\.json$/, '')).sort()).toEqual(ids.filter((id) => id !== 'blank').sort());
  });

  it.each(TEMPLATES.map((t) => [t.name, t] as const))('%s passes the Teams rules without an error', (_name, t) => {
    const analysis = analyze(t.text, { host: 'teams' });
    expect(analysis.parsed.ok).toBe(true);
    expect(analysis.issues.filter((i) => i.severity === 'error')).toEqual([]);
    expect(t.description.length).toBeGreaterThan(20);
    expect(t.tags.length).toBeGreaterThan(0);
  });

  it('has Workflows-ready cards (an alert, a build, a deployment) right after the blank card', () => {
    const ready = TEMPLATES.filter((t) => t.tags.includes(WORKFLOWS_READY_TAG));
    expect(ready.map((t) => t.id)).toEqual(['workflows-alert', 'workflows-build', 'workflows-deployment']);
    expect(TEMPLATES.slice(1, 1 + ready.length)).toEqual(ready);
    expect(searchTemplates('workflows-ready')).toEqual(ready);
  });

  it.each(TEMPLATES.filter((t) => t.tags.includes(WORKFLOWS_READY_TAG)).map((t) => [t.name, t] as const))(
    '%s gives no error or warning when checked for Workflows, has no buttons and links in its text',
    (_name, t) => {
      const analysis = analyze(t.text, { host: 'workflows' });
      expect(analysis.parsed.ok).toBe(true);
      // Only the hint that Workflows is built for Adaptive Cards, which every MessageCard gets.
      expect(analysis.issues.filter((i) => i.severity !== 'hint')).toEqual([]);
      expect(analysis.issues.every((i) => i.rule === 'workflows-prefer-adaptive-card')).toBe(true);
      const card = asObject(JSON.parse(t.text))!;
      expect(actions(card)).toEqual([]);
      expect(t.text).toMatch(/\[[^\]]+\]\(https:\/\/[^)]+\)/);
    },
  );

  it('mentions no real host: links and images are example.com or data: images', () => {
    for (const t of TEMPLATES) {
      const urls = t.text.match(/https?:\/\/[^\s"\\)]+/g) ?? [];
      for (const url of urls) {
        const host = new URL(url).hostname;
        const allowed = host === 'example.com' || host.endsWith('.example.com') || host === 'schema.org';
        expect(allowed, `${t.id}: ${url}`).toBe(true);
      }
    }
  });

  it('covers every feature of the format between them', () => {
    const cards = TEMPLATES.map((t) => asObject(JSON.parse(t.text))!);
    const allSections = cards.flatMap(sections);
    const actionTypes = new Set(cards.flatMap(actions).map((a) => asString(a['@type'])));
    const inputTypes = new Set(cards.flatMap(inputs).map((i) => asString(i['@type'])));
    expect(allSections.some((s) => s.activityImage && s.activityTitle)).toBe(true);
    expect(allSections.some((s) => s.activityImageType === 'article')).toBe(true);
    expect(allSections.some((s) => (asArray(s.facts) ?? []).length > 0)).toBe(true);
    expect(allSections.some((s) => (asArray(s.images) ?? []).length > 1)).toBe(true);
    expect(allSections.some((s) => asObject(s.heroImage)?.image)).toBe(true);
    expect(allSections.some((s) => s.markdown === false && /<strong>/.test(asString(s.text) ?? ''))).toBe(true);
    expect(allSections.some((s) => asArray(s.potentialAction))).toBe(true);
    expect(cards.some((c) => /^# /m.test(asString(c.text) ?? '') && /\*\*/.test(asString(c.text) ?? ''))).toBe(true);
    for (const type of ['OpenUri', 'HttpPOST', 'ActionCard', 'ViewAction', 'InvokeAddInCommand']) {
      expect(actionTypes, type).toContain(type);
    }
    for (const type of ['TextInput', 'DateInput', 'MultichoiceInput']) expect(inputTypes, type).toContain(type);
  });
});

describe('searching templates', () => {
  it('finds templates by any word of name, description or tags', () => {
    expect(searchTemplates('build').map((t) => t.id)).toEqual([
      'workflows-build',
      'ci-build-passed',
      'ci-build-failed',
      'ci-build-unstable',
    ]);
    expect(searchTemplates('HTTPPOST approval').map((t) => t.id)).toEqual(['approval']);
  });

  it('returns every template for an empty query and none for a word no template has', () => {
    expect(searchTemplates('  ')).toHaveLength(TEMPLATES.length);
    expect(searchTemplates('spaceship')).toEqual([]);
  });
});
