// Whether this run has saved a change to the state file: once it has, a failure to print the
// confirmation (stdout on a full disk) must not turn the run into a failure (see settleOutput).

let saved = false;

/** Called by the store once a change is on disk. */
export function markSaved(): void {
  saved = true;
}

/** Whether a change was saved during this run. */
export function wasSaved(): boolean {
  return saved;
}
