import { existsSync, mkdirSync, mkdtempSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { repairState } from '../../src/store/doctor.js';
import { statePaths } from '../../src/store/paths.js';
import { Store } from '../../src/store/store.js';

const NOW = new Date('2026-03-01T09:00:00Z');

async function withBackups() {
  const dir = mkdtempSync(join(tmpdir(), 'roadmap-repair-'));
  const paths = statePaths({ ROADMAP_HOME: join(dir, 'config'), XDG_CACHE_HOME: join(dir, 'cache') });
  const store = new Store(paths, () => NOW);
  for (const key of ['a', 'b', 'c']) {
    await store.update((state) => {
      state.documents.bundled ??= { items: {} };
      state.documents.bundled.items[key] = { status: 'done', at: NOW.toISOString() };
    });
  }
  return { paths, store };
}

describe('repairState', () => {
  it('keeps the bad file aside (its exact bytes) and puts the newest good backup in place; the bad file is never missing meanwhile', async () => {
    const { paths, store } = await withBackups();
    writeFileSync(paths.stateFile, '{"schemaVersion":1,');
    const result = await repairState(paths, NOW);
    expect(result).toMatchObject({ kind: 'restored', movedTo: `${paths.stateFile}.corrupt-20260301T090000Z` });
    expect(readFileSync(`${paths.stateFile}.corrupt-20260301T090000Z`, 'utf8')).toBe('{"schemaVersion":1,');
    expect(Object.keys(store.read().documents.bundled?.items ?? {})).toEqual(['a', 'b']);
    // The restored file and the file kept aside are two files.
    expect(statSync(paths.stateFile).ino).not.toBe(statSync(`${paths.stateFile}.corrupt-20260301T090000Z`).ino);
    expect(existsSync(`${paths.stateFile}.lock`)).toBe(false);
  });

  it('a folder in place of the state file is moved aside and the backup renamed in', async () => {
    const { paths, store } = await withBackups();
    const { rmSync } = await import('node:fs');
    rmSync(paths.stateFile);
    mkdirSync(paths.stateFile);
    writeFileSync(join(paths.stateFile, 'inside'), 'x');
    const result = await repairState(paths, NOW);
    expect(result.kind).toBe('restored');
    expect(readFileSync(join(`${paths.stateFile}.corrupt-20260301T090000Z`, 'inside'), 'utf8')).toBe('x');
    expect(Object.keys(store.read().documents.bundled?.items ?? {})).toEqual(['a', 'b']);
  });

  it('without a good backup, the bad file is kept aside and progress starts empty', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'roadmap-repair-'));
    const paths = statePaths({ ROADMAP_HOME: join(dir, 'config'), XDG_CACHE_HOME: join(dir, 'cache') });
    mkdirSync(paths.home, { recursive: true });
    writeFileSync(paths.stateFile, 'garbage');
    expect(await repairState(paths, NOW)).toEqual({ kind: 'emptied', movedTo: `${paths.stateFile}.corrupt-20260301T090000Z` });
    expect(existsSync(paths.stateFile)).toBe(false);
    expect(readFileSync(`${paths.stateFile}.corrupt-20260301T090000Z`, 'utf8')).toBe('garbage');
  });

  it('a readable file is left alone', async () => {
    const { paths } = await withBackups();
    const before = readFileSync(paths.stateFile);
    expect(await repairState(paths, NOW)).toEqual({ kind: 'healthy' });
    expect(readFileSync(paths.stateFile)).toEqual(before);
  });
});
