import { copyFileSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BLOCK_CACHE_FORMAT } from '../../src/io/block-cache.js';
import {
  BUNDLED_ID,
  contentHash,
  loadOutline,
  loadRoadmap,
  PARSER_VERSION,
  readCache,
  readEntryOf,
  SMALL_DOCUMENT_BYTES,
} from '../../src/io/load-roadmap.js';
import { type CacheEntry, decodeEntry, serializeEntry } from '../../src/roadmap/cache-format.js';
import type { Roadmap } from '../../src/roadmap/model.js';
import { readOutline, serializeOutline } from '../../src/roadmap/outline.js';
import { parseRoadmap } from '../../src/roadmap/parse.js';
import { messagesFor } from '../../src/ui/messages.js';
import { FIXTURES, ROOT } from '../helpers/context.js';
import { rejection, words } from '../helpers/words.js';

const t = messagesFor('en');
const documents = {
  bundled: join(ROOT, 'data', 'roadmap.md'),
  ciu: join(FIXTURES, 'coding-interview-university.md'),
  nested: join(ROOT, 'test', 'fixtures', 'nested.md'),
  'level-without-sections': join(ROOT, 'test', 'fixtures', 'level-without-sections.md'),
};

/** A user document in a scratch folder, with an empty cache folder beside it. */
function scratch(source = documents.bundled) {
  const dir = mkdtempSync(join(tmpdir(), 'roadmap-load-'));
  const file = join(dir, 'doc.md');
  copyFileSync(source, file);
  const cacheDir = join(dir, 'cache');
  const load = () => loadRoadmap({ file, cwd: dir, bundledPath: documents.bundled, bundledModelPath: join(dir, 'none.json'), cacheDir });
  // Model entries only, not the outlines, sources and seen records beside them.
  const entries = () => readdirSync(cacheDir).filter((name) => /^[0-9a-f]+(-\d+)?\.json$/.test(name));
  const entryFile = () => join(cacheDir, `${contentHash(readFileSync(file))}.json`);
  return { dir, file, cacheDir, load, entries, entryFile };
}

/** A valid cache entry whose model says where it came from: proof that a load used the cache. */
function plantedEntry(model: Roadmap, hash: string, parser = PARSER_VERSION): string {
  return serializeEntry(parser, hash, { ...model, title: 'FROM THE CACHE' });
}

describe('cache entry format', () => {
  it.each(Object.entries(documents))('%s: an entry decodes back to exactly the parsed model', (_name, path) => {
    const model = parseRoadmap(readFileSync(path, 'utf8'));
    const text = serializeEntry('p', 'h', model);
    expect(text).toMatch(/^[\x20-\x7e]*$/); // ASCII only: read without UTF-8 decoding
    const entry = JSON.parse(text) as CacheEntry;
    expect(entry.format).toBe(2);
    expect(decodeEntry(entry)).toEqual(model);
  });

  it('keeps item fields it does not know', () => {
    const model = parseRoadmap(readFileSync(documents.nested, 'utf8'));
    const extended = { ...model, items: model.items.map((item) => ({ ...item, estimate: 3 })) };
    const entry = JSON.parse(serializeEntry('p', 'h', extended)) as CacheEntry;
    expect(entry.format).toBe(2);
    expect(decodeEntry(entry)).toEqual(extended);
  });

  it('stores a model it cannot rebuild exactly as a plain model (format 1)', () => {
    const model = parseRoadmap(readFileSync(documents.nested, 'utf8'));
    const odd = { ...model, items: model.items.map((item, i) => (i === 0 ? { ...item, children: [...item.children, 99] } : item)) };
    const entry = JSON.parse(serializeEntry('p', 'h', odd)) as CacheEntry;
    expect(entry.format).toBe(1);
    expect(decodeEntry(entry)).toEqual(odd);
  });

  it('refuses an entry whose notes lack their bullet keys (made by an older parser)', () => {
    const model = parseRoadmap(readFileSync(documents.bundled, 'utf8'));
    const entry = JSON.parse(serializeEntry('p', 'h', model)) as CacheEntry;
    expect(entry.model.notes.some((note) => note.bullets.length > 0)).toBe(true);
    for (const note of entry.model.notes) delete (note as Partial<typeof note>).bulletKeys;
    expect(decodeEntry(entry)).toBeNull();
  });

  it('is smaller than the plain model for a large document', () => {
    const model = parseRoadmap(readFileSync(documents.ciu, 'utf8'));
    expect(serializeEntry('p', 'h', model).length).toBeLessThan(JSON.stringify(model).length * 0.8);
  });
});

