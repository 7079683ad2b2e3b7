// The verified write of the state file, with faults injected into its writer (conf's atomically ignores a
// short write: the first fault is exactly what it does on a full disk).
import {
  chmodSync,
  lstatSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  renameSync,
  statSync,
  symlinkSync,
  unlinkSync,
  utimesSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { UserError } from '../../src/errors.js';
import type { State } from '../../src/progress/state.js';
import { type LockRecovery, StateError } from '../../src/progress/state-errors.js';
import { diagnoseState } from '../../src/store/doctor.js';
import { parseStateText } from '../../src/store/inspect.js';
import { lockPathOf } from '../../src/store/lock.js';
import { statePaths } from '../../src/store/paths.js';
import { type StateWriter, Store } from '../../src/store/store.js';
import { errorWords, lockRecoveredLine } from '../../src/ui/error-words.js';
import { messagesFor } from '../../src/ui/messages.js';

const t = messagesFor('en');
/** The error is a typed StateError whose English words are exactly `words`. */
const worded = (words: string) => (error: unknown) => error instanceof StateError && errorWords(error, t).message === words;
const record = (n: number) => ({ status: 'done' as const, at: `2026-03-0${n}T09:00:00.000Z` });

function scratch(writeState?: StateWriter) {
  const dir = mkdtempSync(join(tmpdir(), 'roadmap-durable-'));
  const paths = statePaths({ ROADMAP_HOME: join(dir, 'config'), XDG_CACHE_HOME: join(dir, 'cache') });
  const warnings: string[] = [];
  const io = { warn: (notice: LockRecovery) => warnings.push(lockRecoveredLine(notice, t)), ...(writeState ? { writeState } : {}) };
  return { dir, paths, warnings, store: new Store(paths, () => new Date('2026-03-01T09:00:00Z'), io) };
}

/** A state file with n items, and n - 1 backups, written by the real writer. */
async function seeded(n: number, writeState?: StateWriter) {
  const s = scratch();
  for (let i = 1; i <= n; i++) {
    await s.store.update((state) => {
      state.documents.bundled ??= { items: {} };
      state.documents.bundled.items[`item-${i}`] = record(1 + (i % 8));
    });
  }
  return { ...s, store: new Store(s.paths, () => new Date('2026-03-01T10:00:00Z'), writeState ? { writeState } : {}) };
}

/** Every file under the home, with its bytes. */
function filesOf(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const entry of readdirSync(dir, { recursive: true, withFileTypes: true })) {
    if (entry.isFile()) out[join(entry.parentPath, entry.name)] = readFileSync(join(entry.parentPath, entry.name), 'utf8');
  }
  return out;
}

const addItem = (state: State) => {
  (state.documents.bundled as { items: Record<string, unknown> }).items.extra = record(9);
};

