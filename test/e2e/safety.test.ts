// Guarantees 1-3 of "Your data is safe", on the installed binary: concurrency, crashes (SIGKILL at random
// moments), stale locks of killed processes, rotated backups.
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { hostname } from 'node:os';
import { dirname, join } from 'node:path';
import { describe, expect, inject, it } from 'vitest';
import { parseStateText } from '../../src/store/inspect.js';
import type { DocumentState, State } from '../../src/store/state.js';
import { scratchHome, stateFileOf } from '../helpers/cli.js';

interface Run {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
  ms: number;
}

/** Spawns the installed binary; `killAfterMs` sends SIGKILL at that moment (if it still runs). */
function spawnRoadmap(args: string[], env: Record<string, string>, killAfterMs?: number): Promise<Run> {
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

function readState(file: string): State {
  const parsed = parseStateText(readFileSync(file, 'utf8'));
  if ('issue' in parsed) throw new Error(`unreadable state: ${JSON.stringify(parsed.issue)}`);
  return parsed.state;
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] as number;

const bundled = (state: State): DocumentState => state.documents.bundled ?? { items: {} };
const doneKeys = (state: State) =>
  Object.entries(bundled(state).items)
    .filter(([, r]) => r.status === 'done')
    .map(([key]) => key);

function home() {
  const { env, dir } = scratchHome();
  return { env: { ...env, ROADMAP_NOW: '2026-03-01T09:00:00Z' }, dir, stateFile: stateFileOf(env) };
}

describe('concurrency (16 processes of the installed binary)', () => {
  it('16 processes checking 16 different items at once: all 16 recorded, in the items, the log and the undo history', async () => {
    const h = home();
    const ids = Array.from({ length: 16 }, (_, i) => 1 + i * 3);
    const runs = await Promise.all(ids.map((id) => spawnRoadmap(['check', String(id), '--json'], h.env)));
    expect(runs.filter((r) => r.code !== 0)).toEqual([]);
    const keys = runs.map((r) => JSON.parse(r.stdout).changes[0].key as string);
    const state = readState(h.stateFile);
    expect(doneKeys(state).sort()).toEqual([...keys].sort());
    expect(bundled(state).log).toHaveLength(16);
    expect(bundled(state).undo).toHaveLength(16);
    // Nothing left behind: no lock, no owner record, no temporary file; 10 backups kept of 15 replaced versions.
    expect(readdirSync(dirname(h.stateFile)).sort()).toEqual(['backups', 'snapshots', 'state.json']);
    expect(readdirSync(join(dirname(h.stateFile), 'snapshots'))).toEqual([expect.stringMatching(/^[0-9a-f]+-\d+\.json$/)]);
    expect(readdirSync(join(dirname(h.stateFile), 'backups'))).toHaveLength(10);
  });

  it('16 processes toggling the same item: every reported change is in the log, chained, and the final state is the last one', async () => {
    const h = home();
    const runs = await Promise.all(Array.from({ length: 16 }, (_, i) => spawnRoadmap([i % 2 ? 'uncheck' : 'check', '7', '--json'], h.env)));
    expect(runs.filter((r) => r.code !== 0)).toEqual([]);
    const reported = runs.flatMap((r) => JSON.parse(r.stdout).changes as Array<{ from: string; to: string }>);
    const doc = bundled(readState(h.stateFile));
    const log = doc.log ?? [];
    // Each process saw the state the one before it left: no change lost, none applied twice.
    expect(log).toHaveLength(reported.length);
    expect(reported.length).toBeGreaterThanOrEqual(1);
    log.forEach((entry, i) => {
      expect(entry.from).toBe(i === 0 ? 'todo' : log[i - 1]?.to);
    });
    expect(log.map((e) => `${e.from}>${e.to}`).sort()).toEqual(reported.map((c) => `${c.from}>${c.to}`).sort());
    const finalStatus = Object.values(doc.items)[0]?.status ?? 'todo';
    expect(finalStatus).toBe(log.at(-1)?.to ?? 'todo');
    expect(doc.undo).toHaveLength(reported.length);
  });
});

describe('crashes: SIGKILL at random moments', () => {
  it('110 runs of `roadmap check`, killed at random: the state always reads and keeps every change that exited 0', async () => {
    // The typical duration of a run on this machine, four at a time as in the lanes below, to aim the
    // kills at its write.
    const probeLane = async () => {
      const probe = home();
      const ms: number[] = [];
      for (const id of [1, 2, 3]) ms.push((await spawnRoadmap(['check', String(id)], probe.env)).ms);
      return ms;
    };
    const typical = median((await Promise.all([probeLane(), probeLane(), probeLane(), probeLane()])).flat());

    const lane = async (runs: number) => {
      const h = home();
      const committed: string[] = [];
      const stats = { killed: 0, completed: 0, slowest: 0, lockLeft: 0 };
      // Where a run ends under the load of the other lanes: the median of the last runs that completed (six
      // kills in a row mean the runs got slower: the aim grows). The lock is held from ~75 % to ~85 % of a
      // lone run (polled from outside), longer under load: of kills between 60 % and 120 % of the aim, a
      // fifth to a half landed while it was held in trial runs, and a third to a half of the runs ended
      // first. (Kills aimed at 50-120 % of an aim that grew by a fifth at each kill hit it 3 to 21 times.)
      const ends = [typical, typical, typical];
      let killsInARow = 0;
      for (let i = 0; i < runs; i++) {
        const id = 1 + i;
        const aim = median(ends.slice(-5));
        const run = await spawnRoadmap(['check', String(id), '--json'], h.env, aim * (0.6 + 0.6 * Math.random()));
        if (run.code === 0) {
          stats.completed++;
          committed.push(JSON.parse(run.stdout).changes[0].key);
          ends.push(run.ms);
          killsInARow = 0;
        } else {
          expect(run.signal, run.stderr).toBe('SIGKILL');
          stats.killed++;
          if (existsSync(`${h.stateFile}.lock`)) stats.lockLeft++;
          if (++killsInARow === 6) {
            ends.push(aim * 1.2, aim * 1.2, aim * 1.2);
            killsInARow = 0;
          }
        }
        // A run after a kill is never held up by the lock the killed one left.
        stats.slowest = Math.max(stats.slowest, run.ms);
        if (committed.length > 0) {
          const done = doneKeys(readState(h.stateFile));
          for (const key of committed) expect(done).toContain(key);
        } else if (existsSync(h.stateFile)) readState(h.stateFile);
      }
      // One last ordinary run: it completes, and clears what killed runs left (lock, temporary files).
      const last = await spawnRoadmap(['check', '52'], h.env);
      expect(last.code, last.stderr).toBe(0);
      expect(readdirSync(dirname(h.stateFile)).filter((n) => n !== 'backups' && n !== 'snapshots')).toEqual(['state.json']);
      expect(readdirSync(join(dirname(h.stateFile), 'snapshots')).filter((n) => !n.endsWith('.json'))).toEqual([]);
      return stats;
    };
    const lanes = await Promise.all([lane(28), lane(28), lane(27), lane(27)]);
    const total = lanes.reduce((a, s) => ({
      killed: a.killed + s.killed,
      completed: a.completed + s.completed,
      slowest: Math.max(a.slowest, s.slowest),
      lockLeft: a.lockLeft + s.lockLeft,
    }));
    console.info('crash loop:', total);
    expect(total.killed + total.completed).toBe(110);
    // Both outcomes happened often enough for the test to mean something.
    expect(total.killed).toBeGreaterThanOrEqual(10);
    expect(total.completed).toBeGreaterThanOrEqual(10);
    // Kills landed while the lock was held, i.e. during the read-modify-write.
    expect(total.lockLeft).toBeGreaterThanOrEqual(5);
    expect(total.slowest).toBeLessThan(5000);
  }, 90_000);

  it('a lock left by a killed process does not hold up the next command', async () => {
    const h = home();
    expect((await spawnRoadmap(['check', '1'], h.env)).code).toBe(0);
    // A process that has exited: its pid names no live process any more.
    const dead = spawn(process.execPath, ['-e', '0']);
    await new Promise((resolve) => dead.on('close', resolve));
    const lock = `${h.stateFile}.lock`;
    mkdirSync(lock);
    const stat = statSync(lock, { bigint: true });
    writeFileSync(`${lock}.owner`, JSON.stringify({ pid: dead.pid, host: hostname(), ino: String(stat.ino), ctime: String(stat.ctimeNs) }));
    const run = await spawnRoadmap(['check', '2'], h.env);
    expect(run.code, run.stderr).toBe(0);
    expect(run.ms).toBeLessThan(2000);
    expect(doneKeys(readState(h.stateFile))).toHaveLength(2);
    expect(existsSync(lock)).toBe(false);
  });

  it('a lock folder of an older roadmap with no owner record, 3 s old, is removed at once and reported', async () => {
    const h = home();
    mkdirSync(dirname(h.stateFile), { recursive: true });
    const lock = `${h.stateFile}.lock`;
    mkdirSync(lock);
    // No owner record, last modified 3 s ago (past the 2 s grace of a lock that names no process).
    const ago = new Date(Date.now() - 3000);
    const { utimesSync } = await import('node:fs');
    utimesSync(lock, ago, ago);
    const run = await spawnRoadmap(['check', '2'], h.env);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stderr).toBe(`roadmap: removed a stale lock on ${h.stateFile} that named no process (left by a killed or older roadmap)\n`);
    expect(run.ms).toBeLessThan(4000);
  });
});

