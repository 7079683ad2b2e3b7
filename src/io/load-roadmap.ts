import { isAscii } from 'node:buffer';
import { closeSync, constants, existsSync, fstatSync, openSync, readFileSync, readSync, renameSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { xxHash32 } from 'js-xxhash';
import { UserError } from '../errors.js';
import { type CacheEntry, decodeEntry, serializeEntry } from '../roadmap/cache-format.js';
import { DocumentError } from '../roadmap/errors.js';
import { MAX_NESTING, tooDeepLine } from '../roadmap/limits.js';
import type { Roadmap } from '../roadmap/model.js';
import { outlineFileName, type RoadmapOutline, readOutline, readOutlineFile, serializeOutline } from '../roadmap/outline.js';
import { blockCacheFileOf, FileBlockCache } from './block-cache.js';
import { makeFolders } from './make-folders.js';

export type { CacheEntry };

declare const __PARSER_VERSION__: string | undefined;

/** Changes whenever the parser's code changes (set by the build), so stale cached models are never used. */
export const PARSER_VERSION = typeof __PARSER_VERSION__ === 'string' ? __PARSER_VERSION__ : 'dev';

/** Largest roadmap document accepted, in bytes. */
export const MAX_DOCUMENT_BYTES = 10 * 1024 * 1024;

export const BUNDLED_ID = 'bundled';

/** A roadmap document, read and parsed. */
export interface LoadedRoadmap {
  /** Identity of the document's progress in the state file: `bundled`, or the absolute path. */
  docId: string;
  /** Path of the markdown file. */
  path: string;
  bundled: boolean;
  /** The cache key of the document's content (see `contentHash`): equal hashes mean the same bytes. */
  hash: string;
  source: string;
  model: Roadmap;
}

export interface LoadOptions {
  /** A user's document, or undefined for the bundled one. */
  file: string | undefined;
  cwd: string;
  bundledPath: string;
  /** The bundled roadmap's model, pre-parsed at build time (may be missing or stale). */
  bundledModelPath: string;
  /** Its outline, with the document, made at build time too (may be missing or stale): what `status` reads. */
  bundledOutlinePath?: string;
  cacheDir: string;
  /**
   * The content hash this document had when last seen (recorded in the state file), if any: when its
   * cache entry holds exactly these bytes, the document is not hashed again (SHA-256 of a large
   * document, with loading node:crypto, would be work of every start).
   */
  lastHashOf?: (docId: string) => string | undefined;
}

/** Documents up to this size are hashed in JavaScript; larger ones with SHA-256 (see `contentHash`). */
export const SMALL_DOCUMENT_BYTES = 64 * 1024;

/**
 * Hash of a document's bytes and the parser version: the cache key. Small documents (the bundled
 * roadmap, most user roadmaps) get two seeded xxHash32 passes and their length, which costs less than
 * loading node:crypto; larger ones SHA-256, faster than JavaScript at that size.
 */
export function contentHash(bytes: Uint8Array): string {
  if (bytes.length <= SMALL_DOCUMENT_BYTES) {
    const seed = xxHash32(PARSER_VERSION);
    const hex = (n: number) => n.toString(16).padStart(8, '0');
    return `${hex(xxHash32(bytes, seed))}${hex(xxHash32(bytes, seed ^ 0x9e3779b9))}-${bytes.length}`;
  }
  // Loaded here, not at the top: small documents never need it.
  const { createHash } = process.getBuiltinModule('node:crypto');
  return createHash('sha256').update(PARSER_VERSION).update('\0').update(bytes).digest('hex');
}

/** A document read, with what is already known of its content. */
interface Recognised {
  bundled: boolean;
  path: string;
  bytes: Buffer;
  hash: string;
  /** The bundled roadmap's pre-parsed model, when it is of these bytes. */
  prebuilt?: Roadmap;
}

/**
 * The copy of a content kept beside its cache entries. Named by the parser version too: a last hash
 * recorded by another version of roadmap (another parser) must not name this version's entries.
 */
const sourceFileOf = (cacheDir: string, hash: string) => join(cacheDir, `${hash}.${PARSER_VERSION}.source`);

/**
 * Reads the chosen document and finds its content hash. The bundled roadmap's pre-parsed entry holds
 * the document, and a user's document seen before has a copy of its last content beside that
 * content's cache entries: the same bytes need no hashing (xxHash32 in cold JavaScript, or SHA-256
 * with loading node:crypto).
 */
function recognise(options: LoadOptions): Recognised {
  const bundled = options.file === undefined;
  const path = bundled ? options.bundledPath : resolve(options.cwd, options.file as string);
  const bytes = readDocument(path);
  if (bundled) {
    const prebuilt = readEntryOf(options.bundledModelPath, bytes);
    return prebuilt
      ? { bundled, path, bytes, hash: prebuilt.hash, prebuilt: prebuilt.model }
      : { bundled, path, bytes, hash: contentHash(bytes) };
  }
  const seenFile = seenFileOf(options.cacheDir, path);
  for (const lastHash of [options.lastHashOf?.(path), readSeen(seenFile, path)]) {
    if (lastHash && /^[\w-]+$/.test(lastHash) && sameBytes(sourceFileOf(options.cacheDir, lastHash), bytes))
      return { bundled, path, bytes, hash: lastHash };
  }
  const hash = contentHash(bytes);
  writeCache(options.cacheDir, seenFile, JSON.stringify({ path, hash }));
  // The copy that lets the next run skip the hash (made with the entries; again if it went missing).
  const source = sourceFileOf(options.cacheDir, hash);
  if (existsSync(join(options.cacheDir, `${hash}.json`)) && !existsSync(source)) writeCache(options.cacheDir, source, bytes);
  return { bundled, path, bytes, hash };
}

/**
 * Where the last content hash of a document path is kept in the cache folder, for documents the state
 * file does not know (viewed, never changed): named by a hash of the path, which the file repeats.
 */
const seenFileOf = (cacheDir: string, path: string) => join(cacheDir, `seen-${xxHash32(path).toString(16)}-${path.length}.json`);

function readSeen(file: string, path: string): string | undefined {
  try {
    const seen = JSON.parse(readFileSync(file, 'utf8')) as { path?: unknown; hash?: unknown };
    return seen.path === path && typeof seen.hash === 'string' ? seen.hash : undefined;
  } catch {
    return undefined;
  }
}

/** The file holds exactly these bytes. */
function sameBytes(file: string, bytes: Buffer): boolean {
  try {
    return readFileSync(file).equals(bytes);
  } catch {
    return false;
  }
}

/** Reads a roadmap document and returns its model, from the cache when the same content was parsed before. */
export async function loadRoadmap(options: LoadOptions): Promise<LoadedRoadmap> {
  return loadRecognised(recognise(options), options);
}

async function loadRecognised(doc: Recognised, options: LoadOptions): Promise<LoadedRoadmap & { parsed: boolean }> {
  const { bundled, path, bytes, hash } = doc;
  const cacheFile = join(options.cacheDir, `${hash}.json`);
  let model = doc.prebuilt ?? readCache(cacheFile, hash);
  let source: string | undefined;
  const parsed = !model;
  if (!model) {
    const text = decodeUtf8(bytes, path);
    source = text;
    const deep = tooDeepLine(text);
    if (deep !== null) throw new DocumentError(path, { kind: 'tooDeep', line: deep, max: MAX_NESTING });
    // The error class from the parser's own bundle (the lazy bundle has its copy of limits.ts).
    const { parseRoadmap, TooManyBrackets } = await import('../roadmap/parse.js');
    // The blocks of this document's last parse: an edit parses again only the blocks it touched.
    const blocks = new FileBlockCache(blockCacheFileOf(options.cacheDir, path), PARSER_VERSION);
    try {
      model = parseRoadmap(text, blocks);
    } catch (error) {
      // The parser's recursion on a pathological document the estimate above let through.
      if (error instanceof RangeError) throw new DocumentError(path, { kind: 'tooDeep', line: null, max: MAX_NESTING });
      if (error instanceof TooManyBrackets) throw new DocumentError(path, { kind: 'tooManyBrackets', line: error.line, max: error.limit });
      throw error;
    }
    const blockText = blocks.text();
    if (blockText !== null) writeCache(options.cacheDir, blocks.file, blockText);
    writeCache(options.cacheDir, cacheFile, serializeEntry(PARSER_VERSION, hash, model));
    writeCache(options.cacheDir, join(options.cacheDir, outlineFileName(hash)), serializeOutline(PARSER_VERSION, hash, model));
    writeCache(options.cacheDir, sourceFileOf(options.cacheDir, hash), bytes);
  }
  return {
    docId: bundled ? BUNDLED_ID : path,
    path,
    bundled,
    hash,
    // Decoded on first use: most commands never read it. A cache hit
    // means the same bytes were decoded before, so this cannot fail then.
    get source() {
      source ??= decodeUtf8(bytes, path);
      return source;
    },
    model,
    parsed,
  };
}

/** A document read for `status`: its outline, and the model only when it had to be parsed or was at hand. */
export interface LoadedOutline {
  docId: string;
  hash: string;
  outline: RoadmapOutline;
  /** The whole document when it was loaded anyway (the bundled roadmap, a first load). */
  loaded?: LoadedRoadmap;
}

/**
 * What `status` needs: the outline file of the content when there is one, else the model (parsed and
 * cached as by `loadRoadmap`, outline file included).
 */
export async function loadOutline(options: LoadOptions): Promise<LoadedOutline> {
  const bundled = options.file === undefined && options.bundledOutlinePath ? bundledOutline(options, options.bundledOutlinePath) : null;
  if (bundled) return bundled;
  const doc = recognise(options);
  if (!doc.bundled) {
    const outline = readOutline(join(options.cacheDir, outlineFileName(doc.hash)), PARSER_VERSION, doc.hash);
    if (outline) return { docId: doc.path, hash: doc.hash, outline };
  }
  const loaded = await loadRecognised(doc, options);
  // A model from the cache whose outline file is missing or damaged: the next run reads a new one.
  if (!doc.bundled && !loaded.parsed)
    writeCache(
      options.cacheDir,
      join(options.cacheDir, outlineFileName(doc.hash)),
      serializeOutline(PARSER_VERSION, doc.hash, loaded.model),
    );
  return { docId: loaded.docId, hash: loaded.hash, outline: loaded.model, loaded };
}

/**
 * The bundled roadmap's outline made at build time, when the document is still the one it was made
 * from (its bytes compared with the copy the outline file holds): no model to read and decode.
 */
function bundledOutline(options: LoadOptions, file: string): LoadedOutline | null {
  const bytes = readDocument(options.bundledPath);
  const read = readOutlineFile(file, PARSER_VERSION);
  if (!read || read.source === undefined || !Buffer.from(read.source, 'utf8').equals(bytes)) return null;
  return { docId: BUNDLED_ID, hash: read.hash, outline: read.outline };
}

/**
 * A document's bytes, at most MAX_DOCUMENT_BYTES: the file is opened without waiting (a named pipe with
 * no writer does not block), its type checked on the open descriptor (devices, pipes and sockets are
 * refused: /dev/zero never ends), and at most one byte more than the limit is read, so a file that grows
 * while read is bounded too.
 */
export function readDocument(path: string): Buffer {
  let fd: number;
  try {
    fd = openSync(path, constants.O_RDONLY | constants.O_NONBLOCK);
  } catch (error) {
    throw fileError(error, path);
  }
  try {
    const stat = fstatSync(fd);
    if (stat.isDirectory()) throw new DocumentError(path, { kind: 'directory' });
    if (!stat.isFile()) throw new DocumentError(path, { kind: 'notRegular' });
    const tooLarge = () => new DocumentError(path, { kind: 'tooLarge', limitMb: MAX_DOCUMENT_BYTES / 1024 / 1024 });
    if (stat.size > MAX_DOCUMENT_BYTES) throw tooLarge();
    let buffer = Buffer.allocUnsafe(stat.size + 1);
    let length = 0;
    for (;;) {
      if (length === buffer.length) {
        if (length > MAX_DOCUMENT_BYTES) throw tooLarge();
        const grown = Buffer.allocUnsafe(Math.min(buffer.length * 2, MAX_DOCUMENT_BYTES + 1));
        buffer.copy(grown, 0, 0, length);
        buffer = grown;
      }
      const read = readSync(fd, buffer, length, buffer.length - length, null);
      if (read === 0) break;
      length += read;
    }
    if (length > MAX_DOCUMENT_BYTES) throw tooLarge();
    return buffer.subarray(0, length);
  } catch (error) {
    if (error instanceof UserError) throw error;
    throw fileError(error, path);
  } finally {
    closeSync(fd);
  }
}

function fileError(error: unknown, path: string): DocumentError {
  const code = (error as NodeJS.ErrnoException).code;
  if (code === 'ENOENT' || code === 'ENOTDIR') return new DocumentError(path, { kind: 'missing' });
  if (code === 'EISDIR') return new DocumentError(path, { kind: 'directory' });
  return new DocumentError(path, { kind: 'unreadable', reason: code === 'EACCES' ? 'permission denied' : String(code ?? error) });
}

function decodeUtf8(bytes: Uint8Array, path: string): string {
  try {
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes);
  } catch {
    throw new DocumentError(path, { kind: 'notUtf8' });
  }
}

