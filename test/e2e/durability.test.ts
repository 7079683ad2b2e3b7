// Writes that cannot lie, on the installed binary: a full disk (a small tmpfs), symlinked and 600 state
// files, a FIFO or a device in place of the state, a folder named like the old owner file, and
// `doctor --repair` killed between its steps (the test hook ROADMAP_TEST_KILL_AT) or refused a file it
// cannot read.
import { execFileSync } from 'node:child_process';
import {
  chmodSync,
  chownSync,
  existsSync,
  lstatSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterEach, beforeEach, describe, expect, inject, it } from 'vitest';
import type { State } from '../../src/progress/state.js';
import { parseStateText } from '../../src/store/inspect.js';
import { scratchHome, stateFileOf } from '../helpers/cli.js';
import { spawnRoadmap } from '../helpers/spawn.js';
import { fillDisk, mountTmpfs, type Tmpfs } from '../helpers/tmpfs.js';

function home(roadmapHome?: string) {
  const { env, dir } = scratchHome();
  const full = { ...env, ROADMAP_NOW: '2026-03-01T09:00:00Z', ...(roadmapHome ? { ROADMAP_HOME: roadmapHome } : {}) };
  const stateFile = stateFileOf(full);
  return { env: full, dir, stateFile, home: dirname(stateFile) };
}

function readState(file: string): State {
  const parsed = parseStateText(readFileSync(file, 'utf8'));
  if ('issue' in parsed) throw new Error(`unreadable state: ${JSON.stringify(parsed.issue)}`);
  return parsed.state;
}

const doneCount = (file: string) => Object.values(readState(file).documents.bundled?.items ?? {}).filter((r) => r.status === 'done').length;

/** Every regular file under `dir` with its bytes (and what is not a regular file, by kind). */
function filesOf(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const entry of readdirSync(dir, { recursive: true, withFileTypes: true })) {
    const path = join(entry.parentPath, entry.name);
    out[path] = entry.isFile() ? readFileSync(path, 'latin1') : entry.isDirectory() ? '<dir>' : '<other>';
  }
  return out;
}

const oneLine = (stderr: string) => {
  expect(stderr.endsWith('\n')).toBe(true);
  expect(stderr.trimEnd().split('\n')).toHaveLength(1);
};

describe('a full disk (a small tmpfs holding ROADMAP_HOME)', () => {
  let fs: Tmpfs | null = null;
  beforeEach(() => {
    fs = mountTmpfs(2048);
  });
  afterEach(() => fs?.unmount());

  it('check on a full disk: exit 1 with one line, state and backups unchanged (count and content), over 6 retries; works again once there is room', async (ctx) => {
    if (!fs) return ctx.skip();
    const h = home(join(fs.dir, 'full'));
    for (let id = 1; id <= 12; id++) expect((await spawnRoadmap(['check', String(id)], h.env)).code).toBe(0);
    expect(readdirSync(join(h.home, 'backups'))).toHaveLength(10);
    const before = filesOf(h.home);
    const filler = fillDisk(fs.dir);
    for (let retry = 0; retry < 6; retry++) {
      const run = await spawnRoadmap(['check', '20'], h.env);
      expect(run.code).toBe(1);
      expect(run.stdout).toBe('');
      oneLine(run.stderr);
      expect(run.stderr).toBe(
        `roadmap: cannot write the progress file ${h.stateFile}: no space left on the disk: free some space and run the command again. Nothing was changed.\n`,
      );
    }
    expect(filesOf(h.home)).toEqual(before);
    expect(doneCount(h.stateFile)).toBe(12);
    // Each backup is a file of its own (no hard link to the state or to each other).
    for (const name of readdirSync(join(h.home, 'backups'))) expect(statSync(join(h.home, 'backups', name)).nlink).toBe(1);
    rmSync(filler);
    const again = await spawnRoadmap(['check', '20'], h.env);
    expect(again.code, again.stderr).toBe(0);
    expect(doneCount(h.stateFile)).toBe(13);
    expect(readdirSync(join(h.home, 'backups'))).toHaveLength(10);
  }, 60_000);

  it('a 32 KiB state with about 30 KiB free (the audit case): refused before anything is written, never a truncated file', async (ctx) => {
    if (!fs) return ctx.skip();
    const h = home(join(fs.dir, 'tight'));
    mkdirSync(h.home, { recursive: true });
    const note = { at: '2026-03-01T09:00:00.000Z', text: 'n'.repeat(32_000) };
    const state = { schemaVersion: 1, documents: { bundled: { items: {}, notes: { 'some-item': [note] } } } };
    writeFileSync(h.stateFile, JSON.stringify(state, undefined, '\t'));
    const before = filesOf(h.home);
    const filler = fillDisk(fs.dir, 30 * 1024);
    const run = await spawnRoadmap(['check', '1'], h.env);
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/no space left on the disk/);
    oneLine(run.stderr);
    expect(filesOf(h.home)).toEqual(before);
    rmSync(filler);
  }, 60_000);
});

