import { describe, expect, it } from 'vitest';
import { applyLimit, DISPLAY_LIMITS } from './limits.ts';

describe('display limits', () => {
  it('Teams draws ten sections and five images and actions per section, and no hero image', () => {
    expect(DISPLAY_LIMITS.teams).toMatchObject({ sections: 10, imagesPerSection: 5, actionsPerSection: 5 });
    expect(DISPLAY_LIMITS.workflows).toEqual(DISPLAY_LIMITS.teams);
  });

  it('splits a list at the limit and counts what is left out', () => {
    expect(applyLimit([1, 2, 3], 2)).toEqual({ shown: [1, 2], hidden: 1 });
    expect(applyLimit([1, 2], 2)).toEqual({ shown: [1, 2], hidden: 0 });
    expect(applyLimit([1, 2], undefined)).toEqual({ shown: [1, 2], hidden: 0 });
  });
});
