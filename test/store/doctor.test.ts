import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { backupDirOf, compactStamp, keepBackup, listBackups } from '../../src/store/backups.js';
import { diagnoseState, repairState } from '../../src/store/doctor.js';
import { parseStateText } from '../../src/store/inspect.js';
import { statePaths } from '../../src/store/paths.js';
import { Store } from '../../src/store/store.js';
import { messagesFor } from '../../src/ui/messages.js';
import { renderRepair, renderStateDiagnosis } from '../../src/ui/render-doctor.js';

const t = messagesFor('en');
const NOW = new Date('2026-03-01T09:00:00Z');
const record = (at: string) => ({ status: 'done' as const, at });

function scratch() {
  const dir = mkdtempSync(join(tmpdir(), 'roadmap-doctor-'));
  const paths = statePaths({ ROADMAP_HOME: join(dir, 'config'), XDG_CACHE_HOME: join(dir, 'cache') });
  return { paths, store: new Store(paths, () => NOW) };
}

async function withVersions(n: number) {
  const s = scratch();
  for (let i = 1; i <= n; i++) {
    await s.store.update((state) => {
      state.documents.bundled = {
        items: Object.fromEntries(Array.from({ length: i }, (_, k) => [`item-${k + 1}`, record('2026-03-01T09:00:00.000Z')])),
      };
    });
  }
  return s;
}

const view = { chalk: new (await import('chalk')).Chalk({ level: 0 }), t };

describe('backups', () => {
  it('keeps the replaced versions, newest first, rotated to 10', async () => {
    const { paths } = await withVersions(14);
    const backups = listBackups(paths);
    expect(backups.map((b) => b.seq)).toEqual([13, 12, 11, 10, 9, 8, 7, 6, 5, 4]);
    expect(backups[0]?.stamp).toBe(compactStamp(NOW));
    const newest = parseStateText(readFileSync(backups[0]?.file as string, 'utf8'));
    expect('state' in newest && Object.keys(newest.state.documents.bundled?.items ?? {})).toHaveLength(13);
  });

  it('a backup interrupted before its rename is never listed, and is cleaned by the next one', () => {
    const { paths } = scratch();
    mkdirSync(backupDirOf(paths), { recursive: true });
    writeFileSync(join(backupDirOf(paths), 'state-20260301T090000Z-000001.json.tmp'), '{"sche');
    expect(listBackups(paths)).toEqual([]);
    // No state file to link: the bytes given are written (to a temporary name, then renamed).
    keepBackup(paths, Buffer.from('{}'), NOW);
    expect(readdirSync(backupDirOf(paths))).toEqual(['state-20260301T090000Z-000001.json']);
    expect(readFileSync(join(backupDirOf(paths), 'state-20260301T090000Z-000001.json'), 'utf8')).toBe('{}');
  });
});

describe('diagnoseState', () => {
  it('no file yet: missing, not a problem', () => {
    const { paths } = scratch();
    const d = diagnoseState(paths);
    expect(d).toMatchObject({ status: 'missing', issue: null, backups: [], lock: 'none', orphans: [] });
    expect(renderStateDiagnosis(d, backupDirOf(paths), view)).toContain('✔ no progress recorded yet');
  });

  it('a good file: counts, backups, leftovers of killed writes and a lock', async () => {
    const { paths } = await withVersions(3);
    writeFileSync(`${paths.stateFile}.tmp-123456789`, '{"half');
    mkdirSync(`${paths.stateFile}.lock`);
    const d = diagnoseState(paths);
    expect(d).toMatchObject({ status: 'ok', documents: 1, items: 3, schemaVersion: 1, lock: 'held' });
    expect(d.backups.map((b) => [b.seq, b.items, b.issue])).toEqual([
      [2, 2, null],
      [1, 1, null],
    ]);
    expect(d.orphans).toEqual([`${paths.stateFile}.tmp-123456789`]);
    const text = renderStateDiagnosis(d, backupDirOf(paths), view);
    expect(text).toMatch(
      /✔ readable: 1 document, 3 items recorded \(schema 1\)\n {2}· 2 backups in .*\n {2}· newest good backup: 2026-03-01 \d\d:00 \(2 items\)\n {2}! locked/,
    );
    expect(text).toContain('! 1 temporary file of interrupted writes');
  });

  it.each([
    ['invalid JSON', '{"schemaVersion":', 'invalid JSON (the file ends too early: cut off while being written?)'],
    ['garbage', 'hello', 'invalid JSON'],
    ['an empty file', '', 'the file is empty'],
    ['a wrong shape', '{"schemaVersion":1,"documents":3}', 'not a roadmap progress file ("documents" is not an object)'],
    ['a newer schema', '{"schemaVersion":7,"documents":{}}', 'written by a newer roadmap (schema 7)'],
  ])('explains %s and advises --repair', async (_name, content, reason) => {
    const { paths } = await withVersions(2);
    writeFileSync(paths.stateFile, content);
    const d = diagnoseState(paths);
    expect(d.status).toBe('bad');
    const text = renderStateDiagnosis(d, backupDirOf(paths), view);
    expect(text).toContain(`✖ unreadable: ${reason}`);
    expect(text).toMatch(/→ run `roadmap doctor --repair`: it moves the bad file aside and restores the backup of 2026-03-01 \d\d:00\./);
    expect(readFileSync(paths.stateFile, 'utf8')).toBe(content);
  });
});

describe('repairState', () => {
  it('moves the bad file aside and restores the newest good backup, skipping a bad one', async () => {
    const { paths, store } = await withVersions(4);
    const [newest] = listBackups(paths);
    writeFileSync(newest?.file as string, '{"broken');
    writeFileSync(paths.stateFile, 'garbage');
    const result = await repairState(paths, NOW);
    expect(result).toMatchObject({
      kind: 'restored',
      movedTo: `${paths.stateFile}.corrupt-20260301T090000Z`,
      backup: { seq: 2, items: 2 },
    });
    expect(readFileSync(`${paths.stateFile}.corrupt-20260301T090000Z`, 'utf8')).toBe('garbage');
    expect(Object.keys(store.read().documents.bundled?.items ?? {})).toEqual(['item-1', 'item-2']);
    expect(renderRepair(result, view)).toMatch(
      /^Moved the unreadable file to \S+\.corrupt-20260301T090000Z \(kept, nothing deleted\)\.\nRestored the backup of 2026-03-01 \d\d:00 \(\S+000002\.json\): 2 items recorded\.\n$/,
    );
    // The backups stay backups.
    expect(listBackups(paths)).toHaveLength(3);
    // A second repair has nothing to do; a second corrupt file gets its own name.
    expect(await repairState(paths, NOW)).toEqual({ kind: 'healthy' });
    writeFileSync(paths.stateFile, '');
    expect(await repairState(paths, NOW)).toMatchObject({ movedTo: `${paths.stateFile}.corrupt-20260301T090000Z-2` });
  });

  it('without a good backup: moves the file aside and starts empty, saying so', async () => {
    const { paths, store } = scratch();
    mkdirSync(paths.home, { recursive: true });
    mkdirSync(paths.stateFile);
    const result = await repairState(paths, NOW);
    expect(result).toEqual({ kind: 'emptied', movedTo: `${paths.stateFile}.corrupt-20260301T090000Z` });
    expect(existsSync(paths.stateFile)).toBe(false);
    expect(store.read().documents).toEqual({});
    expect(renderRepair(result, view)).toContain('No good backup to restore: progress starts empty.');
    expect(diagnoseState(paths).movedAside).toEqual([`${paths.stateFile}.corrupt-20260301T090000Z`]);
  });
});
