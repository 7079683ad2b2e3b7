// Every daily view in a real pseudo-terminal of 80 and 100 columns, in both languages: tmux runs the
// installed binary; no line needs the terminal to wrap it, and the screens match their golden files
// (review the diff, then `npx vitest run test/e2e/width.test.ts -u`).
import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, inject, it } from 'vitest';
import { scratchHome } from '../helpers/cli.js';
import { requires } from '../helpers/requires.js';

const skip = !requires('tmux');

const servers: string[] = [];
afterEach(() => {
  for (const socket of servers.splice(0)) spawnSync('tmux', ['-S', socket, 'kill-server']);
});

const quote = (s: string) => `'${s.replace(/'/g, `'\\''`)}'`;

/** The commands shown, in order: a hint after check, a did-you-mean, every daily view. */
const COMMANDS = [
  ['check', '20'],
  ['start', '21'],
  ['check', '1', '2', '3'],
  ['check', '6'],
  ['check', 'postgress'],
  ['status'],
  ['list', '--level', '1'],
  ['next'],
  ['log'],
  ['info', '21'],
  ['info', '1'],
  ['plan'],
];

/**
 * Runs the commands one after the other in a tmux pane of `columns`; returns the whole screen, and the
 * lines the terminal had to wrap (tmux itself judges: they are the lines `capture-pane -J` joins).
 */
async function screens(columns: number, lang: string): Promise<{ screen: string; wrapped: string[] }> {
  const { dir, env } = scratchHome();
  const socket = join(dir, 'tmux.sock');
  servers.push(socket);
  const vars = {
    ...env,
    PATH: process.env.PATH ?? '',
    LANG: 'C.UTF-8',
    TERM: 'xterm-256color',
    TZ: 'UTC',
    ROADMAP_LANG: lang,
    NO_COLOR: '1',
  };
  const bin = quote(inject('roadmapBin'));
  const script = join(dir, 'run.sh');
  const lines = COMMANDS.map((args) => `echo '$ roadmap ${args.join(' ')}'; ${bin} ${args.map(quote).join(' ')}; echo "[exit $?]"`);
  writeFileSync(script, `${lines.join('\n')}\necho DONE\nsleep 120\n`);
  const command = [
    'env -i',
    ...Object.entries(vars).map(([k, v]) => `${k}=${quote(v)}`),
    `ROADMAP_NOW=2026-03-01T09:00:00Z sh ${quote(script)}`,
  ].join(' ');
  const tmux = (...a: string[]) => spawnSync('tmux', ['-S', socket, ...a], { encoding: 'utf8' });
  const started = tmux('new-session', '-d', '-s', 'w', '-x', String(columns), '-y', '50', command);
  if (started.status !== 0) throw new Error(`tmux failed: ${started.stderr}`);
  tmux('set-option', '-t', 'w', 'history-limit', '5000');
  const capture = (...flags: string[]) => tmux('capture-pane', '-p', ...flags, '-t', 'w', '-S', '-', '-E', '-').stdout;
  const deadline = Date.now() + 60_000;
  for (;;) {
    const text = capture('-J');
    if (/^DONE$/m.test(text)) {
      const rows = new Set(
        capture()
          .split('\n')
          .map((row) => row.trimEnd()),
      );
      const screen = text.slice(0, text.search(/^DONE$/m)).replace(/[ \t]+$/gm, '');
      return { screen, wrapped: screen.split('\n').filter((line) => !rows.has(line)) };
    }
    if (Date.now() > deadline) throw new Error(`timed out; screen:\n${text}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

describe.skipIf(skip)('every view fits the terminal (tmux)', () => {
  it.each([
    [80, 'en'],
    [80, 'fr'],
    [100, 'en'],
    [100, 'fr'],
  ])('at %i columns in %s', async (columns, lang) => {
    const { screen, wrapped } = await screens(columns, lang);
    for (const args of COMMANDS) expect(screen).toContain(`$ roadmap ${args.join(' ')}`);
    expect(screen).toMatch(lang === 'en' ? /More urgent: 1 / : /Plus urgent : 1 /);
    expect(wrapped).toEqual([]);
    await expect(screen).toMatchFileSnapshot(`__golden__/screens.${lang}.${columns}.txt`);
  });
});
