import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
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

/** The README is a front page; the manual is in docs/ (CONTRIBUTING.md › Commits and changelog). */
describe('the README as a front page', () => {
  const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
  const headings = readme.split('\n').filter((line) => /^#{1,6} /.test(line));

  it('says how to set everything up in its first 40 lines: `npm install && npx roadmap status`, then `npm test`', () => {
    const top = readme.split('\n').slice(0, 40).join('\n');
    expect(top).toContain('npm install && npx roadmap status');
    expect(top).toMatch(/^npm test\b/m);
    expect(top).toContain('En bref (FR)');
  });

  it('is at most 15 KB, each heading once, and explains a global install without root', () => {
    expect(Buffer.byteLength(readme)).toBeLessThanOrEqual(15 * 1024);
    expect(new Set(headings).size).toBe(headings.length);
    expect(headings).toEqual([
      '# roadmap',
      '## Quick start',
      '## A 30-second tour',
      '## Commands',
      '## Your progress, when the document changes, and your data',
      '## Documentation',
      '## License',
    ]);
    expect(readme).toContain('npm install -g --prefix ~/.local ./roadmap-0.1.0.tgz');
    expect(readme).toContain('EACCES');
  });

  it('and docs/ link only to files that exist', () => {
    const pages = [
      'README.md',
      ...readdirSync(join(ROOT, 'docs'))
        .filter((n) => n.endsWith('.md'))
        .map((n) => `docs/${n}`),
    ];
    const broken: string[] = [];
    for (const page of pages) {
      const text = readFileSync(join(ROOT, page), 'utf8');
      for (const [, target] of text.matchAll(/\]\(([^)#\s]+)(?:#[^)]*)?\)/g)) {
        if (/^[a-z]+:/.test(target as string)) continue;
        const path = join(ROOT, dirname(page), target as string);
        if (!existsSync(path)) broken.push(`${page} → ${target}`);
      }
    }
    expect(broken).toEqual([]);
  });
});