describe('model cache', () => {
  it('parses a new document once and writes one entry; the next load uses it', async () => {
    const doc = scratch();
    const first = await doc.load();
    expect(first.model.items).toHaveLength(52);
    expect(doc.entries()).toEqual([`${contentHash(readFileSync(doc.file))}.json`]);
    expect(readCache(doc.entryFile(), contentHash(readFileSync(doc.file)))).toEqual(first.model);

    writeFileSync(doc.entryFile(), plantedEntry(first.model, contentHash(readFileSync(doc.file))));
    expect((await doc.load()).model.title).toBe('FROM THE CACHE');
  });

  it('keeps the source available, decoded on first use', async () => {
    const doc = scratch();
    await doc.load();
    const cached = await doc.load();
    expect(cached.source).toBe(readFileSync(doc.file, 'utf8'));
  });

  it.each([
    ['not JSON', () => '{"format":2,"parser'],
    ['empty', () => ''],
    ['JSON of the wrong shape', () => '{"format":2,"parser":"x","hash":"y","model":{"levels":"no"}}'],
    ['bytes outside ASCII', (good: string) => good.replace('FROM THE CACHE', 'FROM THE CACHÉ')],
  ])('ignores and rebuilds a corrupt entry: %s', async (_name, corrupt) => {
    const doc = scratch();
    const model = (await doc.load()).model;
    const hash = contentHash(readFileSync(doc.file));
    writeFileSync(doc.entryFile(), corrupt(plantedEntry(model, hash)));
    const again = await doc.load();
    expect(again.model).toEqual(model);
    expect(readCache(doc.entryFile(), hash)).toEqual(model); // rebuilt
  });

  it('never trusts an entry made for other content or by another parser version', async () => {
    const doc = scratch();
    const model = (await doc.load()).model;
    const hash = contentHash(readFileSync(doc.file));
    writeFileSync(doc.entryFile(), plantedEntry(model, 'f'.repeat(64)));
    expect((await doc.load()).model.title).toBe(model.title);
    writeFileSync(doc.entryFile(), plantedEntry(model, hash, 'another-parser'));
    expect((await doc.load()).model.title).toBe(model.title);
  });

  it('parses again when the document changes, under a new key', async () => {
    const doc = scratch();
    await doc.load();
    writeFileSync(doc.file, `${readFileSync(doc.file, 'utf8')}\n- [ ] One more item\n`);
    const changed = await doc.load();
    expect(changed.model.items).toHaveLength(53);
    expect(doc.entries()).toHaveLength(2);
  });

  it('the key covers the parser version', () => {
    const bytes = readFileSync(documents.bundled);
    expect(contentHash(bytes)).not.toBe(contentHash(Buffer.concat([bytes, Buffer.from(' ')])));
    expect(contentHash(bytes)).toMatch(/^[0-9a-f]{16}-\d+$/);
  });

  it('hashes small documents in JavaScript and large ones with SHA-256, any byte changing the key', () => {
    const small = Buffer.from('- [ ] one\n- [ ] two\n');
    const large = Buffer.alloc(SMALL_DOCUMENT_BYTES + 1, 'a');
    expect(contentHash(small)).toMatch(/^[0-9a-f]{16}-20$/);
    expect(contentHash(large)).toMatch(/^[0-9a-f]{64}$/);
    for (const bytes of [small, large]) {
      const edited = Buffer.from(bytes);
      edited[5] = (edited[5] as number) ^ 1;
      expect(contentHash(edited)).not.toBe(contentHash(bytes));
      expect(contentHash(Buffer.from(bytes))).toBe(contentHash(bytes));
    }
  });

  it('still loads when the cache folder cannot be written', async () => {
    const doc = scratch();
    writeFileSync(doc.cacheDir, 'a file where the folder should be');
    expect((await doc.load()).model.items).toHaveLength(52);
  });
});

