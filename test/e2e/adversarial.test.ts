// The adversarial table: hostile state files, documents, arguments and environments, each run through the
// installed binary. Every case asserts the exit code, that stderr is one readable message (no stack trace,
// no control character) and that the state folder is byte for byte what it was when nothing should be written.
import { spawnSync } from 'node:child_process';
import {
  chmodSync,
  chownSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  statSync,
  truncateSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { beforeAll, describe, expect, inject, it } from 'vitest';
import { FIXTURES } from '../helpers/context.js';

const NOBODY = 65534;
const isRoot = process.getuid?.() === 0;
const NOW = '2026-03-01T09:00:00Z';

interface Home {
  dir: string;
  home: string;
  stateFile: string;
  env: Record<string, string>;
}

interface Case {
  name: string;
  args: string[] | ((h: Home) => string[]);
  /** Prepares the home (the state file holds a good state with item 1 done unless `fresh`). */
  setup?: (h: Home) => void;
  env?: (h: Home) => Record<string, string | undefined>;
  code: number;
  /** The message (stderr); '' for none. */
  stderr: RegExp | '';
  stdout?: RegExp;
  /** The command may write the state (the default: the state folder must stay byte for byte). */
  writes?: boolean;
  /** No state file before the command. */
  fresh?: boolean;
  /** Run as an unprivileged user (root ignores file permissions). */
  unprivileged?: boolean;
  shell?: boolean;
  /** More assertions on stdout. */
  check?: (stdout: string) => void;
}

let template: Buffer;
let docs: string;

function newHome(): Home {
  const dir = mkdtempSync(join(tmpdir(), 'roadmap-adv-'));
  const home = join(dir, 'config', 'roadmap');
  return {
    dir,
    home,
    stateFile: join(home, 'state.json'),
    env: { HOME: dir, XDG_CONFIG_HOME: join(dir, 'config'), XDG_CACHE_HOME: join(dir, 'cache'), ROADMAP_NOW: NOW },
  };
}

function run(args: string[], env: Record<string, string | undefined>, options: { uid?: number; shell?: boolean } = {}) {
  const clean = Object.fromEntries(Object.entries({ PATH: process.env.PATH ?? '', LANG: 'C', ...env }).filter(([, v]) => v !== undefined));
  const bin = inject('roadmapBin');
  const result = options.shell
    ? spawnSync('sh', ['-c', args.join(' ')], { env: { ...clean, ROADMAP: bin }, encoding: 'utf8', timeout: 20_000 })
    : spawnSync(bin, args, { env: clean, encoding: 'utf8', timeout: 20_000, input: '', uid: options.uid, gid: options.uid });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr, error: result.error };
}

/** Every file under a folder with its bytes (a missing folder: none). */
function snapshot(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  const walk = (d: string) => {
    let names: string[];
    try {
      names = readdirSync(d);
    } catch {
      return;
    }
    for (const name of names) {
      const p = join(d, name);
      const s = statSync(p);
      if (s.isDirectory()) {
        out[`${p}/`] = '';
        walk(p);
      } else {
        try {
          out[p] = readFileSync(p).toString('base64');
        } catch {
          out[p] = `<unreadable ${s.size}>`;
        }
      }
    }
  };
  walk(dir);
  return out;
}

const writeState = (content: string | Buffer) => (h: Home) => writeFileSync(h.stateFile, content);
const doc = (name: string) => join(docs, name);
const big = 'x'.repeat(10_000);
const STATE_MSG = (what: RegExp) =>
  new RegExp(`^roadmap: cannot read the progress file \\S+state\\.json: ${what.source}\\. It was left untouched; run \`roadmap doctor\``);
const CORRUPT = STATE_MSG(/invalid JSON/);

