import { chmodSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runRoadmap, scratchHome } from '../helpers/cli.js';

const DOC = `# Videos

## Arrays

- [ ] Watch [Arrays (video)](https://example.org/arrays) and [the notes](https://example.org/notes)
- [ ] Read the chapter, no link
- [ ] Implement a vector:
  - [ ] size()
  - [ ] capacity()
  - [ ] is_empty()
  - [ ] at(index)
  - [ ] push(item)
`;

/** A folder with a stand-in \`xdg-open\` that records the address it is given, put first on PATH. */
function standIn() {
  const dir = mkdtempSync(join(tmpdir(), 'roadmap-opener-'));
  const record = join(dir, 'opened.txt');
  const script = join(dir, 'xdg-open');
  writeFileSync(script, `#!/bin/sh\nprintf '%s\\n' "$1" >> '${record}'\n`);
  chmodSync(script, 0o755);
  return { record, env: { PATH: `${dir}:${process.env.PATH ?? ''}` } };
}

describe('roadmap open and info links (the real binary)', () => {
  const home = scratchHome();
  const file = join(home.dir, 'videos.md');
  writeFileSync(file, DOC);

  it('opens the first link, or the nth, with the system opener', () => {
    const opener = standIn();
    const env = { ...home.env, ...opener.env };
    const first = runRoadmap(['--file', file, 'open', '1'], env);
    expect(first.code).toBe(0);
    const second = runRoadmap(['--file', file, 'open', 'arrays', '2'], env);
    expect(second.code).toBe(0);
    expect(readFileSync(opener.record, 'utf8')).toBe('https://example.org/arrays\nhttps://example.org/notes\n');
  });

  it.each([
    ['an item without a link', ['open', '2'], /^roadmap: item 2 has no link in the document/],
    ['a link number it does not have', ['open', '1', '3'], /^roadmap: item 1 has no link 3 \(it has 2/],
  ])('%s: one line, exit 1', (_, args, message) => {
    const result = runRoadmap(['--file', file, ...args], { ...home.env, ...standIn().env });
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(message);
    expect(result.stderr.trim().split('\n')).toHaveLength(1);
  });

  it('no opener: one line, exit 1', () => {
    const result = runRoadmap(['--file', file, 'open', '1'], { ...home.env, BROWSER: '/nonexistent/browser' });
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/cannot open a browser: \/nonexistent\/browser was not found/);
  });

  it('refuses a link with control characters', () => {
    const bad = join(home.dir, 'bad.md');
    writeFileSync(bad, '# T\n\n- [ ] [x](<https://example.org/\u001b[31mred>)\n');
    const opener = standIn();
    const result = runRoadmap(['--file', bad, 'open', '1'], { ...home.env, ...opener.env });
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/will not open/);
    expect(() => readFileSync(opener.record)).toThrow();
  });

  it('info lists the links, info --json has links and priority', () => {
    const text = runRoadmap(['--file', file, 'info', '1'], home.env);
    expect(text.code).toBe(0);
    expect(text.stdout).toContain('Links in the document');
    expect(text.stdout).toMatch(/1 {2}Arrays \(video\) https:\/\/example\.org\/arrays/);
    const json = JSON.parse(runRoadmap(['--file', file, 'info', '1', '--json'], home.env).stdout);
    expect(json.links).toEqual([
      { text: 'Arrays (video)', url: 'https://example.org/arrays' },
      { text: 'the notes', url: 'https://example.org/notes' },
    ]);
    expect(json.priority).toBeNull();
    expect(json.priorityWords).toBeNull();
  });

  it('a parent with five children done is done and not suggested; unchecking a child makes it to do again', () => {
    const env = home.env;
    expect(runRoadmap(['--file', file, 'check', '4', '5', '6', '7', '8'], env).code).toBe(0);
    const list = JSON.parse(runRoadmap(['--file', file, 'list', '--json'], env).stdout);
    expect(list.items[2].status).toBe('done');
    const status = JSON.parse(runRoadmap(['--file', file, 'status', '--json'], env).stdout);
    expect(status.done).toBe(6);
    const next = JSON.parse(runRoadmap(['--file', file, 'next', '--json'], env).stdout);
    expect(next.suggestions.map((s: { id: number }) => s.id)).not.toContain(3);
    // The export writes the user's own marks; --roll-up ticks the parent too.
    expect(runRoadmap(['--file', file, 'export', '--format', 'md'], env).stdout).toContain('- [ ] Implement a vector:');
    expect(runRoadmap(['--file', file, 'export', '--format', 'md', '--roll-up'], env).stdout).toContain('- [x] Implement a vector:');
    expect(runRoadmap(['--file', file, 'uncheck', '6'], env).code).toBe(0);
    const after = JSON.parse(runRoadmap(['--file', file, 'list', '--json'], env).stdout);
    expect(after.items[2].status).toBe('todo');
  });
});