describe('the bundled roadmap’s pre-parsed entry', () => {
  /** A bundled roadmap and its pre-parsed entry (made as the build makes it) in a scratch folder. */
  function bundledScratch() {
    const dir = mkdtempSync(join(tmpdir(), 'roadmap-prebuilt-'));
    const bundledPath = join(dir, 'roadmap.md');
    const bundledModelPath = join(dir, 'roadmap.model.json');
    copyFileSync(documents.bundled, bundledPath);
    const bytes = readFileSync(bundledPath);
    const model = parseRoadmap(bytes.toString('utf8'));
    writeFileSync(
      bundledModelPath,
      serializeEntry(PARSER_VERSION, contentHash(bytes), { ...model, title: 'PREBUILT' }, bytes.toString('utf8')),
    );
    const load = () => loadRoadmap({ file: undefined, cwd: dir, bundledPath, bundledModelPath, cacheDir: join(dir, 'cache') });
    return { bundledPath, bundledModelPath, bytes, load };
  }

  it('is used when the document is byte for byte the one it was made from, with that document’s hash', async () => {
    const b = bundledScratch();
    expect(readEntryOf(b.bundledModelPath, b.bytes)?.hash).toBe(contentHash(b.bytes));
    const doc = await b.load();
    expect(doc.model.title).toBe('PREBUILT');
    expect(doc.hash).toBe(contentHash(b.bytes));
  });

  it('is not used for an edited document (even of the same length), another parser, or without the document in it', async () => {
    const b = bundledScratch();
    const edited = Buffer.from(b.bytes);
    edited[edited.length - 2] = (edited[edited.length - 2] as number) ^ 1;
    expect(readEntryOf(b.bundledModelPath, edited)).toBeNull();
    writeFileSync(b.bundledPath, edited);
    const doc = await b.load();
    expect(doc.model.title).not.toBe('PREBUILT');
    expect(doc.hash).toBe(contentHash(edited));

    const model = parseRoadmap(b.bytes.toString('utf8'));
    writeFileSync(b.bundledModelPath, serializeEntry('another-parser', contentHash(b.bytes), model, b.bytes.toString('utf8')));
    expect(readEntryOf(b.bundledModelPath, b.bytes)).toBeNull();
    writeFileSync(b.bundledModelPath, serializeEntry(PARSER_VERSION, contentHash(b.bytes), model));
    expect(readEntryOf(b.bundledModelPath, b.bytes)).toBeNull();
    writeFileSync(b.bundledModelPath, '{"format":2,');
    expect(readEntryOf(b.bundledModelPath, b.bytes)).toBeNull();
  });
});

describe('the bundled roadmap’s pre-built outline (what status reads)', () => {
  /** The bundled roadmap, its pre-parsed entry and its outline (made as the build makes them) in a scratch folder. */
  function outlineScratch() {
    const dir = mkdtempSync(join(tmpdir(), 'roadmap-outline-'));
    const bundledPath = join(dir, 'roadmap.md');
    const bundledModelPath = join(dir, 'roadmap.model.json');
    const bundledOutlinePath = join(dir, 'roadmap.outline.json');
    copyFileSync(documents.bundled, bundledPath);
    const bytes = readFileSync(bundledPath);
    const source = bytes.toString('utf8');
    const model = parseRoadmap(source);
    writeFileSync(bundledModelPath, serializeEntry(PARSER_VERSION, contentHash(bytes), model, source));
    writeFileSync(bundledOutlinePath, serializeOutline(PARSER_VERSION, contentHash(bytes), { ...model, title: 'OUTLINE' }, source));
    const options = { file: undefined, cwd: dir, bundledPath, bundledModelPath, bundledOutlinePath, cacheDir: join(dir, 'cache'), t };
    return { bundledPath, bundledOutlinePath, bytes, model, source, options };
  }

  it('is read, without the model, when the document is byte for byte the one it was made from', async () => {
    const b = outlineScratch();
    const doc = await loadOutline(b.options);
    expect(doc.outline.title).toBe('OUTLINE');
    expect(doc.loaded).toBeUndefined();
    expect(doc.docId).toBe(BUNDLED_ID);
    expect(doc.hash).toBe(contentHash(b.bytes));
    expect(doc.outline.levels).toEqual(b.model.levels);
    expect(doc.outline.items).toEqual(
      b.model.items.map((item) => ({ id: item.id, key: item.key, checked: item.checked, parent: item.parent })),
    );
  });

  it('is not read for an edited document, another parser, an outline without the document or a damaged one', async () => {
    const b = outlineScratch();
    const edited = Buffer.from(b.bytes);
    edited[edited.length - 2] = (edited[edited.length - 2] as number) ^ 1;
    writeFileSync(b.bundledPath, edited);
    const changed = await loadOutline(b.options);
    expect(changed.outline.title).not.toBe('OUTLINE');
    expect(changed.hash).toBe(contentHash(edited));
    writeFileSync(b.bundledPath, b.bytes);
    for (const text of [
      serializeOutline('another-parser', contentHash(b.bytes), b.model, b.source),
      serializeOutline(PARSER_VERSION, contentHash(b.bytes), { ...b.model, title: 'OUTLINE' }),
      '{"format":1,',
    ]) {
      writeFileSync(b.bundledOutlinePath, text);
      const doc = await loadOutline(b.options);
      expect(doc.outline.title).toBe(b.model.title);
      expect(doc.loaded?.model.items).toHaveLength(b.model.items.length);
    }
  });
});

