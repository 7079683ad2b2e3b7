import type { Lang } from './lang.js';
import { guideEn, guideFr } from './messages-guide.js';

const en = {
  cli: {
    description: 'Turn a markdown learning roadmap into a tracked, prioritised plan.',
    version: 'print the version',
    help: 'show help',
    helpCommand: 'show help for a command',
    file: 'use this roadmap document instead of the bundled one (env: ROADMAP_FILE)',
    json: 'print JSON on stdout',
    noColor: 'plain text, no colours',
    lang: 'language of the interface: fr or en',
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
    start: 'record the day you started the plan (YYYY-MM-DD; default today)',
    log: 'the dated history of changes, and a weekly recap',
    since: 'only changes from this day (YYYY-MM-DD) or this long ago (7d, 4w)',
    examples: 'Examples:',
    /** Headings of commander's help. */
    titles: {} as Record<string, string>,
    usageHint: (cmd: string) => `Run \`${cmd} --help\` for usage.`,
  },
  status: {
    overall: 'Overall',
    noLevels: 'This document has no task items (`- [ ]`).',
    doing: (n: number) => `${n} in progress`,
    skipped: (n: number) => `${n} skipped (not counted as remaining work)`,
  },
  list: {
    nothing: 'No item matches these filters.',
  },
  ...guideEn,
  untitled: '(no heading)',
  percent: (n: number) => `${n}%`,
  errors: {
    prefix: 'roadmap:',
    fileMissing: (path: string) => `cannot read ${path}: no such file`,
    fileIsDirectory: (path: string) => `cannot read ${path}: it is a directory, not a markdown file`,
    fileUnreadable: (path: string, reason: string) => `cannot read ${path}: ${reason}`,
    fileTooLarge: (path: string, mb: number) => `cannot read ${path}: larger than the ${mb} MB limit for a roadmap document`,
    fileNotUtf8: (path: string) => `cannot read ${path}: not UTF-8 text`,
    stateUnreadable: (path: string, reason: string) =>
      `cannot read the progress file ${path}: ${reason}. It was left untouched; move it aside to start again, or restore a copy.`,
    stateUnwritable: (path: string, reason: string) => `cannot write the progress file ${path}: ${reason}. Nothing was changed.`,
    stateNewer: (path: string, version: number) =>
      `the progress file ${path} was written by a newer roadmap (schema ${version}); update roadmap. The file was left untouched.`,
    unknownLevel: (level: number, known: string) => `no level ${level} in this roadmap (levels: ${known})`,
    badLevel: (value: string) => `--level takes a level number, not "${value}"`,
    unknownSection: (text: string) => `no section matches "${text}"`,
    sectionsAre: (list: string) => `sections: ${list}`,
    badNow: (value: string) => `ROADMAP_NOW must be an ISO date or date-time (e.g. 2026-03-01), not "${value}"`,
    conflictingFilters: '--todo and --done cannot be used together',
    badCount: (value: string) => `--count takes a whole number of at least 1, not "${value}"`,
    badStart: (value: string) => `--start takes a day as YYYY-MM-DD, not "${value}"`,
    badSince: (value: string) => `--since takes a day (YYYY-MM-DD) or a duration (7d, 4w), not "${value}"`,
    noPlanning: 'this document has no planning table (a table under a heading that mentions a plan or schedule)',
    unexpected: (message: string) => `unexpected error: ${message} (run with --debug for details)`,
  },
};

export type Messages = typeof en;

