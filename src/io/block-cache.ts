import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { xxHash32 } from 'js-xxhash';
import type { BlockCache, BlockResult } from '../roadmap/blocks.js';

/** Version of the block cache file's layout: a file of another format (or parser) is ignored. */
export const BLOCK_CACHE_FORMAT = 1;

/**
 * The parsed blocks of one document (by path) from its last parse: what an edit of the document parses
 * again is only the blocks it touched. One file per document path, rewritten with the blocks of the
 * current content only (it never grows with the edits): a header line, then one `key<TAB>json` line
 * per block. Entries are parsed from JSON only when asked for.
 */
export class FileBlockCache implements BlockCache {
  private readonly old = new Map<string, string>();
  private readonly kept = new Map<string, string>();
  private changed = false;

  constructor(
    readonly file: string,
    private readonly parser: string,
  ) {
    let text: string;
    try {
      text = readFileSync(file, 'utf8');
    } catch {
      return;
    }
    const lines = text.split('\n');
    if (lines[0] !== this.header()) return;
    for (let i = 1; i < lines.length; i++) {
      const line = lines[i] as string;
      const tab = line.indexOf('\t');
      if (tab > 0) this.old.set(line.slice(0, tab), line.slice(tab + 1));
    }
  }

  private header(): string {
    return `roadmap-blocks ${BLOCK_CACHE_FORMAT} ${this.parser}`;
  }

  get(key: string): BlockResult | undefined {
    const json = this.kept.get(key) ?? this.old.get(key);
    if (json === undefined) return undefined;
    try {
      const result = JSON.parse(json) as BlockResult;
      if (!Array.isArray(result.nodes) || typeof result.ok !== 'boolean') return undefined;
      this.kept.set(key, json);
      return result;
    } catch {
      return undefined;
    }
  }

  set(key: string, result: BlockResult): void {
    this.kept.set(key, JSON.stringify(result));
    this.changed = true;
  }

  /** The file's new text (the blocks used by this parse only), or null when it would not change. */
  text(): string | null {
    if (!this.changed && this.kept.size === this.old.size) return null;
    const lines = [this.header()];
    for (const [key, json] of this.kept) lines.push(`${key}\t${json}`);
    return `${lines.join('\n')}\n`;
  }
}

/** Where the blocks of the document at `path` are kept in the cache folder. */
export const blockCacheFileOf = (cacheDir: string, path: string) =>
  join(cacheDir, `blocks-${xxHash32(path).toString(16)}-${path.length}.txt`);
