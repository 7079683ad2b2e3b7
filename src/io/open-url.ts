import { spawn } from 'node:child_process';
import type { Env } from '../context.js';

/** The command that opens an address, and the arguments before (or around) it. */
export interface Opener {
  /** The program, as looked up on PATH. */
  command: string;
  args: string[];
  /** $BROWSER: a command of the user's that may be the browser itself, run in the terminal and waited for. */
  user: boolean;
}

/**
 * The system's way to open an address: `$BROWSER` when set (its first command, `%s` replaced by the
 * address, as Python's webbrowser and git read it), else `open` on macOS, `start` on Windows and
 * `xdg-open` elsewhere.
 */
export function openerFor(url: string, env: Env, platform: NodeJS.Platform = process.platform): Opener {
  const browser = env.BROWSER?.split(platform === 'win32' ? ';' : ':').find((part) => part.trim() !== '');
  if (browser) {
    const [command = '', ...words] = browser.trim().split(/\s+/);
    const args = words.some((word) => word.includes('%s')) ? words.map((word) => word.replaceAll('%s', url)) : [...words, url];
    return { command, args, user: true };
  }
  if (platform === 'darwin') return { command: 'open', args: [url], user: false };
  // `start` is a shell built-in; its first quoted argument is a window title, hence the empty one.
  if (platform === 'win32') return { command: 'cmd', args: ['/d', '/s', '/c', 'start', '""', url], user: false };
  return { command: 'xdg-open', args: [url], user: false };
}

/** How running the opener went: it ran and exited 0, it is not installed, or it failed with an exit code. */
export type OpenOutcome = { ok: true } | { ok: false; missing: true } | { ok: false; missing: false; code: number | null };

/**
 * Runs the opener and waits for it: the system openers return once the browser has the address; a
 * $BROWSER command gets the terminal (a text browser runs in it).
 */
export function runOpener(opener: Opener, env: Env): Promise<OpenOutcome> {
  return new Promise((resolve) => {
    const child = spawn(opener.command, opener.args, {
      env,
      stdio: opener.user ? 'inherit' : 'ignore',
      windowsVerbatimArguments: opener.command === 'cmd',
    });
    child.once('error', (error: NodeJS.ErrnoException) => {
      resolve(
        error.code === 'ENOENT' || error.code === 'EACCES' ? { ok: false, missing: true } : { ok: false, missing: false, code: null },
      );
    });
    child.once('exit', (code) => resolve(code === 0 ? { ok: true } : { ok: false, missing: false, code }));
  });
}
