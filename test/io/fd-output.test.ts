import { execFileSync } from 'node:child_process';
import { closeSync, mkdtempSync, openSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { isTerminal, writeAll } from '../../src/io/fd-output.js';

const scratch = () => mkdtempSync(join(tmpdir(), 'roadmap-fd-'));

describe('writeAll', () => {
  it('writes every byte of the text, multi-byte characters included', () => {
    const file = join(scratch(), 'out.txt');
    const fd = openSync(file, 'w');
    const text = `🔴 Niveau 1 — Les fondamentaux\n${'é'.repeat(200_000)}\n`;
    writeAll(fd, text);
    writeAll(fd, '');
    closeSync(fd);
    expect(readFileSync(file, 'utf8')).toBe(text);
  });

  it('throws what it cannot handle (a closed descriptor) for the caller to decide', () => {
    const fd = openSync(join(scratch(), 'x'), 'w');
    closeSync(fd);
    expect(() => writeAll(fd, 'x')).toThrow(expect.objectContaining({ code: 'EBADF' }));
  });
});

describe('isTerminal', () => {
  const never = () => {
    throw new Error('isatty should not be needed');
  };

  it.each([
    ['a file', () => openSync(join(scratch(), 'f'), 'w')],
    ['/dev/null', () => openSync('/dev/null', 'w')],
    [
      'a pipe',
      () => {
        const fifo = join(scratch(), 'fifo');
        execFileSync('mkfifo', [fifo]);
        return openSync(fifo, 'r+');
      },
    ],
  ])('%s is not a terminal, answered without isatty', (_name, open) => {
    const fd = open();
    expect(isTerminal(fd, never)).toBe(false);
    closeSync(fd);
  });

  it('another character device asks isatty', () => {
    const fd = openSync('/dev/zero', 'r');
    const asked: number[] = [];
    const answer = isTerminal(fd, (n) => {
      asked.push(n);
      return true;
    });
    expect(answer).toBe(true);
    expect(asked).toEqual([fd]);
    closeSync(fd);
  });
});
