// Drives the real @inquirer/prompts (through src/ui/prompts.ts) with @inquirer/testing's virtual screen.

import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { screen } from '@inquirer/testing/vitest';
import { Chalk } from 'chalk';
import { describe, expect, it } from 'vitest';
import { runCheck } from '../../src/commands/check.js';
import { messagesFor } from '../../src/ui/messages.js';
import { inquirerPrompts } from '../../src/ui/prompts.js';
import { testContext } from '../helpers/context.js';

const chalk = new Chalk({ level: 0 });

function interactiveContext(lang: 'en' | 'fr' = 'en') {
  const dir = mkdtempSync(join(tmpdir(), 'roadmap-prompts-'));
  const env = { ROADMAP_HOME: join(dir, 'config'), XDG_CACHE_HOME: join(dir, 'cache') };
  const ctx = testContext({ env, lang, columns: 100 });
  return { ctx: Object.assign(ctx, { isInteractive: true }), stateFile: join(dir, 'config', 'state.json') };
}

describe('the prompts wrapper on inquirer', () => {
  it('checkbox: separators, pre-ticked choices, localized key hints, a count as the answer', async () => {
    const prompts = inquirerPrompts({ t: messagesFor('fr'), chalk });
    const answer = prompts.checkbox({
      message: 'Coche',
      choices: [
        { separator: 'Niveau 1' },
        { name: 'un', value: 1, checked: true },
        { name: 'deux', value: 2 },
        { name: 'trois', value: 3 },
      ],
    });
    await screen.next();
    const first = screen.getScreen();
    expect(first).toContain('Niveau 1');
    expect(first).toMatch(/◉ un/);
    expect(first).toMatch(/◯ deux/);
    expect(first).toContain('espace cocher');
    expect(first).toContain('⏎ valider');
    screen.keypress('down');
    screen.keypress('space');
    screen.keypress('enter');
    await expect(answer).resolves.toEqual([1, 2]);
    expect(screen.getScreen()).toContain('Coche 2 cochés');
  });

  it('select returns the chosen value', async () => {
    const prompts = inquirerPrompts({ t: messagesFor('en'), chalk });
    const answer = prompts.select({
      message: 'Which?',
      choices: [
        { name: 'a', value: 'a' },
        { name: 'b', value: 'b' },
      ],
    });
    await screen.next();
    screen.keypress('down');
    screen.keypress('enter');
    await expect(answer).resolves.toBe('b');
  });

  it('search filters with what is typed', async () => {
    const prompts = inquirerPrompts({ t: messagesFor('en'), chalk });
    const seen: string[] = [];
    const answer = prompts.search({
      message: 'Section',
      source: (term) => {
        seen.push(term);
        return ['apis', 'bases', 'git'].filter((s) => s.includes(term)).map((s) => ({ name: s, value: s }));
      },
    });
    await screen.next();
    screen.type('gi');
    await screen.next();
    expect(screen.getScreen()).toContain('git');
    expect(screen.getScreen()).not.toContain('apis');
    screen.keypress('enter');
    await expect(answer).resolves.toBe('git');
    expect(seen).toContain('gi');
  });
});

describe('roadmap check, interactive, on the real prompt', () => {
  it('ticks an item with the keyboard and records it', async () => {
    const { ctx, stateFile } = interactiveContext();
    const run = runCheck({ command: 'check', refs: [], level: 1 }, ctx);
    await screen.next();
    const shown = screen.getScreen();
    expect(shown).toContain('Tick what you have done');
    expect(shown).toContain('🔴 Niveau 1 — Les fondamentaux incontournables  0/15');
    expect(shown).toContain('Langage backend principal  0/3');
    screen.keypress('down');
    screen.keypress('space');
    screen.keypress('enter');
    await run;
    expect(ctx.out.text).toMatch(/^✔ 2 {2}POO avancée/);
    const state = JSON.parse(readFileSync(stateFile, 'utf8'));
    expect(state.documents.bundled.items['poo-avancee-design-patterns-factory-singleton-repository'].status).toBe('done');
  });

  it('Ctrl-C rejects with ExitPromptError and writes nothing', async () => {
    const { ctx, stateFile } = interactiveContext();
    const run = runCheck({ command: 'check', refs: [], level: 1 }, ctx);
    await screen.next();
    screen.keypress('space');
    screen.keypress({ name: 'c', ctrl: true });
    await expect(run).rejects.toMatchObject({ name: 'ExitPromptError' });
    expect(existsSync(stateFile)).toBe(false);
  });
});
