// Spawning the installed binary asynchronously, for tests that run several at once or kill them.
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { inject } from 'vitest';
import { parseStateText } from '../../src/store/inspect.js';
import type { DocumentState, State } from '../../src/store/state.js';
import { scratchHome, stateFileOf } from './cli.js';

export interface Run {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
  ms: number;
}

/** Spawns the installed binary; `killAfterMs` sends SIGKILL at that moment (if it still runs). */
export function spawnRoadmap(args: string[], env: Record<string, string>, killAfterMs?: number): Promise<Run> {
  return new Promise((resolve) => {
    const started = performance.now();
    const child = spawn(inject('roadmapBin'), args, {
      env: { PATH: process.env.PATH ?? '', LANG: 'C', ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk) => {
      stdout += chunk;
    });
    child.stderr.on('data', (chunk) => {
      stderr += chunk;
    });
    const timer = killAfterMs === undefined ? undefined : setTimeout(() => child.kill('SIGKILL'), killAfterMs);
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      resolve({ code, signal, stdout, stderr, ms: performance.now() - started });
    });
  });
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
