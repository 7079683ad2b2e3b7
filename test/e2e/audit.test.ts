// The cases an independent adversarial audit found broken (issue 17, the parts outside the store), each
// run through the installed binary: exit code, one readable line on stderr, and the files as they must be.
import { spawn, spawnSync } from 'node:child_process';
import {
  chmodSync,
  closeSync,
  copyFileSync,
  existsSync,
  linkSync,
  lstatSync,
  mkdirSync,
  mkdtempSync,
  openSync,
  readdirSync,
  readFileSync,
  readlinkSync,
  statSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, inject, it } from 'vitest';
import { type RunResult, runRoadmap, scratchHome, stateFileOf } from '../helpers/cli.js';
import { FIXTURES } from '../helpers/context.js';

const NOW = { ROADMAP_NOW: '2026-03-01T09:00:00Z' };
// biome-ignore lint/suspicious/noControlCharactersInRegex: asserting that no control character is printed.
const CONTROL = /[\x00-\x09\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]/;

/** A scratch home with item 1 of the bundled roadmap done. */
function home() {
  const h = scratchHome();
  const env: Record<string, string> = { ...h.env, ...NOW };
  expect(runRoadmap(['check', '1'], env).code).toBe(0);
  return { ...h, env, stateFile: stateFileOf(env) };
}

/** Spawns the installed binary with stdout on a given file descriptor (e.g. /dev/full). */
function runWithStdout(args: string[], env: Record<string, string>, stdout: string): RunResult {
  const fd = openSync(stdout, 'w');
  try {
    const result = spawnSync(inject('roadmapBin'), args, {
      env: { PATH: process.env.PATH ?? '', LANG: 'C', ...env },
      stdio: ['ignore', fd, 'pipe'],
      encoding: 'utf8',
      timeout: 20_000,
    });
    return { code: result.status, stdout: '', stderr: result.stderr };
  } finally {
    closeSync(fd);
  }
}

const oneLine = (r: RunResult) => {
  expect(r.stderr.trimEnd().split('\n')).toHaveLength(1);
  expect(r.stderr).not.toMatch(CONTROL);
  expect(r.stderr).not.toMatch(/^\s+at |node:internal/m);
};

describe('item numbers: a negative or non-integer number is a usage error, on both code paths', () => {
  const h = home();
  const ways = [
    ['lean bundle', {}],
    ['commander', { ROADMAP_HOT: '0' }],
  ] as const;

  it.each(
    ways.flatMap(([way, extra]) =>
      [
        ['check', '-1'],
        ['uncheck', '-5'],
        ['check', '1.5'],
        ['start', '1e3'],
        ['skip', '+2'],
        ['note', '-1', 'text'],
        ['info', '-3'],
      ].map((argv) => [way, argv, extra] as const),
    ),
  )('%s: roadmap %j → exit 2, nothing written', (_way, argv, extra) => {
    const before = readFileSync(h.stateFile);
    const r = runRoadmap([...argv], { ...h.env, ...extra });
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(/^roadmap: "[^"]+" is not an item number: give a whole number from 1 to 52, a key or part of the text\n$/);
    oneLine(r);
    expect(readFileSync(h.stateFile)).toEqual(before);
  });

  it('item 37 "12-factor app methodology" is never ticked by `check -1`', () => {
    runRoadmap(['check', '-1'], h.env);
    const state = JSON.parse(readFileSync(h.stateFile, 'utf8'));
    expect(Object.keys(state.documents.bundled.items)).toEqual([expect.stringMatching(/^[a-z]/)]);
    expect(JSON.stringify(state)).not.toContain('12-factor');
  });

  it.each(ways)('%s: a huge number is echoed as its digits, 0 is an unknown item (exit 1)', (_way, extra) => {
    const huge = runRoadmap(['check', '99999999999999999999999'], { ...h.env, ...extra });
    expect(huge).toMatchObject({ code: 1, stderr: 'roadmap: no item 99999999999999999999999: items are numbered 1 to 52\n' });
    const zero = runRoadmap(['check', '0'], { ...h.env, ...extra });
    expect(zero).toMatchObject({ code: 1, stderr: 'roadmap: no item 0: items are numbered 1 to 52\n' });
  });

  it.each(ways)('%s: a huge --level or --count is a usage error, echoed as written', (_way, extra) => {
    const level = runRoadmap(['status', '--level', '99999999999999999999999'], { ...h.env, ...extra });
    expect(level.code).toBe(2);
    expect(level.stderr).toContain('--level takes a level number, not "99999999999999999999999"');
    const count = runRoadmap(['next', '--count', '99999999999999999999999'], { ...h.env, ...extra });
    expect(count.code).toBe(2);
    expect(count.stderr).toContain('--count takes a whole number of at least 1, not "99999999999999999999999"');
  });

  it('in French too', () => {
    const r = runRoadmap(['--lang', 'fr', 'check', '1.5'], h.env);
    expect(r).toMatchObject({ code: 2, stderr: expect.stringMatching(/^roadmap : « 1\.5 » n’est pas un numéro d’élément/) });
  });

  it('project parts: a negative part number is a usage error', () => {
    const r = runRoadmap(['project', 'check', '-1'], h.env);
    expect(r).toMatchObject({
      code: 2,
      stderr: 'roadmap: "-1" is not a part number: give a whole number from 1, a key or part of the text\n',
    });
  });
});

