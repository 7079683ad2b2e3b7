import { describe, expect, it } from 'vitest';
import { guideEn, guideFr } from '../../src/ui/messages-guide.js';

/** Every leaf of a messages object as [path, text], functions called with sample arguments. */
function leaves(value: unknown, path = ''): Array<[string, string]> {
  if (typeof value === 'string') return [[path, value]];
  if (typeof value === 'function') return [[path, String(value('Mois 1-2', 3, 4, 5))]];
  return Object.entries(value as Record<string, unknown>).flatMap(([key, v]) => leaves(v, path ? `${path}.${key}` : key));
}

describe('the next/plan/log messages', () => {
  it('exist in English and French, and the French ones are translated', () => {
    const en = new Map(leaves(guideEn()));
    const fr = new Map(leaves(guideFr()));
    expect([...fr.keys()]).toEqual([...en.keys()]);
    // Words that are the same in both languages.
    const same = new Set([
      'plan.title',
      'plan.states.unknown',
      'next.explainHead.coefficient',
      'next.explainHead.points',
      'next.explainHead.score',
    ]);
    const untranslated = [...en].filter(([key, text]) => !same.has(key) && fr.get(key) === text).map(([key]) => key);
    expect(untranslated).toEqual([]);
  });
});
