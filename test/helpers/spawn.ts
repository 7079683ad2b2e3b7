// Spawning the installed binary asynchronously, for tests that run several at once, stop or kill them.
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdirSync, readFileSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { hostname } from 'node:os';
import { dirname } from 'node:path';
import { inject } from 'vitest';
import type { DocumentState, State } from '../../src/progress/state.js';
import { parseStateText } from '../../src/store/inspect.js';
import { scratchHome, stateFileOf } from './cli.js';

export interface Run {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
  ms: number;
}

/**
 * Spawns the installed binary without waiting: the child (to stop, continue or kill it) and its outcome.
 * `timeoutMs` (20 s by default) sends SIGKILL at that moment if it still runs (random kills use it too).
 */
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

/** Reads and checks a state file; throws when it does not read. */
export function readState(file: string): State {
  const parsed = parseStateText(readFileSync(file, 'utf8'));
  if ('issue' in parsed) throw new Error(`unreadable state: ${JSON.stringify(parsed.issue)}`);
  return parsed.state;
}

export const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] as number;

const bundled = (state: State): DocumentState => state.documents.bundled ?? { items: {} };

/** The keys of the bundled roadmap's items recorded as done. */
export const doneKeys = (state: State) =>
  Object.entries(bundled(state).items)
    .filter(([, r]) => r.status === 'done')
    .map(([key]) => key);

/** A scratch home with a fixed clock, and its state file. */
export function home() {
  const { env, dir } = scratchHome();
  return { env: { ...env, ROADMAP_NOW: '2026-03-01T09:00:00Z' }, dir, stateFile: stateFileOf(env) };
}

/** Leaves an older roadmap's lock folder with no owner record, last modified `ageMs` ago; returns its path. */
export function leaveOwnerlessLock(stateFile: string, ageMs: number): string {
  mkdirSync(dirname(stateFile), { recursive: true });
  const lock = `${stateFile}.lock`;
  mkdirSync(lock);
  const ago = new Date(Date.now() - ageMs);
  utimesSync(lock, ago, ago);
  return lock;
}

/** Leaves an older roadmap's lock folder whose owner record names a process that has exited; returns its path. */
export async function leaveDeadOwnerLock(stateFile: string): Promise<string> {
  const dead = spawn(process.execPath, ['-e', '0']);
  await new Promise((resolve) => dead.on('close', resolve));
  mkdirSync(dirname(stateFile), { recursive: true });
  const lock = `${stateFile}.lock`;
  mkdirSync(lock);
  const stat = statSync(lock, { bigint: true });
  writeFileSync(`${lock}.owner`, JSON.stringify({ pid: dead.pid, host: hostname(), ino: String(stat.ino), ctime: String(stat.ctimeNs) }));
  return lock;
}
