import type { SHELLS } from '../command-line.js';

/** The shells `roadmap completion` writes a script for (each one tested with the real shell). */
export type Shell = (typeof SHELLS)[number];

/**
 * What `fn` prints with console.log: the tab library prints its scripts and completions there, and a
 * command writes only through its Context.
 */
export function printed(fn: () => void): string {
  const log = console.log;
  let text = '';
  console.log = (...values: unknown[]) => {
    text += `${values.map(String).join(' ')}\n`;
  };
  try {
    fn();
  } finally {
    console.log = log;
  }
  return text;
}

/**
 * The completion script of a shell, as the tab library writes it for the `roadmap` executable. bash
 * gets `-o default`: when roadmap answers "complete file names" (after `--file`, for `use` and
 * `import`) with no values, bash falls back to file names, as zsh and fish do; the script turns it off
 * (`compopt +o default`) for every other answer.
 */
export function completionScript(script: (shell: string, name: string, executable: string) => void, shell: Shell): string {
  const text = printed(() => script(shell, 'roadmap', 'roadmap'));
  return shell === 'bash' ? text.replace(/^complete -F (\S+) roadmap$/m, 'complete -o default -F $1 roadmap') : text;
}

/** Swaps the "no file completion" directive the tab library always sends for the default one (files). */
export function allowFiles(output: string, noFileComp: number, fallback: number): string {
  return output.replace(new RegExp(`^:${noFileComp}\\n?$`, 'm'), `:${fallback}\n`);
}
