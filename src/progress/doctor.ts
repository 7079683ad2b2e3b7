import type { Roadmap } from '../roadmap/model.js';
import { type OrphanProgress, orphanProgress } from './document-changes.js';
import type { ChangeReport, DocumentState } from './state.js';

/** Something `roadmap doctor` found. `info` needs no action; `warn` and `error` do. */
export type Finding =
  | { check: 'removed-progress'; level: 'warn'; items: OrphanProgress[] }
  | { check: 'ambiguous-progress'; level: 'warn'; items: OrphanProgress[] }
  | { check: 'last-change'; level: 'info'; change: ChangeReport };

/** What the checks look at. */
export interface DoctorInput {
  model: Roadmap;
  doc: DocumentState;
}

/** One check of `roadmap doctor`: null when it finds nothing to say. */
export interface DoctorCheck {
  id: Finding['check'];
  run(input: DoctorInput): Finding | null;
}

/** The checks, in the order they are reported. Later checks (state file, backups) join this list. */
export const DOCTOR_CHECKS: readonly DoctorCheck[] = [
  {
    id: 'removed-progress',
    run: ({ model, doc }) => {
      const items = orphanProgress(model, doc).filter((o) => !o.candidates);
      return items.length ? { check: 'removed-progress', level: 'warn', items } : null;
    },
  },
  {
    id: 'ambiguous-progress',
    run: ({ model, doc }) => {
      const items = orphanProgress(model, doc).filter((o) => o.candidates);
      return items.length ? { check: 'ambiguous-progress', level: 'warn', items } : null;
    },
  },
  {
    id: 'last-change',
    run: ({ doc }) => (doc.lastChange ? { check: 'last-change', level: 'info', change: doc.lastChange } : null),
  },
];

/** Runs every check. */
export function runDoctorChecks(input: DoctorInput, checks: readonly DoctorCheck[] = DOCTOR_CHECKS): Finding[] {
  return checks.map((check) => check.run(input)).filter((finding): finding is Finding => finding !== null);
}
