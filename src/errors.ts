/** Exit codes of the interface contract. */
export const ExitCode = {
  ok: 0,
  error: 1,
  usage: 2,
  interrupted: 130,
} as const;

/** A mistake the user can fix (unknown item, unreadable file, corrupt state): exit 1. */
export class UserError extends Error {
  readonly exitCode: number = ExitCode.error;
  /** Extra lines shown after the message (e.g. "did you mean" candidates). */
  readonly details: string[];
  constructor(message: string, details: string[] = []) {
    super(message);
    this.name = 'UserError';
    this.details = details;
  }
}

/** Wrong usage of the command line (unknown option, prompt without a terminal): exit 2. */
export class UsageError extends UserError {
  override readonly exitCode: number = ExitCode.usage;
  constructor(message: string, details: string[] = []) {
    super(message, details);
    this.name = 'UsageError';
  }
}
