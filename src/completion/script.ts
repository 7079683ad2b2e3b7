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
 * (`compopt +o default`) for every other answer. Its `readonly` constants are declared only when not
 * yet set, so sourcing it again (a re-read ~/.bashrc) prints no `readonly variable` errors.
 */
export function completionScript(script: (shell: string, name: string, executable: string) => void, shell: Shell): string {
  const text = printed(() => script(shell, 'roadmap', 'roadmap'));
  if (shell !== 'bash') return text;
  return (
    text
      .replace(/^complete -F (\S+) roadmap$/m, 'complete -o default -F $1 roadmap')
      // biome-ignore lint/suspicious/noTemplateCurlyInString: bash's ${name+set}, not a template.
      .replace(/^readonly (\w+)=(\d+)$/gm, '[[ -n ${$1+set} ]] || readonly $1=$2')
  );
}

/**
 * Item numbers offered in their own order (1 2 … 9 10), not sorted as text by the shell: when every
 * value offered is a number, the answer's directive also asks the shell to keep the order given.
 */
export function keepNumberOrder(output: string, keepOrder: number): string {
  const lines = output.split('\n');
  const directive = lines.findIndex((line) => /^:\d+$/.test(line));
  const values = lines.slice(0, directive).map((line) => line.split('\t')[0] ?? '');
  if (directive <= 0 || !values.every((value) => /^\d+$/.test(value))) return output;
  lines[directive] = `:${Number(lines[directive]?.slice(1)) | keepOrder}`;
  return lines.join('\n');
}

/** Swaps the "no file completion" directive the tab library always sends for the default one (files). */
export function allowFiles(output: string, noFileComp: number, fallback: number): string {
  return output.replace(new RegExp(`^:${noFileComp}\\n?$`, 'm'), `:${fallback}\n`);
}
