// The interactive check-off in a real pseudo-terminal: tmux runs the installed binary, the test types keys.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, inject, it } from 'vitest';
import { scratchHome, stateFileOf } from '../helpers/cli.js';
import { FIXTURES } from '../helpers/context.js';
import { requires } from '../helpers/requires.js';

const skip = !requires('tmux');

interface Pane {
  keys(...keys: string[]): void;
  screen(): string;
  waitFor(test: (screen: string) => boolean, what: string, timeoutMs?: number): Promise<string>;
  exitCode(timeoutMs?: number): Promise<number>;
  stateFile: string;
}

const servers: string[] = [];
afterEach(() => {
  for (const socket of servers.splice(0)) spawnSync('tmux', ['-S', socket, 'kill-server']);
});

const quote = (s: string) => `'${s.replace(/'/g, `'\\''`)}'`;

/** Starts `roadmap <args>` in a new tmux session of 100×40, with a scratch home. */
function startPane(args: string[], extraEnv: Record<string, string> = {}): Pane {
  const { dir, env } = scratchHome();
  const socket = join(dir, 'tmux.sock');
  const exitFile = join(dir, 'exit-code');
  servers.push(socket);
  const vars = {
    ...env,
    PATH: process.env.PATH ?? '',
    LANG: 'C.UTF-8',
    TERM: 'xterm-256color',
    ROADMAP_NOW: '2026-03-01T09:00:00Z',
    ...extraEnv,
  };
  const command = [
    'env -i',
    ...Object.entries(vars).map(([k, v]) => `${k}=${quote(v)}`),
    quote(inject('roadmapBin')),
    ...args.map(quote),
    `; echo $? > ${quote(exitFile)}; sleep 120`,
  ].join(' ');
  const tmux = (...a: string[]) => spawnSync('tmux', ['-S', socket, ...a], { encoding: 'utf8' });
  const started = tmux('new-session', '-d', '-s', 'roadmap', '-x', '100', '-y', '40', command);
  if (started.status !== 0) throw new Error(`tmux failed: ${started.stderr}`);
  const screen = () => tmux('capture-pane', '-p', '-t', 'roadmap').stdout;
  const poll = async <T>(get: () => T | undefined, what: string, timeoutMs: number): Promise<T> => {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const value = get();
      if (value !== undefined) return value;
      if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}; screen:\n${screen()}`);
      await new Promise((resolve) => setTimeout(resolve, 40));
    }
  };
  return {
    stateFile: stateFileOf(env),
    keys: (...keys) => void tmux('send-keys', '-t', 'roadmap', ...keys),
    screen,
    waitFor: (test, what, timeoutMs = 20_000) =>
      poll(
        () => {
          const text = screen();
          return test(text) ? text : undefined;
        },
        what,
        timeoutMs,
      ),
    exitCode: (timeoutMs = 20_000) =>
      poll(
        () => {
          const text = existsSync(exitFile) ? readFileSync(exitFile, 'utf8').trim() : '';
          return text === '' ? undefined : Number(text);
        },
        'the exit code',
        timeoutMs,
      ),
  };
}

