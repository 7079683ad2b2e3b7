import type { ItemStatus } from '../roadmap/model.js';
import type { StateIssue } from '../store/inspect.js';
import type { Lang } from './lang.js';
import { doctorEn, doctorFr } from './messages-doctor.js';
import { documentsEn, documentsFr } from './messages-documents.js';
import { guideEn, guideFr } from './messages-guide.js';
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
    usageHint: (cmd: string) => `Run \`${cmd} --help\` for usage.`,
    check: 'mark items done (no item: tick them in an interactive list)',
    uncheck: 'mark items back to do',
    start: 'mark items in progress',
    skip: 'mark items skipped (not counted as remaining work)',
    undo: 'revert the last change (repeat to go further back)',
    items: 'items: numbers, keys or parts of their text',
    dryRun: 'show what would change, write nothing',
    scopeLevel: 'only this level (its number): for the list and for text matches',
    scopeSection: 'only the sections whose title contains this text',
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
  statusWord: { todo: 'to do', doing: 'in progress', done: 'done', skipped: 'skipped' } as Record<ItemStatus, string>,
  progress: {
    already: (status: string) => `already ${status}`,
    dryRun: 'Dry run: nothing was written.',
    noChange: 'Nothing changed.',
    gone: '(no longer in the document)',
    undid: (command: string, at: string, n: number) => `Undid \`${command}\` of ${at} (${n} item${n > 1 ? 's' : ''}):`,
    wouldUndo: (command: string, at: string, n: number) => `Would undo \`${command}\` of ${at} (${n} item${n > 1 ? 's' : ''}):`,
    undidNothing: (command: string, at: string) => `Undid \`${command}\` of ${at}: the items already had their earlier state.`,
    nothingToPick: 'No item to choose from here.',
  },
  prompts: {
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
  },
  documents: documentsEn,
  ...guideEn,
  untitled: '(no heading)',
  percent: (n: number) => `${n}%`,
  doctor: doctorEn,
  errors: {
    prefix: 'roadmap:',
    fileMissing: (path: string) => `cannot read ${path}: no such file`,
    fileIsDirectory: (path: string) => `cannot read ${path}: it is a directory, not a markdown file`,
    fileUnreadable: (path: string, reason: string) => `cannot read ${path}: ${reason}`,
    fileTooLarge: (path: string, mb: number) => `cannot read ${path}: larger than the ${mb} MB limit for a roadmap document`,
    fileNotUtf8: (path: string) => `cannot read ${path}: not UTF-8 text`,
    fileTooDeep: (path: string, line: number | null, max: number) =>
      `cannot read ${path}: lists or quotes nested more than ${max} levels deep${line === null ? '' : ` (line ${line})`}, the limit for a roadmap document`,
    stateUnreadable: (path: string, reason: string) =>
      `cannot read the progress file ${path}: ${reason}. It was left untouched; run \`roadmap doctor\` to see what is wrong (\`roadmap doctor --repair\` restores the last good backup).`,
    stateUnwritable: (path: string, reason: string) => `cannot write the progress file ${path}: ${reason}. Nothing was changed.`,
    stateNewer: (path: string, version: number) =>
      `the progress file ${path} was written by a newer roadmap (schema ${version}): update roadmap (or run \`roadmap doctor\`). The file was left untouched.`,
    stateLocked: (path: string, pid: number | null) =>
      `the progress file ${path} is locked by another roadmap${pid ? ` (process ${pid})` : ''} that is still running; try again when it has finished. Nothing was changed.`,
    stateReason: (issue: StateIssue): string => {
      switch (issue.kind) {
        case 'directory':
          return 'it is a directory, not a file';
        case 'permission':
          return 'permission denied';
        case 'notFolder':
          return 'its folder is a file, not a folder (check ROADMAP_HOME and XDG_CONFIG_HOME)';
        case 'io':
          return `read error ${issue.code}`;
        case 'empty':
          return 'the file is empty';
        case 'truncated':
          return 'invalid JSON (the file ends too early: cut off while being written?)';
        case 'json':
          return 'invalid JSON';
        case 'invalid':
          return `not a roadmap progress file (${issue.reason})`;
        case 'newer':
          return `written by a newer roadmap (schema ${issue.version})`;
      }
    },
    permissionDenied: 'permission denied (is its folder read-only?)',
    diskFull: 'no space left on the disk',
    notAFolder: (path: string) => `${path} is a file, not a folder (check ROADMAP_HOME and XDG_CONFIG_HOME)`,
    unknownLevel: (level: number, known: string) => `no level ${level} in this roadmap (levels: ${known})`,
    badLevel: (value: string) => `--level takes a level number, not "${value}"`,
    unknownSection: (text: string) => `no section matches "${text}"`,
    sectionsAre: (list: string) => `sections: ${list}`,
    badNow: (value: string) => `ROADMAP_NOW must be an ISO date or date-time (e.g. 2026-03-01), not "${value}"`,
    conflictingFilters: '--todo and --done cannot be used together',
    emptyRef: 'an item reference is empty: give a number, a key or part of the text',
    outOfRange: (n: number, max: number) =>
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
    next: 'sur quoi travailler maintenant, et pourquoi',
    count: 'combien de suggestions sur la piste principale (3 par défaut)',
    explain: 'affiche chaque terme du score de chaque suggestion',
    plan: 'le planning en frise : périodes, progression, rythme, date de fin prévue',
    planStart: 'enregistre le jour où tu as commencé le plan (AAAA-MM-JJ ; aujourd’hui par défaut)',
    log: 'l’historique daté des changements, et un bilan par semaine',
    since: 'seulement les changements depuis ce jour (AAAA-MM-JJ) ou cette durée (7d, 4w)',
    examples: 'Exemples :',
    titles: { 'Usage:': 'Utilisation :', 'Options:': 'Options :', 'Commands:': 'Commandes :', 'Arguments:': 'Arguments :' },
    usageHint: (cmd: string) => `Lance \`${cmd} --help\` pour l’usage.`,
    check: 'marque des éléments comme faits (sans élément : coche-les dans une liste interactive)',
    uncheck: 'remet des éléments à faire',
    start: 'marque des éléments en cours',
    skip: 'marque des éléments ignorés (non comptés dans le travail restant)',
    undo: 'annule la dernière modification (recommence pour remonter plus loin)',
    items: 'éléments : numéros, clés ou morceaux de leur texte',
    dryRun: 'montre ce qui changerait, sans rien écrire',
    scopeLevel: 'seulement ce niveau (son numéro) : pour la liste et la recherche par texte',
    scopeSection: 'seulement les sections dont le titre contient ce texte',
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
  statusWord: { todo: 'à faire', doing: 'en cours', done: 'fait', skipped: 'ignoré' },
  progress: {
    already: (status: string) => `déjà ${status}`,
    dryRun: 'Simulation : rien n’a été écrit.',
    noChange: 'Aucun changement.',
    gone: '(n’est plus dans le document)',
    undid: (command: string, at: string, n: number) => `Annulé : \`${command}\` du ${at} (${n} élément${n > 1 ? 's' : ''}) :`,
    wouldUndo: (command: string, at: string, n: number) =>
      `Annulerait : \`${command}\` du ${at} (${n} élément${n > 1 ? 's' : ''}) :`,
    undidNothing: (command: string, at: string) => `Annulé : \`${command}\` du ${at} ; les éléments avaient déjà leur état d’avant.`,
    nothingToPick: 'Aucun élément à choisir ici.',
  },
  prompts: {
    checkoff: {
      done: 'Coche ce que tu as fait (décoche pour rouvrir)',
      doing: 'Coche ce sur quoi tu travailles',
      skipped: 'Coche ce que tu ignores',
      todo: 'Coche les éléments à remettre à faire',
    },
    pickSection: 'Choisis une section (tape pour filtrer par section ou par texte)',
    save: (n: number) => (n === 0 ? 'Terminer (aucun changement)' : `Enregistrer et terminer (${n} changement${n > 1 ? 's' : ''})`),
    matching: (n: number) => `${n} correspondant${n > 1 ? 's' : ''}`,
    ambiguous: (ref: string) => `« ${ref} » correspond à plusieurs éléments : lequel ?`,
    ticked: (n: number) => `${n} coché${n > 1 ? 's' : ''}`,
    keys: { navigate: 'naviguer', select: 'cocher', all: 'tout', invert: 'inverser', submit: 'valider' },
    keyNames: { space: 'espace' },
  },
  documents: documentsFr,
  ...guideFr,
  untitled: '(sans titre)',
  percent: (n: number) => `${n} %`,
  doctor: doctorFr,
  errors: {
    prefix: 'roadmap :',
    fileMissing: (path: string) => `impossible de lire ${path} : fichier introuvable`,
    fileIsDirectory: (path: string) => `impossible de lire ${path} : c’est un dossier, pas un fichier markdown`,
    fileUnreadable: (path: string, reason: string) => `impossible de lire ${path} : ${reason}`,
    fileTooLarge: (path: string, mb: number) =>
      `impossible de lire ${path} : plus de ${mb} Mo, la limite pour un document de roadmap`,
    fileNotUtf8: (path: string) => `impossible de lire ${path} : ce n’est pas du texte UTF-8`,
    fileTooDeep: (path: string, line: number | null, max: number) =>
      `impossible de lire ${path} : listes ou citations imbriquées sur plus de ${max} niveaux${line === null ? '' : ` (ligne ${line})`}, la limite pour un document de roadmap`,
    stateUnreadable: (path: string, reason: string) =>
      `impossible de lire le fichier de progression ${path} : ${reason}. Il n’a pas été modifié ; lance \`roadmap doctor\` pour voir ce qui ne va pas (\`roadmap doctor --repair\` restaure la dernière sauvegarde valide).`,
    stateUnwritable: (path: string, reason: string) =>
      `impossible d’écrire le fichier de progression ${path} : ${reason}. Rien n’a été modifié.`,
    stateNewer: (path: string, version: number) =>
      `le fichier de progression ${path} vient d’une version plus récente de roadmap (schéma ${version}) : mets roadmap à jour (ou lance \`roadmap doctor\`). Le fichier n’a pas été modifié.`,
    stateLocked: (path: string, pid: number | null) =>
      `le fichier de progression ${path} est verrouillé par un autre roadmap${pid ? ` (processus ${pid})` : ''} encore en cours ; réessaie quand il aura fini. Rien n’a été modifié.`,
    stateReason: (issue: StateIssue): string => {
      switch (issue.kind) {
        case 'directory':
          return 'c’est un dossier, pas un fichier';
        case 'permission':
          return 'permission refusée';
        case 'notFolder':
          return 'son dossier est un fichier, pas un dossier (vérifie ROADMAP_HOME et XDG_CONFIG_HOME)';
        case 'io':
          return `erreur de lecture ${issue.code}`;
        case 'empty':
          return 'le fichier est vide';
        case 'truncated':
          return 'JSON invalide (le fichier s’arrête trop tôt : coupé pendant une écriture ?)';
        case 'json':
          return 'JSON invalide';
        case 'invalid':
          return `ce n’est pas un fichier de progression de roadmap (${issue.reason})`;
        case 'newer':
          return `écrit par une version plus récente de roadmap (schéma ${issue.version})`;
      }
    },
    permissionDenied: 'permission refusée (son dossier est-il en lecture seule ?)',
    diskFull: 'plus de place sur le disque',
    notAFolder: (path: string) => `${path} est un fichier, pas un dossier (vérifie ROADMAP_HOME et XDG_CONFIG_HOME)`,
    unknownLevel: (level: number, known: string) => `pas de niveau ${level} dans cette roadmap (niveaux : ${known})`,
    badLevel: (value: string) => `--level attend un numéro de niveau, pas « ${value} »`,
    unknownSection: (text: string) => `aucune section ne correspond à « ${text} »`,
    sectionsAre: (list: string) => `sections : ${list}`,
    badNow: (value: string) => `ROADMAP_NOW doit être une date ISO (ex. 2026-03-01), pas « ${value} »`,
    conflictingFilters: '--todo et --done ne peuvent pas être utilisés ensemble',
    emptyRef: 'une référence d’élément est vide : donne un numéro, une clé ou un morceau du texte',
    outOfRange: (n: number, max: number) =>
      max === 0 ? `pas d’élément ${n} : ce document n’a aucun élément à cocher` : `pas d’élément ${n} : les éléments sont numérotés de 1 à ${max}`,
    unknownItem: (ref: string) => `aucun élément ne correspond à « ${ref} »`,
    didYouMean: 'tu voulais dire :',
    ambiguousRef: (ref: string, n: number) => `« ${ref} » correspond à ${n} éléments ; désigne-en un par son numéro (ou un texte plus long) :`,
    more: (n: number) => `… et ${n} de plus`,
    noTerminal: (cmd: string) =>
      `aucun élément donné, et pas de terminal pour demander : passe des éléments, ex. \`roadmap ${cmd} 7\` (un numéro, une clé ou un morceau du texte)`,
    nothingToUndo: 'rien à annuler',
    badCount: (value: string) => `--count attend un nombre entier d’au moins 1, pas « ${value} »`,
    badStart: (value: string) => `--start attend un jour AAAA-MM-JJ, pas « ${value} »`,
    badSince: (value: string) => `--since attend un jour (AAAA-MM-JJ) ou une durée (7d, 4w), pas « ${value} »`,
    noPlanning: 'ce document n’a pas de planning (un tableau sous un titre qui parle de plan ou de planning)',
    unexpected: (message: string) => `erreur inattendue : ${message} (relance avec --debug pour les détails)`,
  },
  ...portfolioFr,
};

/** The UI strings of a language. */
export function messagesFor(lang: Lang): Messages {
  return lang === 'fr' ? fr : en;
}
