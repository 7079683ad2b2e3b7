import { UserError } from '../errors.js';
import { type DocumentChanges, fingerprintOf, hasChanges } from '../progress/document-changes.js';
import type { State } from '../progress/state.js';
import { needsTracking, reconcileDocument, type TrackedDocument } from '../progress/track-document.js';
import type { Store } from './store.js';

export interface TrackIO {
  store: Store;
  now(): Date;
}

/**
 * Runs before every command on the document it loaded: when the document's items differ from the
 * last run, reconciles them with the recorded ones in the state file (see `reconcileDocument`) and
 * returns what changed, for the caller to show; null when nothing did. Costs one string comparison
 * when the document's bytes are those last seen (the loader already hashed them); writes nothing for
 * a document without progress nor ticks, nor when nothing changed. Best effort: a state file that
 * cannot be read or written is left to the command itself to report.
 */
export async function trackDocumentChanges(doc: TrackedDocument, io: TrackIO): Promise<DocumentChanges | null> {
  let state: State;
  try {
    state = io.store.read();
  } catch {
    return null;
  }
  if (!needsTracking(state, doc)) return null;
  const fingerprint = fingerprintOf(doc.model);
  let changes: DocumentChanges | null;
  try {
    changes = await io.store.update((fresh) =>
      reconcileDocument(fresh, doc, fingerprint, (current) => io.store.snapshot(doc.docId, current), io.now().toISOString()),
    );
  } catch (error) {
    if (error instanceof UserError) return null;
    throw error;
  }
  return changes && hasChanges(changes) ? changes : null;
}
