import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir, userInfo } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { relativeHomeOf, statePaths } from '../../src/store/paths.js';
import { wrongEntry } from '../../src/store/wrong-entry.js';

describe('statePaths', () => {
  it('uses absolute XDG folders', () => {
    expect(statePaths({ HOME: '/h', XDG_CONFIG_HOME: '/c', XDG_CACHE_HOME: '/k' })).toEqual({
      home: '/c/roadmap',
      stateFile: '/c/roadmap/state.json',
      cacheDir: '/k/roadmap',
    });
  });

  it('ignores relative XDG folders, as the XDG spec asks: the defaults under HOME instead', () => {
    expect(statePaths({ HOME: '/h', XDG_CONFIG_HOME: 'conf', XDG_CACHE_HOME: './cache' })).toEqual({
      home: '/h/.config/roadmap',
      stateFile: '/h/.config/roadmap/state.json',
      cacheDir: '/h/.cache/roadmap',
    });
  });

  it('ignores a relative HOME: the home folder of the account instead', () => {
    const account = userInfo().homedir;
    expect(statePaths({ HOME: 'somewhere' }).home).toBe(join(account, '.config', 'roadmap'));
    expect(statePaths({ HOME: 'somewhere' }).cacheDir).toBe(join(account, '.cache', 'roadmap'));
  });

  it('names a relative ROADMAP_HOME, which the context refuses', () => {
    expect(relativeHomeOf({ ROADMAP_HOME: 'data' })).toBe('data');
    expect(relativeHomeOf({ ROADMAP_HOME: '/abs/data' })).toBeUndefined();
    expect(relativeHomeOf({ ROADMAP_HOME: '' })).toBeUndefined();
    expect(relativeHomeOf({})).toBeUndefined();
  });
});

describe('wrongEntry', () => {
  it('names the file that stands where a folder is needed, not the home', () => {
    const home = mkdtempSync(join(tmpdir(), 'roadmap-entry-'));
    writeFileSync(join(home, 'backups'), 'x');
    const error = Object.assign(new Error('EEXIST'), { code: 'EEXIST', path: join(home, 'backups') });
    expect(wrongEntry(error, home)).toBe(join(home, 'backups'));
    const deeper = Object.assign(new Error('ENOTDIR'), { code: 'ENOTDIR', path: join(home, 'backups', 'state-1.json') });
    expect(wrongEntry(deeper, home)).toBe(join(home, 'backups'));
  });

  it('names the home when the home itself is a file, and falls back when nothing is wrong any more', () => {
    const dir = mkdtempSync(join(tmpdir(), 'roadmap-entry-'));
    const home = join(dir, 'home');
    writeFileSync(home, 'x');
    expect(wrongEntry({ code: 'ENOTDIR', path: join(home, 'state.json') }, '/fallback')).toBe(home);
    mkdirSync(join(dir, 'ok'));
    expect(wrongEntry({ code: 'EEXIST', path: join(dir, 'ok') }, '/fallback')).toBe('/fallback');
    expect(wrongEntry(new Error('no path'), '/fallback')).toBe('/fallback');
  });
});
