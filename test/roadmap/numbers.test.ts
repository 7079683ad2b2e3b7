import { describe, expect, it } from 'vitest';
import { largest, smallest } from '../../src/roadmap/numbers.js';

describe('largest and smallest', () => {
  it('answer as Math.max and Math.min on small lists, empty ones included', () => {
    for (const list of [[], [3], [1, 5, 2], [-1, -7], [2, Number.NaN, 9]]) {
      expect(largest(list)).toBe(Math.max(...list));
      expect(smallest(list)).toBe(Math.min(...list));
    }
  });

  it('handle lists far longer than the arguments a spread can pass (a log of 500 000 changes)', () => {
    const list = Array.from({ length: 500_000 }, (_, i) => (i * 7919) % 500_000);
    expect(() => Math.max(...list)).toThrow(RangeError);
    expect(largest(list)).toBe(499_999);
    expect(smallest(list)).toBe(0);
  });
});