describe('export -o never overwrites what it only reads', () => {
  function setup() {
    const h = home();
    const doc = join(h.dir, 'plan.md');
    copyFileSync(join(FIXTURES, 'coding-interview-university.md'), doc);
    expect(runRoadmap(['use', doc], h.env).code).toBe(0);
    expect(runRoadmap(['check', '1'], h.env).code).toBe(0);
    return { ...h, doc, docBytes: readFileSync(doc), stateBytes: () => readFileSync(h.stateFile) };
  }
  const noTemp = (dir: string) => expect(readdirSync(dir).filter((name) => name.endsWith('.tmp'))).toEqual([]);

  it('refuses the tracked document (-o plan.md), by path, through a link and as a hard link', () => {
    const h = setup();
    const hard = join(h.dir, 'hard.md');
    linkSync(h.doc, hard);
    const soft = join(h.dir, 'soft.md');
    symlinkSync(h.doc, soft);
    for (const [output, cwd] of [
      ['plan.md', h.dir],
      [h.doc, undefined],
      [hard, undefined],
      [soft, undefined],
    ] as const) {
      const r = runRoadmap(['export', '--format', 'html', '-o', output], h.env, { cwd });
      expect(r.code).toBe(1);
      expect(r.stderr).toMatch(/^roadmap: will not write \S+: it is a roadmap document that roadmap reads .*choose another file name\n$/);
      oneLine(r);
    }
    expect(readFileSync(h.doc)).toEqual(h.docBytes);
    expect(lstatSync(soft).isSymbolicLink()).toBe(true);
    noTemp(h.dir);
  });

  it('refuses the state and anything beside it in roadmap’s folder', () => {
    const h = setup();
    const before = h.stateBytes();
    const folder = join(h.env.XDG_CONFIG_HOME as string, 'roadmap');
    for (const output of [h.stateFile, join(folder, 'other.json'), join(folder, 'backups', 'x.json')]) {
      const r = runRoadmap(['export', '-o', output], h.env);
      expect(r.code).toBe(1);
      expect(r.stderr).toMatch(/^roadmap: will not write \S+: it is inside roadmap's own folder \S+; choose a file elsewhere\n$/);
    }
    expect(h.stateBytes()).toEqual(before);
    expect(existsSync(join(folder, 'other.json'))).toBe(false);
  });

  it('refuses devices, named pipes, folders and links to nothing, without blocking', () => {
    const h = setup();
    const fifo = join(h.dir, 'pipe');
    expect(spawnSync('mkfifo', [fifo]).status).toBe(0);
    symlinkSync(join(h.dir, 'nowhere'), join(h.dir, 'dangling.md'));
    const cases: [string, RegExp][] = [
      ['/dev/stdout', /it is a device, not a regular file; to print the export, leave out -o/],
      ['/dev/null', /it is a device/],
      ['/proc/self/fd/1', /it is a device/],
      [fifo, /it is a named pipe/],
      [h.dir, /it is a directory; name a file/],
      [join(h.dir, 'dangling.md'), /symbolic link to a file that does not exist/],
    ];
    for (const [output, message] of cases) {
      const r = runRoadmap(['export', '-o', output], h.env);
      expect(r.code).toBe(1);
      expect(r.stderr).toMatch(message);
      oneLine(r);
    }
    expect(existsSync(join(h.dir, 'nowhere'))).toBe(false);
    expect(lstatSync(fifo).isFIFO()).toBe(true);
  });

  it('writes through a symbolic link, keeps an existing file’s mode 600, and leaves no temporary file', () => {
    const h = setup();
    const real = join(h.dir, 'dotfiles');
    mkdirSync(real);
    const target = join(real, 'progress.json');
    writeFileSync(target, '{}');
    chmodSync(target, 0o600);
    const link = join(h.dir, 'progress.json');
    symlinkSync(target, link);
    const r = runRoadmap(['export', '-o', 'progress.json'], h.env, { cwd: h.dir });
    expect(r).toMatchObject({ code: 0, stderr: `Wrote the progress of 1 item to ${link}.\n` });
    expect(readlinkSync(link)).toBe(target);
    expect(JSON.parse(readFileSync(target, 'utf8'))).toMatchObject({ version: 1 });
    expect(statSync(target).mode & 0o777).toBe(0o600);
    noTemp(h.dir);
    noTemp(real);
  });

  it('a new file: written whole; a missing folder: one line that says what to do', () => {
    const h = setup();
    expect(runRoadmap(['export', '--format', 'svg', '-o', join(h.dir, 'badge.svg')], h.env).code).toBe(0);
    expect(readFileSync(join(h.dir, 'badge.svg'), 'utf8')).toMatch(/^(<\?xml[^>]*>\s*)?<svg[\s\S]*<\/svg>\n?$/);
    const r = runRoadmap(['export', '-o', join(h.dir, 'missing', 'x.md')], h.env);
    expect(r).toMatchObject({
      code: 1,
      stderr: `roadmap: cannot write ${join(h.dir, 'missing', 'x.md')}: no such folder; create it first\n`,
    });
    noTemp(h.dir);
  });

  it('SIGTERM or SIGINT at any moment never leaves a temporary file beside the export', { timeout: 300_000 }, async () => {
    const h = home();
    const doc = join(h.dir, 'big.md');
    writeFileSync(doc, `# Big\n\n## All\n\n${Array.from({ length: 5000 }, (_, i) => `- [ ] item ${i} ${'x'.repeat(60)}`).join('\n')}\n`);
    expect(runRoadmap(['--file', doc, 'status'], h.env).code).toBe(0);
    const out = join(h.dir, 'out');
    mkdirSync(out);
    // Timings spread over the run, so some signals land during the write of the 1 MB report.
    const started = Date.now();
    const full = runRoadmap(['--file', doc, 'export', '--format', 'html', '-o', join(out, 'report.html')], h.env);
    expect(full.code).toBe(0);
    const span = Date.now() - started;
    const codes: (number | null)[] = [];
    for (let i = 0; i < 16; i++) {
      const child = spawn(inject('roadmapBin'), ['--file', doc, 'export', '--format', 'html', '-o', join(out, 'report.html')], {
        env: { PATH: process.env.PATH ?? '', LANG: 'C', ...h.env },
        stdio: 'ignore',
      });
      const delay = Math.round((span * (i + 1)) / 16);
      setTimeout(() => child.kill(i % 2 ? 'SIGINT' : 'SIGTERM'), delay);
      codes.push(await new Promise<number | null>((resolve) => child.on('close', (code) => resolve(code))));
      expect(readdirSync(out)).toEqual(['report.html']);
      expect(readFileSync(join(out, 'report.html'), 'utf8')).toMatch(/<\/html>\s*$/);
    }
    // Some runs were interrupted (the test is not vacuous), whatever the machine's speed.
    expect(codes.some((code) => code !== 0)).toBe(true);
  });

  it('shows an output path with escape sequences escaped', () => {
    const h = setup();
    const name = 'out\x1b]0;pwned\x07.md';
    const r = runRoadmap(['export', '-o', name], h.env, { cwd: h.dir });
    expect(r.code).toBe(0);
    expect(r.stderr).toContain('out\\x1b]0;pwned\\x07.md');
    expect(r.stderr).not.toMatch(CONTROL);
  });
});

describe('devices and named pipes are refused as documents (no 10 MB bypass, no hang)', () => {
  it.each([
    ['--file /dev/zero', () => ['--file', '/dev/zero', 'status']],
    ['--file /dev/urandom', () => ['--file', '/dev/urandom', 'list']],
    ['import /dev/zero', () => ['import', '/dev/zero']],
  ])('%s → exit 1 at once', (_name, args) => {
    const h = home();
    const started = Date.now();
    const r = runRoadmap(args(), h.env);
    expect(Date.now() - started).toBeLessThan(15_000);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/^roadmap: cannot read \/dev\/\w+: it is a device, a named pipe or a socket, not a markdown file\n$/);
  });

  it('a named pipe with no writer', () => {
    const h = home();
    const fifo = join(h.dir, 'doc.md');
    expect(spawnSync('mkfifo', [fifo]).status).toBe(0);
    for (const args of [
      ['--file', fifo, 'status'],
      ['use', fifo],
      ['import', fifo],
    ]) {
      const r = runRoadmap(args, h.env);
      expect(r.code).toBe(1);
      expect(r.stderr).toMatch(/it is a device, a named pipe or a socket, not a markdown file\n$/);
    }
  });
});

