import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { UserError } from '../../src/errors.js';
import {
  addNote,
  addPartLink,
  checkedUrl,
  itemChanges,
  itemNotes,
  itemsWithNotes,
  markPartsMentioned,
  projectNextMention,
  projectView,
  removeNote,
  resolvePart,
  setPartStatus,
  writableDocument,
} from '../../src/progress/portfolio.js';
import { type DocumentState, emptyDocument, emptyState } from '../../src/progress/state.js';
import { itemStatuses } from '../../src/progress/stats.js';
import { findCapstone } from '../../src/roadmap/capstone.js';
import { parseRoadmap } from '../../src/roadmap/parse.js';
import { messagesFor } from '../../src/ui/messages.js';
import { ROOT } from '../helpers/context.js';

const model = parseRoadmap(readFileSync(join(ROOT, 'data', 'roadmap.md'), 'utf8'));
const capstone =
  findCapstone(model) ??
  (() => {
    throw new Error('no capstone');
  })();
const t = messagesFor('en');
const at = '2026-03-01T09:00:00.000Z';
const key = (id: number) => model.items[id - 1]?.key as string;
const withDone = (ids: number[], doc: DocumentState = emptyDocument()) => {
  for (const id of ids) doc.items[key(id)] = { status: 'done', at };
  return doc;
};

describe('notes', () => {
  it('adds, numbers, lists and removes notes and links', () => {
    const doc = emptyDocument();
    expect(addNote(doc, key(9), { at, text: 'tuto fini' })).toBe(1);
    expect(addNote(doc, key(9), { at, url: 'https://github.com/me/pg' })).toBe(2);
    expect(itemNotes(doc, key(9)).map((n) => n.text ?? n.url)).toEqual(['tuto fini', 'https://github.com/me/pg']);
    expect([...itemsWithNotes(model, doc)]).toEqual([9]);
    expect(removeNote(doc, key(9), 3)).toBeNull();
    expect(removeNote(doc, key(9), 0)).toBeNull();
    expect(removeNote(doc, key(9), 1)?.text).toBe('tuto fini');
    expect(itemNotes(doc, key(9))).toEqual([{ at, url: 'https://github.com/me/pg', n: 2 }]);
    expect(removeNote(doc, key(9), 1)).toBeNull(); // numbers are kept: the link is still note 2
    expect(removeNote(doc, key(9), 2)?.url).toBe('https://github.com/me/pg');
    expect(doc.notes).toEqual({});
    expect(itemsWithNotes(model, doc).size).toBe(0);
  });

  it('treats __proto__-like keys as data', () => {
    const doc = emptyDocument();
    expect(itemNotes(doc, 'constructor')).toEqual([]);
    expect(itemNotes(doc, '__proto__')).toEqual([]);
  });

  it('keeps the changes of one item, oldest first', () => {
    const doc: DocumentState = {
      items: {},
      log: [
        { at: '2026-01-01T00:00:00Z', key: key(1), from: 'todo', to: 'doing' },
        { at: '2026-01-02T00:00:00Z', key: key(2), from: 'todo', to: 'done' },
        { at: '2026-01-03T00:00:00Z', key: key(1), from: 'doing', to: 'done' },
      ],
    };
    expect(itemChanges(doc, key(1)).map((c) => c.to)).toEqual(['doing', 'done']);
  });

  it.each(['https://github.com/me/x', 'http://example.com/cert.pdf'])('accepts %s', (url) => {
    expect(checkedUrl(` ${url} `)).toBe(url);
  });
  it.each(['javascript:alert(1)', 'github.com/me', 'file:///etc/passwd', 'data:text/html,<b>', ''])('refuses %j', (url) => {
    expect(() => checkedUrl(url)).toThrow(UserError);
  });
});

