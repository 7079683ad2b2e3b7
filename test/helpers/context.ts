import { join } from 'node:path';
import { type Context, createContext, type Env, type Output } from '../../src/context.js';
import type { Lang } from '../../src/ui/lang.js';

export const ROOT = join(import.meta.dirname, '..', '..');
/** Third-party documents the tests read, each with its licence notice beside it. */
export const FIXTURES = join(ROOT, 'test', 'fixtures');

export interface CapturedOutput extends Output {
  text: string;
}

export function captured(isTTY = false, columns = 80): CapturedOutput {
  const out = {
    text: '',
    isTTY,
    columns,
    write(chunk: string) {
      out.text += chunk;
    },
  };
  return out;
}

export interface TestContext extends Context {
  out: CapturedOutput;
  err: CapturedOutput;
}

/** A Context for command tests: captured output, colour off, fixed clock, state in `env`'s folders. */
export function testContext(
  options: { lang?: Lang; env?: Env; file?: string; json?: boolean; color?: boolean; columns?: number; now?: string } = {},
): TestContext {
  const out = captured(false, options.columns ?? 80);
  const err = captured(false, options.columns ?? 80);
  const ctx = createContext(
    { lang: options.lang ?? 'en', file: options.file, json: options.json, color: options.color ?? false },
    {
      stdout: out,
      stderr: err,
      stdinIsTTY: false,
      env: { ROADMAP_NOW: options.now ?? '2026-03-01T09:00:00Z', ...options.env },
      cwd: ROOT,
      packageRoot: ROOT,
    },
  );
  return Object.assign(ctx, { out, err });
}