describe('escape sequences never reach the terminal', () => {
  function hostile() {
    const h = home();
    const dir = join(h.dir, 'evil\x1b[2Jdir');
    mkdirSync(dir);
    const doc = join(dir, 'doc.md');
    writeFileSync(
      doc,
      '# Title \x1b]0;pwned\x07 \u202eevil\n\n## Level\n\n- [ ] alpha \x85 C1\n- [ ] beta\n\n## Projet final\n\n- Part one \x1b[31mred\x1b[0m\n- Part two\n',
    );
    return { ...h, doc };
  }

  it('use (title and path), roadmaps, project check|uncheck|link', () => {
    const h = hostile();
    const runs = [
      runRoadmap(['use', h.doc], h.env),
      runRoadmap(['use'], h.env),
      runRoadmap(['roadmaps'], h.env),
      runRoadmap(['project', 'check', '1'], h.env),
      runRoadmap(['project', 'uncheck', '1'], h.env),
      runRoadmap(['project', 'link', '1', 'https://example.com/x'], h.env),
      runRoadmap(['project'], h.env),
    ];
    for (const r of runs) {
      expect(r.code).toBe(0);
      expect(r.stdout).not.toMatch(CONTROL);
      expect(r.stderr).not.toMatch(CONTROL);
    }
    expect(runs[0]?.stdout).toContain('\\x1b]0;pwned\\x07');
    expect(runs[3]?.stdout).toContain('Part one \\x1b[31mred\\x1b[0m');
  });

  it('note --link and project link refuse addresses with control characters (exit 1, nothing written)', () => {
    const h = home();
    const before = readFileSync(h.stateFile);
    for (const args of [
      ['note', '9', '--link', 'https://example.com/\x1b]8;;http://evil\x07'],
      ['project', 'link', '1', 'https://example.com/\u202egnp.exe'],
      ['note', '9', '--link', 'https://example.com/a\x9bb'],
    ]) {
      const r = runRoadmap(args, h.env);
      expect(r.code).toBe(1);
      expect(r.stderr).toMatch(/contains control characters .*: give the address without them\n$/);
      oneLine(r);
    }
    expect(readFileSync(h.stateFile)).toEqual(before);
  });

  it('--json escapes C1 and bidi characters as \\u, and parses back to the same text', () => {
    const h = hostile();
    for (const args of [
      ['--file', h.doc, 'list', '--json'],
      ['--file', h.doc, 'status', '--json'],
      ['--file', h.doc, 'use', '--json'],
    ]) {
      const r = runRoadmap(args, h.env);
      expect(r.code).toBe(0);
      expect(r.stdout).not.toMatch(CONTROL);
    }
    const list = runRoadmap(['--file', h.doc, 'list', '--json'], h.env).stdout;
    expect(list).toContain('alpha \\u0085 C1');
    expect(JSON.parse(list).items[0].text).toBe('alpha \x85 C1');
    const status = runRoadmap(['--file', h.doc, 'status', '--json'], h.env).stdout;
    expect(status).toContain('\\u202eevil');
    expect(JSON.parse(status).title).toBe('Title \x1b]0;pwned\x07 \u202eevil');
  });
});