describe('the project parts', () => {
  it('resolves a part by number, key and accent-insensitive fragment', () => {
    expect(resolvePart(capstone, '2').number).toBe(2);
    expect(resolvePart(capstone, 'de-l-iac-terraform-pour-provisionner-l-infra').number).toBe(3);
    expect(resolvePart(capstone, 'METRIQUES').number).toBe(4);
    expect(resolvePart(capstone, 'ci/cd').number).toBe(2);
    expect(() => resolvePart(capstone, '6')).toThrow(expect.objectContaining({ ref: '6', problem: 'unknown' }));
    expect(() => resolvePart(capstone, 'kubernetes')).toThrow(UserError);
    expect(() => resolvePart(capstone, 'une')).toThrow(expect.objectContaining({ ref: 'une', problem: 'ambiguous' }));
  });

  it('is ready when every preparing item is done, and says so once to next', () => {
    const doc = withDone([31, 32]);
    let views = projectView(model, capstone, itemStatuses(model, doc), doc);
    expect(views[1]?.readiness).toMatchObject({ total: 3, done: 2, percent: 67 });
    expect(views[1]?.ready).toBe(false);
    expect(projectNextMention(model, itemStatuses(model, doc), doc)).toEqual([]);

    withDone([33], doc);
    views = projectView(model, capstone, itemStatuses(model, doc), doc);
    expect(views[1]?.ready).toBe(true);
    const ready = projectNextMention(model, itemStatuses(model, doc), doc);
    expect(ready.map((v) => v.part.number)).toEqual([2]);

    markPartsMentioned(
      doc,
      ready.map((v) => v.part.key),
      at,
    );
    expect(doc.projectMentions).toEqual({ [ready[0]?.part.key as string]: at });
    expect(projectNextMention(model, itemStatuses(model, doc), doc)).toEqual([]);
  });

  it('is not mentioned when the part itself is done, nor when it has nothing preparing it', () => {
    const doc = withDone([29, 30]);
    setPartStatus(doc, capstone.parts[2]?.key as string, 'done', at);
    expect(projectNextMention(model, itemStatuses(model, doc), doc)).toEqual([]);
    const views = projectView(model, capstone, itemStatuses(model, doc), doc);
    expect(views[4]?.readiness.total).toBe(0);
    expect(views[4]?.ready).toBe(false);
  });

  it('counts skipped preparing items out of the base', () => {
    const doc = withDone([29]);
    doc.items[key(30)] = { status: 'skipped', at };
    const views = projectView(model, capstone, itemStatuses(model, doc), doc);
    expect(views[2]?.readiness.percent).toBe(100);
    expect(views[2]?.ready).toBe(true);
  });

  it('sets status and links, reporting no-ops', () => {
    const state = emptyState();
    const doc = writableDocument(state, 'bundled');
    expect(state.documents.bundled).toBe(doc);
    const part = capstone.parts[0]?.key as string;
    expect(setPartStatus(doc, part, 'todo', at)).toBe(false);
    expect(setPartStatus(doc, part, 'done', at)).toBe(true);
    expect(setPartStatus(doc, part, 'done', at)).toBe(false);
    expect(addPartLink(doc, part, 'https://x.dev/a', at)).toBe(true);
    expect(addPartLink(doc, part, 'https://x.dev/a', at)).toBe(false);
    expect(setPartStatus(doc, part, 'todo', '2026-03-02T00:00:00.000Z')).toBe(true);
    expect(doc.project?.[part]).toEqual({ status: 'todo', at: '2026-03-02T00:00:00.000Z', links: [{ at, url: 'https://x.dev/a' }] });
  });
});

describe('the one-time mention in next', () => {
  it('renders one line and a hint per ready part, in both languages', async () => {
    const { renderProjectMention } = await import('../../src/ui/render-project.js');
    const { Chalk } = await import('chalk');
    const doc = withDone([29, 30]);
    const ready = projectNextMention(model, itemStatuses(model, doc), doc);
    const chalk = new Chalk({ level: 0 });
    expect(renderProjectMention(ready, { chalk, t, columns: 80 })).toBe(
      "🎯 Project: everything that prepares part 3 is done — time to build it: De l'IaC Terraform pour provisionner l'infra\n" +
        '   (when it is built: roadmap project check 3)\n',
    );
    expect(renderProjectMention(ready, { chalk, t: messagesFor('fr'), columns: 80 })).toContain(
      '🎯 Projet : tout ce qui prépare la partie 3 est fait',
    );
    expect(renderProjectMention([], { chalk, t, columns: 80 })).toBe('');
  });
});
