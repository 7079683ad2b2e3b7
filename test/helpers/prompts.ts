import type { CheckboxOptions, PromptChoice, Prompts, SearchOptions, SelectOptions } from '../../src/ui/prompts.js';

export type PromptCall =
  | { kind: 'checkbox'; options: CheckboxOptions<unknown> }
  | { kind: 'select'; options: SelectOptions<unknown> }
  | { kind: 'search'; options: SearchOptions<unknown> };

/** The answer a scripted prompt gives, from what it was shown. */
export type Answer = (call: PromptCall) => unknown;

/**
 * Prompts that answer from a script, one answer per prompt shown, and record what was shown.
 * An answer that throws (e.g. an ExitPromptError) acts as Ctrl-C.
 */
export function scriptedPrompts(script: Answer[]): Prompts & { calls: PromptCall[] } {
  const calls: PromptCall[] = [];
  const next = async (call: PromptCall) => {
    calls.push(call);
    const answer = script.shift();
    if (!answer) throw new Error(`unexpected ${call.kind} prompt: ${call.options.message}`);
    return answer(call);
  };
  return {
    calls,
    checkbox: (options) => next({ kind: 'checkbox', options }) as never,
    select: (options) => next({ kind: 'select', options }) as never,
    search: (options) => next({ kind: 'search', options }) as never,
  };
}

/** The choices (not separators) a prompt offered. */
export function choicesOf(call: PromptCall, term = ''): Array<PromptChoice<unknown>> {
  const entries = call.kind === 'search' ? call.options.source(term) : call.options.choices;
  return entries.filter((entry): entry is PromptChoice<unknown> => !('separator' in entry));
}

export class ExitPromptError extends Error {
  override name = 'ExitPromptError';
}
