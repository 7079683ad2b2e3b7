import { mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { XMLValidator } from 'fast-xml-parser';
import { type Browser, chromium } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CHROMIUM_FLAGS } from '../../scripts/chromium-flags.mjs';
import { runRoadmap, scratchHome } from '../helpers/cli.js';
import { locate, requires } from '../helpers/requires.js';

// Browser globals, used only inside page.evaluate (the project's tsconfig has no DOM library).
// biome-ignore lint/suspicious/noExplicitAny: typed loosely on purpose, checked by the assertions.
declare const document: any;
// biome-ignore lint/suspicious/noExplicitAny: as above.
declare const window: any;
declare function getComputedStyle(element: unknown): { fontSize: string; maxWidth: string };
type Element = unknown;

const CHROMIUM = requires('chromium') ? locate('chromium') : null;
const FLAGS = [...CHROMIUM_FLAGS];

const HOSTILE_DOC = [
  '# Hostile <script>document.title="pwned-title"</script> plan',
  '',
  '## 🔴 Level 1 — Basics',
  '',
  '### Injection',
  '',
  '- [ ] `<script>document.title="pwned"; window.__pwned = 1</script>` Learn XSS',
  '- [ ] `<img src=x onerror="document.body.dataset.pwned = 1">` Images',
  '- [ ] Quotes " and \' and & ampersands',
  '',
  '## 🟢 Level 2 — Later',
  '',
  '- [ ] <iframe src="https://example.com"></iframe> Frames',
  '- [ ] Done already',
  '',
  '## The project',
  '',
  '- A small XSS lab with <svg onload="window.__pwned = 2">',
  '',
].join('\n');

