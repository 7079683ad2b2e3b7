import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { itemLinks } from '../../src/roadmap/links.js';
import { parseRoadmap } from '../../src/roadmap/parse.js';
import { FIXTURES } from '../helpers/context.js';
import { bundledModel } from '../helpers/guide.js';

const one = (line: string, after = '') => {
  const model = parseRoadmap(`# T\n\n## A\n\n${line}\n${after}`);
  const item = model.items[0];
  if (!item) throw new Error('no item');
  return item;
};

describe('priority markers inside items', () => {
  it.each([
    ['- [ ] **Terraform** → standard de l’industrie, **priorité absolue**', 'raised', 'priorité absolue'],
    ['- [ ] **IAM** : rôles — _c’est crucial_', 'raised', 'crucial'],
    ['- [ ] Tests (indispensable)', 'raised', 'indispensable'],
    ['- [ ] Logging *essentiel*', 'raised', 'essentiel'],
    ['- [ ] Backups **MUST**', 'raised', 'MUST'],
    ['- [ ] Patching _critical_', 'raised', 'critical'],
    ['- [ ] Monitoring (high priority)', 'raised', 'high priority'],
    ['- [ ] Notions de AWS CDK _(bonus)_', 'lowered', 'bonus'],
    ['- [ ] GitLab CI _(bonus — très utilisé en France)_', 'lowered', 'bonus'],
    ['- [ ] Kafka (optionnel)', 'lowered', 'optionnel'],
    ['- [ ] Sass **facultatif**', 'lowered', 'facultatif'],
    ['- [ ] Rust *(nice to have)*', 'lowered', 'nice to have'],
    ['- [ ] ![High](https://img.shields.io/badge/-High-red) Hash passwords', 'High', 'High'],
    ['- [ ] **Low** Compress', 'Low', 'Low'],
    ['- [ ] Rotate keys (P0)', 'P0', 'P0'],
    ['- [ ] ![P1](https://img.shields.io/badge/P1-red) Rate-limit', 'P1', 'P1'],
    ['- [ ] Priority: [P2] later', 'P2', 'P2'],
  ])('%s → %s', (line, value, words) => {
    expect(one(line).priority).toEqual({ value, words });
  });

  it('reads a reference-style badge through its definition at the end of the file', () => {
    const item = one('- [ ] ![Medium][medium_img] Lock accounts', '\n[medium_img]: https://img.shields.io/badge/-Medium-yellow.svg\n');
    expect(item.priority).toEqual({ value: 'Medium', words: 'Medium' });
    expect(item.text).toBe('Medium Lock accounts');
  });

  it.each([
    ['a word not emphasised', '- [ ] This is crucial for the bonus round'],
    ['inside a link', '- [ ] Read [the **crucial** guide](https://example.org) and [bonus](https://example.org/b)'],
    ['inside code', '- [ ] Call `optional()` and `(bonus)`'],
    ['a label among other words', '- [ ] Learn about **high availability** and (low latency)'],
    ['part of a longer word', '- [ ] **Bonuses** and _mustard_'],
    ['a bare P3', '- [ ] (P3) someday'],
  ])('no marker: %s', (_, line) => {
    expect(one(line).priority).toBeUndefined();
  });

  it('does not read headings: "Kubernetes — notions solides" is no demotion, and the bundled items are marked as written', () => {
    const model = bundledModel();
    const marked = model.items
      .filter((item) => item.priority)
      .map((item) => [item.text.slice(0, 22), item.priority?.value, item.priority?.words]);
    expect(marked).toEqual([
      ['IAM : rôles, policies,', 'raised', 'crucial'],
      ['Terraform → standard d', 'raised', 'priorité absolue'],
      ['Notions de AWS CDK ou ', 'lowered', 'bonus'],
      ['GitLab CI (bonus — trè', 'lowered', 'bonus'],
    ]);
  });
});

describe('badges keep their words (reference-style images)', () => {
  const model = parseRoadmap(readFileSync(join(FIXTURES, 'badge-checklist.md'), 'utf8'));

  it('every badged item keeps its badge word, with no double space where the badge was', () => {
    const badged = model.items.slice(0, 8);
    expect(badged.map((item) => item.priority?.value)).toEqual(['Low', 'High', 'Medium', 'High', 'Low', 'Medium', 'High', 'Low']);
    for (const item of badged) {
      expect(item.text.startsWith(`${item.priority?.words} `)).toBe(true);
      expect(item.text).not.toMatch(/ {2}/);
    }
  });

  it('headings, link words and code set nothing', () => {
    expect(model.items.slice(8).map((item) => item.priority)).toEqual([undefined, undefined]);
  });
});

describe('item links', () => {
  it.each([
    [
      '- [ ] Read [the **OWASP** guide](https://owasp.org/top10) then [MDN](https://developer.mozilla.org)',
      [
        { text: 'the OWASP guide', url: 'https://owasp.org/top10' },
        { text: 'MDN', url: 'https://developer.mozilla.org' },
      ],
    ],
    ['- [ ] See https://example.org/video', [{ text: 'https://example.org/video', url: 'https://example.org/video' }]],
    ['- [ ] No link here', []],
  ])('%s', (line, links) => {
    expect(itemLinks(one(line))).toEqual(links);
  });

  it('resolves reference-style links through their definitions', () => {
    expect(itemLinks(one('- [ ] Watch [the video][v]', '\n[v]: https://youtu.be/abc\n'))).toEqual([
      { text: 'the video', url: 'https://youtu.be/abc' },
    ]);
  });
});
