import { describe, expect, it } from 'vitest';
import { hotLine, isHelpLine, isVersionLine } from '../src/hot-argv.js';

const line = (command: string, more: Record<string, unknown> = {}) => ({
  command,
  json: false,
  color: true,
  options: {},
  items: [],
  ...more,
});

describe('hotLine: the command lines the lean bundle runs', () => {
  it.each<[string[], unknown]>([
    [[], line('status')],
    [['status'], line('status')],
    [['--json'], line('status', { json: true })],
    [['--no-color', 'status', '--json'], line('status', { json: true, color: false })],
    [['status', '--level', '2'], line('status', { options: { level: 2 } })],
    [['status', '-l', '3', '--lang', 'fr'], line('status', { options: { level: 3 } })],
    [['status', '--level=4'], line('status', { options: { level: 4 } })],
    [['list'], line('list')],
    [['show', '--todo', '--notes'], line('list', { options: { todo: true, notes: true } })],
    [['list', '-s', 'docker', '--done'], line('list', { options: { section: 'docker', done: true } })],
    [['list', '--section=API REST', '-l', '1'], line('list', { options: { section: 'API REST', level: 1 } })],
    [['next'], line('next')],
    [['next', '-n', '5', '--explain'], line('next', { options: { count: 5, explain: true } })],
    [['--file', 'doc.md', 'next'], line('next', { file: 'doc.md' })],
    [['-f', 'status', 'list'], line('list', { file: 'status' })],
    [['next', '--file=my doc.md', '--debug'], line('next', { file: 'my doc.md' })],
    [['--todo', '--todo', 'list'], undefined], // a command's option before the command: commander's error
    [['list', '--todo', '--todo'], line('list', { options: { todo: true } })],
    [['check', '4'], line('check', { items: ['4'] })],
    [['check'], line('check')],
    [
      ['check', 'postgres', 'docker compose', '12', '--dry-run'],
      line('check', { items: ['postgres', 'docker compose', '12'], options: { dryRun: true } }),
    ],
    [['uncheck', '-n', '9', '--json'], line('uncheck', { items: ['9'], json: true, options: { dryRun: true } })],
    [['start', '--level', '2', '-s', 'docker'], line('start', { options: { level: 2, section: 'docker' } })],
    [['-f', 'doc.md', 'skip', 'a=b', ''], line('skip', { file: 'doc.md', items: ['a=b', ''] })],
  ])('%j → %j', (argv, expected) => {
    expect(hotLine(argv)).toEqual(expected);
  });

  it.each<[string, ...string[][]]>([
    ['help and versions', ['--help'], ['status', '-h'], ['help'], ['--version'], ['status', '-v']],
    ['other commands', ['undo'], ['plan'], ['statu'], ['4'], ['note', '4', 'x']],
    ['a command word twice, or words where none are taken', ['status', 'check'], ['next', '3']],
    ['options of another command', ['check', '4', '--todo'], ['check', '-n', '3', '--count', '2'], ['status', '--dry-run']],
    ['references that look like options', ['check', '-1'], ['check', '--', '-1']],
    ['unknown options', ['--bogus'], ['status', '--todo'], ['next', '--level', '2'], ['--level', '2', 'status']],
    ['invalid values', ['status', '--level', 'x'], ['status', '--level', '0'], ['next', '--count', '-1'], ['--lang', 'de'], ['--lang=']],
    ['missing or dashed values', ['--file'], ['status', '--level'], ['-f', '--json'], ['list', '--section', '-x']],
    ['repeated values', ['-f', 'a.md', '--file', 'b.md'], ['status', '-l', '1', '--level', '2']],
    ['flags given a value', ['--json=true'], ['list', '--todo=yes']],
    ['extra words and separators', ['status', 'now'], ['list', 'next'], ['--', 'status'], ['-'], ['status', '--']],
    ['clustered or attached short flags', ['-fdoc.md', 'status'], ['status', '-l2'], ['-vh']],
  ])('%s go to commander', (_name, ...lines) => {
    for (const argv of lines) expect([argv, hotLine(argv)]).toEqual([argv, undefined]);
  });

  it('answers `--version` and `-v` alone', () => {
    expect(isVersionLine(['--version'])).toBe(true);
    expect(isVersionLine(['-v'])).toBe(true);
    expect(isVersionLine(['--version', '--json'])).toBe(false);
    expect(isVersionLine(['status', '--version'])).toBe(false);
    expect(isVersionLine([])).toBe(false);
  });

  it('reads the main help: `--help` or `-h` once, with at most one valid `--lang`', () => {
    for (const argv of [['--help'], ['-h'], ['--lang', 'fr', '--help'], ['-h', '--lang=en'], ['--help', '--lang', 'en']]) {
      expect([argv, isHelpLine(argv)]).toEqual([argv, true]);
    }
    for (const argv of [
      [],
      ['help'],
      ['--help', '-h'],
      ['--help', '--lang', 'de'],
      ['--help', '--lang'],
      ['--lang=de', '--help'],
      ['--help', '--lang', 'fr', '--lang', 'en'],
      ['--help', '--json'],
      ['status', '--help'],
      ['--help', 'status'],
    ]) {
      expect([argv, isHelpLine(argv)]).toEqual([argv, false]);
    }
  });
});