describe('a user document seen before', () => {
  const options = (doc: ReturnType<typeof scratch>, lastHashOf?: (docId: string) => string | undefined) => ({
    file: doc.file,
    cwd: doc.dir,
    bundledPath: documents.bundled,
    bundledModelPath: join(doc.dir, 'none.json'),
    cacheDir: doc.cacheDir,
    t,
    lastHashOf,
  });

  it('is not hashed again when the copy of its last content holds the same bytes', async () => {
    const doc = scratch();
    const first = await doc.load();
    const bytes = readFileSync(doc.file);
    // Entries under another name: only the last hash the state recorded leads there.
    writeFileSync(join(doc.cacheDir, 'last-1.json'), serializeEntry(PARSER_VERSION, 'last-1', { ...first.model, title: 'BY LAST HASH' }));
    writeFileSync(join(doc.cacheDir, `last-1.${PARSER_VERSION}.source`), bytes);
    const again = await loadRoadmap(options(doc, (docId) => (docId === doc.file ? 'last-1' : undefined)));
    expect(again.model.title).toBe('BY LAST HASH');
    expect(again.hash).toBe('last-1');
    expect(again.source).toBe(bytes.toString('utf8'));
  });

  it('is hashed and parsed again when it changed since, or when the recorded hash is not a file name', async () => {
    const doc = scratch();
    const first = await doc.load();
    writeFileSync(doc.file, `${readFileSync(doc.file, 'utf8')}\n- [ ] One more item\n`);
    const changed = await loadRoadmap(options(doc, () => first.hash));
    expect(changed.model.items).toHaveLength(53);
    expect(changed.hash).toBe(contentHash(readFileSync(doc.file)));
    writeFileSync(join(doc.dir, 'evil.json'), serializeEntry(PARSER_VERSION, 'x', { ...first.model, title: 'OUTSIDE' }));
    writeFileSync(join(doc.dir, `evil.${PARSER_VERSION}.source`), readFileSync(doc.file));
    expect((await loadRoadmap(options(doc, () => '../evil'))).model.title).not.toBe('OUTSIDE');
  });

  it('is hashed again when its last hash was recorded by another version of the parser', async () => {
    const doc = scratch();
    const first = await doc.load();
    // Another version's copy and entry under the recorded hash: this version must not take them for its own.
    for (const name of ['other-1.another-parser.source', 'other-1.source']) writeFileSync(join(doc.cacheDir, name), readFileSync(doc.file));
    writeFileSync(join(doc.cacheDir, 'other-1.json'), serializeEntry('another-parser', 'other-1', { ...first.model, title: 'OTHER' }));
    const again = await loadRoadmap(options(doc, () => 'other-1'));
    expect(again.hash).toBe(first.hash);
    expect(again.model.title).toBe(first.model.title);
  });

  it('keeps a copy of each content beside its entries, and the last hash of a path the state does not know', async () => {
    const doc = scratch();
    const first = await doc.load();
    expect(readFileSync(join(doc.cacheDir, `${first.hash}.${PARSER_VERSION}.source`))).toEqual(readFileSync(doc.file));
    const seen = readdirSync(doc.cacheDir).filter((name) => name.startsWith('seen-'));
    expect(seen).toHaveLength(1);
    expect(JSON.parse(readFileSync(join(doc.cacheDir, seen[0] as string), 'utf8'))).toEqual({ path: doc.file, hash: first.hash });
    // Found by that record next time: an entry planted under the recorded hash is used.
    writeFileSync(doc.entryFile(), serializeEntry(PARSER_VERSION, first.hash, { ...first.model, title: 'SEEN' }));
    expect((await doc.load()).model.title).toBe('SEEN');
    // A copy gone missing is made again by the next load that has to hash.
    const copy = join(doc.cacheDir, `${first.hash}.${PARSER_VERSION}.source`);
    rmSync(copy);
    rmSync(join(doc.cacheDir, seen[0] as string));
    await doc.load();
    expect(readFileSync(copy)).toEqual(readFileSync(doc.file));
  });
});

