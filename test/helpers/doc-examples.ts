// Reads the command lines a document shows, by the convention of CONTRIBUTING.md › Examples in the
// documentation.

export interface DocExample {
  /** `file:line` of the example. */
  where: string;
  /** The line as bash runs it (without a `$ ` prompt or a trailing comment). */
  command: string;
  /** The exit code the documentation gives it: `# … exit N` in its comment, else 0. */
  exitCode: number;
  /** Shell run first, from `<!-- examples: before: … -->` above the block. */
  before?: string;
}

const SHELL_FENCES = new Set(['', 'sh', 'bash', 'shell', 'console', 'zsh']);
// `roadmap …`, maybe after variable assignments (`ROADMAP_FILE=x roadmap list`), as a whole command.
const ROADMAP_COMMAND = /^(?:[A-Z_][A-Z0-9_]*=\S*\s+)*roadmap(?:\s|$)/;

/** Splits off a trailing shell comment (` # …`); a `#` inside a word (`#7`) is not one. */
function splitComment(line: string): { command: string; comment: string } {
  const at = line.search(/(^|\s)#(\s|$)/);
  if (at < 0) return { command: line.trim(), comment: '' };
  return { command: line.slice(0, at).trim(), comment: line.slice(at) };
}

function exitCodeOf(comment: string): number {
  const match = /\bexit (\d+)\b/.exec(comment);
  return match ? Number(match[1]) : 0;
}

/** Whether a shell line runs roadmap: it starts with it, or one of its `&&` steps does. */
const runsRoadmap = (command: string) => command.split('&&').some((step) => ROADMAP_COMMAND.test(step.trim()));

/** Every command line of a markdown document that the examples test runs, in document order. */
export function examplesOf(markdown: string, file: string): DocExample[] {
  const lines = markdown.split('\n');
  const examples: DocExample[] = [];
  let marker: string | undefined;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] as string;
    const fence = /^\s*(`{3,}|~{3,})\s*([\w-]*)/.exec(line);
    if (fence) {
      const close = new RegExp(`^\\s*${fence[1]}\\s*$`);
      let end = i + 1;
      while (end < lines.length && !close.test(lines[end] as string)) end++;
      const body = lines.slice(i + 1, end);
      const skip = marker?.startsWith('not run');
      const before = marker?.startsWith('before:') ? marker.slice('before:'.length).trim() : undefined;
      if (!skip && SHELL_FENCES.has(fence[2] ?? '')) {
        const prompted = body.some((l) => l.startsWith('$ '));
        body.forEach((text, k) => {
          if (prompted && !text.startsWith('$ ')) return;
          const { command, comment } = splitComment(prompted ? text.slice(2) : text);
          if (!runsRoadmap(command)) return;
          const example: DocExample = { where: `${file}:${i + 2 + k}`, command, exitCode: exitCodeOf(comment) };
          if (before !== undefined) example.before = before;
          examples.push(example);
        });
      }
      marker = undefined;
      i = end;
      continue;
    }
    const comment = /^\s*<!--\s*examples:\s*(.*?)\s*-->\s*$/.exec(line);
    if (comment) {
      marker = comment[1];
      continue;
    }
    if (line.trim() !== '') marker = undefined;
    // A table with an "example" column: each `roadmap …` code span of that column runs.
    if (line.startsWith('|') && /\|\s*example\s*\|/i.test(line)) {
      const column = line.split('|').findIndex((cell) => /^\s*example\s*$/i.test(cell));
      let row = i + 2;
      while (row < lines.length && (lines[row] as string).startsWith('|')) {
        const cell = (lines[row] as string).split(/(?<!\\)\|/)[column] ?? '';
        for (const span of cell.matchAll(/`([^`]+)`/g)) {
          const command = (span[1] as string).replace(/\\\|/g, '|');
          if (runsRoadmap(command)) examples.push({ where: `${file}:${row + 1}`, command, exitCode: 0 });
        }
        row++;
      }
      i = row - 1;
    }
  }
  return examples;
}

/** The examples of a help page: the `$ roadmap …` lines under "Examples:" (or "Exemples :"). */
export function helpExamples(page: string, where: string): DocExample[] {
  const section = page.split(/\n(?:Examples|Exemples) ?:\n/)[1] ?? '';
  return [...section.matchAll(/^ {2}\$ (roadmap.*)$/gm)].map((m) => ({ where, command: (m[1] as string).trim(), exitCode: 0 }));
}
