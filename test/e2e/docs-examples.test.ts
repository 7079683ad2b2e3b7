// Every command line the documentation shows runs, with the exit code it documents: the README, every
// docs/*.md, and the examples of `roadmap help <command>`. The convention (CONTRIBUTING.md › Examples in
// the documentation) is read by test/helpers/doc-examples.ts.
import { spawn } from 'node:child_process';
import { copyFileSync, mkdirSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { describe, expect, inject, it } from 'vitest';
import { runRoadmap, scratchHome } from '../helpers/cli.js';
import { FIXTURES, ROOT } from '../helpers/context.js';
import { type DocExample, examplesOf, helpExamples } from '../helpers/doc-examples.js';

const NOW = '2026-03-02T10:00:00Z';

/**
 * A scratch machine for one file's examples, run in order as a reader would: HOME with the folders and
 * documents the examples name (~/notes/ciu.md, ~/Sync, the completion folders), the working folder
 * holding my-plan.md and docs/, the installed binary first on PATH, a fixed clock.
 */
function machine() {
  const { dir, env } = scratchHome();
  const work = join(dir, 'work');
  for (const folder of ['notes', 'Sync', '.zfunc', '.local/share/bash-completion/completions', '.config/fish/completions'])
    mkdirSync(join(dir, folder), { recursive: true });
  mkdirSync(join(work, 'docs'), { recursive: true });
  copyFileSync(join(FIXTURES, 'coding-interview-university.md'), join(dir, 'notes', 'ciu.md'));
  copyFileSync(join(FIXTURES, 'coding-interview-university.md'), join(dir, 'notes', 'coding-interview-university.md'));
  copyFileSync(join(FIXTURES, 'nested.md'), join(work, 'my-plan.md'));
  const shellEnv = {
    ...env,
    PATH: `${dirname(inject('roadmapBin'))}:${process.env.PATH ?? ''}`,
    LANG: 'C',
    ROADMAP_NOW: NOW,
    TERM: 'dumb',
    // `roadmap open` examples: a stand-in opener that opens nothing and succeeds.
    BROWSER: 'true',
  };
  return {
    run(example: DocExample): Promise<{ code: number | null; stderr: string }> {
      const setup = example.before ? `${example.before}\n` : '';
      return new Promise((resolve) => {
        const child = spawn('bash', ['-c', `${setup}${example.command}`], {
          cwd: work,
          env: shellEnv,
          stdio: ['ignore', 'ignore', 'pipe'],
        });
        let stderr = '';
        child.stderr.on('data', (chunk) => {
          stderr += chunk;
        });
        child.on('close', (code) => resolve({ code, stderr }));
      });
    },
  };
}

/** Runs the examples in order; returns one line per example that did not exit as documented. */
async function runAll(examples: DocExample[]): Promise<string[]> {
  const m = machine();
  const failures: string[] = [];
  for (const example of examples) {
    const r = await m.run(example);
    if (r.code !== example.exitCode)
      failures.push(`${example.where}: \`${example.command}\` exited ${r.code}, documented ${example.exitCode}\n${r.stderr.trim()}`);
  }
  return failures;
}

const docs = [
  'README.md',
  ...readdirSync(join(ROOT, 'docs'))
    .filter((name) => name.endsWith('.md'))
    .sort()
    .map((name) => `docs/${name}`),
];

describe('every command line shown in the documentation runs, with its documented exit code', () => {
  it.concurrent.each(docs)(
    '%s',
    async (file) => {
      const examples = examplesOf(readFileSync(join(ROOT, file), 'utf8'), file);
      expect(await runAll(examples)).toEqual([]);
    },
    300_000,
  );

  it('finds the examples: the README shows the tour and a table of commands, docs/ the manual', () => {
    const readme = examplesOf(readFileSync(join(ROOT, 'README.md'), 'utf8'), 'README.md');
    expect(readme.map((e) => e.command)).toEqual(expect.arrayContaining(['roadmap status', 'roadmap next', 'roadmap check postgres']));
    expect(readme.length).toBeGreaterThanOrEqual(15);
    const manual = docs.slice(1).flatMap((file) => examplesOf(readFileSync(join(ROOT, file), 'utf8'), file));
    expect(manual.length).toBeGreaterThanOrEqual(40);
    expect(manual.filter((e) => e.exitCode !== 0).length).toBeGreaterThanOrEqual(3);
  });
});

describe('the examples of `roadmap help <command>`', () => {
  const help = (args: string[]) => {
    const r = runRoadmap(['help', ...args], scratchHome().env);
    expect(r).toMatchObject({ code: 0, stderr: '' });
    return r.stdout;
  };
  /** `roadmap help`'s commands, and their subcommands, in the order the help lists them. */
  const commandsOf = (page: string): string[] => {
    const section = page.split('\nCommands:\n')[1]?.split('\n\n')[0] ?? '';
    return [...section.matchAll(/^ {2}([a-z]+)/gm)].map((m) => m[1] as string).filter((name) => name !== 'help');
  };
  const pages: Array<[string, string]> = [['roadmap --help', help([])]];
  for (const command of commandsOf(pages[0]?.[1] ?? '')) {
    const page = help([command]);
    pages.push([`roadmap help ${command}`, page]);
    for (const sub of commandsOf(page)) pages.push([`roadmap help ${command} ${sub}`, help([command, sub])]);
  }

  it('every command has examples, and every one exits 0', async () => {
    expect(pages.length).toBeGreaterThanOrEqual(20);
    const examples = pages.flatMap(([where, page]) => helpExamples(page, where));
    for (const [where, page] of pages) if (where !== 'roadmap help completion') expect(helpExamples(page, where), where).not.toEqual([]);
    expect(await runAll(examples)).toEqual([]);
  }, 300_000);

  it.each([
    ['en', 'C', /md \(the document, ticked\), json .*, html .* or svg/s],
    ['fr', 'fr_FR.UTF-8', /md \(le document, coché\), json .*, html .* ou svg/s],
  ])('`roadmap help export` (%s) describes every format it accepts', (_lang, lang, described) => {
    const r = runRoadmap(['help', 'export'], { ...scratchHome().env, LANG: lang });
    const options =
      r.stdout
        .split(/\nOptions ?:\n/)[1]
        ?.split('\n\n')[0]
        ?.replace(/\s+/g, ' ') ?? '';
    expect(options).toMatch(described);
    expect(options).toContain('md, json, html, svg');
  });
});

describe('the example convention', () => {
  const doc = [
    '```sh',
    'roadmap check 9                 # a comment',
    'roadmap check postgress         # no such item: exit 1',
    'ROADMAP_FILE=x.md roadmap list  ',
    'mkdir -p ~/a && roadmap completion zsh > ~/a/_roadmap',
    'npm install',
    '```',
    '',
    '```',
    '$ roadmap undo',
    'roadmap: Undid …',
    '$ roadmap check',
    '```',
    '',
    '<!-- examples: not run (needs a terminal) -->',
    '```sh',
    'roadmap check',
    '```',
    '',
    '<!-- examples: before: echo hi > ~/x -->',
    '```console',
    '$ roadmap doctor    # exit 1',
    '```',
    '',
    '```json',
    'roadmap status',
    '```',
    '',
    '| command | example |',
    '|---|---|',
    '| `status` | `roadmap status --level 2`, `roadmap list --json` |',
  ].join('\n');

  it('finds the lines to run, their exit codes and their set-up', () => {
    expect(examplesOf(doc, 'x.md')).toEqual([
      { where: 'x.md:2', command: 'roadmap check 9', exitCode: 0 },
      { where: 'x.md:3', command: 'roadmap check postgress', exitCode: 1 },
      { where: 'x.md:4', command: 'ROADMAP_FILE=x.md roadmap list', exitCode: 0 },
      { where: 'x.md:5', command: 'mkdir -p ~/a && roadmap completion zsh > ~/a/_roadmap', exitCode: 0 },
      { where: 'x.md:10', command: 'roadmap undo', exitCode: 0 },
      { where: 'x.md:12', command: 'roadmap check', exitCode: 0 },
      { where: 'x.md:22', command: 'roadmap doctor', exitCode: 1, before: 'echo hi > ~/x' },
      { where: 'x.md:31', command: 'roadmap status --level 2', exitCode: 0 },
      { where: 'x.md:31', command: 'roadmap list --json', exitCode: 0 },
    ]);
  });

  it('a wrong exit code is reported with its place', async () => {
    expect(await runAll([{ where: 'x.md:1', command: 'roadmap check postgress', exitCode: 0 }])).toEqual([
      expect.stringMatching(/^x\.md:1: `roadmap check postgress` exited 1, documented 0\nroadmap: no item matches "postgress"/),
    ]);
  });
});
