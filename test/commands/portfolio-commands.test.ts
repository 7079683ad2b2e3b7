import { existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { XMLValidator } from 'fast-xml-parser';
import { describe, expect, it } from 'vitest';
import { runExport } from '../../src/commands/export.js';
import { runInfo } from '../../src/commands/info.js';
import { runList } from '../../src/commands/list.js';
import { runNote } from '../../src/commands/note.js';
import { runProject, runProjectCheck, runProjectLink } from '../../src/commands/project.js';
import { UsageError, UserError } from '../../src/errors.js';
import { testContext } from '../helpers/context.js';
import { rejection, words } from '../helpers/words.js';

const NOW = '2026-03-01T09:00:00.000Z';
const PG = 'postgresql-en-particulier-le-plus-utilise-en-prod';

function scratch() {
  const dir = mkdtempSync(join(tmpdir(), 'roadmap-portfolio-'));
  return { dir, env: { ROADMAP_HOME: join(dir, 'home'), XDG_CACHE_HOME: join(dir, 'cache') } };
}
const stateOf = (env: { ROADMAP_HOME: string }) => JSON.parse(readFileSync(join(env.ROADMAP_HOME, 'state.json'), 'utf8'));
function writeState(env: { ROADMAP_HOME: string }, bundled: Record<string, unknown>) {
  mkdirSync(env.ROADMAP_HOME, { recursive: true });
  writeFileSync(
    join(env.ROADMAP_HOME, 'state.json'),
    JSON.stringify({ schemaVersion: 1, documents: { bundled: { items: {}, ...bundled } } }),
  );
}

describe('roadmap note', () => {
  it('adds a dated note and a link, numbered, and removes one', async () => {
    const { env } = scratch();
    let ctx = testContext({ env });
    await runNote({ item: '9', text: ['Tuto', 'officiel', 'fini'] }, ctx);
    expect(ctx.out.text).toBe('✎ Note 1 added to 9  PostgreSQL en particulier (le plus utilisé en prod)\n');
    ctx = testContext({ env, lang: 'fr' });
    await runNote({ item: '9', text: [], link: 'https://github.com/me/pg-lab' }, ctx);
    expect(ctx.out.text).toBe('🔗 Lien 2 ajouté à 9  PostgreSQL en particulier (le plus utilisé en prod)\n');
    expect(stateOf(env).documents.bundled.notes[PG]).toEqual([
      { at: NOW, text: 'Tuto officiel fini', n: 1 },
      { at: NOW, url: 'https://github.com/me/pg-lab', n: 2 },
    ]);
    ctx = testContext({ env });
    await runNote({ item: '9', text: [], remove: '1' }, ctx);
    expect(ctx.out.text).toBe('Removed note 1 of item 9: Tuto officiel fini\n');
    // The link keeps its number 2.
    expect(stateOf(env).documents.bundled.notes[PG]).toEqual([{ at: NOW, url: 'https://github.com/me/pg-lab', n: 2 }]);
  });

  it('prints the item notes as JSON', async () => {
    const { env } = scratch();
    const ctx = testContext({ env, json: true });
    await runNote({ item: '9', text: ['lu'], link: 'https://example.com/article' }, ctx);
    expect(JSON.parse(ctx.out.text)).toEqual({
      id: 9,
      key: PG,
      notes: [{ n: 1, at: NOW, text: 'lu', url: 'https://example.com/article' }],
    });
  });

  it.each([
    ['no text, link nor remove', { text: [] }, UsageError, /give the note text/],
    ['remove with a text', { text: ['x'], remove: '1' }, UsageError, /--remove cannot be combined/],
    ['an empty text', { text: ['  '] }, UserError, /the note is empty/],
    ['a javascript: link', { text: [], link: 'javascript:alert(1)' }, UserError, /not an http\(s\) address/],
    ['a link with an escape sequence', { text: [], link: 'https://x.dev/\x1b]0;pwned\x07' }, UserError, /contains control characters/],
    ['a link with a bidi override', { text: [], link: 'https://x.dev/\u202egnp.exe' }, UserError, /contains control characters/],
    ['a link with a C1 control', { text: [], link: 'https://x.dev/\x9b31m' }, UserError, /contains control characters/],
    ['a note that does not exist', { text: [], remove: '1' }, UserError, /item 9 has no notes/],
    ['a note number that is not a number', { text: [], remove: 'x' }, UserError, /item 9 has no notes/],
  ])('refuses %s and writes nothing', async (_name, options, type, message) => {
    const { env } = scratch();
    const ctx = testContext({ env });
    const error = await runNote({ item: '9', ...options }, ctx).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(type);
    expect(words(error)).toMatch(message);
    expect(existsSync(join(env.ROADMAP_HOME, 'state.json'))).toBe(false);
    expect(ctx.out.text).toBe('');
  });
});

describe('roadmap info', () => {
  const state = {
    items: { [PG]: { status: 'done', at: '2026-02-20T18:00:00.000Z' } },
    log: [
      { at: '2026-02-10T18:00:00.000Z', key: PG, from: 'todo', to: 'doing' },
      { at: '2026-02-11T18:00:00.000Z', key: 'other', from: 'todo', to: 'done' },
      { at: '2026-02-20T18:00:00.000Z', key: PG, from: 'doing', to: 'done' },
    ],
    notes: {
      [PG]: [
        { at: '2026-02-21T10:00:00.000Z', text: 'Index B-tree compris' },
        { at: '2026-02-22T10:00:00.000Z', url: 'https://github.com/me/pg' },
      ],
    },
  };

  it('shows where the item is, its status, its dated changes and its notes', async () => {
    const { env } = scratch();
    writeState(env, state);
    const ctx = testContext({ env });
    await runInfo({ item: '9' }, ctx);
    expect(ctx.out.text).toBe(
      [
        '9  PostgreSQL en particulier (le plus utilisé en prod)',
        '   key      postgresql-en-particulier-le-plus-utilise-en-prod',
        '   level    🔴 Niveau 1 — Les fondamentaux incontournables',
        '   section  Bases de données',
        '   status   ✔ done · since 2026-02-20',
        '',
        'History',
        '   2026-02-10  ☐ → ◐  to do → in progress',
        '   2026-02-20  ◐ → ✔  in progress → done',
        '',
        'Notes and links',
        '   1  2026-02-21  Index B-tree compris',
        '   2  2026-02-22  🔗 https://github.com/me/pg',
        '',
      ].join('\n'),
    );
  });

  it('names the project parts an item prepares, in JSON too', async () => {
    const { env } = scratch();
    const ctx = testContext({ env, json: true, lang: 'fr' });
    await runInfo({ item: '28' }, ctx);
    const json = JSON.parse(ctx.out.text);
    expect(json).toMatchObject({ id: 28, status: 'todo', since: null, changes: [], notes: [], section: 'AWS — aller au-delà du basique' });
    expect(json.project).toEqual([{ number: 4, key: 'du-monitoring-logs-metriques', text: 'Du monitoring (logs + métriques)' }]);
    const text = testContext({ env, lang: 'fr' });
    await runInfo({ item: '28' }, text);
    expect(text.out.text).toContain('Prépare le projet\n   4  Du monitoring (logs + métriques)\n');
    expect(text.out.text).toContain('aucun changement enregistré');
  });

  it('gives the changes and notes as JSON', async () => {
    const { env } = scratch();
    writeState(env, state);
    const ctx = testContext({ env, json: true });
    await runInfo({ item: '9' }, ctx);
    const json = JSON.parse(ctx.out.text);
    expect(json.changes).toEqual([
      { at: '2026-02-10T18:00:00.000Z', from: 'todo', to: 'doing' },
      { at: '2026-02-20T18:00:00.000Z', from: 'doing', to: 'done' },
    ]);
    expect(json.notes).toEqual([
      { n: 1, at: '2026-02-21T10:00:00.000Z', text: 'Index B-tree compris', url: null },
      { n: 2, at: '2026-02-22T10:00:00.000Z', text: null, url: 'https://github.com/me/pg' },
    ]);
  });
});

describe('roadmap list --notes', () => {
  it('marks the items that have notes or links', async () => {
    const { env } = scratch();
    writeState(env, { notes: { [PG]: [{ at: NOW, text: 'x' }] } });
    const ctx = testContext({ env });
    await runList({ section: 'donnees', notes: true }, ctx);
    expect(ctx.out.text).toContain('    ☐  8    SQL avancé');
    expect(ctx.out.text).toContain('    ☐  9 ✎  PostgreSQL en particulier');
    const json = testContext({ env, json: true });
    await runList({ section: 'donnees', notes: true }, json);
    expect(JSON.parse(json.out.text).items.map((i: { notes: number }) => i.notes)).toEqual([0, 1, 0, 0, 0]);
  });
});

describe('roadmap project', () => {
  it('shows the parts, their readiness and what prepares them', async () => {
    const { env } = scratch();
    writeState(env, { items: { 'github-actions-le-plus-accessible-pour-commencer': { status: 'done', at: NOW } } });
    const ctx = testContext({ env });
    await runProject({}, ctx);
    const out = ctx.out.text;
    expect(out).toContain('💡 Conseil clé : le projet perso est roi  0/5 parts done');
    expect(out).toContain(' 2 ☐ Avec une pipeline CI/CD automatisée\n     ████░░░░░░░░  ready 33% (1/3)\n     prepared by: CI/CD\n');
    expect(out).toContain('prepared by: Observabilité · item 28 Monitoring : CloudWatch, aler…');
    expect(out).toContain(' 5 ☐ Un README propre qui explique les choix techniques\n     no item of the roadmap prepares this part\n');
  });

  it('checks, unchecks and links parts, saying when nothing changes', async () => {
    const { env } = scratch();
    const run = async (fn: (ctx: ReturnType<typeof testContext>) => Promise<void>, lang: 'en' | 'fr' = 'en') => {
      const ctx = testContext({ env, lang });
      await fn(ctx);
      return ctx.out.text;
    };
    expect(await run((c) => runProjectCheck({ part: 'terraform', done: true }, c))).toBe(
      "✔ Part 3 done: De l'IaC Terraform pour provisionner l'infra\n",
    );
    expect(await run((c) => runProjectCheck({ part: '3', done: true }, c))).toBe('Part 3 was already done.\n');
    expect(await run((c) => runProjectLink({ part: 'metriques', url: 'https://github.com/me/dash' }, c), 'fr')).toBe(
      '🔗 Lien ajouté à la partie 4 : https://github.com/me/dash\n',
    );
    expect(await run((c) => runProjectLink({ part: '4', url: 'https://github.com/me/dash' }, c))).toBe('Part 4 already has this link.\n');
    expect(await run((c) => runProjectCheck({ part: '3', done: false }, c))).toBe(
      "☐ Part 3 back to do: De l'IaC Terraform pour provisionner l'infra\n",
    );
    const project = stateOf(env).documents.bundled.project;
    expect(project['de-l-iac-terraform-pour-provisionner-l-infra']).toEqual({ status: 'todo', at: NOW, links: [] });
    expect(project['du-monitoring-logs-metriques']).toEqual({
      status: 'todo',
      at: NOW,
      links: [{ at: NOW, url: 'https://github.com/me/dash' }],
    });

    const json = testContext({ env, json: true });
    await runProject({}, json);
    const parts = JSON.parse(json.out.text).parts;
    expect(parts[3]).toMatchObject({ number: 4, status: 'todo', items: [28, 42, 43, 44], sections: ['Observabilité'], ready: false });
    expect(parts[3].links).toEqual([{ at: NOW, url: 'https://github.com/me/dash' }]);
  });

  it.each([
    ['an unknown part', { part: '9', url: 'https://x.dev' }, /no part of the project matches "9"/],
    ['a bad url', { part: '1', url: 'ftp://x.dev' }, /not an http\(s\) address/],
    ['a url with a tab', { part: '1', url: 'https://x.dev/a\tb' }, /contains control characters/],
    ['a negative part number', { part: '-1', url: 'https://x.dev' }, /"-1" is not a part number/],
  ])('refuses %s, writing nothing', async (_name, options, message) => {
    const { env } = scratch();
    expect(words(await rejection(runProjectLink(options, testContext({ env }))))).toMatch(message);
    expect(existsSync(join(env.ROADMAP_HOME, 'state.json'))).toBe(false);
  });

  it('says when a document has no capstone project', async () => {
    const { dir, env } = scratch();
    const file = join(dir, 'plain.md');
    writeFileSync(file, '# Plan\n\n## Level 1\n\n- [ ] one\n');
    const ctx = testContext({ env, file });
    await runProject({}, ctx);
    expect(ctx.out.text).toMatch(/^This roadmap names no capstone project/);
    await expect(runProjectCheck({ part: '1', done: true }, testContext({ env, file }))).rejects.toThrow(UserError);
    const json = testContext({ env, file, json: true });
    await runProject({}, json);
    expect(JSON.parse(json.out.text)).toEqual({ title: null, parts: [] });
  });
});

describe('roadmap export', () => {
  it('writes the HTML report to a file and says where', async () => {
    const { dir, env } = scratch();
    const ctx = testContext({ env });
    await runExport({ format: 'html', output: 'report.html' }, Object.assign(ctx, { cwd: dir }));
    const html = readFileSync(join(dir, 'report.html'), 'utf8');
    expect(ctx.out.text).toBe('');
    expect(ctx.err.text).toBe(`Written to ${join(dir, 'report.html')}\n`);
    expect(html).toContain('<h1>🚀 Roadmap Développeur Backend / Cloud</h1>');
    expect(html).toContain('0 of 52 items done');
  });

  it('prints the SVG badge on stdout, valid XML, in the UI language', async () => {
    const { env } = scratch();
    writeState(env, { items: { [PG]: { status: 'done', at: NOW } } });
    const ctx = testContext({ env, lang: 'fr' });
    await runExport({ format: 'svg' }, ctx);
    expect(XMLValidator.validate(ctx.out.text)).toBe(true);
    expect(ctx.out.text).toContain('aria-label="roadmap: 2 %"');
  });

  it('fails with a clear message when the file cannot be written', async () => {
    const { dir, env } = scratch();
    const error = await runExport({ format: 'svg', output: join(dir, 'missing', 'b.svg') }, testContext({ env })).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(UserError);
    expect(words(error)).toBe(`cannot write ${join(dir, 'missing', 'b.svg')}: no such folder; create it first`);
  });
});