describe('stdout that fails after the change is written (/dev/full)', () => {
  it('check > /dev/full: the change is on disk, exit 0, one line on stderr says the confirmation was lost', () => {
    const h = home();
    for (const extra of [{}, { ROADMAP_HOT: '0' }] as Record<string, string>[]) {
      const r = runWithStdout(['check', '9'], { ...h.env, ...extra }, '/dev/full');
      expect(r.code).toBe(0);
      expect(r.stderr).toBe(
        'roadmap: the change is saved, but its confirmation could not be printed (no space left on the device it goes to); `roadmap status` shows where you stand\n',
      );
      runRoadmap(['uncheck', '9'], h.env);
    }
    const note = runWithStdout(['note', '9', 'once'], h.env, '/dev/full');
    expect(note.code).toBe(0);
    const state = JSON.parse(readFileSync(h.stateFile, 'utf8'));
    expect(Object.values(state.documents.bundled.notes)).toEqual([[expect.objectContaining({ text: 'once' })]]);
  });

  it('status > /dev/full: nothing was shown, nothing saved: exit 1 with one line', () => {
    const h = home();
    const r = runWithStdout(['status'], h.env, '/dev/full');
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/^roadmap: cannot write the output: no space left on the device it goes to; send it somewhere else/);
    oneLine(r);
  });
});

