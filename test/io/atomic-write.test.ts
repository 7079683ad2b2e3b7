import { execFileSync } from 'node:child_process';
import { chmodSync, lstatSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { NotRegularFileError, writeFileAtomic, writeTarget } from '../../src/io/atomic-write.js';
import { fillDisk, mountTmpfs, type Tmpfs } from '../helpers/tmpfs.js';

const scratch = () => mkdtempSync(join(tmpdir(), 'roadmap-atomic-'));

describe('writeFileAtomic', () => {
  it('creates and replaces a file with exactly the bytes given, and leaves no temporary file', () => {
    const dir = scratch();
    const file = join(dir, 'out.json');
    writeFileAtomic(file, 'first');
    writeFileAtomic(file, Buffer.from('second, longer'));
    expect(readFileSync(file, 'utf8')).toBe('second, longer');
    expect(readdirSync(dir)).toEqual(['out.json']);
  });

  it('keeps the mode of the file it replaces (600 stays 600), or sets the one asked for', () => {
    const dir = scratch();
    const file = join(dir, 'secret.json');
    writeFileSync(file, 'old');
    chmodSync(file, 0o600);
    writeFileAtomic(file, 'new');
    expect(statSync(file).mode & 0o777).toBe(0o600);
    writeFileAtomic(file, 'newer', { mode: 0o640 });
    expect(statSync(file).mode & 0o777).toBe(0o640);
  });

  it('writes through a symlink (a chain of them, or a dangling one): the link stays a link, its target gets the data', () => {
    const dir = scratch();
    mkdirSync(join(dir, 'dotfiles'));
    const target = join(dir, 'dotfiles', 'state.json');
    writeFileSync(target, 'old');
    symlinkSync(target, join(dir, 'middle'));
    symlinkSync('middle', join(dir, 'link'));
    writeFileAtomic(join(dir, 'link'), 'new');
    expect(lstatSync(join(dir, 'link')).isSymbolicLink()).toBe(true);
    expect(lstatSync(join(dir, 'middle')).isSymbolicLink()).toBe(true);
    expect(readFileSync(target, 'utf8')).toBe('new');
    expect(writeTarget(join(dir, 'link'))).toBe(target);
    symlinkSync(join(dir, 'dotfiles', 'later.json'), join(dir, 'dangling'));
    writeFileAtomic(join(dir, 'dangling'), 'created');
    expect(lstatSync(join(dir, 'dangling')).isSymbolicLink()).toBe(true);
    expect(readFileSync(join(dir, 'dotfiles', 'later.json'), 'utf8')).toBe('created');
  });

  it('refuses a folder, a FIFO or a device, and replaces none of them', () => {
    const dir = scratch();
    mkdirSync(join(dir, 'folder'));
    execFileSync('mkfifo', [join(dir, 'fifo')]);
    for (const path of [join(dir, 'folder'), join(dir, 'fifo'), '/dev/null']) {
      expect(() => writeFileAtomic(path, 'x')).toThrow(NotRegularFileError);
    }
    expect(lstatSync(join(dir, 'fifo')).isFIFO()).toBe(true);
    expect(lstatSync('/dev/null').isCharacterDevice()).toBe(true);
    expect(readdirSync(dir).sort()).toEqual(['fifo', 'folder']);
  });

  it('writes a large text with all its bytes', () => {
    const dir = scratch();
    const file = join(dir, 'out.txt');
    const text = 'é'.repeat(300_000);
    writeFileAtomic(file, text);
    expect(readFileSync(file, 'utf8')).toBe(text);
    expect(readdirSync(dir)).toEqual(['out.txt']);
  });

  it('fails without creating anything when the folder does not exist', () => {
    const dir = scratch();
    expect(() => writeFileAtomic(join(dir, 'missing', 'f'), 'x')).toThrow(/ENOENT/);
    expect(readdirSync(dir)).toEqual([]);
  });

  describe('on a full disk (a small tmpfs)', () => {
    let fs: Tmpfs | null = null;
    afterAll(() => fs?.unmount());

    it('throws ENOSPC, removes its temporary file and leaves the old file byte for byte', (ctx) => {
      fs = mountTmpfs(256);
      if (!fs) return ctx.skip();
      const file = join(fs.dir, 'state.json');
      writeFileSync(file, 'the good old version');
      // Room for a few pages only: a 200 KB file cannot fit, whatever part of it a write() accepts.
      fillDisk(fs.dir, 8 * 1024);
      expect(() => writeFileAtomic(file, Buffer.alloc(200 * 1024, 0x62))).toThrow(expect.objectContaining({ code: 'ENOSPC' }));
      expect(readFileSync(file, 'utf8')).toBe('the good old version');
      expect(readdirSync(fs.dir).sort()).toEqual(['filler', 'state.json']);
    });
  });
});
