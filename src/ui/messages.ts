import type { ItemStatus } from '../roadmap/model.js';
import type { Lang } from './lang.js';
import { LazyTable } from './lazy-table.js';
import { doctorEn, stateErrorsEn } from './messages-doctor.js';
import { documentsEn } from './messages-documents.js';
import { french } from './messages-fr.js';
import { GUIDE_KEYS, guideEn } from './messages-guide.js';
import { HELP_KEYS, helpEn } from './messages-help.js';
import { PORTFOLIO_KEYS, portfolioEn } from './messages-portfolio.js';

/** The English strings; built only when English is the language of the run (see messagesFor). */
const english = () =>
  new LazyTable({
    statusWord: { todo: 'to do', doing: 'in progress', done: 'done', skipped: 'skipped' } as Record<ItemStatus, string>,
    untitled: '(no heading)',
    percent: (n: number) => `${n}%`,
  })
    .lazy('cli', () => ({
      description: 'Turn a markdown learning roadmap into a tracked, prioritised plan.',
      version: 'print the version',
      help: 'show help',
      helpCommand: 'show help for a command',
      file: 'use this roadmap document instead of the bundled one (env: ROADMAP_FILE)',
      json: 'print JSON on stdout',
      noColor: 'plain text, no colours',
      lang: 'language of the interface',
      debug: 'print the stack of unexpected errors',
      level: 'only this level (its number)',
      section: 'only the sections whose title contains this text',
      todo: 'only items still to do (todo or in progress)',
      done: 'only items done',
      status: 'where you stand: overall, per level, per section',
      list: 'every item with its number and state, by level and section',
      next: 'what to work on now, and why',
      count: 'how many suggestions on the main track (default 3)',
      explain: 'show every score term of every suggestion',
      plan: 'the planning table as a timeline: periods, progress, pace, projected finish',
      planStart: 'record the day you started the plan (YYYY-MM-DD; default today)',
      log: 'the dated history of changes, and a weekly recap',
      since: 'only changes from this day (YYYY-MM-DD) or this long ago (7d, 4w)',
      examples: 'Examples:',
      /** Headings of commander's help. */
      titles: {} as Record<string, string>,
      check: 'mark items done (no item: tick them in an interactive list)',
      uncheck: 'mark items back to do',
      start: 'mark items in progress',
      skip: 'mark items skipped (not counted as remaining work)',
      undo: 'revert the last change (repeat to go further back)',
      items: 'items: numbers, keys or parts of their text',
      dryRun: 'show what would change, write nothing',
      scopeLevel: 'only this level (its number): for the list and for text matches',
      scopeSection: 'only the sections whose title contains this text',
    }))
    .lazy('status', () => ({
      overall: 'Overall',
      noLevels: 'This document has no task items (`- [ ]`).',
      doing: (n: number) => `${n} in progress`,
      skipped: (n: number) => `${n} skipped (not counted as remaining work)`,
    }))
    .lazy('list', () => ({
      nothing: 'No item matches these filters.',
    }))
    .lazy('progress', () => ({
      already: (status: string) => `already ${status}`,
      dryRun: 'Dry run: nothing was written.',
      noChange: 'Nothing changed.',
      gone: '(no longer in the document)',
      undid: (command: string, at: string, n: number) => `Undid \`${command}\` of ${at} (${n} item${n > 1 ? 's' : ''}):`,
      wouldUndo: (command: string, at: string, n: number) => `Would undo \`${command}\` of ${at} (${n} item${n > 1 ? 's' : ''}):`,
      undidNothing: (command: string, at: string) => `Undid \`${command}\` of ${at}: the items already had their earlier state.`,
      nothingToPick: 'No item to choose from here.',
    }))
    .lazy('prompts', () => ({
      checkoff: {
        done: 'Tick what you have done (untick to reopen)',
        doing: 'Tick what you are working on',
        skipped: 'Tick what you skip',
        todo: 'Tick the items to put back to do',
      } as Record<ItemStatus, string>,
      pickSection: 'Pick a section (type to filter by section or item text)',
      save: (n: number) => (n === 0 ? 'Finish (no change)' : `Save and finish (${n} change${n > 1 ? 's' : ''})`),
      matching: (n: number) => `${n} matching`,
      ambiguous: (ref: string) => `"${ref}" matches several items: which one?`,
      ticked: (n: number) => `${n} ticked`,
      keys: { navigate: 'navigate', select: 'select', all: 'all', invert: 'invert', submit: 'confirm' } as Record<string, string>,
      keyNames: {} as Record<string, string>,
    }))
    .lazy('documents', documentsEn)
    .group(GUIDE_KEYS, guideEn)
    .lazy('doctor', doctorEn)
    .lazy('errors', () => ({
      ...stateErrorsEn(),
      prefix: 'roadmap:',
      fileMissing: (path: string) => `cannot read ${path}: no such file`,
      fileIsDirectory: (path: string) => `cannot read ${path}: it is a directory, not a markdown file`,
      fileUnreadable: (path: string, reason: string) => `cannot read ${path}: ${reason}`,
      fileTooLarge: (path: string, mb: number) => `cannot read ${path}: larger than the ${mb} MB limit for a roadmap document`,
      fileNotUtf8: (path: string) => `cannot read ${path}: not UTF-8 text`,
      fileNotRegular: (path: string) => `cannot read ${path}: it is a device, a named pipe or a socket, not a markdown file`,
      fileTooDeep: (path: string, line: number | null, max: number) =>
        `cannot read ${path}: lists or quotes nested more than ${max} levels deep${line === null ? '' : ` (line ${line})`}, the limit for a roadmap document`,
      fileTooManyBrackets: (path: string, line: number, max: number) =>
        `cannot read ${path}: the paragraph at line ${line} holds more than ${max} brackets, the limit for a roadmap document (split it with blank lines)`,
      unknownLevel: (level: number, known: string) => `no level ${level} in this roadmap (levels: ${known})`,
      badLevel: (value: string) => `--level takes a level number, not "${value}"`,
      unknownSection: (text: string) => `no section matches "${text}"`,
      sectionsAre: (list: string) => `sections: ${list}`,
      relativeHome: (value: string) =>
        `ROADMAP_HOME must be an absolute path (e.g. $HOME/roadmap-data), not "${value}": a relative one would change with the current folder`,
      badNow: (value: string) => `ROADMAP_NOW must be an ISO date or date-time (e.g. 2026-03-01), not "${value}"`,
      conflictingFilters: '--todo and --done cannot be used together',
      emptyRef: 'an item reference is empty: give a number, a key or part of the text',
      notAnItemNumber: (ref: string, max: number) =>
        `"${ref}" is not an item number: give a whole number${max > 0 ? ` from 1 to ${max}` : ''}, a key or part of the text`,
      outOfRange: (n: number | string, max: number) =>
        max === 0 ? `no item ${n}: this document has no task items` : `no item ${n}: items are numbered 1 to ${max}`,
      unknownItem: (ref: string) => `no item matches "${ref}"`,
      didYouMean: 'did you mean:',
      ambiguousRef: (ref: string, n: number) => `"${ref}" matches ${n} items; name one by its number (or a longer text):`,
      more: (n: number) => `… and ${n} more`,
      noTerminal: (cmd: string) =>
        `no item given, and no terminal to ask in: pass items, e.g. \`roadmap ${cmd} 7\` (a number, a key or part of the text)`,
      nothingToUndo: 'nothing to undo',
      badCount: (value: string) => `--count takes a whole number of at least 1, not "${value}"`,
      badStart: (value: string) => `--start takes a day as YYYY-MM-DD, not "${value}"`,
      badSince: (value: string) => `--since takes a day (YYYY-MM-DD) or a duration (7d, 4w), not "${value}"`,
      noPlanning: 'this document has no planning table (a table under a heading that mentions a plan or schedule)',
      unexpected: (message: string) => `unexpected error: ${message} (run with --debug for details)`,
      outputFull: 'no space left on the device it goes to',
      interrupted: 'interrupted: nothing changed',
      outputFailed: (reason: string) => `cannot write the output: ${reason}; send it somewhere else (a file on another disk, a pipe)`,
      savedNotShown: (reason: string) =>
        `the change is saved, but its confirmation could not be printed (${reason}); \`roadmap status\` shows where you stand`,
    }))
    .group(PORTFOLIO_KEYS, portfolioEn)
    .group(HELP_KEYS, helpEn).table;

export type Messages = ReturnType<typeof english>;

const built: Partial<Record<Lang, Messages>> = {};

/** The UI strings of a language, built on first use: a run only pays for the language it speaks. */
export function messagesFor(lang: Lang): Messages {
  built[lang] ??= lang === 'fr' ? french() : english();
  return built[lang];
}
