/**
 * Gives items the keys recorded for them (item number → key, see `reconcile`): a key, once given, stays
 * with its item whatever its place among its twins. Only the keys that differ from the parser's are
 * recorded, so a document never reconciled costs nothing here.
 */
export function applyRecordedKeys(items: readonly { key: string }[], keys: Readonly<Record<string, string>> | undefined): void {
  if (!keys) return;
  for (const id in keys) {
    const item = items[Number(id) - 1];
    if (item) item.key = keys[id] as string;
  }
}
