import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { DocumentState, State } from '../../src/progress/state.js';
import { documentHistory } from '../../src/store/history.js';
import { doneKeys, home, leaveDeadOwnerLock, leaveOwnerlessLock, readState, spawnRoadmap } from '../helpers/spawn.js';

const bundled = (state: State): DocumentState => state.documents.bundled ?? { items: {} };

describe('concurrency (16 processes of the installed binary)', () => {
  it('16 processes checking 16 different items at once: all 16 recorded, in the items, the log and the undo history', async () => {
    const h = home();
    const ids = Array.from({ length: 16 }, (_, i) => 1 + i * 3);
    const runs = await Promise.all(ids.map((id) => spawnRoadmap(['check', String(id), '--json'], h.env)));
    expect(runs.filter((r) => r.code !== 0)).toEqual([]);
    const keys = runs.map((r) => JSON.parse(r.stdout).changes[0].key as string);
    const state = readState(h.stateFile);
    expect(doneKeys(state).sort()).toEqual([...keys].sort());
    expect(documentHistory(dirname(h.stateFile), 'bundled', bundled(state))).toHaveLength(16);
    expect(bundled(state).undo).toHaveLength(16);
    // Nothing left behind: no lock, no owner record, no temporary file; 10 backups kept of 15 replaced versions.
    expect(readdirSync(dirname(h.stateFile)).sort()).toEqual(['backups', 'history', 'snapshots', 'state.json']);
    expect(readdirSync(join(dirname(h.stateFile), 'snapshots'))).toEqual([expect.stringMatching(/^[0-9a-f]+-\d+\.json$/)]);
    expect(readdirSync(join(dirname(h.stateFile), 'backups'))).toHaveLength(10);
  });

  it('16 processes toggling the same item: every reported change is in the log, chained, and the final state is the last one', async () => {
    const h = home();
    const runs = await Promise.all(Array.from({ length: 16 }, (_, i) => spawnRoadmap([i % 2 ? 'uncheck' : 'check', '7', '--json'], h.env)));
    expect(runs.filter((r) => r.code !== 0)).toEqual([]);
    const reported = runs.flatMap((r) => JSON.parse(r.stdout).changes as Array<{ from: string; to: string }>);
    const doc = bundled(readState(h.stateFile));
    const log = documentHistory(dirname(h.stateFile), 'bundled', doc);
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

// The random kills and the timing bounds are statistical: test/stress/crash.test.ts (`npm run test:stress`).
describe('crashes: locks left behind', () => {
  it('a lock left by a killed process does not hold up the next command', async () => {
    const h = home();
    expect((await spawnRoadmap(['check', '1'], h.env)).code).toBe(0);
    // Its owner record names a process that has exited: no live process any more.
    const lock = await leaveDeadOwnerLock(h.stateFile);
    const run = await spawnRoadmap(['check', '2'], h.env);
    expect(run.code, run.stderr).toBe(0);
    expect(doneKeys(readState(h.stateFile))).toHaveLength(2);
    expect(existsSync(lock)).toBe(false);
  });

  it('a lock folder of an older roadmap with no owner record, 3 s old, is removed at once and reported', async () => {
    const h = home();
    // No owner record, last modified 3 s ago (past the 2 s grace of a lock that names no process).
    const lock = leaveOwnerlessLock(h.stateFile, 3000);
    const run = await spawnRoadmap(['check', '2'], h.env);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stderr).toBe(`roadmap: removed a stale lock on ${h.stateFile} that named no process (left by a killed or older roadmap)\n`);
    expect(doneKeys(readState(h.stateFile))).toHaveLength(1);
    expect(existsSync(lock)).toBe(false);
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
