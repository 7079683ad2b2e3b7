// Regenerates the README's pictures from a demo progress state: docs/report.png (the HTML report in
// headless Chromium, phone-sized and desktop-sized) and docs/badge.svg. Run after `npm run build`:
//   node scripts/docs-assets.mjs
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CHROMIUM_FLAGS } from './chromium-flags.mjs';

const root = new URL('..', import.meta.url).pathname;
const home = mkdtempSync(join(tmpdir(), 'roadmap-demo-'));
const day = (d) => `2026-${d}T18:00:00.000Z`;
const done = [1, 2, 3, 4, 5, 6, 7, 8, 9, 13, 14, 16, 17, 29, 31, 32];
const doing = [10, 22];
const model = JSON.parse(
  execFileSync('node', [join(root, 'bin', 'roadmap.cjs'), 'list', '--json'], { env: { ...process.env, ROADMAP_HOME: home } }),
).items;
const items = {};
const log = [];
for (const [i, id] of [...done, ...doing].entries()) {
  const key = model[id - 1].key;
  const status = doing.includes(id) ? 'doing' : 'done';
  const at = day(`0${1 + Math.floor(i / 6)}-${String(3 + (i % 6) * 4).padStart(2, '0')}`);
  items[key] = { status, at };
  log.push({ at, key, from: 'todo', to: status });
}
log.sort((a, b) => a.at.localeCompare(b.at));
const notes = {
  [model[3].key]: [
    { at: day('01-20'), text: 'Built a small bookmarks API with FastAPI: pagination, versioning, 94 % test coverage' },
    { at: day('01-21'), url: 'https://github.com/example/bookmarks-api', text: 'bookmarks-api' },
  ],
  [model[28].key]: [{ at: day('03-02'), url: 'https://github.com/example/bookmarks-infra' }],
};
const project = {
  [slug('Une API REST déployée sur AWS')]: {
    status: 'done',
    at: day('02-10'),
    links: [{ at: day('02-10'), url: 'https://github.com/example/bookmarks-api' }],
  },
  [slug('Avec une pipeline CI/CD automatisée')]: { status: 'done', at: day('03-01'), links: [] },
};
function slug(text) {
  return text
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
}
writeFileSync(join(home, 'state.json'), JSON.stringify({ schemaVersion: 1, documents: { bundled: { items, log, notes, project } } }));

const env = { ...process.env, ROADMAP_HOME: home, XDG_CACHE_HOME: join(home, 'cache'), ROADMAP_NOW: '2026-03-15' };
const run = (...args) => execFileSync('node', [join(root, 'bin', 'roadmap.cjs'), ...args], { env, stdio: 'inherit' });
mkdirSync(join(root, 'docs'), { recursive: true });
const page = join(home, 'report.html');
run('export', '--format', 'html', '-o', page);
run('export', '--format', 'svg', '-o', join(root, 'docs', 'badge.svg'));
const chromium = process.env.CHROMIUM ?? '/usr/bin/chromium';
for (const [name, size] of [
  ['report.png', '900,1400'],
  ['report-phone.png', '390,1300'],
]) {
  execFileSync(
    chromium,
    [
      '--headless',
      ...CHROMIUM_FLAGS,
      '--hide-scrollbars',
      `--user-data-dir=${join(home, 'chrome')}`,
      `--window-size=${size}`,
      `--screenshot=${join(root, 'docs', name)}`,
      `file://${page}`,
    ],
    { stdio: 'ignore' },
  );
}
rmSync(home, { recursive: true, force: true });
console.log('docs/report.png, docs/report-phone.png and docs/badge.svg written');
