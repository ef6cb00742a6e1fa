/**
 * The validation contract of the shared corpus (fixtures/corpus/SOURCES.md), table-driven over the
 * folder itself: valid → no error; sloppy → no error and at least one warning; invalid → at least
 * one error. A file that is not JSON counts as an error of the parser (`json-syntax` elsewhere).
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { HOST_PROFILES, type HostProfile, type Issue } from '../types.ts';
import { lintCard, ruleInfo } from './lint.ts';
import { loadCorpus, type CorpusEntry, type CorpusLabel } from './testkit.ts';

const CORPUS = new URL('../../../fixtures/corpus/', import.meta.url);
const EXPECTED_COUNTS: Record<CorpusLabel, number> = { valid: 14, sloppy: 11, invalid: 9 };

let entries: CorpusEntry[] = [];
let labels = new Map<string, CorpusLabel>();

beforeAll(async () => {
  ({ entries, labels } = await loadCorpus(CORPUS));
});

function describeIssues(issues: readonly Issue[]): string {
  if (issues.length === 0) return '  (no issues)';
  return issues.map((i) => `  ${i.severity} ${i.rule} at ${JSON.stringify(i.path)}: ${i.message}`).join('\n');
}

/** Lints a corpus entry; a JSON syntax error stands for the parser's `json-syntax` error. */
function check(entry: CorpusEntry, host: HostProfile = 'teams'): { errors: number; warnings: number; report: string } {
  if (entry.parseError !== undefined) {
    return { errors: 1, warnings: 0, report: `  error json-syntax: ${entry.parseError}` };
  }
  const issues = lintCard(entry.value, { host });
  return {
    errors: issues.filter((i) => i.severity === 'error').length,
    warnings: issues.filter((i) => i.severity === 'warning').length,
    report: describeIssues(issues),
  };
}

describe('the shared corpus', () => {
  it('labels every json file, 14 valid, 11 sloppy and 9 invalid', () => {
    expect(entries.length, 'the corpus folder holds json files').toBeGreaterThan(0);
    const unlabelled = entries.filter((e) => e.label === undefined).map((e) => e.file);
    expect(unlabelled, `files without a label in SOURCES.md: ${unlabelled.join(', ')}`).toEqual([]);
    const missingFiles = [...labels.keys()].filter((file) => !entries.some((e) => e.file === file));
    expect(missingFiles, `labelled in SOURCES.md but not in the folder: ${missingFiles.join(', ')}`).toEqual([]);
    const counts = { valid: 0, sloppy: 0, invalid: 0 };
    for (const entry of entries) if (entry.label) counts[entry.label]++;
    expect(counts).toEqual(EXPECTED_COUNTS);
  });

  it('has exactly one file that is not JSON, and it is labelled invalid', () => {
    const broken = entries.filter((e) => e.parseError !== undefined);
    expect(broken.map((e) => `${e.file} (${e.label})`)).toEqual([
      '047-nforgeio-notify-build-ps1-trailing-comma.json (invalid)',
    ]);
  });

  it('gives every valid card no error', () => {
    for (const entry of entries.filter((e) => e.label === 'valid')) {
      const result = check(entry);
      expect(result.errors, `${entry.file} is labelled valid but has errors:\n${result.report}`).toBe(0);
    }
  });

  it('gives every sloppy card no error and at least one warning', () => {
    for (const entry of entries.filter((e) => e.label === 'sloppy')) {
      const result = check(entry);
      expect(result.errors, `${entry.file} is labelled sloppy but has errors:\n${result.report}`).toBe(0);
      expect(result.warnings, `${entry.file} is labelled sloppy but has no warning:\n${result.report}`).toBeGreaterThan(
        0,
      );
    }
  });

  it('gives every invalid card at least one error', () => {
    for (const entry of entries.filter((e) => e.label === 'invalid')) {
      const result = check(entry);
      expect(result.errors, `${entry.file} is labelled invalid but has no error:\n${result.report}`).toBeGreaterThan(0);
    }
  });

  it('keeps the labels on the Workflows and Outlook hosts too (no host adds or removes an error)', () => {
    for (const host of HOST_PROFILES) {
      for (const entry of entries) {
        const result = check(entry, host);
        if (entry.label === 'invalid') {
          expect(result.errors, `${entry.file} (invalid) has no error for ${host}:\n${result.report}`).toBeGreaterThan(
            0,
          );
        } else {
          expect(result.errors, `${entry.file} (${entry.label}) has errors for ${host}:\n${result.report}`).toBe(0);
        }
      }
    }
  });

  it('emits only catalogued rule ids, with their catalogued severity, at paths that exist', () => {
    for (const host of HOST_PROFILES) {
      for (const entry of entries.filter((e) => e.parseError === undefined)) {
        for (const issue of lintCard(entry.value, { host })) {
          const info = ruleInfo(issue.rule);
          expect(info, `${entry.file}: rule ${issue.rule} is not in RULES`).toBeDefined();
          expect(info?.hosts, `${entry.file}: ${issue.rule} reported for ${host}`).toContain(host);
          expect(issue.severity, `${entry.file}: ${issue.rule}`).toBe(info?.severity);
        }
      }
    }
  });

  it('explains why each invalid card fails', () => {
    // The error each invalid file is labelled for (SOURCES.md notes), so a rule change that
    // keeps "some error" but loses the real one is caught.
    const expected: Record<string, string> = {
      '005-playground-facebook-digest.json': 'openuri-targets-required',
      '011-playground-twitter-hero-image.json': 'summary-or-text-required',
      '013-playground-yammer-digest.json': 'openuri-targets-required',
      '021-outlook-docs-twitter-digest-no-type.json': 'summary-or-text-required',
      '025-pymsteams-potential-actions-sloppy-inputs.json': 'action-type-unknown',
      '053-metis-teams-capitalised-sections-key.json': 'field-wrong-case',
      '055-argocd-notifications-teams-context-key-bug.json': 'action-uri-invalid',
      '057-ansible-o365-card-check-mode-empty.json': 'summary-or-text-required',
    };
    for (const [file, rule] of Object.entries(expected)) {
      const entry = entries.find((e) => e.file === file);
      expect(entry, file).toBeDefined();
      const issues = lintCard(entry?.value);
      expect(
        issues.some((i) => i.rule === rule && i.severity === 'error'),
        `${file} should fail with ${rule}:\n${describeIssues(issues)}`,
      ).toBe(true);
    }
  });
});
