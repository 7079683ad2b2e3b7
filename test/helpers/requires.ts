// End-to-end tests that need a tool from outside npm (a browser, a terminal multiplexer, shells).
// Without it they are skipped with one line naming what is missing and how to install it; with `CI` set
// a missing tool fails instead (`.ci/run` installs them all).
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { expect, it } from 'vitest';

export type Tool = 'chromium' | 'tmux' | 'zsh' | 'fish' | 'bash-completion' | 'strace';

interface ToolInfo {
  /** What the tests that need it check. */
  tests: string;
  /** How to install it (Debian/Ubuntu, macOS). */
  install: string;
  find(): string | null;
}

const onPath = (command: string): string | null => {
  const r = spawnSync('sh', ['-c', `command -v ${command}`], { encoding: 'utf8' });
  return r.status === 0 ? r.stdout.trim() || null : null;
};
const firstFile = (...paths: Array<string | undefined>): string | null => paths.find((p) => p && existsSync(p)) ?? null;

export const BASH_COMPLETION = '/usr/share/bash-completion/bash_completion';

const TOOLS: Record<Tool, ToolInfo> = {
  chromium: {
    tests: 'the browser tests of the HTML report',
    install: 'apt-get install chromium (or set CHROMIUM_PATH to a Chromium or Chrome binary)',
    // Debian's chromium (or CHROMIUM_PATH): the real browser, never a downloaded one.
    find: () => firstFile(process.env.CHROMIUM_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser') ?? onPath('chromium'),
  },
  tmux: {
    tests: 'the interactive tests in a pseudo-terminal',
    install: 'apt-get install tmux, or brew install tmux',
    find: () => onPath('tmux'),
  },
  zsh: { tests: 'the zsh completion tests', install: 'apt-get install zsh, or brew install zsh', find: () => onPath('zsh') },
  fish: { tests: 'the fish completion tests', install: 'apt-get install fish, or brew install fish', find: () => onPath('fish') },
  'bash-completion': {
    tests: 'the bash completion tests',
    install: 'apt-get install bash-completion',
    find: () => firstFile(BASH_COMPLETION),
  },
  strace: {
    tests: 'the tests of the order of the disk flushes of a write',
    install: 'apt-get install strace',
    find: () => onPath('strace'),
  },
};

const found = new Map<Tool, string | null>();

/** Where the tool is, or null (looked up once per test file). */
export function locate(tool: Tool): string | null {
  if (!found.has(tool)) found.set(tool, TOOLS[tool].find());
  return found.get(tool) ?? null;
}

/**
 * Whether the tests that need `tool` can run. Call it while the file is collected
 * (`describe.runIf(requires('tmux'))(…)`). When the tool is missing it prints one line saying so; with
 * `CI` set it also adds a failing test, so that CI never passes without running them.
 */
export function requires(tool: Tool): boolean {
  if (locate(tool)) return true;
  const line = `${tool} not found: ${TOOLS[tool].tests} are SKIPPED (install: ${TOOLS[tool].install})`;
  if (process.env.CI) {
    it(`has ${tool} (CI runs ${TOOLS[tool].tests})`, () => expect.fail(`${line}; CI must run them`));
  } else if (!warned.has(tool)) {
    warned.add(tool);
    process.stderr.write(`⚠ ${line}\n`);
  }
  return false;
}
const warned = new Set<Tool>();
