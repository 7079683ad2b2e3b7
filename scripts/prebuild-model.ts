import { readFileSync, writeFileSync } from 'node:fs';
import { serializeEntry } from '../src/roadmap/cache-format.js';
import { contentHash, PARSER_VERSION } from '../src/roadmap/load.js';
import { parseRoadmap } from '../src/roadmap/parse.js';

/**
 * Writes the model cache entry of a markdown file, with the document in it (used at build time for the
 * bundled roadmap: `readEntryOf` compares the bytes instead of hashing them).
 */
export function prebuildModel(markdown: string, out: string): void {
  const bytes = readFileSync(markdown);
  const source = bytes.toString('utf8');
  writeFileSync(out, serializeEntry(PARSER_VERSION, contentHash(bytes), parseRoadmap(source), source));
}