/** A cached model, or null when missing, unreadable, corrupt or made for other content: never trusted blindly. */
export function readCache(file: string, hash: string): Roadmap | null {
  try {
    // Entries are ASCII (see serializeEntry): read as latin1, no UTF-8 decoding; any other byte is corruption.
    const bytes = readFileSync(file);
    if (!isAscii(bytes)) return null;
    const entry = JSON.parse(bytes.toString('latin1')) as Partial<CacheEntry>;
    if (entry.hash !== hash || entry.parser !== PARSER_VERSION) return null;
    return decodeEntry(entry);
  } catch {
    return null;
  }
}

/**
 * The bundled roadmap's pre-parsed entry (made at build time, with the document in it) when it was made
 * from exactly `bytes` by this parser, with its hash: a byte comparison instead of hashing the
 * document in cold JavaScript. Otherwise null, and the document goes the usual way (hash,
 * cache, parse).
 */
export function readEntryOf(file: string, bytes: Buffer): { hash: string; model: Roadmap } | null {
  try {
    const raw = readFileSync(file);
    if (!isAscii(raw)) return null;
    const entry = JSON.parse(raw.toString('latin1')) as Partial<CacheEntry>;
    if (entry.parser !== PARSER_VERSION || typeof entry.hash !== 'string' || typeof entry.source !== 'string') return null;
    if (!Buffer.from(entry.source, 'utf8').equals(bytes)) return null;
    const model = decodeEntry(entry);
    return model && { hash: entry.hash, model };
  } catch {
    return null;
  }
}

/** Writes a cache file (an entry from `serializeEntry`, an outline, a source) atomically: temp file + rename, so concurrent runs never see half a file. Best effort. */
export function writeCache(dir: string, file: string, entry: string | Uint8Array): void {
  try {
    makeFolders(dir);
    const temp = `${file}.${process.pid}.${Math.random().toString(36).slice(2)}.tmp`;
    writeFileSync(temp, entry);
    renameSync(temp, file);
  } catch {
    // A read-only or missing cache folder only costs a parse next time.
  }
}
