// The lean bundle (dist/hot.cjs, chosen by boot.ts from src/hot-argv.ts) must behave exactly as the
// commander program does: same output, errors, exit code and state (changes included: the state file
// is put back between the two runs), on the same command lines.
import { copyFileSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { hotLine, isHelpLine, isVersionLine } from '../../src/hot-argv.js';
import { type RunResult, runRoadmap, scratchHome, stateFileOf } from '../helpers/cli.js';
import { ROOT } from '../helpers/context.js';

const NOW = { ROADMAP_NOW: '2026-03-02T09:00:00Z' };

/** A home with progress, notes, a plan started and a document of the user's own. */
function homeWithProgress() {
  const home = scratchHome();
  const env = { ...home.env, ...NOW };
  const doc = join(home.dir, 'doc.md');
  copyFileSync(join(ROOT, 'test', 'fixtures', 'nested.md'), doc);
  for (const argv of [
    ['check', '3', '4', '20'],
    ['start', '10'],
    ['skip', '50'],
    ['note', '3', 'Tuto fini'],
    ['plan', '--start', '2026-01-05'],
  ]) {
    expect(runRoadmap(argv, env).code).toBe(0);
  }
  expect(runRoadmap(['-f', doc, 'check', '1'], env).code).toBe(0);
  return { ...home, env, doc };
}

const codeCaches = (env: Record<string, string>) =>
  readdirSync(join(env.XDG_CACHE_HOME as string, 'roadmap'))
    .map((name) => /^code-[0-9a-f]{16}-((?:main|hot)\.[a-z]+|main-help)-/.exec(name)?.[1])
    .filter((name): name is string => name !== undefined);

/** Runs a line the default way and through commander only; returns both, and the bundle the default way ran. */
function bothWays(argv: string[], env: Record<string, string>): { hot: RunResult; commander: RunResult; ran: string[] } {
  const cacheDir = join(env.XDG_CACHE_HOME as string, 'roadmap');
  for (const name of readdirSync(cacheDir)) if (name.endsWith('.v8')) rmSync(join(cacheDir, name));
  const state = readFileSync(stateFileOf(env), 'utf8');
  const hot = runRoadmap(argv, env);
  const ran = codeCaches(env);
  const afterHot = readFileSync(stateFileOf(env), 'utf8');
  writeFileSync(stateFileOf(env), state);
  const commander = runRoadmap(argv, { ...env, ROADMAP_HOT: '0' });
  expect(readFileSync(stateFileOf(env), 'utf8')).toBe(afterHot);
  return { hot, commander, ran };
}

describe('the lean bundle for the daily commands', () => {
  const { env, doc } = homeWithProgress();

  const lines: string[][] = [
    [],
    ['status'],
    ['--json'],
    ['status', '--json'],
    ['status', '--level', '2'],
    ['status', '-l', '9'],
    ['status', '--level', 'x'],
    ['list'],
    ['show', '--todo'],
    ['list', '--done', '--json'],
    ['list', '--todo', '--done'],
    ['list', '-s', 'docker'],
    ['list', '--section', 'nothing like this'],
    ['list', '--notes', '--level', '1'],
    ['next'],
    ['next', '--explain', '-n', '5'],
    ['next', '--json'],
    ['--lang', 'fr', 'next'],
    ['--lang=en', 'status'],
    ['--no-color', 'list'],
    ['-f', doc, 'status'],
    [`--file=${doc}`, 'list', '--json'],
    ['-f', doc, 'next', '--explain'],
    ['-f', 'missing.md', 'status'],
    ['status', '--debug'],
    ['status', 'extra'],
    ['list', '--bogus'],
    ['--version'],
    ['-v'],
    ['--help'],
    ['-h'],
    ['--help', '--lang', 'fr'],
    ['--lang=fr', '-h'],
    ['--lang', 'en', '--help'],
    ['--help', '--lang', 'de'],
    ['--help', '--no-color'],
    ['--help', '-h'],
    ['help'],
    ['check', '7'],
    ['check', '7', '8', '--dry-run', '--json'],
    ['uncheck', '3'],
    ['start', 'docker', 'compose'],
    ['skip', '51', '-n'],
    ['check', 'nothing like this at all'],
    ['check', '999'],
    ['check', ''],
    ['check'],
    ['-f', doc, 'check', '2'],
    ['check', '4', '--level', '2'],
  ];

  it.each(lines.map((argv) => [argv.join(' ') || '(nothing)', argv]))('`roadmap %s`: same as commander', (_name, argv) => {
    const { hot, commander, ran } = bothWays(argv as string[], env);
    expect(hot).toEqual(commander);
    expect(hot.stdout + hot.stderr).not.toBe('');
    const line = hotLine(argv as string[]);
    if (isVersionLine(argv as string[])) expect(ran).toEqual([]);
    else if (isHelpLine(argv as string[])) expect(ran).toEqual(['main-help']);
    else if (line) expect(ran).toEqual([`hot.${line.command}`]);
    else expect(ran.every((name) => name.startsWith('main.'))).toBe(true);
  });

  it.each([
    ['in French, in colour, in 50 columns', { LANG: 'fr_FR.UTF-8', FORCE_COLOR: '1', COLUMNS: '50' }],
    ['with NO_COLOR and ROADMAP_LANG', { NO_COLOR: '1', ROADMAP_LANG: 'fr' }],
  ])('%s: same as commander', (_name, extra) => {
    for (const argv of [['status'], ['list', '--todo'], ['next', '--explain'], ['show', '--notes'], ['--no-color', 'status'], ['--help']]) {
      const { hot, commander } = bothWays(argv, { ...env, ...extra });
      expect([argv, hot]).toEqual([argv, commander]);
    }
  });

  it('reports the same errors: a bad ROADMAP_NOW, ROADMAP_FILE missing, a corrupt state file left as it is', () => {
    for (const extra of [{ ROADMAP_NOW: 'tomorrow' }, { ROADMAP_FILE: join(ROOT, 'nope.md') }] as Array<Record<string, string>>) {
      const { hot, commander } = bothWays(['next'], { ...env, ...extra });
      expect(hot.code).toBe(1);
      expect(hot).toEqual(commander);
    }
    const broken = scratchHome();
    runRoadmap(['check', '1'], broken.env);
    writeFileSync(stateFileOf(broken.env), '{"schemaVersion": 1, "documents": ');
    const { hot, commander } = bothWays(['status'], broken.env);
    expect(hot.code).toBe(1);
    expect(hot.stderr).toMatch(/^roadmap: .+\n/);
    expect(hot).toEqual(commander);
    expect(readFileSync(stateFileOf(broken.env), 'utf8')).toBe('{"schemaVersion": 1, "documents": ');
  });
});
