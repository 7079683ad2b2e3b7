import type { ChalkInstance } from 'chalk';
import type { CheckedBackup, RepairResult, StateDiagnosis } from '../progress/state-diagnosis.js';
import type { Messages } from './messages.js';
import { localDateTime } from './render-changes.js';
import { sanitize } from './text.js';

export interface DoctorView {
  chalk: ChalkInstance;
  t: Messages;
}

/** `20260301T090000Z` (a backup's name) → local `2026-03-01 10:00`. */
export function stampTime(stamp: string): string {
  const iso = stamp.replace(/^(\d{4})(\d\d)(\d\d)T(\d\d)(\d\d)(\d\d)Z$/, '$1-$2-$3T$4:$5:$6Z');
  return localDateTime(iso);
}

/** The state part of `roadmap doctor`: one line per finding, marked ✔ (fine), ! (worth knowing) or ✖ (broken). */
export function renderStateDiagnosis(d: StateDiagnosis, backupDir: string, view: DoctorView): string {
  const { chalk, t } = view;
  const ok = (text: string) => `  ${chalk.green('✔')} ${text}`;
  const warn = (text: string) => `  ${chalk.yellow('!')} ${text}`;
  const bad = (text: string) => `  ${chalk.red('✖')} ${text}`;
  const lines = [`${chalk.bold(t.doctor.stateTitle)}  ${sanitize(d.file)}`];
  if (d.status === 'missing') lines.push(ok(t.doctor.missing));
  else if (d.status === 'ok') lines.push(ok(t.doctor.readable(d.documents, d.items, d.schemaVersion ?? 0)));
  else if (d.issue) {
    lines.push(bad(t.doctor.unreadable(t.errors.stateReason(d.issue))));
    if (d.issue.kind === 'newer') lines.push(warn(t.doctor.newer));
  }
  lines.push(`  ${chalk.dim('·')} ${t.doctor.backups(d.backups.length, sanitize(backupDir))}`);
  const good = d.backups.find((b) => b.issue === null);
  if (good) lines.push(`  ${chalk.dim('·')} ${t.doctor.newestGood(stampTime(good.stamp), good.items)}`);
  const unusable = d.backups.filter((b) => b.issue !== null).length;
  if (unusable) lines.push(warn(t.doctor.badBackups(unusable)));
  if (d.lock === 'held') lines.push(warn(t.doctor.lockHeld));
  if (d.lock === 'dead') lines.push(warn(t.doctor.lockDead));
  if (d.orphans.length) lines.push(warn(t.doctor.orphans(d.orphans.length)));
  if (d.movedAside.length) lines.push(warn(t.doctor.movedAside(d.movedAside.length)));
  for (const h of d.history) {
    const file = sanitize(h.file);
    if (h.foreign) lines.push(warn(t.doctor.historyForeign(file)));
    if (h.missing) lines.push(warn(t.doctor.historyMissing(file, h.missing)));
    if (h.badLines) lines.push(warn(t.doctor.historyBadLines(file, h.badLines)));
    if (h.tail) lines.push(warn(t.doctor.historyTail(file, h.tail)));
  }
  if (d.status === 'bad') {
    const advice =
      d.issue?.kind === 'permission'
        ? t.doctor.advicePermission(sanitize(d.file))
        : good
          ? t.doctor.adviceRestore(stampTime(good.stamp))
          : t.doctor.adviceEmpty;
    lines.push(`  ${chalk.bold('→')} ${advice}`);
  }
  return `${lines.join('\n')}\n`;
}

/** What `roadmap doctor --repair` did. */
export function renderRepair(result: RepairResult, view: DoctorView): string {
  const { t } = view;
  if (result.kind === 'healthy') return `${t.doctor.healthy}\n`;
  const lines = [t.doctor.movedTo(sanitize(result.movedTo))];
  if (result.kind === 'restored') {
    const b: CheckedBackup = result.backup;
    lines.push(t.doctor.restored(stampTime(b.stamp), sanitize(b.file), b.items));
  } else lines.push(t.doctor.emptied);
  return `${lines.join('\n')}\n`;
}

/** `doctor --json`: the state diagnosis as data. */
export function stateDiagnosisJson(d: StateDiagnosis, repair: RepairResult | null) {
  return {
    file: d.file,
    status: d.status,
    problem: d.issue,
    schemaVersion: d.schemaVersion,
    documents: d.documents,
    items: d.items,
    backups: d.backups.map((b) => ({ file: b.file, at: b.stamp, ok: b.issue === null, items: b.items })),
    lock: d.lock,
    leftovers: d.orphans,
    movedAside: d.movedAside,
    history: d.history,
    repair: repair && {
      result: repair.kind,
      movedTo: repair.kind === 'healthy' ? null : repair.movedTo,
      restored: repair.kind === 'restored' ? repair.backup.file : null,
    },
  };
}
