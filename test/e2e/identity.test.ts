// Progress follows its item whatever happens to the document (issue 16), on the installed binary.
import { copyFileSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runRoadmap, scratchHome } from '../helpers/cli.js';
import { FIXTURES } from '../helpers/context.js';

interface ListItem {
  id: number;
  key: string;
  text: string;
  levelTitle: string;
  section: string | null;
  status: string;
}

function setup(markdown: string) {
  const { dir, env } = scratchHome();
  const doc = join(dir, 'plan.md');
  writeFileSync(doc, markdown);
  const all = { ...env, ROADMAP_FILE: doc, ROADMAP_NOW: '2026-03-01T09:00:00Z' };
  const list = () => {
    const run = runRoadmap(['list', '--json'], all);
    expect(run.code).toBe(0);
    return { items: (JSON.parse(run.stdout) as { items: ListItem[] }).items, stderr: run.stderr };
  };
  return { doc, all, list };
}

const LONG = 'Read the chapter about consistent hashing and partitioning in the distributed systems book';

describe('identity of items when the document changes', () => {
  it('coding-interview-university: two levels swapped, the done "Implement:" stays in its level with its history', () => {
    const { dir, env } = scratchHome();
    const doc = join(dir, 'ciu.md');
    copyFileSync(join(FIXTURES, 'coding-interview-university.md'), doc);
    const all = { ...env, ROADMAP_FILE: doc };
    const before = JSON.parse(runRoadmap(['list', '--json'], all).stdout).items as ListItem[];
    const target = before.find((i) => i.text === 'Implement:' && i.levelTitle === 'Trees') as ListItem;
    expect(runRoadmap(['check', String(target.id)], all).code).toBe(0);
    const lines = readFileSync(doc, 'utf8').split('\n');
    const trees = lines.indexOf('## Trees');
    const sorting = lines.indexOf('## Sorting');
    const graphs = lines.indexOf('## Graphs');
    writeFileSync(
      doc,
      [...lines.slice(0, trees), ...lines.slice(sorting, graphs), ...lines.slice(trees, sorting), ...lines.slice(graphs)].join('\n'),
    );
    const after = runRoadmap(['list', '--json'], all);
    expect(after.code).toBe(0);
    expect(after.stderr).toBe('');
    const implement = (JSON.parse(after.stdout).items as ListItem[]).filter((i) => i.text === 'Implement:');
    expect(implement.map((i) => [i.levelTitle, i.status, i.key === target.key])).toEqual([
      ['More Knowledge', 'todo', false],
      ['Sorting', 'todo', false],
      ['Trees', 'done', true],
    ]);
    // The history still names the item by the key it kept.
    expect(runRoadmap(['log'], all).stdout).toMatch(/✔ done\s+\d+\s+Implement:/);
    // `status` reads the outline of an unchanged document: the recorded keys hold there too.
    const levels = JSON.parse(runRoadmap(['status', '--json'], all).stdout).levels as { title: string; done: number }[];
    expect(levels.filter((l) => l.done > 0).map((l) => [l.title, l.done])).toEqual([['Trees', 1]]);
  });

  it('long-prefix twins: a swap keeps the mark on its item; deleting it leaves the neighbour alone and names it', () => {
    const md = `# Plan\n\n## Systems\n\n- [ ] ${LONG}, part one\n- [ ] ${LONG}, part two\n`;
    const { doc, all, list } = setup(md);
    expect(runRoadmap(['check', '1'], all).code).toBe(0);
    writeFileSync(doc, `# Plan\n\n## Systems\n\n- [ ] ${LONG}, part two\n- [ ] ${LONG}, part one\n`);
    const swapped = list();
    expect(swapped.stderr).toBe('');
    expect(swapped.items.map((i) => [i.text.slice(-8), i.status])).toEqual([
      ['part two', 'todo'],
      ['part one', 'done'],
    ]);
    writeFileSync(doc, `# Plan\n\n## Systems\n\n- [ ] ${LONG}, part two\n`);
    const deleted = list();
    expect(deleted.items.map((i) => i.status)).toEqual(['todo']);
    expect(deleted.stderr).toBe(
      'roadmap: document changed: 0 renamed (progress kept), 1 removed, 0 new — roadmap doctor for details\n' +
        `  removed: “${LONG}, part one”\n`,
    );
    expect(runRoadmap(['doctor'], all).stdout).toContain(`done · ${LONG}, part one (key `);
  });

  it('a fresh copy without the [x] marks keeps the items done once recorded, says so once, and the log shows the ticks', () => {
    const md = '# Plan\n\n## A\n\n- [x] Arrays\n- [x] Lists\n- [ ] Trees\n';
    const { doc, all } = setup(md);
    expect(JSON.parse(runRoadmap(['status', '--json'], all).stdout)).toMatchObject({ total: 3, done: 2 });
    // Reads count the ticks from memory; the first command that writes records them.
    expect(runRoadmap(['check', 'arrays'], all).code).toBe(0);
    writeFileSync(doc, md.replace(/\[x\]/g, '[ ]'));
    const first = runRoadmap(['status', '--json'], all);
    expect(JSON.parse(first.stdout)).toMatchObject({ total: 3, done: 2 });
    expect(first.stderr).toBe(
      'roadmap: “Arrays” is no longer ticked in the document: it stays done (roadmap uncheck arrays to uncheck it)\n' +
        'roadmap: “Lists” is no longer ticked in the document: it stays done (roadmap uncheck lists to uncheck it)\n',
    );
    expect(runRoadmap(['start', 'trees'], all).code).toBe(0);
    expect(runRoadmap(['status'], all).stderr).toBe('');
    const log = runRoadmap(['log'], all).stdout;
    expect(log).toContain('2026-03-01');
    expect(log).toMatch(/Arrays\s+\(ticked in the document\)/);
    expect(runRoadmap(['uncheck', 'arrays'], all).code).toBe(0);
    expect(JSON.parse(runRoadmap(['status', '--json'], all).stdout)).toMatchObject({ done: 1 });
  });

  it('a `#` footer without items keeps the title and the levels', () => {
    const { all, list } = setup(
      '# Study plan\n\n## Basics\n\n### Arrays\n\n- [ ] a\n\n### Lists\n\n- [ ] b\n\n# Contribution\n\nSend a pull request.\n',
    );
    expect(JSON.parse(runRoadmap(['status', '--json'], all).stdout)).toMatchObject({ title: 'Study plan' });
    expect(list().items.map((i) => [i.levelTitle, i.section])).toEqual([
      ['Basics', 'Arrays'],
      ['Basics', 'Lists'],
    ]);
  });

  it('a twin inserted next to a checked item: one line, doctor lists it, --attach puts it back by hand', () => {
    const { doc, all, list } = setup('# P\n\n## A\n\n- [ ] Video\n- [ ] Notes\n');
    expect(runRoadmap(['check', 'video'], all).code).toBe(0);
    writeFileSync(doc, '# P\n\n## A\n\n- [ ] Video\n- [ ] Video\n- [ ] Notes\n');
    const changed = list();
    expect(changed.items.map((i) => i.status)).toEqual(['todo', 'todo', 'todo']);
    expect(changed.stderr).toContain(
      'roadmap: “Video” could be any of 2 items now: its progress stays on key video, attach it with roadmap doctor --attach video --to <item>\n',
    );
    const doctor = runRoadmap(['doctor'], all);
    expect(doctor.stdout).toContain('done · Video (key video) → one of: 1 “Video”, 2 “Video”');
    expect(doctor.stdout).toContain('Attach it by hand: roadmap doctor --attach video --to 1');
    const json = JSON.parse(runRoadmap(['doctor', '--json'], all).stdout);
    expect(json.findings.map((f: { check: string }) => f.check)).toEqual(['ambiguous-progress', 'last-change']);
    const attach = runRoadmap(['doctor', '--attach', 'video', '--to', '2'], all);
    expect(attach.code).toBe(0);
    expect(attach.stdout).toContain('Progress of key video attached to “Video”.');
    expect(list().items.map((i) => i.status)).toEqual(['todo', 'done', 'todo']);
    const again = runRoadmap(['doctor', '--attach', 'video', '--to', '1'], all);
    expect(again.code).toBe(1);
    expect(again.stderr).toContain('no progress is recorded under key “video” outside the document');
    expect(runRoadmap(['doctor', '--attach', 'video'], all).code).toBe(2);
  });
});
