import { existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { runCheck } from '../../src/commands/check.js';
import { runUndo } from '../../src/commands/undo.js';
import { ExitCode, UsageError, UserError } from '../../src/errors.js';
import type { LogEntry, State } from '../../src/progress/state.js';
import { documentHistory } from '../../src/store/history.js';
import { FIXTURES, testContext } from '../helpers/context.js';
import { choicesOf, ExitPromptError, scriptedPrompts } from '../helpers/prompts.js';
import { words } from '../helpers/words.js';

const NOW = '2026-03-01T09:00:00.000Z';
const POSTGRES = 'postgresql-en-particulier-le-plus-utilise-en-prod';
let env: Record<string, string>;
let stateFile: string;

beforeEach(() => {
  const dir = mkdtempSync(join(tmpdir(), 'roadmap-check-'));
  env = { ROADMAP_HOME: join(dir, 'config'), XDG_CACHE_HOME: join(dir, 'cache') };
  stateFile = join(dir, 'config', 'state.json');
});

const ctxFor = (options: Parameters<typeof testContext>[0] = {}) => testContext({ env, now: NOW, ...options });
const readState = (): State => JSON.parse(readFileSync(stateFile, 'utf8'));
const bundled = () => readState().documents.bundled;
/** The bundled roadmap's history, from its own file (append-only, beside the state). */
const bundledLog = (): LogEntry[] => {
  const doc = bundled();
  return doc ? documentHistory(join(stateFile, '..'), 'bundled', doc) : [];
};

async function check(refs: string[], extra: Partial<Parameters<typeof runCheck>[0]> = {}, ctx = ctxFor()) {
  await runCheck({ command: 'check', refs, ...extra }, ctx);
  return ctx.out.text;
}

describe('check by reference', () => {
  it.each([['9'], [POSTGRES], ['postgres'], ['PostgreSQL EN particulier']])(
    '%j checks item 9, prints its line and records it',
    async (ref) => {
      expect(await check([ref])).toBe('✔ 9  PostgreSQL en particulier (le plus utilisé en prod) — Bases de données 1/5 · Niveau 1 1/15\n');
      expect(bundled()?.items).toEqual({ [POSTGRES]: { status: 'done', at: NOW } });
      expect(bundledLog()).toEqual([{ at: NOW, key: POSTGRES, from: 'todo', to: 'done' }]);
      expect(bundled()?.undo).toHaveLength(1);
    },
  );

  it('checks several items in one step, each once, with the progress after all of them', async () => {
    const out = await check(['9', 'migrations de schema', 'postgres', '#47']);
    expect(out.split('\n')).toEqual([
      '✔ 9  PostgreSQL en particulier (le plus utilisé en prod) — Bases de données 2/5 · Niveau 1 2/15',
      '✔ 12  Migrations de schéma (Alembic, Flyway, Liquibase) — Bases de données 2/5 · Niveau 1 2/15',
      expect.stringMatching(/^✔ 47 {2}Certification AWS .* — Niveau 4 1\/6$/),
      '',
    ]);
    expect(bundled()?.undo).toHaveLength(1);
    expect(bundled()?.undo?.[0]?.changes).toHaveLength(3);
  });

  it('says an item is already done, exits normally and records nothing new', async () => {
    await check(['9']);
    const before = readFileSync(stateFile, 'utf8');
    const out = await check(['9']);
    expect(out).toBe('✔ 9  PostgreSQL en particulier (le plus utilisé en prod) — Bases de données 1/5 · Niveau 1 1/15 (already done)\n');
    expect(JSON.parse(readFileSync(stateFile, 'utf8'))).toEqual(JSON.parse(before));
  });

  it.each([
    ['uncheck', '☐', 'todo', '0/5'],
    ['start', '◐', 'doing', '0/5'],
    ['skip', '⤼', 'skipped', '0/5'],
  ] as const)('%s sets %s %s', async (command, mark, status, counts) => {
    await check(['9']);
    const ctx = ctxFor();
    await runCheck({ command, refs: ['9'] }, ctx);
    expect(ctx.out.text).toBe(
      `${mark} 9  PostgreSQL en particulier (le plus utilisé en prod) — Bases de données ${counts} · Niveau 1 ${counts.replace('/5', '/15')}\n`,
    );
    expect(bundled()?.items[POSTGRES]?.status).toBe(status);
    expect(bundledLog()?.at(-1)).toEqual({ at: NOW, key: POSTGRES, from: 'done', to: status });
  });

  it('speaks French', async () => {
    await check(['9']);
    const ctx = ctxFor({ lang: 'fr' });
    await runCheck({ command: 'check', refs: ['9'] }, ctx);
    expect(ctx.out.text).toContain('(déjà fait)');
  });

  it('prints JSON with --json', async () => {
    const ctx = ctxFor({ json: true });
    await runCheck({ command: 'start', refs: ['9', '12'] }, ctx);
    const json = JSON.parse(ctx.out.text);
    expect(json.dryRun).toBe(false);
    expect(json.changes.map((c: { id: number; from: string; to: string }) => [c.id, c.from, c.to])).toEqual([
      [9, 'todo', 'doing'],
      [12, 'todo', 'doing'],
    ]);
  });
});

describe('references that name no single item', () => {
  const refused = async (refs: string[], extra: Partial<Parameters<typeof runCheck>[0]> = {}) => {
    const error = await check(refs, extra).then(
      () => null,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(UserError);
    expect((error as UserError).exitCode).toBe(ExitCode.error);
    expect(existsSync(stateFile)).toBe(false);
    return error as UserError;
  };

  it('an unknown ref suggests close items and changes nothing, even next to good refs', async () => {
    const error = await refused(['9', 'postgress']);
    expect(error.message).toBe('no item matches "postgress"');
    expect(error.details[0]).toBe('did you mean:');
    // Numbers aligned on the widest one (a two-digit suggestion follows); text whole: stderr is not a terminal.
    expect(error.details[1]).toBe('   9  PostgreSQL en particulier (le plus utilisé en prod)  (Niveau 1 › Bases de données)');
    expect(error.details.slice(1).every((line) => /^ {2,3}\d+ {2}/.test(line))).toBe(true);
    expect(error.details.length).toBeLessThanOrEqual(4);
  });

  it('an ambiguous ref without a terminal lists the candidates with their numbers', async () => {
    const error = await refused(['moindre privilege']);
    expect(error.message).toBe('"moindre privilege" matches 2 items; name one by its number (or a longer text):');
    expect(error.details).toEqual([
      "  25  IAM : rôles, policies, principe du moindre privilège — c'est crucial  (Niveau 2 › AWS — aller au-delà du basique)",
      '  41  Principe du moindre privilège partout  (Niveau 3 › Sécurité applicative)',
    ]);
  });

  it.each([
    [['0'], 'no item 0: items are numbered 1 to 52'],
    [['53'], 'no item 53: items are numbered 1 to 52'],
    [[''], 'an item reference is empty: give a number, a key or part of the text'],
    [['   '], 'an item reference is empty: give a number, a key or part of the text'],
  ])('%j: %s', async (refs, message) => {
    expect((await refused(refs)).message).toBe(message);
  });

  it('an ambiguous ref in a terminal asks which one', async () => {
    const prompts = scriptedPrompts([(call) => choicesOf(call)[1]?.value]);
    const ctx = Object.assign(ctxFor(), { isInteractive: true, prompts });
    await check(['moindre privilege'], {}, ctx);
    expect(prompts.calls[0]?.kind).toBe('select');
    expect(choicesOf(prompts.calls[0] as never).map((c) => c.value)).toEqual([25, 41]);
    expect(ctx.out.text).toMatch(/^✔ 41 {2}Principe du moindre privilège partout/);
  });

  it('--level narrows text matches', async () => {
    expect(await check(['moindre privilege'], { level: 3 })).toMatch(/^✔ 41 /);
  });
});

describe('--dry-run', () => {
  it('prints what would change and writes nothing', async () => {
    const out = await check(['9'], { dryRun: true });
    expect(out).toBe(
      '✔ 9  PostgreSQL en particulier (le plus utilisé en prod) — Bases de données 1/5 · Niveau 1 1/15\nDry run: nothing was written.\n',
    );
    expect(existsSync(stateFile)).toBe(false);
  });
});

describe('interactive check-off', () => {
  it('without a terminal: a usage error naming the non-interactive form', async () => {
    const error = await check([]).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(UsageError);
    expect((error as UsageError).exitCode).toBe(ExitCode.usage);
    expect((error as UsageError).message).toContain('roadmap check 7');
    expect(existsSync(stateFile)).toBe(false);
  });

  it('offers the level’s items with done ones ticked; ticking and unticking is one undo step', async () => {
    await check(['9']);
    const prompts = scriptedPrompts([
      (call) => {
        const choices = choicesOf(call);
        expect(choices.map((c) => c.value)).toEqual(Array.from({ length: 15 }, (_, i) => i + 1));
        expect(choices.filter((c) => c.checked).map((c) => c.value)).toEqual([9]);
        return [1, 2];
      },
    ]);
    const ctx = Object.assign(ctxFor(), { isInteractive: true, prompts });
    await runCheck({ command: 'check', refs: [], level: 1 }, ctx);
    const separators = prompts.calls[0]?.kind === 'checkbox' ? prompts.calls[0].options.choices.filter((c) => 'separator' in c) : [];
    expect(separators.map((s) => ('separator' in s ? s.separator : ''))).toEqual([
      '🔴 Niveau 1 — Les fondamentaux incontournables  1/15',
      '  Langage backend principal  0/3',
      '  APIs REST  0/4',
      '  Bases de données  1/5',
      '  Git & bonnes pratiques  0/3',
    ]);
    expect(ctx.out.text.split('\n').map((l) => l.slice(0, 4))).toEqual(['✔ 1 ', '✔ 2 ', '☐ 9 ', '']);
    expect(Object.keys(bundled()?.items ?? {})).toHaveLength(3);
    expect(bundled()?.undo).toHaveLength(2);
    await runUndo({}, ctxFor());
    expect(bundled()?.items).toEqual({ [POSTGRES]: { status: 'done', at: NOW } });
  });

  it('uncheck offers only items that are not to do, none ticked', async () => {
    await check(['9', '12']);
    const prompts = scriptedPrompts([
      (call) => {
        expect(choicesOf(call).map((c) => [c.value, c.checked])).toEqual([
          [9, false],
          [12, false],
        ]);
        return [12];
      },
    ]);
    const ctx = Object.assign(ctxFor(), { isInteractive: true, prompts });
    await runCheck({ command: 'uncheck', refs: [] }, ctx);
    expect(bundled()?.items['migrations-de-schema-alembic-flyway-liquibase']?.status).toBe('todo');
    expect(bundled()?.items[POSTGRES]?.status).toBe('done');
  });

  it('Ctrl-C writes nothing', async () => {
    const prompts = scriptedPrompts([
      () => {
        throw new ExitPromptError('User force closed the prompt');
      },
    ]);
    const ctx = Object.assign(ctxFor(), { isInteractive: true, prompts });
    await expect(runCheck({ command: 'check', refs: [] }, ctx)).rejects.toMatchObject({ name: 'ExitPromptError' });
    expect(existsSync(stateFile)).toBe(false);
    expect(ctx.out.text).toBe('');
  });

  it('a long document is walked a section at a time, typing filters the sections, save writes all at once', async () => {
    const file = join(FIXTURES, 'coding-interview-university.md');
    const prompts = scriptedPrompts([
      (call) => {
        expect(call.kind).toBe('search');
        const all = choicesOf(call);
        expect(all[0]?.value).toBe('save');
        expect(all.length).toBeGreaterThan(20);
        const filtered = choicesOf(call, 'linked list');
        expect(filtered[0]?.name).toBe('Finish (no change)');
        expect(filtered[1]?.name).toBe('Data Structures › Linked Lists  0/26  · 8 matching');
        expect(filtered.length).toBeLessThan(5);
        return filtered[1]?.value;
      },
      (call) => {
        expect(call.kind).toBe('checkbox');
        const choices = choicesOf(call);
        expect(choices).toHaveLength(26);
        return [choices[0]?.value, choices[1]?.value];
      },
      (call) => {
        expect(choicesOf(call)[0]?.name).toContain('Save and finish (2 changes)');
        return 'save';
      },
    ]);
    const ctx = Object.assign(ctxFor({ file }), { isInteractive: true, prompts });
    await runCheck({ command: 'check', refs: [] }, ctx);
    expect(ctx.out.text.trim().split('\n')).toHaveLength(2);
    expect(ctx.out.text).toContain('Linked Lists 2/26 · Data Structures 2/68');
    const doc = readState().documents[file];
    expect(Object.values(doc?.items ?? {}).map((r) => r.status)).toEqual(['done', 'done']);
    expect(doc?.undo).toHaveLength(1);
  });
});

describe('undo', () => {
  it('walks back one command at a time, then says there is nothing to undo', async () => {
    await check(['9']);
    await check(['12', '13']);
    const ctx = ctxFor();
    await runUndo({}, ctx);
    expect(ctx.out.text.split('\n')[0]).toMatch(/^Undid `check` of 2026-03-01 \d\d:00 \(2 items\):$/);
    expect(ctx.out.text).toContain('☐ 12  Migrations de schéma');
    expect(Object.keys(bundled()?.items ?? {})).toEqual([POSTGRES]);
    await runUndo({}, ctxFor());
    expect(bundled()?.items).toEqual({});
    expect(bundledLog()?.map((e) => `${e.key.slice(0, 5)}:${e.to}`)).toEqual([
      'postg:done',
      'migra:done',
      'git-f:done',
      'migra:todo',
      'git-f:todo',
      'postg:todo',
    ]);
    const before = readFileSync(stateFile);
    const error = await runUndo({}, ctxFor()).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(UserError);
    expect((error as UserError).message).toBe('nothing to undo');
    expect(readFileSync(stateFile)).toEqual(before);
  });

  it('--dry-run shows what would be reverted and writes nothing', async () => {
    await check(['9']);
    const before = readFileSync(stateFile);
    const ctx = ctxFor();
    await runUndo({ dryRun: true }, ctx);
    expect(ctx.out.text).toMatch(
      /^Would undo `check` of .* \(1 item\):\n☐ 9 {2}PostgreSQL .* 0\/5 · Niveau 1 0\/15\nDry run: nothing was written.\n$/,
    );
    expect(readFileSync(stateFile)).toEqual(before);
  });
});

describe('a state file that cannot be read', () => {
  it.each([
    ['bad JSON', '{"schemaVersion": 1, "documents": {', 'invalid JSON'],
    ['empty', '', 'the file is empty'],
    ['wrong schema', '{"schemaVersion": 1, "documents": {"bundled": {"items": {"x": {"status": "finished"}}}}}', 'not a valid record'],
    ['newer schema', '{"schemaVersion": 99, "documents": {}}', 'newer roadmap'],
  ])('%s: check and undo refuse it and leave it byte for byte', async (_name, content, reason) => {
    mkdirSync(join(stateFile, '..'), { recursive: true });
    writeFileSync(stateFile, content);
    for (const run of [() => check(['9']), () => runUndo({}, ctxFor())]) {
      const error = await run().catch((e: unknown) => e);
      expect(error).toBeInstanceOf(UserError);
      expect((error as UserError).exitCode).toBe(ExitCode.error);
      expect(words(error)).toContain(stateFile);
      expect(words(error)).toContain(reason);
      expect(readFileSync(stateFile, 'utf8')).toBe(content);
    }
  });
});