describe('a write is acknowledged only once its complete bytes are read back', () => {
  it('a short write (half the file renamed over the state, as atomically does on a full disk) is put right from the backup just taken, and fails', async () => {
    const half: StateWriter = async (home, text) => {
      writeFileSync(join(home, 'state.json.tmp-x'), text.slice(0, text.length / 2));
      renameSync(join(home, 'state.json.tmp-x'), join(home, 'state.json'));
    };
    const s = await seeded(4, half);
    const before = filesOf(s.paths.home);
    await expect(s.store.update(addItem)).rejects.toSatisfy(worded(t.errors.stateUnwritable(s.paths.stateFile, t.errors.notVerified)));
    // The state and the backups as they were: same names, same bytes; no lock left.
    expect(filesOf(s.paths.home)).toEqual(before);
    expect('state' in parseStateText(readFileSync(s.paths.stateFile, 'utf8'))).toBe(true);
  });

  it('a write that fails (ENOSPC, EDQUOT, EROFS) leaves the state and the backups as they were, with one clear reason', async () => {
    for (const [code, reason] of [
      ['ENOSPC', t.errors.diskFull],
      ['EDQUOT', t.errors.quotaFull],
      ['EROFS', t.errors.readOnly],
    ] as const) {
      const failing: StateWriter = async () => {
        throw Object.assign(new Error(code), { code });
      };
      const s = await seeded(3, failing);
      const before = filesOf(s.paths.home);
      // Retried, as a script would: no backup is rotated out for a failed attempt.
      for (let i = 0; i < 6; i++) {
        await expect(s.store.update(addItem)).rejects.toSatisfy(worded(t.errors.stateUnwritable(s.paths.stateFile, reason)));
      }
      expect(filesOf(s.paths.home)).toEqual(before);
    }
  });

  it('a first write that comes back short leaves no state file (there was none)', async () => {
    const { store, paths } = scratch(async (home, text) => writeFileSync(join(home, 'state.json'), text.slice(0, 10)));
    await expect(store.update(addItemToNew)).rejects.toBeInstanceOf(UserError);
    expect(readdirSync(paths.home)).toEqual([]);
  });

  it('compare-before-rename: a state changed on disk since it was read under the lock is never overwritten', async () => {
    const s = await seeded(2);
    let theirs = '';
    await expect(
      s.store.update((state) => {
        // Another process, holding a lock it took over, writes meanwhile.
        const other = JSON.parse(readFileSync(s.paths.stateFile, 'utf8')) as State;
        (other.documents.bundled as { items: Record<string, unknown> }).items.theirs = record(5);
        theirs = JSON.stringify(other, undefined, '\t');
        writeFileSync(`${s.paths.stateFile}.other`, theirs);
        renameSync(`${s.paths.stateFile}.other`, s.paths.stateFile);
        addItem(state);
      }),
    ).rejects.toSatisfy(worded(t.errors.stateChanged(s.paths.stateFile)));
    expect(readFileSync(s.paths.stateFile, 'utf8')).toBe(theirs);
    // No backup of this refused attempt.
    expect(readdirSync(join(s.paths.home, 'backups'))).toHaveLength(1);
  });

  it('compare-before-rename: a lock taken over meanwhile (even with the state untouched) refuses the write', async () => {
    const s = await seeded(2);
    const before = readFileSync(s.paths.stateFile, 'utf8');
    await expect(
      s.store.update((state) => {
        const lock = lockPathOf(s.paths.stateFile);
        unlinkSync(lock);
        writeFileSync(lock, JSON.stringify({ pid: 1, host: 'thief' }));
        addItem(state);
      }),
    ).rejects.toSatisfy(worded(t.errors.stateChanged(s.paths.stateFile)));
    expect(readFileSync(s.paths.stateFile, 'utf8')).toBe(before);
    // The thief's lock is left to its owner.
    expect(JSON.parse(readFileSync(lockPathOf(s.paths.stateFile), 'utf8')).host).toBe('thief');
  });

  it("keeps the state file's mode (600 stays 600), and its backups get the same", async () => {
    const s = await seeded(1);
    chmodSync(s.paths.stateFile, 0o600);
    await s.store.update(addItem);
    expect(statSync(s.paths.stateFile).mode & 0o777).toBe(0o600);
    const [backup] = readdirSync(join(s.paths.home, 'backups'));
    expect(statSync(join(s.paths.home, 'backups', backup as string)).mode & 0o777).toBe(0o600);
  });

  it('writes a symlinked state through its link; the backups are independent regular files with the old content', async () => {
    const s = scratch();
    mkdirSync(s.paths.home, { recursive: true });
    const dotfiles = join(s.dir, 'dotfiles');
    mkdirSync(dotfiles);
    const target = join(dotfiles, 'state.json');
    writeFileSync(target, JSON.stringify({ schemaVersion: 1, documents: { bundled: { items: { a: record(1) } } } }, undefined, '\t'));
    symlinkSync(target, s.paths.stateFile);
    const old = readFileSync(target, 'utf8');
    await s.store.update(addItem);
    expect(lstatSync(s.paths.stateFile).isSymbolicLink()).toBe(true);
    expect(Object.keys((JSON.parse(readFileSync(target, 'utf8')) as State).documents.bundled?.items ?? {})).toEqual(['a', 'extra']);
    const [backup] = readdirSync(join(s.paths.home, 'backups'));
    const file = join(s.paths.home, 'backups', backup as string);
    expect(lstatSync(file).isFile()).toBe(true);
    expect(statSync(file).ino).not.toBe(statSync(target).ino);
    expect(readFileSync(file, 'utf8')).toBe(old);
  });

  it("temporary files of killed writes (conf's and writeFileAtomic's) are listed by doctor and removed by the next write", async () => {
    const s = await seeded(1);
    const leftovers = ['state.json.tmp-17000000001234abcd', '.state.json.4242-abc.tmp'].map((name) => join(s.paths.home, name));
    for (const file of leftovers) writeFileSync(file, 'half');
    expect(diagnoseState(s.paths).orphans.sort()).toEqual([...leftovers].sort());
    await s.store.update(addItem);
    expect(readdirSync(s.paths.home).sort()).toEqual(['backups', 'state.json']);
  });

  it('a stale lock it removed is reported in one line', async () => {
    const s = await seeded(1);
    const warnings: string[] = [];
    const reporting = new Store(s.paths, () => new Date(), { warn: (notice) => warnings.push(lockRecoveredLine(notice, t)) });
    writeFileSync(lockPathOf(s.paths.stateFile), '');
    const old = new Date(Date.now() - 60_000);
    utimesSync(lockPathOf(s.paths.stateFile), old, old);
    await reporting.update(addItem);
    expect(warnings).toEqual([`roadmap: ${t.errors.lockRecovered(s.paths.stateFile, 'ownerless', null, null)}`]);
  });
});

function addItemToNew(state: State) {
  state.documents.bundled = { items: { a: record(1) } };
}
