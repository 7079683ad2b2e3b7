import { readFileSync, writeFileSync } from 'node:fs';
import { contentHash, PARSER_VERSION } from '../src/io/load-roadmap.js';
import { serializeEntry } from '../src/roadmap/cache-format.js';
import { serializeOutline } from '../src/roadmap/outline.js';
import { parseRoadmap } from '../src/roadmap/parse.js';

/**
 * Writes the model cache entry of a markdown file and its outline, each with the document in it (used at
 * build time for the bundled roadmap: `readEntryOf` and `loadOutline` compare the bytes instead of
 * hashing them; `status` reads the outline only).
 */
export function prebuildModel(markdown: string, out: string, outlineOut: string): void {
  const bytes = readFileSync(markdown);
  const source = bytes.toString('utf8');
  const hash = contentHash(bytes);
  const model = parseRoadmap(source);
  writeFileSync(out, serializeEntry(PARSER_VERSION, hash, model, source));
  writeFileSync(outlineOut, serializeOutline(PARSER_VERSION, hash, model, source));
}
