import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runRoadmap, scratchHome } from '../helpers/cli.js';
import { ROOT } from '../helpers/context.js';

/** The README's "30-second tour" shows real output: replay its scenario and compare. */
describe('the README tour', () => {
  const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
  const tour = readme.slice(readme.indexOf('## A 30-second tour'), readme.indexOf('## Commands'));
  const { env } = scratchHome();
  const at = (now: string) => ({ ...env, ROADMAP_NOW: now });
  runRoadmap(['plan', '--start', '2026-01-05'], at('2026-03-02'));
  runRoadmap(['check', '1', '2'], at('2026-01-20'));
  runRoadmap(['check', '3', '4'], at('2026-02-10'));
  runRoadmap(['start', '5'], at('2026-02-25'));

  it.each([['status'], ['check', 'postgres'], ['next']])('`roadmap %s` prints what the README shows', (...args) => {
    const r = runRoadmap(args, at('2026-03-02'));
    expect(r.code).toBe(0);
    expect(tour).toContain(`$ roadmap ${args.join(' ')}\n${r.stdout}\`\`\``);
  });
});
