import { UserError } from '../errors.js';

// The roadmap core's errors carry their data, not their words: ui/error-words.ts words them in the
// user's language. Their `message` is a plain English description for a developer (a stack trace).

/** Why a roadmap document cannot be read. */
export type DocumentProblem =
  | { kind: 'missing' }
  | { kind: 'directory' }
  | { kind: 'notRegular' }
  | { kind: 'tooLarge'; limitMb: number }
  | { kind: 'notUtf8' }
  | { kind: 'tooDeep'; line: number | null; max: number }
  /** A paragraph of more brackets than the parser can take in reasonable time. */
  | { kind: 'tooManyBrackets'; line: number; max: number }
  /** Any other failure of the system: `reason` is `permission denied` or the error's code. */
  | { kind: 'unreadable'; reason: string };

/** A roadmap document that cannot be read or parsed. */
export class DocumentError extends UserError {
  constructor(
    readonly path: string,
    readonly problem: DocumentProblem,
  ) {
    super(`cannot read ${path}: ${problem.kind}`);
    this.name = 'DocumentError';
  }
}

/** A level number the document does not have; `known` lists the numbers it has. */
export class UnknownLevel extends UserError {
  constructor(
    readonly level: number,
    readonly known: readonly number[],
  ) {
    super(`no level ${level} (levels: ${known.join(', ')})`);
    this.name = 'UnknownLevel';
  }
}

/** A section filter that matches no section title; `titles` lists every title of the document. */
export class UnknownSection extends UserError {
  constructor(
    readonly text: string,
    readonly titles: readonly string[],
  ) {
    super(`no section matches "${text}"`);
    this.name = 'UnknownSection';
  }
}
