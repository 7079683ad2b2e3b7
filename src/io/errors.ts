import { UserError } from '../errors.js';

// The errors of io/ carry their data, not their words: ui/error-words.ts words them in the user's
// language (io/ does not import ui/). Their `message` is a plain English description for a developer.

/** Why an export cannot be written where the user asked: a kind of file, or a failure of the system. */
export type ExportReason =
  | 'noFolder'
  | 'permission'
  | 'readOnly'
  | 'full'
  | 'directory'
  | 'device'
  | 'fifo'
  | 'socket'
  | 'dangling'
  /** Any other failure: the error's code. */
  | { code: string };

/** What an export refuses or fails to write. */
export type ExportProblem =
  | { kind: 'cannotWrite'; reason: ExportReason }
  | { kind: 'isDocument' }
  | { kind: 'insideOwnFolder'; folder: string };

/** An export (`roadmap export -o`) refused or failed, nothing written. */
export class ExportError extends UserError {
  constructor(
    readonly path: string,
    readonly problem: ExportProblem,
  ) {
    super(`cannot write ${path}: ${problem.kind}`);
    this.name = 'ExportError';
  }
}