describe.skipIf(!CHROMIUM)('the HTML report in headless Chromium', () => {
  let browser: Browser;
  const home = scratchHome();
  const file = join(home.dir, 'hostile.md');
  const report = join(home.dir, 'report.html');
  const shots = join(home.dir, 'shots');

  beforeAll(async () => {
    writeFileSync(file, HOSTILE_DOC);
    mkdirSync(join(home.dir, 'config', 'roadmap'), { recursive: true });
    const at = '2026-02-01T10:00:00.000Z';
    const listed = runRoadmap(['--file', file, 'list', '--json'], home.env);
    const keys = (JSON.parse(listed.stdout) as { items: { key: string }[] }).items.map((item) => item.key);
    const [learnXss, images, , , doneAlready] = keys as [string, string, string, string, string];
    const state = {
      schemaVersion: 1,
      documents: {
        [file]: {
          items: { [doneAlready]: { status: 'done', at }, [images]: { status: 'done', at } },
          notes: {
            [learnXss]: [
              { at, text: '<img src=x onerror="window.__pwned = 3">' },
              { at, url: 'https://github.com/me/xss-lab', text: '"><script>window.__pwned=4</script>' },
            ],
          },
        },
      },
    };
    writeFileSync(join(home.dir, 'config', 'roadmap', 'state.json'), JSON.stringify(state));
    const result = runRoadmap(['--file', file, 'export', '--format', 'html', '-o', report], { ...home.env, ROADMAP_NOW: '2026-03-01' });
    expect(result.stderr).toMatch(/^Written to .*report.html\n$/);
    expect(result.code).toBe(0);
    browser = await chromium.launch({ executablePath: CHROMIUM as string, headless: true, args: FLAGS });
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
  });

  it('detects a script that runs (the check below can fail)', async () => {
    const page = await browser.newPage();
    await page.setContent(
      '<title>safe</title><img src=x onerror="document.body.dataset.pwned = 1"><script>document.title = "pwned"</script>',
    );
    await page.waitForFunction(() => document.body.dataset.pwned === '1');
    expect(await page.title()).toBe('pwned');
    await page.close();
  });

  it('renders the figures, runs nothing from the document and fetches nothing', async () => {
    const context = await browser.newContext({ viewport: { width: 1000, height: 900 }, offline: true });
    const page = await context.newPage();
    const requests: string[] = [];
    page.on('request', (request) => requests.push(request.url()));
    await page.goto(pathToFileURL(report).href, { waitUntil: 'load' });
    await page.waitForTimeout(200);

    expect(await page.title()).toBe('Hostile document.title="pwned-title" plan — progress');
    const facts = await page.evaluate(() => ({
      pwned: window.__pwned ?? null,
      bodyPwned: document.body.dataset.pwned ?? null,
      scripts: document.querySelectorAll('script').length,
      imgs: document.querySelectorAll('img').length,
      iframes: document.querySelectorAll('iframe').length,
      handlers: document.querySelectorAll('[onload], [onerror], [onclick]').length,
      big: document.querySelector('#overall .big')?.textContent,
      summary: document.querySelector('#overall')?.textContent,
      levels: [...document.querySelectorAll('.levels li')].map((li: { textContent: string }) => li.textContent),
      item1: document.querySelector('#item-1 .text')?.textContent,
      item2: document.querySelector('#item-2')?.getAttribute('data-status'),
      item3: document.querySelector('#item-3 .text')?.textContent,
      notes: [...document.querySelectorAll('#item-1 .notes li')].map((li: { textContent: string }) => li.textContent),
      evidence: document.querySelector('#item-1 a.evidence')?.getAttribute('href'),
      part: document.querySelector('#project .part .text')?.textContent,
      levelColor: document.querySelector('.levels li rect:nth-of-type(2)')?.getAttribute('fill'),
    }));
    expect(facts).toMatchObject({ pwned: null, bodyPwned: null, scripts: 0, imgs: 0, iframes: 0, big: '40%' });
    expect(facts.summary).toContain('2 of 5 items done');
    expect(facts.levels).toEqual(['🔴 Level 1 — Basics1/3 · 33%', '🟢 Level 2 — Later1/2 · 50%']);
    expect(facts.item1).toBe('<script>document.title="pwned"; window.__pwned = 1</script> Learn XSS');
    expect(facts.item2).toBe('done');
    expect(facts.item3).toBe('Quotes " and \' and & ampersands');
    expect(facts.notes).toEqual(['2026-02-01<img src=x onerror="window.__pwned = 3">', '2026-02-01🔗 "><script>window.__pwned=4</script>']);
    expect(facts.evidence).toBe('https://github.com/me/xss-lab');
    // The parser keeps only the text of inline HTML in plain bullets.
    expect(facts.part).toBe('A small XSS lab with');
    expect(facts.handlers).toBe(0);
    expect(facts.levelColor).toBe('#e0443e');
    expect(requests).toEqual([pathToFileURL(report).href]);

    mkdirSync(shots, { recursive: true });
    const shot = join(shots, 'desktop.png');
    await page.screenshot({ path: shot, fullPage: true });
    expect(readFileSync(shot).subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
    expect(statSync(shot).size).toBeGreaterThan(10_000);
    await context.close();
  });

  it('fits a phone screen without sideways scrolling, and prints', async () => {
    const context = await browser.newContext({
      viewport: { width: 390, height: 844 },
      deviceScaleFactor: 2,
      isMobile: true,
      offline: true,
    });
    const page = await context.newPage();
    await page.goto(pathToFileURL(report).href);
    const widths = await page.evaluate(() => ({
      scroll: document.documentElement.scrollWidth,
      client: document.documentElement.clientWidth,
    }));
    expect(widths.scroll).toBeLessThanOrEqual(widths.client);
    const fontSize = await page.evaluate(() =>
      Number.parseFloat(getComputedStyle(document.querySelector('.item .text') as Element).fontSize),
    );
    expect(fontSize).toBeGreaterThanOrEqual(14);
    await page.screenshot({ path: join(shots, 'phone.png') });
    expect(statSync(join(shots, 'phone.png')).size).toBeGreaterThan(10_000);

    await page.emulateMedia({ media: 'print' });
    expect(await page.evaluate(() => getComputedStyle(document.querySelector('.page') as Element).maxWidth)).toBe('none');
    const pdf = await page.pdf({ format: 'A4' });
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    await context.close();
  });

  it('shows the SVG badge as an image (valid XML)', async () => {
    const result = runRoadmap(['--file', file, 'export', '--format', 'svg'], home.env);
    expect(result.code).toBe(0);
    expect(XMLValidator.validate(result.stdout)).toBe(true);
    const page = await browser.newPage();
    await page.goto(`data:image/svg+xml;base64,${Buffer.from(result.stdout).toString('base64')}`);
    const box = await page.evaluate(() => {
      const svg = document.querySelector('svg');
      return { width: svg?.getBoundingClientRect().width, text: svg?.textContent };
    });
    expect(box.width).toBeGreaterThan(60);
    expect(box.text).toContain('40%');
    await page.close();
  });
});
