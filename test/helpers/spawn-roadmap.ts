import { type ChildProcess, spawn } from 'node:child_process';
import { inject } from 'vitest';

export interface Run {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
  ms: number;
}

/** Spawns the installed binary without waiting: the child (to stop, continue or kill it) and its outcome. */
export function startRoadmap(
  args: string[],
  env: Record<string, string>,
  options: { timeoutMs?: number; uid?: number } = {},
): { child: ChildProcess; done: Promise<Run> } {
  const started = performance.now();
  const child = spawn(inject('roadmapBin'), args, {
    env: { PATH: process.env.PATH ?? '', LANG: 'C', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
    ...(options.uid === undefined ? {} : { uid: options.uid, gid: options.uid }),
  });
  let stdout = '';
  let stderr = '';
  child.stdout?.on('data', (chunk) => {
    stdout += chunk;
  });
  child.stderr?.on('data', (chunk) => {
    stderr += chunk;
  });
  const timer = setTimeout(() => child.kill('SIGKILL'), options.timeoutMs ?? 20_000);
  const done = new Promise<Run>((resolve) =>
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      resolve({ code, signal, stdout, stderr, ms: performance.now() - started });
    }),
  );
  return { child, done };
}

/** Spawns the installed binary and waits for it. */
export const spawnRoadmap = (args: string[], env: Record<string, string>, options: { timeoutMs?: number; uid?: number } = {}) =>
  startRoadmap(args, env, options).done;

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Waits until `test` holds (polling every 10 ms), or throws after `timeoutMs`. */
export async function waitFor(test: () => boolean, timeoutMs = 10_000, what = 'a condition'): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (!test()) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await sleep(10);
  }
}