describe.skipIf(skip)('roadmap check in a real terminal (tmux)', () => {
  it('ticks an item with the keyboard, confirms with Enter, and finds it recorded', async () => {
    const pane = startPane(['check', '--level', '1']);
    await pane.waitFor((s) => s.includes('Tick what you have done') && s.includes('Langage backend principal'), 'the check-off list');
    pane.keys('Down');
    await pane.waitFor((s) => /❯\s*◯\s+2 /.test(s), 'the cursor on item 2');
    pane.keys('Space');
    await pane.waitFor((s) => /❯\s*◉\s+2 /.test(s), 'item 2 ticked');
    pane.keys('Enter');
    expect(await pane.exitCode()).toBe(0);
    const screen = await pane.waitFor((s) => s.includes('✔ 2  POO avancée'), 'the summary line');
    expect(screen).toMatch(/✔ 2 {2}POO avancée, design patterns .*Langage backend principal 1\/3 · Niveau 1 1\/15/);
    const state = JSON.parse(readFileSync(pane.stateFile, 'utf8'));
    expect(Object.entries(state.documents.bundled.items)).toEqual([
      ['poo-avancee-design-patterns-factory-singleton-repository', { status: 'done', at: '2026-03-01T09:00:00.000Z' }],
    ]);
  });

  it('Ctrl-C: exit 130 and nothing written', async () => {
    const pane = startPane(['check', '--level', '1']);
    await pane.waitFor((s) => s.includes('Tick what you have done'), 'the check-off list');
    pane.keys('Space');
    await pane.waitFor((s) => /❯\s*◉\s+1 /.test(s), 'item 1 ticked');
    pane.keys('C-c');
    expect(await pane.exitCode()).toBe(130);
    await pane.waitFor((s) => s.includes('roadmap: interrupted: nothing changed'), 'the "nothing changed" line');
    expect(existsSync(pane.stateFile)).toBe(false);
  });

  it('`a` and `i` do not tick or invert everything: `a`, Enter saves nothing', async () => {
    const pane = startPane(['check', '--level', '1']);
    await pane.waitFor((s) => s.includes('Tick what you have done') && s.includes('Langage backend principal'), 'the check-off list');
    pane.keys('a');
    pane.keys('i');
    pane.keys('Enter');
    expect(await pane.exitCode()).toBe(0);
    const state = existsSync(pane.stateFile) ? JSON.parse(readFileSync(pane.stateFile, 'utf8')) : null;
    expect(Object.keys(state?.documents?.bundled?.items ?? {})).toEqual([]);
  });

  it('Ctrl-C in the "which item?" prompt: exit 130, nothing written', async () => {
    const pane = startPane(['check', 'moindre privilege']);
    await pane.waitFor((s) => s.includes('matches several items: which one?'), 'the choice');
    pane.keys('C-c');
    expect(await pane.exitCode()).toBe(130);
    expect(existsSync(pane.stateFile)).toBe(false);
  });

  it('Ctrl-C in the section search prompt: exit 130, nothing written', async () => {
    // A long document (463 items) is ticked section by section: first a search prompt.
    const pane = startPane(['--file', join(FIXTURES, 'coding-interview-university.md'), 'check']);
    await pane.waitFor((s) => s.includes('Pick a section'), 'the section search');
    pane.keys('p', 'o');
    await pane.waitFor((s) => s.includes('po'), 'the typed filter');
    pane.keys('C-c');
    expect(await pane.exitCode()).toBe(130);
    expect(existsSync(pane.stateFile)).toBe(false);
  });

  it('an ambiguous reference asks which item, in the terminal', async () => {
    const pane = startPane(['check', 'moindre privilege']);
    await pane.waitFor((s) => s.includes('matches several items: which one?') && s.includes('41  Principe'), 'the choice');
    pane.keys('Down');
    await pane.waitFor((s) => /❯ 41 /.test(s), 'the cursor on item 41');
    pane.keys('Enter');
    expect(await pane.exitCode()).toBe(0);
    const state = JSON.parse(readFileSync(pane.stateFile, 'utf8'));
    expect(Object.keys(state.documents.bundled.items)).toEqual(['principe-du-moindre-privilege-partout']);
  });
});

describe.skipIf(skip)('roadmap --help in a real terminal (tmux)', () => {
  it('is laid out for the terminal width, as commander lays it out', async () => {
    const screens: string[] = [];
    for (const extraEnv of [{}, { ROADMAP_HOT: '0' }] as Array<Record<string, string>>) {
      const pane = startPane(['--help'], extraEnv);
      expect(await pane.exitCode()).toBe(0);
      screens.push(await pane.waitFor((s) => s.includes('$ roadmap next'), 'the examples'));
    }
    const [lean, commander] = screens as [string, string];
    expect(lean).toBe(commander);
    // 100 columns, not the 80 of a pipe: this line is not wrapped after "of the".
    expect(lean).toMatch(/ {2}check \[options\] \[items\.\.\.\] +mark items done \(no item: tick them in an interactive list\)\n/);
  });
});
