import { UserError } from '../../src/errors.js';
import { errorWords } from '../../src/ui/error-words.js';
import type { Lang } from '../../src/ui/lang.js';
import { messagesFor } from '../../src/ui/messages.js';

/** The line the user reads for an error (a typed error of the core worded by ui/error-words.ts), in English by default. */
export function words(error: unknown, lang: Lang = 'en'): string {
  if (!(error instanceof UserError)) throw new Error(`not a UserError: ${String(error)}`);
  return errorWords(error, messagesFor(lang)).message;
}

/** The error a promise was rejected with (a failure of the test when it was not). */
export async function rejection(promise: Promise<unknown>): Promise<unknown> {
  return promise.then(
    () => {
      throw new Error('expected a rejection');
    },
    (error: unknown) => error,
  );
}
