import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { DocumentState } from '../../src/progress/state.js';
import { escapeHtml, safeHref } from '../../src/report/escape.js';
import { reportModel } from '../../src/report/report.js';
import { planTimeline } from '../../src/report/timeline.js';
import { parseRoadmap } from '../../src/roadmap/parse.js';
import { messagesFor } from '../../src/ui/messages.js';
import { htmlReport } from '../../src/ui/report-html.js';
import { ROOT } from '../helpers/context.js';

const bundled = parseRoadmap(readFileSync(join(ROOT, 'data', 'roadmap.md'), 'utf8'));
const now = new Date('2026-03-15T12:00:00Z');
const at = '2026-01-10T09:00:00.000Z';

const HOSTILE = [
  '# Mon plan <script>document.title="pwned"</script>',
  '',
  '## 🔴 Niveau 1 — <b>bold</b>',
  '',
  '### Sec "quoted" & <i>',
  '',
  '- [ ] `<script>document.title="pwned"</script>` XSS 101',
  '- [ ] `<img src=x onerror="document.body.dataset.pwned=1">` images',
  '- [ ] raw <script>document.title="raw"</script> html',
  '- [x] [a link](javascript:alert(1)) and [a good one](https://example.com/ok)',
  '',
].join('\n');

describe('escapeHtml and safeHref', () => {
  it('escapes every markup character and drops control characters', () => {
    expect(escapeHtml(`<a href="x" onclick='y'>&</a>\u0007`)).toBe('&#60;a href=&#34;x&#34; onclick=&#39;y&#39;&#62;&#38;&#60;/a&#62;');
  });
  it.each([
    ['https://github.com/me', 'https://github.com/me'],
    ['http://x.dev/a?b=<c>', 'http://x.dev/a?b=%3Cc%3E'],
    ['javascript:alert(1)', null],
    ['JaVaScRiPt:alert(1)', null],
    ['data:text/html,x', null],
    ['/relative', null],
    [undefined, null],
  ])('%s → %s', (value, href) => {
    expect(safeHref(value)).toBe(href);
  });
});

describe('the HTML report', () => {
  it('shows the figures of the progress, per level, with the levels colours', () => {
    const keys = [1, 2, 3, 9].map((id) => bundled.items[id - 1]?.key as string);
    const doc: DocumentState = { items: Object.fromEntries(keys.map((k) => [k, { status: 'done', at }])) };
    const html = htmlReport(bundled, doc, messagesFor('en'), 'en', now);
    expect(html.startsWith('<!doctype html>')).toBe(true);
    expect(html).toContain('<html lang="en">');
    expect(html).toContain('<meta name="viewport" content="width=device-width, initial-scale=1">');
    expect(html).toContain('<p class="big" data-percent="8">8%</p>');
    expect(html).toContain('4 of 52 items done');
    expect(html).toMatch(/data-level="1">.*?4\/15 · 27%/);
    expect(html).toContain('fill="#e0443e"');
    expect(html).toContain('<li class="item done" id="item-9" data-status="done"');
    expect(html).toContain('Progress on 15 March 2026');
    expect(html).toContain('@media print');
    expect(html).toContain('<section id="project">');
    expect(html).toContain('Mois 2-3 · now');
  });

  it('is self-contained: no script, no external resource', () => {
    const html = htmlReport(bundled, { items: {} }, messagesFor('fr'), 'fr', now);
    expect(html).not.toMatch(/<script|<link|<img|<iframe|@import|url\(http|src=/i);
    expect(html).toContain("default-src 'none'");
    expect(html).toContain('<html lang="fr">');
    expect(html).toContain('Progression au 15 mars 2026');
  });

  it('escapes every text of the document and only links http(s) addresses', () => {
    const model = parseRoadmap(HOSTILE);
    const doc: DocumentState = {
      items: {},
      notes: {
        [model.items[0]?.key as string]: [
          { at, text: '</li><script>alert(1)</script>' },
          { at, url: 'javascript:alert(2)', text: 'evil' },
          { at, url: 'https://github.com/me/proof', text: '"><svg onload=alert(3)>' },
        ],
      },
    };
    const html = htmlReport(model, doc, messagesFor('en'), 'en', now);
    const body = html.slice(html.indexOf('<body>'));
    expect(body).not.toMatch(/<script|<img|<svg onload|<b>|<i>|href="javascript/i);
    expect(body).toContain('<span class="text">a link and <a href');
    expect(body).toContain('<code>&#60;script&#62;document.title=&#34;pwned&#34;&#60;/script&#62;</code> XSS 101');
    expect(body).toContain('<span class="text">raw document.title=&#34;raw&#34; html</span>');
    expect(body).toContain('<code>&#60;img src=x onerror=&#34;document.body.dataset.pwned=1&#34;&#62;</code> images');
    expect(body).toContain('<a href="https://example.com/ok" rel="noopener noreferrer nofollow">a good one</a>');
    expect(body).toContain('evil (javascript:alert(2))');
    expect(body).toContain('href="https://github.com/me/proof"');
    expect(html).toContain('<title>Mon plan document.title=&#34;pwned&#34; — progress</title>');
  });
});

describe('planTimeline', () => {
  const planning =
    bundled.planning ??
    (() => {
      throw new Error('no planning');
    })();
  it('is not started without any recorded change', () => {
    expect(planTimeline(planning, { items: {} }, now)).toMatchObject({ startedAt: null, current: null });
  });
  it.each([
    ['2026-03-10T00:00:00.000Z', 0],
    ['2026-01-20T00:00:00.000Z', 0],
    ['2026-01-01T00:00:00.000Z', 1],
    ['2025-10-01T00:00:00.000Z', 3],
    ['2024-01-01T00:00:00.000Z', null],
  ])('started %s → row %s', (start, row) => {
    const doc: DocumentState = { items: { a: { status: 'done', at: start } } };
    expect(planTimeline(planning, doc, now)).toMatchObject({ startedAt: start, current: row });
  });
});

describe('reportModel', () => {
  it('has no project and no timeline for a document without them', () => {
    const input = reportModel(parseRoadmap(HOSTILE), { items: {} }, now);
    expect(input.project).toBeNull();
    expect(input.timeline).toBeNull();
    expect(input.progress).toMatchObject({ total: 4, done: 1 });
  });
});