describe('doctor --repair where it cannot write (a small tmpfs)', () => {
  let fs: Tmpfs | null = null;
  beforeEach(() => {
    fs = mountTmpfs(1024);
  });
  afterEach(() => fs?.unmount());

  it.for([
    ['a read-only file system', 'the file system is read-only'],
    ['a full disk', 'no space left on the disk: free some space and run the command again'],
  ] as const)('on %s: one line saying what to do, exit 1, the files as they were', async ([name, reason], ctx) => {
    if (!fs) return ctx.skip();
    const h = home(join(fs.dir, 'home'));
    for (const id of ['1', '2', '3']) expect((await spawnRoadmap(['check', id], h.env)).code).toBe(0);
    writeFileSync(h.stateFile, '{"schemaVersion":1,');
    const before = filesOf(h.home);
    if (name === 'a full disk') fillDisk(fs.dir);
    else execFileSync('mount', ['-o', 'remount,ro', fs.dir]);
    const repair = await spawnRoadmap(['doctor', '--repair'], h.env);
    expect(repair.code).toBe(1);
    expect(repair.stderr).toBe(`roadmap: could not repair the progress file ${h.stateFile}: ${reason}. It was left as it was.\n`);
    expect(filesOf(h.home)).toEqual(before);
  });
});

describe('the state file as the user keeps it', () => {
  it('a symlinked state.json (dotfiles): written through, the link kept, backups independent regular files with the old content', async () => {
    const h = home();
    const dotfiles = join(h.dir, 'dotfiles');
    mkdirSync(dotfiles);
    mkdirSync(h.home, { recursive: true });
    const target = join(dotfiles, 'roadmap-state.json');
    expect((await spawnRoadmap(['check', '1'], h.env)).code).toBe(0);
    writeFileSync(target, readFileSync(h.stateFile));
    rmSync(h.stateFile);
    symlinkSync(target, h.stateFile);
    const old = readFileSync(target, 'utf8');
    const run = await spawnRoadmap(['check', '2'], h.env);
    expect(run.code, run.stderr).toBe(0);
    expect(lstatSync(h.stateFile).isSymbolicLink()).toBe(true);
    expect(doneCount(target)).toBe(2);
    const backups = readdirSync(join(h.home, 'backups')).sort();
    const newest = join(h.home, 'backups', backups.at(-1) as string);
    expect(lstatSync(newest).isFile()).toBe(true);
    expect(statSync(newest).ino).not.toBe(statSync(target).ino);
    expect(readFileSync(newest, 'utf8')).toBe(old);
    // Once the target is corrupt, the backups still hold good versions.
    writeFileSync(target, '{"schemaVersion":1,');
    const repair = await spawnRoadmap(['doctor', '--repair'], h.env);
    expect(repair.code, repair.stderr).toBe(0);
    expect(repair.stdout).toMatch(/Restored the backup/);
    expect(lstatSync(h.stateFile).isSymbolicLink()).toBe(true);
    expect(doneCount(target)).toBe(1);
  });

  it('a state file of mode 600 stays 600 after a write', async () => {
    const h = home();
    expect((await spawnRoadmap(['check', '1'], h.env)).code).toBe(0);
    chmodSync(h.stateFile, 0o600);
    expect((await spawnRoadmap(['check', '2'], h.env)).code).toBe(0);
    expect(statSync(h.stateFile).mode & 0o777).toBe(0o600);
  });

  it('a folder named like the old lock owner file: the change is written, exit 0, nothing on stderr', async () => {
    const h = home();
    mkdirSync(`${h.stateFile}.lock.owner`, { recursive: true });
    const run = await spawnRoadmap(['note', '1', 'written once'], h.env);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stderr).toBe('');
    expect(readState(h.stateFile).documents.bundled?.notes).toBeDefined();
  });

  it.each([
    ['a FIFO', (file: string) => execFileSync('mkfifo', [file])],
    ['a device (a symlink to /dev/zero)', (file: string) => symlinkSync('/dev/zero', file)],
  ])('%s as state.json: one-line error, exit 1, no hang, no lock left', async (_name, make) => {
    const h = home();
    mkdirSync(h.home, { recursive: true });
    make(h.stateFile);
    for (const args of [['status'], ['check', '1'], ['doctor']]) {
      const run = await spawnRoadmap(args, h.env, { timeoutMs: 10_000 });
      expect(run.signal, `${args.join(' ')} hung`).toBeNull();
      expect(run.code).toBe(1);
      if (args[0] !== 'doctor') {
        oneLine(run.stderr);
        expect(run.stderr).toContain(
          `cannot read the progress file ${h.stateFile}: it is not a regular file (a device, a FIFO or a socket): move it away.`,
        );
      } else expect(run.stdout).toContain('not a regular file');
    }
    expect(existsSync(`${h.stateFile}.lock`)).toBe(false);
  });
});

