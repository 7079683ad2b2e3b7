import { UserError } from '../errors.js';
import type { LoadedRoadmap } from '../io/load-roadmap.js';
import type { DocumentChanges } from '../progress/document-changes.js';
import type { State } from '../progress/state.js';
import type { Messages } from '../ui/messages.js';
import type { Store } from './store.js';

export interface TrackIO {
  store: Store;
  now(): Date;
  t: Messages;
  /** Where the one-line summary goes (stderr: stdout may be JSON). */
  warn(line: string): void;
}

/**
 * Runs before every command on the document it loaded: when the document's items differ from the
 * last run, reconciles them with the recorded ones (keys and progress follow their items; see
 * `diffDocument`), records ticks written in the document, records the new snapshot and prints what
 * changed. Costs one string comparison when the document's bytes are those last seen (the loader
 * already hashed them); writes nothing for a document without progress nor ticks, nor when nothing
 * changed. Best effort: a state file that cannot be read or written is left to the command itself to report.
 */
export async function trackDocumentChanges(doc: LoadedRoadmap, io: TrackIO): Promise<void> {
  let state: State;
  try {
    state = io.store.read();
  } catch {
    return;
  }
  const docState = Object.hasOwn(state.documents, doc.docId) ? state.documents[doc.docId] : undefined;
  // Never seen: only a document that ticks items itself is recorded (its ticks are progress).
  if (docState ? docState.contentHash === doc.hash : !doc.model.items.some((item) => item.checked)) return;
  // The bytes changed (or the state predates contentHash): compare the items themselves.
  const { applyChanges, diffDocument, fingerprintOf, hasChanges, registerDocument } = await import('../progress/document-changes.js');
  const fingerprint = fingerprintOf(doc.model);
  let changes: DocumentChanges | null;
  try {
    changes = await io.store.update((fresh) => {
      const current = Object.hasOwn(fresh.documents, doc.docId) ? fresh.documents[doc.docId] : undefined;
      if (!current) {
        registerDocument(fresh, doc, io.now().toISOString());
        return null;
      }
      // Same items, other bytes (prose edited): only the hash is recorded, so later runs skip all this.
      if (current.fingerprint !== fingerprint) {
        current.known = io.store.snapshot(doc.docId, current);
        const found = diffDocument(doc.model, current);
        applyChanges(current, doc.model, found, io.now().toISOString());
        if (!doc.bundled) current.path = doc.path;
        current.contentHash = doc.hash;
        return found;
      }
      current.contentHash = doc.hash;
      return null;
    });
  } catch (error) {
    if (error instanceof UserError) return;
    throw error;
  }
  if (changes && hasChanges(changes)) {
    const { renderDocumentChanges } = await import('../ui/render-identity.js');
    for (const line of renderDocumentChanges(changes, io.t)) io.warn(line);
  }
}
