import { existsSync, readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { doneKeys, home, leaveDeadOwnerLock, leaveOwnerlessLock, median, readState, spawnRoadmap } from '../helpers/spawn.js';

/** A lock not refreshed for this long is stale (src/store). */
const STALE_MS = 4000;

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
        const run = await spawnRoadmap(['check', String(id), '--json'], h.env, { timeoutMs: aim * (0.6 + 0.6 * Math.random()) });
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
      expect(readdirSync(dirname(h.stateFile)).filter((n) => n !== 'backups' && n !== 'snapshots' && n !== 'history')).toEqual([
        'state.json',
      ]);
      // The history is appended in place: one file per document, never a temporary one.
      expect(readdirSync(join(dirname(h.stateFile), 'history')).filter((n) => !n.endsWith('.jsonl'))).toEqual([]);
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
    expect(total.killed).toBeGreaterThanOrEqual(5);
    expect(total.completed).toBeGreaterThanOrEqual(5);
    // Kills landed while the lock was held, i.e. during the read-modify-write.
    expect(total.lockLeft).toBeGreaterThanOrEqual(2);
    // A run after a kill is never held up by the lock it left: waiting it out would add the stale delay
    // (4 s) to a run; the margin of two typical runs covers a loaded machine.
    expect(total.slowest).toBeLessThan(STALE_MS + 2 * typical);
  }, 300_000);

  it('a lock left by a killed process is taken over at once, well before the stale delay', async () => {
    const h = home();
    expect((await spawnRoadmap(['check', '1'], h.env)).code).toBe(0);
    const typical = median([(await spawnRoadmap(['check', '3'], h.env)).ms, (await spawnRoadmap(['check', '4'], h.env)).ms]);
    const lock = await leaveDeadOwnerLock(h.stateFile);
    const run = await spawnRoadmap(['check', '2'], h.env);
    expect(run.code, run.stderr).toBe(0);
    // The lock is fresh (just made): waiting for it to go stale would take STALE_MS more than a run.
    expect(run.ms).toBeLessThan(STALE_MS + typical);
    expect(existsSync(lock)).toBe(false);
  });

  it('a lock that names no process is waited for during its grace, then removed and reported', async () => {
    const h = home();
    // No owner record (a writer killed before it wrote one), last modified 1 s ago: 1 s of the 2 s grace left.
    leaveOwnerlessLock(h.stateFile, 1000);
    const run = await spawnRoadmap(['check', '2'], h.env);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stderr).toContain('removed a stale lock');
    expect(run.ms).toBeGreaterThan(500);
    // Well under the 20 s a live holder is waited for before giving up.
    expect(run.ms).toBeLessThan(10_000);
  });
});
