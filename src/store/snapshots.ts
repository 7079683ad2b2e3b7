import { mkdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { xxHash32 } from 'js-xxhash';
import { writeFileAtomic } from '../io/atomic-write.js';
import { type DocumentState, isKnown, type KnownItem, type State } from '../progress/state.js';

// A document's snapshot (its items when last seen: key, text, group) is what renames are recognised
// against when the document changes. It is as large as the document and read only then, so it has a
// file of its own beside the state file, instead of being read and checked with the state by every
// command (it grows with the number of items).

export const SNAPSHOTS_DIR = 'snapshots';

/** `$ROADMAP_HOME/snapshots/<hash of the document id>.json`; the id is repeated inside. */
export function snapshotFileOf(home: string, docId: string): string {
  return join(home, SNAPSHOTS_DIR, `${xxHash32(docId).toString(16)}-${docId.length}.json`);
}

/** A document's snapshot, or undefined when it has none, or one that is not valid (never trusted blindly). */
export function readSnapshot(home: string, docId: string): Record<string, KnownItem> | undefined {
  try {
    const data = JSON.parse(readFileSync(snapshotFileOf(home, docId), 'utf8')) as { docId?: unknown; known?: unknown };
    const known = data.known;
    if (data.docId !== docId || typeof known !== 'object' || known === null || Array.isArray(known)) return undefined;
    return Object.values(known).every(isKnown) ? (known as Record<string, KnownItem>) : undefined;
  } catch {
    return undefined;
  }
}

/** Writes a snapshot atomically and durably (see io/atomic-write.ts). Called under the state lock. */
export function writeSnapshot(home: string, docId: string, known: Record<string, KnownItem>): void {
  const file = snapshotFileOf(home, docId);
  mkdirSync(dirname(file), { recursive: true });
  writeFileAtomic(file, JSON.stringify({ docId, known }));
}

/** Takes the snapshots out of a state about to be written: they go to their own files. */
export function detachSnapshots(state: State): [docId: string, known: Record<string, KnownItem>][] {
  const taken: [string, Record<string, KnownItem>][] = [];
  for (const [docId, doc] of Object.entries(state.documents) as [string, DocumentState][]) {
    if (doc.known === undefined) continue;
    taken.push([docId, doc.known]);
    delete doc.known;
  }
  return taken;
}
