import {
  chmodSync,
  lstatSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  readlinkSync,
  statSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { writeFileAtomic } from '../../src/io/atomic-write.js';

const scratch = () => mkdtempSync(join(tmpdir(), 'roadmap-atomic-'));
const modeOf = (path: string) => statSync(path).mode & 0o777;

describe('writeFileAtomic', () => {
  it('writes a new file with all its bytes, and leaves no temporary file', () => {
    const dir = scratch();
    const file = join(dir, 'out.txt');
    const text = 'é'.repeat(300_000);
    writeFileAtomic(file, text);
    expect(readFileSync(file, 'utf8')).toBe(text);
    expect(readdirSync(dir)).toEqual(['out.txt']);
  });

  it('writes bytes as given', () => {
    const dir = scratch();
    const file = join(dir, 'out.bin');
    writeFileAtomic(file, new Uint8Array([0, 1, 2, 255]));
    expect([...readFileSync(file)]).toEqual([0, 1, 2, 255]);
  });

  it('keeps the mode of the file it replaces (600 stays 600)', () => {
    const dir = scratch();
    const file = join(dir, 'secret.md');
    writeFileSync(file, 'old');
    chmodSync(file, 0o600);
    writeFileAtomic(file, 'new');
    expect(readFileSync(file, 'utf8')).toBe('new');
    expect(modeOf(file)).toBe(0o600);
  });

  it('takes the mode it is given', () => {
    const dir = scratch();
    const file = join(dir, 'f');
    writeFileSync(file, 'old');
    chmodSync(file, 0o644);
    writeFileAtomic(file, 'new', { mode: 0o600 });
    expect(modeOf(file)).toBe(0o600);
  });

  it('writes through a symbolic link: the target changes, the link stays a link', () => {
    const dir = scratch();
    mkdirSync(join(dir, 'dotfiles'));
    const target = join(dir, 'dotfiles', 'real.md');
    writeFileSync(target, 'old');
    chmodSync(target, 0o640);
    const link = join(dir, 'link.md');
    symlinkSync(target, link);
    writeFileAtomic(link, 'new');
    expect(lstatSync(link).isSymbolicLink()).toBe(true);
    expect(readlinkSync(link)).toBe(target);
    expect(readFileSync(target, 'utf8')).toBe('new');
    expect(modeOf(target)).toBe(0o640);
    expect(readdirSync(dir).sort()).toEqual(['dotfiles', 'link.md']);
    expect(readdirSync(join(dir, 'dotfiles'))).toEqual(['real.md']);
  });

  it('on failure removes its temporary file, rethrows, and leaves the target as it was', () => {
    const dir = scratch();
    const target = join(dir, 'a-folder');
    mkdirSync(target);
    writeFileSync(join(target, 'inside'), 'kept');
    expect(() => writeFileAtomic(target, 'x')).toThrow(/EISDIR|ENOTEMPTY|EEXIST/);
    expect(readdirSync(dir)).toEqual(['a-folder']);
    expect(readFileSync(join(target, 'inside'), 'utf8')).toBe('kept');
  });

  it('fails without creating anything when the folder does not exist', () => {
    const dir = scratch();
    expect(() => writeFileAtomic(join(dir, 'missing', 'f'), 'x')).toThrow(/ENOENT/);
    expect(readdirSync(dir)).toEqual([]);
  });
});
