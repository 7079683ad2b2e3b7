import { LazyTable } from './lazy-table.js';
import type { Messages } from './messages.js';
import { doctorFr, stateErrorsFr } from './messages-doctor.js';
import { documentsFr } from './messages-documents.js';
import { GUIDE_KEYS, guideFr } from './messages-guide.js';
import { HELP_KEYS, helpFr } from './messages-help.js';
import { PORTFOLIO_KEYS, portfolioFr } from './messages-portfolio.js';

/** The French strings; built only when French is the language of the run (see messagesFor). */
export const french = (): Messages =>
  new LazyTable({
    statusWord: { todo: 'à faire', doing: 'en cours', done: 'fait', skipped: 'ignoré' },
    untitled: '(sans titre)',
    percent: (n: number) => `${n} %`,
  })
    .lazy('cli', () => ({
      description: 'Transforme une roadmap d’apprentissage en markdown en un plan suivi et priorisé.',
      version: 'affiche la version',
      help: 'affiche l’aide',
      helpCommand: 'affiche l’aide d’une commande',
      file: 'utilise ce document au lieu de la roadmap intégrée (env : ROADMAP_FILE)',
      json: 'affiche du JSON sur la sortie standard',
      noColor: 'texte brut, sans couleurs',
      lang: 'langue de l’interface',
      debug: 'affiche la pile des erreurs inattendues',
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
      check: 'marque des éléments comme faits (sans élément : coche-les dans une liste interactive)',
      uncheck: 'remet des éléments à faire',
      start: 'marque des éléments en cours',
      skip: 'marque des éléments ignorés (non comptés dans le travail restant)',
      undo: 'annule la dernière modification (recommence pour remonter plus loin)',
      items: 'éléments : numéros, clés ou morceaux de leur texte',
      dryRun: 'montre ce qui changerait, sans rien écrire',
      scopeLevel: 'seulement ce niveau (son numéro) : pour la liste et la recherche par texte',
      scopeSection: 'seulement les sections dont le titre contient ce texte',
    }))
    .lazy('status', () => ({
      overall: 'Global',
      noLevels: 'Ce document n’a aucun élément à cocher (`- [ ]`).',
      doing: (n: number) => `${n} en cours`,
      skipped: (n: number) => `${n} ignoré${n > 1 ? 's' : ''} (non compté${n > 1 ? 's' : ''} dans le travail restant)`,
    }))
    .lazy('list', () => ({
      nothing: 'Aucun élément ne correspond à ces filtres.',
    }))
    .lazy('progress', () => ({
      already: (status: string) => `déjà ${status}`,
      dryRun: 'Simulation : rien n’a été écrit.',
      noChange: 'Aucun changement.',
      gone: '(n’est plus dans le document)',
      undid: (command: string, at: string, n: number) => `Annulé : \`${command}\` du ${at} (${n} élément${n > 1 ? 's' : ''}) :`,
      wouldUndo: (command: string, at: string, n: number) => `Annulerait : \`${command}\` du ${at} (${n} élément${n > 1 ? 's' : ''}) :`,
      undidNothing: (command: string, at: string) => `Annulé : \`${command}\` du ${at} ; les éléments avaient déjà leur état d’avant.`,
      nothingToPick: 'Aucun élément à choisir ici.',
    }))
    .lazy('prompts', () => ({
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
    }))
    .lazy('documents', documentsFr)
    .group(GUIDE_KEYS, guideFr)
    .lazy('doctor', doctorFr)
    .lazy('errors', () => ({
      ...stateErrorsFr(),
      prefix: 'roadmap :',
      fileMissing: (path: string) => `impossible de lire ${path} : fichier introuvable`,
      fileIsDirectory: (path: string) => `impossible de lire ${path} : c’est un dossier, pas un fichier markdown`,
      fileUnreadable: (path: string, reason: string) => `impossible de lire ${path} : ${reason}`,
      fileTooLarge: (path: string, mb: number) => `impossible de lire ${path} : plus de ${mb} Mo, la limite pour un document de roadmap`,
      fileNotUtf8: (path: string) => `impossible de lire ${path} : ce n’est pas du texte UTF-8`,
      fileNotRegular: (path: string) =>
        `impossible de lire ${path} : c’est un périphérique, un tube nommé ou une socket, pas un fichier markdown`,
      fileTooDeep: (path: string, line: number | null, max: number) =>
        `impossible de lire ${path} : listes ou citations imbriquées sur plus de ${max} niveaux${line === null ? '' : ` (ligne ${line})`}, la limite pour un document de roadmap`,
      fileTooManyBrackets: (path: string, line: number, max: number) =>
        `impossible de lire ${path} : le paragraphe de la ligne ${line} contient plus de ${max} crochets, la limite pour un document de roadmap (coupez-le par des lignes vides)`,
      unknownLevel: (level: number, known: string) => `pas de niveau ${level} dans cette roadmap (niveaux : ${known})`,
      badLevel: (value: string) => `--level attend un numéro de niveau, pas « ${value} »`,
      unknownSection: (text: string) => `aucune section ne correspond à « ${text} »`,
      sectionsAre: (list: string) => `sections : ${list}`,
      relativeHome: (value: string) =>
        `ROADMAP_HOME doit être un chemin absolu (ex. $HOME/roadmap-data), pas « ${value} » : un chemin relatif changerait avec le dossier courant`,
      badNow: (value: string) => `ROADMAP_NOW doit être une date ISO (ex. 2026-03-01), pas « ${value} »`,
      conflictingFilters: '--todo et --done ne peuvent pas être utilisés ensemble',
      emptyRef: 'une référence d’élément est vide : donne un numéro, une clé ou un morceau du texte',
      notAnItemNumber: (ref: string, max: number) =>
        `« ${ref} » n’est pas un numéro d’élément : donne un nombre entier${max > 0 ? ` de 1 à ${max}` : ''}, une clé ou un morceau du texte`,
      outOfRange: (n: number | string, max: number) =>
        max === 0
          ? `pas d’élément ${n} : ce document n’a aucun élément à cocher`
          : `pas d’élément ${n} : les éléments sont numérotés de 1 à ${max}`,
      unknownItem: (ref: string) => `aucun élément ne correspond à « ${ref} »`,
      didYouMean: 'tu voulais dire :',
      ambiguousRef: (ref: string, n: number) =>
        `« ${ref} » correspond à ${n} éléments ; désigne-en un par son numéro (ou un texte plus long) :`,
      more: (n: number) => `… et ${n} de plus`,
      noTerminal: (cmd: string) =>
        `aucun élément donné, et pas de terminal pour demander : passe des éléments, ex. \`roadmap ${cmd} 7\` (un numéro, une clé ou un morceau du texte)`,
      nothingToUndo: 'rien à annuler',
      badCount: (value: string) => `--count attend un nombre entier d’au moins 1, pas « ${value} »`,
      badStart: (value: string) => `--start attend un jour AAAA-MM-JJ, pas « ${value} »`,
      badSince: (value: string) => `--since attend un jour (AAAA-MM-JJ) ou une durée (7d, 4w), pas « ${value} »`,
      noPlanning: 'ce document n’a pas de planning (un tableau sous un titre qui parle de plan ou de planning)',
      unexpected: (message: string) => `erreur inattendue : ${message} (relance avec --debug pour les détails)`,
      outputFull: 'plus de place sur le périphérique où elle va',
      outputFailed: (reason: string) =>
        `impossible d’écrire la sortie : ${reason} ; envoie-la ailleurs (un fichier sur un autre disque, un tube)`,
      interrupted: 'interrompu : rien n’a changé',
      savedNotShown: (reason: string) =>
        `la modification est enregistrée, mais sa confirmation n’a pas pu être affichée (${reason}) ; \`roadmap status\` montre où tu en es`,
    }))
    .group(PORTFOLIO_KEYS, portfolioFr)
    .group(HELP_KEYS, helpFr).table;
