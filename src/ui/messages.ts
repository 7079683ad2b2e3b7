import type { Lang } from './lang.js';
import { portfolioEn, portfolioFr } from './messages-portfolio.js';

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
    unexpected: (message: string) => `unexpected error: ${message} (run with --debug for details)`,
  },
  ...portfolioEn,
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
    unexpected: (message: string) => `erreur inattendue : ${message} (relance avec --debug pour les détails)`,
  },
  ...portfolioFr,
};

/** The UI strings of a language. */
export function messagesFor(lang: Lang): Messages {
  return lang === 'fr' ? fr : en;
}
