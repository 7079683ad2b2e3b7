import type { Messages } from './messages.js';

/**
 * A mistake on the command line, as data: what commander found (its error code) and the words it is
 * about. `usageMessage` words it in the UI language; cli.ts fills it from commander's error codes.
 */
export type UsageProblem =
  /** `roadmap stauts`; `command` is the command whose subcommands were looked in (`roadmap`, `roadmap project`). */
  | { kind: 'unknownCommand'; command: string; word: string; candidates: readonly string[] }
  | { kind: 'unknownOption'; command: string; flag: string; candidates: readonly string[] }
  | { kind: 'missingArgument'; command: string; name: string }
  | { kind: 'missingValue'; command: string; flag: string }
  | { kind: 'tooManyArguments'; command: string; expected: number; got: number }
  /** An invalid value: `message` already says what is wrong (the option's or argument's own rule). */
  | { kind: 'invalidValue'; command: string; message: string }
  | { kind: 'other'; command: string; message: string };

/** One line, without the `roadmap:` prefix, in the UI language: what is wrong, and a did-you-mean or where to look. */
export function usageMessage(problem: UsageProblem, t: Messages): string {
  const words = t.helpCli.usage;
  const seeHelp = words.seeHelp(problem.command);
  switch (problem.kind) {
    case 'unknownCommand': {
      const similar = suggestSimilar(problem.word, problem.candidates);
      return `${words.unknownCommand(problem.word)}${similar.length ? words.didYouMean(similar) : seeHelp}`;
    }
    case 'unknownOption': {
      const similar = problem.flag.startsWith('--') ? suggestSimilar(problem.flag, problem.candidates) : [];
      return `${words.unknownOption(problem.flag, problem.command)}${similar.length ? words.didYouMean(similar) : seeHelp}`;
    }
    case 'missingArgument':
      return `${words.missingArgument(problem.name, problem.command)}${seeHelp}`;
    case 'missingValue':
      return `${words.missingValue(problem.flag)}${seeHelp}`;
    case 'tooManyArguments':
      return `${words.tooManyArguments(problem.command, problem.expected, problem.got)}${seeHelp}`;
    case 'invalidValue':
      return problem.message;
    case 'other':
      return `${problem.message}${seeHelp}`;
  }
}

const MAX_DISTANCE = 3;

/**
 * The candidates closest to a mistyped word (as commander suggests them: Damerau-Levenshtein distance
 * at most 3, more than 40 % alike, all those at the best distance, sorted). Options are compared
 * without their `--`.
 */
export function suggestSimilar(word: string, candidates: readonly string[]): string[] {
  const options = word.startsWith('--');
  const bare = (text: string) => (options ? text.replace(/^--/, '') : text);
  let best = MAX_DISTANCE;
  let similar: string[] = [];
  for (const candidate of new Set(candidates)) {
    const name = bare(candidate);
    if (name.length <= 1) continue;
    const distance = editDistance(bare(word), name);
    const length = Math.max(bare(word).length, name.length);
    if ((length - distance) / length <= 0.4) continue;
    if (distance < best) {
      best = distance;
      similar = [candidate];
    } else if (distance === best) similar.push(candidate);
  }
  return similar.sort((a, b) => a.localeCompare(b));
}

/** Optimal string alignment distance (insertions, deletions, substitutions, adjacent swaps). */
function editDistance(a: string, b: string): number {
  if (Math.abs(a.length - b.length) > MAX_DISTANCE) return Math.max(a.length, b.length);
  const d: number[][] = [];
  for (let i = 0; i <= a.length; i++) d[i] = [i];
  for (let j = 0; j <= b.length; j++) (d[0] as number[])[j] = j;
  for (let i = 1; i <= a.length; i++) {
    const row = d[i] as number[];
    const previous = d[i - 1] as number[];
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      row[j] = Math.min((previous[j] as number) + 1, (row[j - 1] as number) + 1, (previous[j - 1] as number) + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) {
        row[j] = Math.min(row[j] as number, ((d[i - 2] as number[])[j - 2] as number) + 1);
      }
    }
  }
  return (d[a.length] as number[])[b.length] as number;
}