describe('a long log, strict COLUMNS, state validation', () => {
  // Past ~120 000 arguments a spread (Math.max(...log)) overflows the stack. Slow on a loaded machine: a long timeout.
  it('log, plan and status handle a log of 130 000 changes', { timeout: 300_000 }, () => {
    const h = home();
    const state = JSON.parse(readFileSync(h.stateFile, 'utf8'));
    const key = Object.keys(state.documents.bundled.items)[0];
    state.documents.bundled.log = Array.from({ length: 130_000 }, (_, i) => ({
      at: new Date(Date.UTC(2026, 0, 1) + i * 1000).toISOString(),
      key,
      from: i % 2 ? 'done' : 'todo',
      to: i % 2 ? 'todo' : 'done',
    }));
    writeFileSync(h.stateFile, JSON.stringify(state));
    for (const args of [['log', '--json'], ['plan', '--json'], ['status']]) {
      const r = spawnSync(inject('roadmapBin'), args, {
        env: { PATH: process.env.PATH ?? '', LANG: 'C', ...h.env },
        encoding: 'utf8',
        timeout: 90_000,
        maxBuffer: 256 * 1024 * 1024,
      });
      expect(r.stderr).not.toMatch(/unexpected error|Maximum call stack/);
      expect(r.status).toBe(0);
    }
  });

  it('COLUMNS=1e3 is not a width: the default 80 applies (not 1)', () => {
    const h = home();
    const r = runRoadmap(['status'], { ...h.env, COLUMNS: '1e3' });
    expect(r.code).toBe(0);
    const widths = r.stdout.split('\n').map((line) => [...line].length);
    expect(Math.max(...widths)).toBeGreaterThan(40);
    expect(Math.max(...widths)).toBeLessThanOrEqual(80);
    expect(runRoadmap(['status'], { ...h.env, COLUMNS: '80' }).stdout).toBe(r.stdout);
  });

  it.each([
    [
      'lastChange.added: [null]',
      (state: { documents: { bundled: Record<string, unknown> } }) => {
        state.documents.bundled.lastChange = { at: NOW.ROADMAP_NOW, renamed: [], removed: [], added: [null] };
        return JSON.stringify(state);
      },
    ],
    [
      'an extra field nested 200 000 deep',
      (state: object) => `${JSON.stringify(state).slice(0, -1)},"extra":${'['.repeat(200_000)}${']'.repeat(200_000)}}`,
    ],
  ])('%s: fails closed as corrupt (status, check, doctor), the file untouched', (_name, corrupt) => {
    const h = home();
    const text = corrupt(JSON.parse(readFileSync(h.stateFile, 'utf8')));
    writeFileSync(h.stateFile, text);
    for (const args of [['status'], ['check', '9'], ['note', '9', 'x']]) {
      const r = runRoadmap(args, h.env);
      expect(r.code).toBe(1);
      expect(r.stderr).toMatch(
        /^roadmap: cannot read the progress file \S+state\.json: not a roadmap progress file \(.+\)\. It was left untouched/,
      );
    }
    const doctor = runRoadmap(['doctor'], h.env);
    expect(doctor.code).toBe(1);
    expect(doctor.stdout).toMatch(/✖ unreadable: not a roadmap progress file/);
    expect(doctor.stderr).toBe('');
    expect(readFileSync(h.stateFile, 'utf8')).toBe(text);
  });
});

