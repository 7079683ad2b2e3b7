import { UsageError, UserError } from '../errors.js';
import type { CapstonePart } from '../roadmap/capstone.js';

// The progress core's errors carry their data, not their words: ui/error-words.ts words them in the
// user's language. Their `message` is a plain English description for a developer (a stack trace).

/** An evidence address refused: not http(s) (`badUrl`) or with control characters (`control`). */
export class BadUrl extends UserError {
  constructor(
    readonly value: string,
    readonly problem: 'badUrl' | 'control',
  ) {
    super(`refused address "${value}" (${problem})`);
    this.name = 'BadUrl';
  }
}

/** A reference to a part of the project that matches none (`parts`: every part, to list) or several (`parts`: the matches). */
export class PartNotFound extends UserError {
  constructor(
    readonly ref: string,
    readonly problem: 'unknown' | 'ambiguous',
    readonly parts: readonly Pick<CapstonePart, 'number' | 'text'>[],
  ) {
    super(`${problem} part "${ref}"`);
    this.name = 'PartNotFound';
  }
}

/** A number-like part reference that is not a whole number (`1.5`, `-2`): a usage error. */
export class NotAPartNumber extends UsageError {
  constructor(readonly ref: string) {
    super(`"${ref}" is not a part number`);
    this.name = 'NotAPartNumber';
  }
}