describe('doctor --repair is as crash-safe as a write', () => {
  async function corrupted() {
    const h = home();
    for (const id of ['1', '2', '3']) expect((await spawnRoadmap(['check', id], h.env)).code).toBe(0);
    writeFileSync(h.stateFile, '{"schemaVersion":1,"documents":{"bundled":');
    return { ...h, bad: readFileSync(h.stateFile) };
  }

  it('killed after keeping the bad file aside: state.json is still there (the bad file, untouched); the next --repair finishes', async () => {
    const h = await corrupted();
    const killed = await spawnRoadmap(['doctor', '--repair'], { ...h.env, ROADMAP_TEST_KILL_AT: 'repair:aside' });
    expect(killed.signal).toBe('SIGKILL');
    expect(readFileSync(h.stateFile)).toEqual(h.bad);
    expect(readFileSync(`${h.stateFile}.corrupt-20260301T090000Z`)).toEqual(h.bad);
    const repair = await spawnRoadmap(['doctor', '--repair'], h.env);
    expect(repair.code, repair.stderr).toBe(0);
    expect(doneCount(h.stateFile)).toBe(2);
    expect(readFileSync(`${h.stateFile}.corrupt-20260301T090000Z-2`)).toEqual(h.bad);
  });

  it('killed right after restoring: state.json is the restored backup, valid', async () => {
    const h = await corrupted();
    const killed = await spawnRoadmap(['doctor', '--repair'], { ...h.env, ROADMAP_TEST_KILL_AT: 'repair:restored' });
    expect(killed.signal).toBe('SIGKILL');
    expect(doneCount(h.stateFile)).toBe(2);
    expect(readFileSync(`${h.stateFile}.corrupt-20260301T090000Z`)).toEqual(h.bad);
    const status = await spawnRoadmap(['status', '--json'], h.env);
    expect(status.code).toBe(0);
  });

  it.each(['write:locked', 'write:backup', 'write:history', 'write:written'])(
    'a check killed at %s leaves a state that reads, and the next check works',
    async (point) => {
      const h = home();
      for (const id of ['1', '2']) expect((await spawnRoadmap(['check', id], h.env)).code).toBe(0);
      const killed = await spawnRoadmap(['check', '3'], { ...h.env, ROADMAP_TEST_KILL_AT: point });
      expect(killed.signal).toBe('SIGKILL');
      expect(doneCount(h.stateFile)).toBe(point === 'write:written' ? 3 : 2);
      const next = await spawnRoadmap(['check', '4'], h.env);
      expect(next.code, next.stderr).toBe(0);
      expect(doneCount(h.stateFile)).toBe(point === 'write:written' ? 4 : 3);
    },
  );

  it.runIf(process.getuid?.() === 0)(
    'a state file it cannot read (EACCES) is "cannot read", never corruption: no rollback, nothing moved',
    async () => {
      const h = home();
      for (const id of ['1', '2', '3']) expect((await spawnRoadmap(['check', id], h.env)).code).toBe(0);
      // Run as nobody, who owns the folders but cannot read the state file (root ignores permissions).
      const NOBODY = 65534;
      for (let d = dirname(inject('roadmapBin')); d !== '/' && d !== tmpdir(); d = dirname(d)) chmodSync(d, 0o755);
      chmodSync(h.dir, 0o755);
      for (const entry of [join(h.dir, 'config'), h.home, join(h.home, 'backups'), join(h.home, 'snapshots')])
        chownSync(entry, NOBODY, NOBODY);
      for (const name of readdirSync(join(h.home, 'backups'))) chownSync(join(h.home, 'backups', name), NOBODY, NOBODY);
      mkdirSync(join(h.dir, 'cache'), { recursive: true });
      chownSync(join(h.dir, 'cache'), NOBODY, NOBODY);
      chmodSync(h.stateFile, 0o000);
      const before = filesOf(h.home);
      const doctor = await spawnRoadmap(['doctor'], h.env, { uid: NOBODY });
      expect(doctor.code).toBe(1);
      expect(doctor.stdout).toContain('unreadable: permission denied');
      expect(doctor.stdout).toContain(`give yourself access to it (e.g. \`chmod u+rw ${h.stateFile}\`)`);
      const repair = await spawnRoadmap(['doctor', '--repair'], h.env, { uid: NOBODY });
      expect(repair.code).toBe(1);
      expect(repair.stderr).toBe(
        `roadmap: cannot read the progress file ${h.stateFile}: permission denied. It is not damaged: give yourself access (e.g. \`chmod u+rw ${h.stateFile}\`); nothing was repaired or moved.\n`,
      );
      expect(filesOf(h.home)).toEqual(before);
      chmodSync(h.stateFile, 0o644);
      expect(doneCount(h.stateFile)).toBe(3);
    },
  );
});