describe('environment: the cache gives up quietly, relative paths', () => {
  it('XDG_CACHE_HOME=/proc: the command finishes (no endless mkdir), output as usual', () => {
    const h = home();
    const doc = join(h.dir, 'doc.md');
    writeFileSync(doc, '# T\n\n## L\n\n- [ ] a\n');
    const started = Date.now();
    const r = runRoadmap(['--file', doc, 'status'], { ...h.env, XDG_CACHE_HOME: '/proc' });
    expect(Date.now() - started).toBeLessThan(15_000);
    expect(r).toMatchObject({ code: 0, stderr: '' });
    expect(r.stdout).toMatch(/0\/1/);
  });

  it.each([
    ['ROADMAP_HOME=/proc/roadmap-audit', { ROADMAP_HOME: '/proc/roadmap-audit' }, '/proc/roadmap-audit/state.json'],
    ['XDG_CONFIG_HOME=/proc', { XDG_CONFIG_HOME: '/proc' }, '/proc/roadmap/state.json'],
  ])('%s: a write gives up at once with one line (no endless mkdir)', (_name, extra, file) => {
    const h = scratchHome();
    const started = Date.now();
    const r = runRoadmap(['check', '1'], { ...h.env, ...extra });
    expect(Date.now() - started).toBeLessThan(15_000);
    expect(r).toMatchObject({
      code: 1,
      stderr: `roadmap: cannot write the progress file ${file}: its folder cannot be created there (check ROADMAP_HOME and XDG_CONFIG_HOME). Nothing was changed.\n`,
    });
  });

  it('relative XDG_CONFIG_HOME and XDG_CACHE_HOME are ignored: nothing is created in the current folder', () => {
    const h = scratchHome();
    const cwd = mkdtempSync(join(tmpdir(), 'roadmap-cwd-'));
    const r = runRoadmap(['check', '2'], { HOME: h.dir, XDG_CONFIG_HOME: 'conf', XDG_CACHE_HOME: 'cache', ...NOW }, { cwd });
    expect(r.code).toBe(0);
    expect(readdirSync(cwd)).toEqual([]);
    expect(existsSync(join(h.dir, '.config', 'roadmap', 'state.json'))).toBe(true);
  });

  it('a relative ROADMAP_HOME is a usage error (exit 2), in both languages, and creates nothing', () => {
    const h = scratchHome();
    const cwd = mkdtempSync(join(tmpdir(), 'roadmap-cwd-'));
    for (const args of [['check', '2'], ['status'], ['doctor']]) {
      const r = runRoadmap(args, { ...h.env, ROADMAP_HOME: 'data' }, { cwd });
      expect(r).toMatchObject({ code: 2, stdout: '' });
      expect(r.stderr).toMatch(/^roadmap: ROADMAP_HOME must be an absolute path \(e\.g\. \$HOME\/roadmap-data\), not "data"/);
      oneLine(r);
    }
    const fr = runRoadmap(['--lang', 'fr', 'status'], { ...h.env, ROADMAP_HOME: 'data' }, { cwd });
    expect(fr.stderr).toMatch(/^roadmap : ROADMAP_HOME doit être un chemin absolu/);
    expect(readdirSync(cwd)).toEqual([]);
  });

  it('a file where roadmap keeps a folder is named, not the home', () => {
    const h = home();
    const folder = join(h.env.XDG_CONFIG_HOME as string, 'roadmap');
    const backups = join(folder, 'backups');
    spawnSync('rm', ['-rf', backups]);
    writeFileSync(backups, 'not a folder');
    const before = readFileSync(h.stateFile);
    const r = runRoadmap(['check', '9'], h.env);
    expect(r.code).toBe(1);
    expect(r.stderr).toBe(
      `roadmap: cannot write the progress file ${h.stateFile}: ${backups} is a file where roadmap keeps a folder of its own: move it aside or remove it. Nothing was changed.\n`,
    );
    expect(readFileSync(h.stateFile)).toEqual(before);
  });
});