describe('backups', () => {
  it('each write keeps the version it replaces; the last 10 are kept, each a good state', async () => {
    const h = home();
    for (let id = 1; id <= 13; id++) expect((await spawnRoadmap(['check', String(id)], h.env)).code).toBe(0);
    const dir = join(dirname(h.stateFile), 'backups');
    const names = readdirSync(dir).sort();
    expect(names).toHaveLength(10);
    // Rotated: the 12 replaced versions were numbered 1..12; the oldest two are gone.
    expect(names.map((n) => Number(/-(\d+)\.json$/.exec(n)?.[1]))).toEqual([3, 4, 5, 6, 7, 8, 9, 10, 11, 12]);
    const counts = names.map((n) => doneKeys(readState(join(dir, n))).length);
    expect(counts).toEqual([3, 4, 5, 6, 7, 8, 9, 10, 11, 12]);
    // A command that changes nothing writes nothing (no new backup).
    expect((await spawnRoadmap(['check', '13'], h.env)).stdout).toContain('already done');
    expect(readdirSync(dir)).toHaveLength(10);
    expect(readdirSync(dir).sort()).toEqual(names);
  });
});

describe('roadmap doctor (installed binary)', () => {
  it('explains a corrupt file, --repair moves it aside and restores the newest good backup', async () => {
    const h = home();
    for (const id of ['1', '2', '3']) expect((await spawnRoadmap(['check', id], h.env)).code).toBe(0);
    writeFileSync(h.stateFile, '{"schemaVersion":1,"documents":{"bundled":');
    const broken = readFileSync(h.stateFile);

    const status = await spawnRoadmap(['status'], h.env);
    expect(status.code).toBe(1);
    expect(status.stderr).toContain('run `roadmap doctor`');

    const doctor = await spawnRoadmap(['doctor'], h.env);
    expect(doctor.code).toBe(1);
    expect(doctor.stderr).toBe('');
    expect(doctor.stdout).toMatch(
      /^Progress file {2}\S+state\.json\n {2}✖ unreadable: invalid JSON \(the file ends too early: cut off while being written\?\)\n {2}· 2 backups in \S+backups\n {2}· newest good backup: 2026-03-01 \d\d:00 \(2 items\)\n {2}→ run `roadmap doctor --repair`/,
    );
    expect(readFileSync(h.stateFile)).toEqual(broken);

    const repair = await spawnRoadmap(['doctor', '--repair'], h.env);
    expect(repair.code, repair.stderr).toBe(0);
    expect(repair.stdout).toMatch(
      /^Moved the unreadable file to \S+state\.json\.corrupt-20260301T090000Z \(kept, nothing deleted\)\.\nRestored the backup of .*: 2 items recorded\.\n/,
    );
    expect(readFileSync(`${h.stateFile}.corrupt-20260301T090000Z`)).toEqual(broken);
    expect(JSON.parse((await spawnRoadmap(['status', '--json'], h.env)).stdout).done).toBe(2);
    const again = await spawnRoadmap(['doctor', '--json'], h.env);
    expect(again.code).toBe(0);
    expect(JSON.parse(again.stdout).state).toMatchObject({
      status: 'ok',
      items: 2,
      movedAside: [`${h.stateFile}.corrupt-20260301T090000Z`],
    });
  });

  it('--repair without a backup starts empty and says so (in French too)', async () => {
    const h = home();
    mkdirSync(dirname(h.stateFile), { recursive: true });
    writeFileSync(h.stateFile, '');
    const repair = await spawnRoadmap(['--lang', 'fr', 'doctor', '--repair'], h.env);
    expect(repair.code, repair.stderr).toBe(0);
    expect(repair.stdout).toMatch(
      /^Fichier illisible déplacé vers \S+\.corrupt-20260301T090000Z .*\nAucune sauvegarde valide à restaurer : la progression repart de zéro\.\n/,
    );
    expect(existsSync(h.stateFile)).toBe(false);
    expect((await spawnRoadmap(['check', '1'], h.env)).code).toBe(0);
  });
});
