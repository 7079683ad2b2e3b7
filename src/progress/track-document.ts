import type { Roadmap } from '../roadmap/model.js';
import { applyChanges, type DocumentChanges, diffDocument, registerDocument } from './document-changes.js';
import type { DocumentState, KnownItem, State } from './state.js';

/** A loaded document as tracking needs it (a LoadedRoadmap is one). */
export interface TrackedDocument {
  docId: string;
  path: string;
  bundled: boolean;
  hash: string;
  model: Roadmap;
}

/**
 * Whether the document's items may differ from what the state recorded: its bytes changed since the
 * state last saw them (or the state predates content hashes), or, never seen, it ticks items itself
 * (its ticks are progress). One string comparison in the usual case.
 */
export function needsTracking(state: State, doc: TrackedDocument): boolean {
  const docState = Object.hasOwn(state.documents, doc.docId) ? state.documents[doc.docId] : undefined;
  return docState ? docState.contentHash !== doc.hash : doc.model.items.some((item) => item.checked);
}

/**
 * Reconciles the recorded progress of a document with its items as they are now (keys and progress
 * follow their items; see `diffDocument`), in `state`, and returns what changed: null when the
 * document is registered for the first time or only its prose changed (then only the hash is
 * recorded, so later runs skip all this). `known` gives the items recorded at the last run (the
 * document's state, or its snapshot file read by the store).
 */
export function reconcileDocument(
  state: State,
  doc: TrackedDocument,
  fingerprint: string,
  known: (current: DocumentState) => Record<string, KnownItem> | undefined,
  at: string,
): DocumentChanges | null {
  const current = Object.hasOwn(state.documents, doc.docId) ? state.documents[doc.docId] : undefined;
  if (!current) {
    registerDocument(state, doc, at);
    return null;
  }
  // Same items, other bytes (prose edited): only the hash is recorded.
  if (current.fingerprint !== fingerprint) {
    current.known = known(current);
    const found = diffDocument(doc.model, current);
    applyChanges(current, doc.model, found, at);
    if (!doc.bundled) current.path = doc.path;
    current.contentHash = doc.hash;
    return found;
  }
  current.contentHash = doc.hash;
  return null;
}
