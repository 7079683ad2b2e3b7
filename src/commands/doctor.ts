import type { Context } from '../context.js';
import { UsageError, UserError } from '../errors.js';
import { runDoctorChecks } from '../progress/doctor.js';
import { AttachError, attachProgress, pruneOrphans } from '../progress/document-changes.js';
import { documentState } from '../progress/state.js';
import { backupDirOf } from '../store/backups.js';
import { diagnoseState, RepairRefused, type RepairResult, repairState } from '../store/doctor.js';
import { LockTimeoutError } from '../store/lock.js';
import { fileFailureOf } from '../store/store.js';
import { fileFailureWords } from '../ui/error-words.js';
import { toJsonText } from '../ui/json.js';
import { renderRepair, renderStateDiagnosis, stateDiagnosisJson } from '../ui/render-doctor.js';
import { renderDoctor } from '../ui/render-documents.js';

export interface DoctorOptions {
  prune?: boolean | undefined;
  repair?: boolean | undefined;
  /** A recorded key whose progress `to` gets (ambiguous or removed items: see the findings). */
  attach?: string | undefined;
  to?: string | undefined;
}

/**
 * `roadmap doctor [--repair] [--prune]`: first the progress file itself (readable? backups, lock,
 * leftovers; `--repair` moves an unreadable one aside and restores the newest good backup), then —
 * only when it can be read — the checks on the current document's progress (removed items that
 * still hold progress, ambiguous items, the last change of the document; `--prune` drops the progress of
 * removed items; `--attach <key> --to <item>` gives a recorded key's progress to an item).
 * Exit 1 while the progress file cannot be read.
 */
export async function runDoctor(options: DoctorOptions, ctx: Context): Promise<void> {
  if ((options.attach === undefined) !== (options.to === undefined)) throw new UsageError(ctx.t.documents.identity.attachNeedsTo);
  if (!options.repair && !options.prune && options.attach === undefined) ctx.store.readOnly();
  let repair: RepairResult | null = null;
  if (options.repair) repair = await repairOrExplain(ctx);
  const state = diagnoseState(ctx.paths);
  const view = { chalk: ctx.chalk, t: ctx.t };
  const stateText = `${repair ? renderRepair(repair, view) : ''}${renderStateDiagnosis(state, backupDirOf(ctx.paths), view)}`;
  if (state.status === 'bad') {
    // The document checks read the progress: they wait for a readable file.
    ctx.stdout.write(ctx.json ? toJsonText({ state: stateDiagnosisJson(state, repair) }) : stateText);
    throw new UserError('');
  }

  const doc = await ctx.loadRoadmap();
  let pruned: number | undefined;
  if (options.prune) {
    pruned = await ctx.store.update((s) => pruneOrphans(doc.model, documentState(s, doc.docId)));
  }
  if (options.attach !== undefined && options.to !== undefined) {
    const key = options.attach;
    const { resolveItem } = await import('./item-ref.js');
    const item = await resolveItem(doc.model, options.to, ctx);
    try {
      await ctx.store.update((s) => attachProgress(doc.model, documentState(s, doc.docId), key, item.id));
    } catch (error) {
      if (!(error instanceof AttachError)) throw error;
      const m = ctx.t.documents.identity;
      throw new UserError(error.reason === 'taken' ? m.attachTaken(item.text) : m.attachUnknown(key));
    }
    if (!ctx.json) ctx.stdout.write(`${ctx.t.documents.identity.attached(key, item.text)}\n`);
  }
  const read = documentState(ctx.store.read(), doc.docId);
  // The snapshot names removed items whose text the state does not keep.
  const docState = { ...read, known: ctx.store.snapshot(doc.docId, read) };
  const findings = runDoctorChecks({ model: doc.model, doc: docState });
  if (ctx.json) {
    const document = { id: doc.docId, path: doc.path, bundled: doc.bundled, title: doc.model.title };
    const stateJson = stateDiagnosisJson(state, repair);
    ctx.stdout.write(toJsonText({ state: stateJson, document, findings, ...(pruned === undefined ? {} : { pruned }) }));
    return;
  }
  const m = ctx.t.documents.doctor;
  ctx.stdout.write(`${stateText}\n`);
  if (pruned !== undefined) ctx.stdout.write(`${pruned ? m.pruned(pruned) : m.nothingToPrune}\n`);
  const where = doc.bundled ? ctx.t.documents.roadmaps.bundled : doc.path;
  ctx.stdout.write(renderDoctor({ title: doc.model.title, where }, findings, { chalk: ctx.chalk, t: ctx.t, columns: ctx.stdout.columns }));
}

/** `--repair`, its failures as one line that says what to do (the progress file is left as it was). */
async function repairOrExplain(ctx: Context): Promise<RepairResult> {
  const file = ctx.paths.stateFile;
  try {
    return await repairState(ctx.paths, ctx.now());
  } catch (error) {
    if (error instanceof UserError) throw error;
    if (error instanceof RepairRefused) {
      throw new UserError(
        error.issue.kind === 'permission'
          ? ctx.t.errors.repairPermission(file)
          : ctx.t.errors.repairFailed(file, ctx.t.errors.stateReason(error.issue)),
      );
    }
    if (error instanceof LockTimeoutError) throw new UserError(ctx.t.errors.stateLocked(file, error.ownerPid, error.ownerHost));
    throw new UserError(ctx.t.errors.repairFailed(file, fileFailureWords(fileFailureOf(error, ctx.paths.home), ctx.t)));
  }
}
