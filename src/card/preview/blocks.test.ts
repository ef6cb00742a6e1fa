import { describe, expect, it } from 'vitest';
import { blockPathOf, groupByBlock } from './blocks.ts';

describe('blockPathOf', () => {
  it.each([
    [['summary'], []],
    [['title'], ['title']],
    [['sections'], []],
    [
      ['sections', 2],
      ['sections', 2],
    ],
    [
      ['sections', 2, 'markdown'],
      ['sections', 2],
    ],
    [
      ['sections', 2, 'activityTitle'],
      ['sections', 2, 'activityTitle'],
    ],
    [
      ['sections', 0, 'facts', 1, 'value'],
      ['sections', 0, 'facts', 1],
    ],
    [
      ['sections', 0, 'facts'],
      ['sections', 0],
    ],
    [
      ['sections', 0, 'heroImage', 'image'],
      ['sections', 0, 'heroImage'],
    ],
    [
      ['potentialAction', 3, 'inputs', 0, 'id'],
      ['potentialAction', 3],
    ],
    [
      ['sections', 1, 'potentialAction', 0, 'targets', 0],
      ['sections', 1, 'potentialAction', 0],
    ],
  ])('shows an issue at %j on the block %j', (path, block) => {
    expect(blockPathOf(path)).toEqual(block);
  });

  it('groups issues by block', () => {
    const groups = groupByBlock([{ path: ['title'] }, { path: ['summary'] }, { path: ['@type'] }]);
    expect(groups.get('[]')).toHaveLength(2);
    expect(groups.get('["title"]')).toHaveLength(1);
  });
});