const cases: Case[] = [
  // Unreadable state: every command that needs it exits 1 naming the file and `roadmap doctor`, the file untouched.
  {
    name: 'state: invalid JSON → status',
    args: ['status'],
    setup: writeState('{"schemaVersion": 1, "documents": {]'),
    code: 1,
    stderr: CORRUPT,
  },
  { name: 'state: invalid JSON → check', args: ['check', '2'], setup: writeState('not json at all'), code: 1, stderr: CORRUPT },
  { name: 'state: empty → list', args: ['list'], setup: writeState(''), code: 1, stderr: STATE_MSG(/the file is empty/) },
  {
    name: 'state: only whitespace → start',
    args: ['start', '3'],
    setup: writeState('\n  \n'),
    code: 1,
    stderr: STATE_MSG(/the file is empty/),
  },
  {
    name: 'state: truncated → check',
    args: ['check', '2'],
    setup: (h) => writeFileSync(h.stateFile, template.subarray(0, template.length >> 1)),
    code: 1,
    stderr: STATE_MSG(/invalid JSON \(the file ends too early: cut off while being written\?\)/),
  },
  {
    name: 'state: wrong schema → undo',
    args: ['undo'],
    setup: writeState('{"schemaVersion":1,"documents":[]}'),
    code: 1,
    stderr: STATE_MSG(/not a roadmap progress file \("documents" is not an object\)/),
  },
  {
    name: 'state: a JSON array → next',
    args: ['next'],
    setup: writeState('[1,2]'),
    code: 1,
    stderr: STATE_MSG(/not a roadmap progress file \(not a JSON object\)/),
  },
  {
    name: 'state: bad record → log',
    args: ['log'],
    setup: writeState('{"schemaVersion":1,"documents":{"bundled":{"items":{"a":{"status":"finished","at":"x"}}}}}'),
    code: 1,
    stderr: STATE_MSG(/not a roadmap progress file .*/),
  },
  {
    name: 'state: future schema version → check',
    args: ['check', '2'],
    setup: writeState('{"schemaVersion":99,"documents":{}}'),
    code: 1,
    stderr:
      /^roadmap: the progress file \S+state\.json was written by a newer roadmap \(schema 99\): update roadmap \(or run `roadmap doctor`\)/,
  },
  {
    name: 'state: a directory → skip',
    args: ['skip', '4'],
    setup: (h) => mkdirSync(h.stateFile),
    fresh: true,
    code: 1,
    stderr: STATE_MSG(/it is a directory, not a file/),
  },
  {
    name: 'state: binary garbage → plan',
    args: ['plan'],
    setup: writeState(Buffer.from([0, 159, 146, 150, 255])),
    code: 1,
    stderr: CORRUPT,
  },
  {
    name: 'state: invalid JSON → export md',
    args: ['export', '--format', 'md'],
    setup: writeState('{'),
    code: 1,
    stderr: STATE_MSG(/invalid JSON.*/),
  },
  {
    name: 'state: invalid JSON → fr message',
    args: ['--lang', 'fr', 'status'],
    setup: writeState('{'),
    code: 1,
    stderr: /^roadmap : impossible de lire le fichier de progression \S+ : JSON invalide\. Il n’a pas été modifié ; lance `roadmap doctor`/,
  },
  {
    name: 'state: invalid JSON → doctor explains, exit 1',
    args: ['doctor'],
    setup: writeState('{oops'),
    code: 1,
    stderr: '',
    stdout: /✖ unreadable: invalid JSON\n[\s\S]*no backup yet[\s\S]*→ run `roadmap doctor --repair`/,
  },
  {
    name: 'state: no permission to read',
    args: ['status'],
    setup: (h) => {
      if (isRoot) chownSync(h.home, NOBODY, NOBODY);
      chmodSync(h.stateFile, isRoot ? 0o600 : 0o000);
    },
    unprivileged: true,
    code: 1,
    stderr: STATE_MSG(/permission denied/),
  },
  {
    name: 'state: read-only folder → check',
    args: ['check', '2'],
    setup: (h) => chmodSync(h.home, 0o555),
    unprivileged: true,
    code: 1,
    stderr:
      /^roadmap: cannot write the progress file \S+state\.json: permission denied \(is its folder read-only\?\)\. Nothing was changed\.\n$/,
  },
  {
    name: 'state: read-only folder → status still reads',
    args: ['status', '--json'],
    setup: (h) => chmodSync(h.home, 0o555),
    unprivileged: true,
    code: 0,
    stderr: '',
    stdout: /"done": 1,/,
  },
  {
    name: 'ROADMAP_HOME is a file → status',
    args: ['status'],
    env: (h) => ({ ROADMAP_HOME: join(h.dir, 'a-file') }),
    setup: (h) => writeFileSync(join(h.dir, 'a-file'), 'x'),
    code: 1,
    stderr: STATE_MSG(/its folder is a file, not a folder \(check ROADMAP_HOME and XDG_CONFIG_HOME\)/),
  },
  {
    name: 'ROADMAP_HOME is a file → check',
    args: ['check', '1'],
    env: (h) => ({ ROADMAP_HOME: join(h.dir, 'a-file') }),
    setup: (h) => writeFileSync(join(h.dir, 'a-file'), 'x'),
    code: 1,
    stderr: /^roadmap: cannot (read|write) the progress file \S+a-file\/state\.json: .*(a file, not a folder).*\n$/,
  },

  // Hostile documents.
  {
    name: '--file missing',
    args: ['--file', '/nonexistent/plan.md', 'status'],
    code: 1,
    stderr: /^roadmap: cannot read \/nonexistent\/plan\.md: no such file\n$/,
  },
  {
    name: '--file a directory',
    args: () => ['--file', docs, 'list'],
    code: 1,
    stderr: /^roadmap: cannot read \S+: it is a directory, not a markdown file\n$/,
  },
  {
    name: '--file binary',
    args: () => ['--file', doc('binary.md'), 'status'],
    code: 1,
    stderr: /^roadmap: cannot read \S+binary\.md: not UTF-8 text\n$/,
  },
  {
    name: '--file Latin-1 text',
    args: () => ['--file', doc('latin1.md'), 'check', '1'],
    code: 1,
    stderr: /^roadmap: cannot read \S+latin1\.md: not UTF-8 text\n$/,
  },
  {
    name: '--file 50 MB',
    args: () => ['--file', doc('huge.md'), 'status'],
    code: 1,
    stderr: /^roadmap: cannot read \S+huge\.md: larger than the 10 MB limit for a roadmap document\n$/,
  },
  {
    name: '--file lists nested 10 000 levels',
    args: () => ['--file', doc('nested-10000.md'), 'status'],
    code: 1,
    stderr: /^roadmap: cannot read \S+: lists or quotes nested more than 50 levels deep \(line 5\), the limit for a roadmap document\n$/,
  },
  {
    name: '--file quotes nested 10 000 levels',
    args: () => ['--file', doc('quotes-10000.md'), 'list'],
    code: 1,
    stderr: /nested more than 50 levels deep \(line 3\)/,
  },
  {
    name: '--file 400 KB of `[a](` in one paragraph',
    args: () => ['--file', doc('brackets.md'), 'status'],
    code: 1,
    stderr:
      /^roadmap: cannot read \S+brackets\.md: the paragraph at line 5 holds more than 5000 brackets, the limit for a roadmap document \(split it with blank lines\)\n$/,
  },
  {
    name: '--file indentation 1 000 levels',
    args: () => ['--file', doc('indent-1000.md'), 'list'],
    code: 1,
    stderr: /nested more than 50 levels deep \(line 5[0-9]\)/,
  },
  {
    name: '--file 10 000 items → status',
    args: () => ['--file', doc('items-10000.md'), 'status', '--json'],
    code: 0,
    stderr: '',
    stdout: /"total": 10000,/,
  },
  {
    name: '--file 10 000 items → check the last',
    args: () => ['--file', doc('items-10000.md'), 'check', '10000'],
    code: 0,
    stderr: '',
    stdout: /^✔ 10000 {2}item 9999 /,
    writes: true,
  },
  {
    name: '--file no task items → status',
    args: () => ['--file', doc('no-tasks.md'), 'status'],
    code: 0,
    stderr: '',
    stdout: /This document has no task items/,
  },
  {
    name: '--file no task items → check 1',
    args: () => ['--file', doc('no-tasks.md'), 'check', '1'],
    code: 1,
    stderr: /^roadmap: no item 1: this document has no task items\n$/,
  },
  {
    name: '--file only headings → list',
    args: () => ['--file', doc('headings.md'), 'list', '--json'],
    code: 0,
    stderr: '',
    stdout: /^\{\n {2}"items": \[\]\n\}\n$/,
  },
  { name: '--file empty → status', args: () => ['--file', doc('empty.md'), 'status'], code: 0, stderr: '', stdout: /no task items/ },
  {
    name: '--file escape sequences → list shows them escaped',
    args: () => ['--file', doc('ansi.md'), 'list'],
    code: 0,
    stderr: '',
    stdout: /evil \\x1b\[31mred\\x1b\[0m \\x1b\]8;;http:\/\/x\\x07link/,
  },
  {
    name: '--file escape sequences → check echoes them escaped',
    args: () => ['--file', doc('ansi.md'), 'check', 'evil'],
    code: 0,
    stderr: '',
    stdout: /^✔ 1 {2}evil \\x1b\[31m/,
    writes: true,
  },
  {
    name: '--file with escape sequences in its name',
    args: ['--file', '/tmp/\x1b]0;pwned\x07.md', 'status'],
    code: 1,
    stderr: /^roadmap: cannot read \/tmp\/\\x1b\]0;pwned\\x07\.md: no such file\n$/,
  },

  // Hostile arguments.
  { name: 'unknown command', args: ['chekc'], code: 2, stderr: /^roadmap: unknown command "chekc"; did you mean "check"\?\n$/ },
  {
    name: 'unknown command with escapes',
    args: ['\x1b[2J\x1b]0;x\x07'],
    code: 2,
    stderr: /^roadmap: unknown command "\\x1b\[2J\\x1b\]0;x\\x07"/,
  },
  {
    name: 'unknown option',
    args: ['status', '--colour'],
    code: 2,
    stderr: /^roadmap: unknown option "--colour" for `roadmap status`; see `roadmap status --help`\n$/,
  },
  {
    name: '--file without its value',
    args: ['status', '--file'],
    code: 2,
    stderr: /^roadmap: --file needs a value; see `roadmap --help`\n$/,
  },
  {
    name: '--level 9',
    args: ['status', '--level', '9'],
    code: 1,
    stderr: /^roadmap: no level 9 in this roadmap \(levels: 1, 2, 3, 4\)\n$/,
  },
  {
    name: '--level abc',
    args: ['list', '--level', 'abc'],
    code: 2,
    stderr: /^roadmap: --level takes a level number, not "abc"\n$/,
  },
  { name: '--level 0', args: ['check', '--level', '0', '1'], code: 2, stderr: /--level takes a level number, not "0"/ },
  { name: 'next --count -1', args: ['next', '--count', '-1'], code: 2, stderr: /--count takes a whole number of at least 1, not "-1"/ },
  { name: 'next --count abc', args: ['next', '--count', 'abc'], code: 2, stderr: /--count takes a whole number of at least 1, not "abc"/ },
  { name: 'a reference of 10 000 characters', args: ['check', big], code: 1, stderr: /^roadmap: no item matches "x{199}…x{19}"\n$/ },
  {
    name: 'a reference with escape sequences',
    args: ['check', 'a\x1b]0;x\x07b'],
    code: 1,
    stderr: /^roadmap: no item matches "a\\x1b\]0;x\\x07b"/,
  },
  { name: 'an empty reference', args: ['check', ''], code: 1, stderr: /^roadmap: an item reference is empty/ },
  {
    name: 'item 0 and a huge number',
    args: ['check', '99999999999999999999999'],
    code: 1,
    stderr: /^roadmap: no item matches|^roadmap: no item \d/,
  },
  {
    name: '--lang xx',
    args: ['--lang', 'xx', 'status'],
    code: 2,
    stderr: /^roadmap: --lang takes fr or en, not "xx"\n$/,
  },
  {
    name: 'ROADMAP_LANG=xx falls back to English',
    args: ['status'],
    env: () => ({ ROADMAP_LANG: 'xx' }),
    code: 0,
    stderr: '',
    stdout: /^🚀 Roadmap .*\n\nOverall/,
  },
  {
    name: 'ROADMAP_NOW is not a date',
    args: ['status'],
    env: () => ({ ROADMAP_NOW: 'tomorrow' }),
    code: 1,
    stderr: /^roadmap: ROADMAP_NOW must be an ISO date/,
  },

  // Hostile environment.
  {
    name: 'HOME unset (XDG folders set)',
    args: ['check', '2'],
    env: () => ({ HOME: undefined }),
    code: 0,
    stderr: '',
    stdout: /^✔ 2 /,
    writes: true,
  },
  {
    name: 'TERM=dumb: plain text even when asked for colour by nothing',
    args: ['status'],
    env: () => ({ TERM: 'dumb' }),
    code: 0,
    stderr: '',
    // biome-ignore lint/suspicious/noControlCharactersInRegex: asserting that no escape character is printed.
    stdout: /^[^\x1b]*$/,
  },
  {
    name: 'a 20-column terminal (COLUMNS=20)',
    args: ['status'],
    env: () => ({ COLUMNS: '20' }),
    code: 0,
    stderr: '',
    stdout: /^🚀 Roadmap D\S*…\n\nOverall\n░+ {2}1\/52 {4}2%\n/,
    check: (out) => expect(out.split('\n').filter((l) => l.length > 22)).toEqual([]),
  },
  {
    name: 'COLUMNS=-5 is ignored',
    args: ['list', '--level', '1'],
    env: () => ({ COLUMNS: '-5' }),
    code: 0,
    stderr: '',
    stdout: /^🔴 Niveau 1/,
  },
  {
    name: 'stdin closed: check without items → exit 2, no prompt',
    args: ['check'],
    code: 2,
    stderr: /^roadmap: no item given, and no terminal to ask in: pass items, e.g. `roadmap check 7`/,
  },
  {
    name: 'stdin closed: undo is not interactive and works',
    args: ['undo', '--dry-run'],
    code: 0,
    stderr: '',
    stdout: /^Would undo `check`/,
  },
  {
    name: 'output piped into head: quiet',
    args: ['"$ROADMAP"', '--file', `'${join(FIXTURES, 'coding-interview-university.md')}'`, 'list', '|', 'head', '-n', '2'],
    shell: true,
    code: 0,
    stderr: '',
    stdout: /^[^\n]*\n[^\n]*\n$/,
  },
];

beforeAll(() => {
  // Item 1 done, through the real binary: the good state each case starts from.
  const h = newHome();
  const first = run(['check', '1'], h.env);
  if (first.code !== 0) throw new Error(first.stderr);
  template = readFileSync(h.stateFile);

  docs = mkdtempSync(join(tmpdir(), 'roadmap-docs-'));
  const write = (name: string, content: string | Buffer) => writeFileSync(join(docs, name), content);
  write('binary.md', Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 7919) % 256)));
  write('latin1.md', Buffer.from('# Caf\xe9\n\n- [ ] cr\xe8me\n', 'latin1'));
  write('huge.md', '');
  truncateSync(join(docs, 'huge.md'), 50 * 1024 * 1024);
  write('nested-10000.md', `# T\n\n## L\n\n${'- '.repeat(10_000)}[ ] deep\n`);
  write('quotes-10000.md', `# T\n\n${'> '.repeat(10_000)}- [ ] quoted\n`);
  write('brackets.md', `# T\n\n- [ ] a\n\n${'[a]('.repeat(100_000)}\n`);
  write('indent-1000.md', `# T\n\n## L\n\n${Array.from({ length: 1000 }, (_, i) => `${'  '.repeat(i)}- [ ] n${i}`).join('\n')}\n`);
  write('items-10000.md', `# Big\n\n## All\n\n${Array.from({ length: 10_000 }, (_, i) => `- [ ] item ${i}`).join('\n')}\n`);
  write('no-tasks.md', '# Notes\n\nSome text.\n\n- a bullet\n- another\n');
  write('headings.md', '# A\n\n## B\n\n### C\n\n## D\n');
  write('empty.md', '');
  write(
    'ansi.md',
    '# T\n\n## L \x1b]0;pwned\x07\n\n- [ ] evil \x1b[31mred\x1b[0m \x1b]8;;http://x\x07link\x1b]8;;\x07\n- [ ] bell \x07 and bidi \u202e reversed\n',
  );
  if (isRoot) {
    // The unprivileged user must reach the installed binary.
    for (let d = dirname(inject('roadmapBin')); d !== '/' && d !== tmpdir(); d = dirname(d)) chmodSync(d, 0o755);
  }
});