const fr: Messages = {
  cli: {
    description: 'Transforme une roadmap d’apprentissage en markdown en un plan suivi et priorisé.',
    version: 'affiche la version',
    help: 'affiche l’aide',
    helpCommand: 'affiche l’aide d’une commande',
    file: 'utilise ce document au lieu de la roadmap intégrée (env : ROADMAP_FILE)',
    json: 'affiche du JSON sur la sortie standard',
    noColor: 'texte brut, sans couleurs',
    lang: 'langue de l’interface : fr ou en',
    level: 'seulement ce niveau (son numéro)',
    section: 'seulement les sections dont le titre contient ce texte',
    todo: 'seulement les éléments à faire (à faire ou en cours)',
    done: 'seulement les éléments faits',
    status: 'où tu en es : global, par niveau, par section',
    list: 'chaque élément avec son numéro et son état, par niveau et section',
    next: 'sur quoi travailler maintenant, et pourquoi',
    count: 'combien de suggestions sur la piste principale (3 par défaut)',
    explain: 'affiche chaque terme du score de chaque suggestion',
    plan: 'le planning en frise : périodes, progression, rythme, date de fin prévue',
    start: 'enregistre le jour où tu as commencé le plan (AAAA-MM-JJ ; aujourd’hui par défaut)',
    log: 'l’historique daté des changements, et un bilan par semaine',
    since: 'seulement les changements depuis ce jour (AAAA-MM-JJ) ou cette durée (7d, 4w)',
    examples: 'Exemples :',
    titles: { 'Usage:': 'Utilisation :', 'Options:': 'Options :', 'Commands:': 'Commandes :', 'Arguments:': 'Arguments :' },
    usageHint: (cmd: string) => `Lance \`${cmd} --help\` pour l’usage.`,
  },
  status: {
    overall: 'Global',
    noLevels: 'Ce document n’a aucun élément à cocher (`- [ ]`).',
    doing: (n: number) => `${n} en cours`,
    skipped: (n: number) => `${n} ignoré${n > 1 ? 's' : ''} (non compté${n > 1 ? 's' : ''} dans le travail restant)`,
  },
  list: {
    nothing: 'Aucun élément ne correspond à ces filtres.',
  },
  ...guideFr,
  untitled: '(sans titre)',
  percent: (n: number) => `${n} %`,
  errors: {
    prefix: 'roadmap :',
    fileMissing: (path: string) => `impossible de lire ${path} : fichier introuvable`,
    fileIsDirectory: (path: string) => `impossible de lire ${path} : c’est un dossier, pas un fichier markdown`,
    fileUnreadable: (path: string, reason: string) => `impossible de lire ${path} : ${reason}`,
    fileTooLarge: (path: string, mb: number) =>
      `impossible de lire ${path} : plus de ${mb} Mo, la limite pour un document de roadmap`,
    fileNotUtf8: (path: string) => `impossible de lire ${path} : ce n’est pas du texte UTF-8`,
    stateUnreadable: (path: string, reason: string) =>
      `impossible de lire le fichier de progression ${path} : ${reason}. Il n’a pas été modifié ; déplace-le pour repartir de zéro, ou restaure une copie.`,
    stateUnwritable: (path: string, reason: string) =>
      `impossible d’écrire le fichier de progression ${path} : ${reason}. Rien n’a été modifié.`,
    stateNewer: (path: string, version: number) =>
      `le fichier de progression ${path} vient d’une version plus récente de roadmap (schéma ${version}) ; mets roadmap à jour. Le fichier n’a pas été modifié.`,
    unknownLevel: (level: number, known: string) => `pas de niveau ${level} dans cette roadmap (niveaux : ${known})`,
    badLevel: (value: string) => `--level attend un numéro de niveau, pas « ${value} »`,
    unknownSection: (text: string) => `aucune section ne correspond à « ${text} »`,
    sectionsAre: (list: string) => `sections : ${list}`,
    badNow: (value: string) => `ROADMAP_NOW doit être une date ISO (ex. 2026-03-01), pas « ${value} »`,
    conflictingFilters: '--todo et --done ne peuvent pas être utilisés ensemble',
    badCount: (value: string) => `--count attend un nombre entier d’au moins 1, pas « ${value} »`,
    badStart: (value: string) => `--start attend un jour AAAA-MM-JJ, pas « ${value} »`,
    badSince: (value: string) => `--since attend un jour (AAAA-MM-JJ) ou une durée (7d, 4w), pas « ${value} »`,
    noPlanning: 'ce document n’a pas de planning (un tableau sous un titre qui parle de plan ou de planning)',
    unexpected: (message: string) => `erreur inattendue : ${message} (relance avec --debug pour les détails)`,
  },
};

/** The UI strings of a language. */
export function messagesFor(lang: Lang): Messages {
  return lang === 'fr' ? fr : en;
}