describe('the outline (what status reads)', () => {
  const outlineOptions = (doc: ReturnType<typeof scratch>) => ({
    file: doc.file,
    cwd: doc.dir,
    bundledPath: documents.bundled,
    bundledModelPath: join(doc.dir, 'none.json'),
    cacheDir: doc.cacheDir,
    t,
  });

  it.each(Object.entries(documents))(
    '%s: its outline file gives the title, levels and item keys and marks of the model',
    async (_name, path) => {
      const doc = scratch(path);
      const model = (await doc.load()).model;
      const hash = contentHash(readFileSync(doc.file));
      const outline = readOutline(join(doc.cacheDir, `${hash}.outline.json`), PARSER_VERSION, hash);
      expect(outline).toEqual({
        title: model.title,
        levels: model.levels,
        items: model.items.map(({ id, key, checked, parent }) => ({ id, key, checked, parent })),
      });
      expect((await loadOutline(outlineOptions(doc))).outline).toEqual(outline);
    },
  );

  it('is read without the model, and made again from the model when it is damaged or made by another parser', async () => {
    const doc = scratch();
    const model = (await doc.load()).model;
    const hash = contentHash(readFileSync(doc.file));
    const file = join(doc.cacheDir, `${hash}.outline.json`);
    writeFileSync(file, serializeOutline(PARSER_VERSION, hash, { ...model, title: 'FROM THE OUTLINE' }));
    writeFileSync(doc.entryFile(), '{"format":2,'); // the model entry is not even read
    expect((await loadOutline(outlineOptions(doc))).outline.title).toBe('FROM THE OUTLINE');

    for (const damaged of [
      '{"format":1,',
      serializeOutline(PARSER_VERSION, hash, model).replace(/"count":\d+/, '"count":51'),
      serializeOutline('another-parser', hash, model),
      serializeOutline(PARSER_VERSION, 'f'.repeat(64), model),
    ]) {
      writeFileSync(file, damaged);
      const loaded = await loadOutline(outlineOptions(doc));
      expect(loaded.outline.title).toBe(model.title);
      expect(readOutline(file, PARSER_VERSION, hash)?.items).toHaveLength(52); // made again
    }
  });
});

describe('block cache', () => {
  it('keeps one file of parsed blocks per document, rewritten with the current blocks only, and an edit gives the model of a fresh parse', async () => {
    const doc = scratch(join(FIXTURES, 'coding-interview-university.md'));
    try {
      const first = await doc.load();
      const blockFiles = () => readdirSync(doc.cacheDir).filter((name) => name.startsWith('blocks-'));
      expect(blockFiles()).toHaveLength(1);
      const file = join(doc.cacheDir, blockFiles()[0] as string);
      const lines = readFileSync(file, 'utf8').trimEnd().split('\n');
      expect(lines[0]).toBe(`roadmap-blocks ${BLOCK_CACHE_FORMAT} ${PARSER_VERSION}`);
      const text = readFileSync(doc.file, 'utf8');
      const edited = text.replace('- [ ] [Linked Lists CS50', '- [x] [Linked Lists CS50');
      writeFileSync(doc.file, edited);
      const second = await doc.load();
      expect(second.model).toEqual(parseRoadmap(edited));
      expect(second.model.items.filter((item) => item.checked).length).toBe(first.model.items.filter((item) => item.checked).length + 1);
      // The same number of blocks: the edited block replaced, not added.
      expect(readFileSync(file, 'utf8').trimEnd().split('\n')).toHaveLength(lines.length);
    } finally {
      rmSync(doc.dir, { recursive: true, force: true });
    }
  });

  it('refuses a paragraph of thousands of `[a](` with a one-line error naming its line', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'roadmap-load-'));
    try {
      const file = join(dir, 'doc.md');
      writeFileSync(file, `# T\n\n- [ ] a\n\n${'[a]('.repeat(100_000)}\n`);
      const load = loadRoadmap({
        file,
        cwd: dir,
        bundledPath: documents.bundled,
        bundledModelPath: join(dir, 'none.json'),
        cacheDir: join(dir, 'c'),
      });
      expect(words(await rejection(load))).toContain(`cannot read ${file}: the paragraph at line 5 holds more than 5000 brackets`);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