describe('adversarial inputs (installed binary)', () => {
  it('has at least 40 cases', () => expect(cases.length).toBeGreaterThanOrEqual(40));

  it.each(cases.map((c) => [c.name, c] as const))('%s', (_name, c) => {
    const h = newHome();
    mkdirSync(h.home, { recursive: true });
    if (!c.fresh) writeFileSync(h.stateFile, template);
    c.setup?.(h);
    let uid: number | undefined;
    if (c.unprivileged && isRoot) {
      // Root ignores permissions: run as nobody, who can use the scratch folder but not what the case locked.
      uid = NOBODY;
      chmodSync(h.dir, 0o755);
      for (const d of [join(h.dir, 'config')]) chownSync(d, NOBODY, NOBODY);
      mkdirSync(join(h.dir, 'cache'), { recursive: true });
      chownSync(join(h.dir, 'cache'), NOBODY, NOBODY);
    }
    const before = snapshot(h.dir);
    const args = typeof c.args === 'function' ? c.args(h) : c.args;
    const result = run(args, { ...h.env, ...c.env?.(h) }, { uid, shell: c.shell });
    expect(result.error).toBeUndefined();
    expect({ code: result.code, stderr: result.stderr }).toMatchObject({ code: c.code });
    if (c.stderr === '') expect(result.stderr).toBe('');
    else {
      expect(result.stderr).toMatch(c.stderr);
      // One readable message: a few lines at most, no stack trace, nothing that drives the terminal.
      expect(result.stderr.split('\n').length).toBeLessThanOrEqual(14);
      expect(result.stderr).not.toMatch(/^\s+at |Error:|node:internal/m);
    }
    // biome-ignore lint/suspicious/noControlCharactersInRegex: asserting that no control character is printed.
    expect(result.stderr).not.toMatch(/[\x00-\x09\x0b-\x1f\x7f]/);
    if (c.stdout) expect(result.stdout).toMatch(c.stdout);
    c.check?.(result.stdout);
    if (c.code !== 0) expect(result.stdout).toMatch(/^$|✖/);
    // biome-ignore lint/suspicious/noControlCharactersInRegex: asserting that no escape character is printed.
    expect(result.stdout).not.toMatch(/\x1b/);
    if (!c.writes) {
      const after = snapshot(h.dir);
      // The model cache may be written (best effort, outside the state folder).
      const stateOnly = (s: Record<string, string>) => Object.fromEntries(Object.entries(s).filter(([p]) => !p.includes('/cache/')));
      expect(stateOnly(after)).toEqual(stateOnly(before));
    }
    if (c.fresh && !c.writes && !c.setup) expect(existsSync(h.stateFile)).toBe(false);
  });

  it('an internal error prints one line and the hint; --debug and DEBUG=roadmap print the stack', () => {
    const h = newHome();
    const file = join(h.dir, 'plan.md');
    writeFileSync(file, '# P\n\n## L\n\n- [ ] Alpha\n');
    expect(run(['--file', file, 'status'], h.env).code).toBe(0);
    // A model cache entry that passes the cache's checks but holds a broken model: a real internal error.
    const cacheDir = join(h.dir, 'cache', 'roadmap');
    const [entry] = readdirSync(cacheDir).filter((name) => /^[0-9a-f]+(-\d+)?\.json$/.test(name));
    const cached = JSON.parse(readFileSync(join(cacheDir, entry as string), 'utf8'));
    cached.model.levels = [null];
    writeFileSync(join(cacheDir, entry as string), JSON.stringify(cached));

    const plain = run(['--file', file, 'list'], h.env);
    expect(plain.code).toBe(1);
    expect(plain.stderr).toMatch(/^roadmap: unexpected error: .+ \(run with --debug for details\)\n$/);
    for (const debug of [run(['--file', file, 'list', '--debug'], h.env), run(['--file', file, 'list'], { ...h.env, DEBUG: 'roadmap' })]) {
      expect(debug.code).toBe(1);
      expect(debug.stderr).toMatch(/^roadmap: unexpected error: .+\n\S*Error: .+\n\s+at /);
    }
  });

  it('items named __proto__, constructor and toString are ordinary items: check, status, list, undo', () => {
    const h = newHome();
    const file = join(h.dir, 'proto.md');
    writeFileSync(file, '# P\n\n## L\n\n- [ ] `__proto__`\n- [ ] constructor\n- [ ] toString\n- [ ] hasOwnProperty\n');
    const r = (...args: string[]) => run(['--file', file, ...args], h.env);
    expect(r('check', '__proto__', 'constructor').stdout).toMatch(/^✔ 1 {2}__proto__ .*\n✔ 2 {2}constructor /);
    expect(r('start', 'toString').code).toBe(0);
    expect(JSON.parse(r('status', '--json').stdout)).toMatchObject({ total: 4, done: 2, doing: 1 });
    const items = JSON.parse(r('list', '--json').stdout).items;
    expect(items.map((i: { text: string; status: string }) => `${i.text}:${i.status}`)).toEqual([
      '__proto__:done',
      'constructor:done',
      'toString:doing',
      'hasOwnProperty:todo',
    ]);
    expect(r('undo').stdout).toMatch(/^Undid `start`/);
    expect(r('undo').stdout).toMatch(/^Undid `check` .*\(2 items\)/);
    expect(JSON.parse(r('status', '--json').stdout)).toMatchObject({ done: 0, doing: 0 });
    const state = JSON.parse(readFileSync(h.stateFile, 'utf8'));
    expect(Object.getPrototypeOf(state.documents)).toBe(Object.prototype);
  });
});
