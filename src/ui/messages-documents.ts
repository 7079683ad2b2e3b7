/** UI strings of the document commands (use, roadmaps, export, import, doctor) and change tracking. */
const plural = (n: number, word: string, many = `${word}s`) => `${n} ${n === 1 ? word : many}`;

export const documentsEn = () => ({
  cli: {
    use: 'make a markdown document the default roadmap (or --bundled to go back)',
    useBundled: 'go back to the bundled roadmap',
    roadmaps: 'list the roadmap documents you track, with their progress',
    export: 'write your progress: the document ticked (md), a JSON export, an HTML report or an SVG badge',
    exportFormat: 'md (the document, ticked), json (progress with timestamps), html (a report page) or svg (a badge)',
    exportOutput: 'write to this file instead of stdout',
    exportRollUp: 'markdown: also tick the parents whose children are all done (by default only your own marks)',
    import: 'take progress from a ticked copy of the document (.md) or a JSON export (merged)',
    importDryRun: 'show what would change, change nothing',
    doctor: 'check the progress file (readable? backups) and the document’s progress (removed items, last changes)',
    doctorPrune: 'drop the progress of items removed from the document',
  },
  status: { todo: 'to do', doing: 'in progress', done: 'done', skipped: 'skipped' },
  use: {
    nowUsing: (title: string, path: string, n: number) => `Now using “${title}” (${path}, ${plural(n, 'item')}).`,
    backHint: 'Back to the bundled roadmap: roadmap use --bundled',
    bundled: (title: string) => `Using the bundled roadmap “${title}”.`,
    current: (title: string, path: string) => `Using “${title}” (${path}).`,
    overridden: (by: string) => `note: ${by} is set and takes precedence over \`roadmap use\` for this shell.`,
    conflict: 'pass a document or --bundled, not both',
    missingHint: 'it was chosen with `roadmap use`: choose another with `roadmap use <path.md>` or go back with `roadmap use --bundled`',
  },
  roadmaps: {
    bundled: 'bundled',
    missing: 'file missing',
    unreadable: 'unreadable',
    legend: '* = the current roadmap · switch with: roadmap use <path.md> | roadmap use --bundled',
  },
  export: {
    wroteMd: (path: string, done: number, total: number) => `Wrote ${path}: ${done} of ${plural(total, 'item')} ticked.`,
    notTicked: (doing: number, skipped: number) =>
      `${doing} in progress and ${skipped} skipped written as [ ]: markdown has no mark for them (the JSON export keeps them).`,
    wroteJson: (path: string, n: number) => `Wrote the progress of ${plural(n, 'item')} to ${path}.`,
    cannotWrite: (path: string, reason: string) => `cannot write ${path}: ${reason}`,
    isDocument: (path: string) =>
      `will not write ${path}: it is a roadmap document that roadmap reads (an export never replaces one); choose another file name`,
    insideOwnFolder: (path: string, folder: string) =>
      `will not write ${path}: it is inside roadmap's own folder ${folder}; choose a file elsewhere`,
    kinds: {
      directory: 'it is a directory; name a file',
      device: 'it is a device, not a regular file; to print the export, leave out -o',
      fifo: 'it is a named pipe, not a regular file; to print the export, leave out -o and pipe it',
      socket: 'it is a socket, not a regular file; name a file',
      dangling: 'it is a symbolic link to a file that does not exist; fix or remove the link',
    } as Record<'directory' | 'device' | 'fifo' | 'socket' | 'dangling', string>,
    reasons: {
      noFolder: 'no such folder; create it first',
      permission: 'permission denied; choose a folder you can write to',
      readOnly: 'the file system is read-only; choose another place',
      full: 'the disk is full; free some space and try again',
    } as Record<'noFolder' | 'permission' | 'readOnly' | 'full', string>,
  },
  import: {
    dryRun: 'Dry run: nothing was changed.',
    matched: (n: number) => `${plural(n, 'ticked item')} matched:`,
    newlyDone: (n: number) => `${n} newly done`,
    alreadyDone: (n: number) => `${n} already done`,
    unmatched: (n: number) => `${plural(n, 'ticked item')} could not be matched (no item with that key here):`,
    untickedHere: (n: number) => `${plural(n, 'item')} done here but unticked in the file: kept as done.`,
    nothing: (path: string) => `No ticked item in ${path}: nothing to import.`,
    merged: (changed: number, kept: number) => `${plural(changed, 'item')} updated from the export, ${kept} kept (newer or same here).`,
    changedLine: (text: string, from: string, to: string) => `${text}: ${from} → ${to}`,
    unknownKeys: (n: number) => `${plural(n, 'item')} of the export ${n === 1 ? 'is' : 'are'} not in this document (not imported):`,
    otherDocument: (title: string) => `note: the export comes from “${title}”; items are matched by key.`,
    saved: 'Progress saved.',
    unchanged: 'Nothing changed: your progress already had all of it.',
    notExport: (path: string, reason: string) => `cannot import ${path}: not a roadmap progress export (${reason})`,
  },
  doctor: {
    document: (title: string, where: string) => `Document: ${title} (${where})`,
    ok: 'No problem found: every recorded item is in the document.',
    removed: (n: number) => `${plural(n, 'item')} removed from the document still ${n === 1 ? 'has' : 'have'} progress (kept):`,
    removedLine: (status: string, text: string, key: string, date: string) => `${status} · ${text} (key ${key}, ${date})`,
    pruneHint: 'Drop it with: roadmap doctor --prune',
    pruned: (n: number) => `Dropped the progress of ${plural(n, 'removed item')}. The history keeps its entries.`,
    nothingToPrune: 'No removed item has progress: nothing to prune.',
    lastChange: (date: string) => `Last change of the document (${date}):`,
    renamedLine: (from: string, to: string) => `renamed: “${from}” → “${to}” (progress kept)`,
    removedItem: (text: string) => `removed: “${text}”`,
    addedItem: (text: string) => `new: “${text}”`,
    more: (n: number) => `… and ${n} more`,
  },
  changes: {
    summary: (renamed: number, removed: number, added: number) =>
      `document changed: ${renamed} renamed (progress kept), ${removed} removed, ${added} new — roadmap doctor for details`,
  },
  // Identity of items across document changes (docs/document-changes.md).
  identity: {
    moved: (n: number) => `${plural(n, 'item')} moved to another section (progress kept)`,
    movedLine: (text: string, from: string, to: string) => `moved: “${text}”: ${from} → ${to} (progress kept)`,
    ambiguous: (text: string, n: number, key: string) =>
      `“${text}” could be any of ${n} items now: its progress stays on key ${key}, attach it with roadmap doctor --attach ${key} --to <item>`,
    unticked: (text: string, key: string) =>
      `“${text}” is no longer ticked in the document: it stays done (roadmap uncheck ${key} to uncheck it)`,
    tickedLine: (text: string) => `ticked in the document: “${text}” (recorded as done)`,
    untickedLine: (text: string) => `no longer ticked in the document: “${text}” (still done)`,
    restoredLine: (text: string) => `back: “${text}” (its progress, kept aside, is restored)`,
    viaDocument: 'ticked in the document',
    ambiguousTitle: (n: number) =>
      `${plural(n, 'recorded item')} could be several items of the document (twins); progress kept, not guessed:`,
    ambiguousLine: (status: string, text: string, key: string, candidates: string) =>
      `${status} · ${text} (key ${key}) → one of: ${candidates}`,
    attachHint: (key: string, candidate: string) => `Attach it by hand: roadmap doctor --attach ${key} --to ${candidate}`,
    attachOption: 'attach the progress of a recorded key (see doctor) to an item: --attach <key> --to <item>',
    toOption: 'the item that --attach gives the progress to',
    attachNeedsTo: '--attach needs --to <item> (and --to needs --attach <key>)',
    attachUnknown: (key: string) => `no progress is recorded under key “${key}” outside the document: roadmap doctor lists those`,
    attachTaken: (text: string) => `“${text}” already has progress of its own: uncheck it first (roadmap uncheck), then attach`,
    attached: (key: string, text: string) => `Progress of key ${key} attached to “${text}”.`,
  },
});

export type DocumentMessages = ReturnType<typeof documentsEn>;

const pluralFr = (n: number, word: string, many = `${word}s`) => `${n} ${n <= 1 ? word : many}`;

export const documentsFr = (): DocumentMessages => ({
  cli: {
    use: 'fait d’un document markdown la roadmap par défaut (ou --bundled pour revenir)',
    useBundled: 'revient à la roadmap intégrée',
    roadmaps: 'liste les documents de roadmap suivis, avec leur progression',
    export: 'écrit ta progression : le document coché (md), un export JSON, un rapport HTML ou un badge SVG',
    exportFormat: 'md (le document, coché), json (progression horodatée), html (une page de rapport) ou svg (un badge)',
    exportOutput: 'écrit dans ce fichier au lieu de la sortie standard',
    exportRollUp: 'markdown : coche aussi les parents dont tous les sous-éléments sont faits (par défaut, seulement tes propres coches)',
    import: 'reprend la progression d’une copie cochée du document (.md) ou d’un export JSON (fusionné)',
    importDryRun: 'montre ce qui changerait, sans rien changer',
    doctor:
      'vérifie le fichier de progression (lisible ? sauvegardes) et la progression du document (éléments supprimés, derniers changements)',
    doctorPrune: 'supprime la progression des éléments retirés du document',
  },
  status: { todo: 'à faire', doing: 'en cours', done: 'fait', skipped: 'ignoré' },
  use: {
    nowUsing: (title: string, path: string, n: number) => `Roadmap utilisée : « ${title} » (${path}, ${pluralFr(n, 'élément')}).`,
    backHint: 'Revenir à la roadmap intégrée : roadmap use --bundled',
    bundled: (title: string) => `Roadmap intégrée utilisée : « ${title} ».`,
    current: (title: string, path: string) => `Roadmap utilisée : « ${title} » (${path}).`,
    overridden: (by: string) => `remarque : ${by} est défini et l’emporte sur \`roadmap use\` dans ce shell.`,
    conflict: 'indique un document ou --bundled, pas les deux',
    missingHint:
      'il a été choisi avec `roadmap use` : choisis-en un autre avec `roadmap use <chemin.md>` ou reviens avec `roadmap use --bundled`',
  },
  roadmaps: {
    bundled: 'intégrée',
    missing: 'fichier introuvable',
    unreadable: 'illisible',
    legend: '* = la roadmap courante · changer : roadmap use <chemin.md> | roadmap use --bundled',
  },
  export: {
    wroteMd: (path: string, done: number, total: number) => `${path} écrit : ${done} sur ${pluralFr(total, 'élément')} cochés.`,
    notTicked: (doing: number, skipped: number) =>
      `${doing} en cours et ${skipped} ignorés écrits [ ] : le markdown n’a pas de marque pour eux (l’export JSON les garde).`,
    wroteJson: (path: string, n: number) => `Progression de ${pluralFr(n, 'élément')} écrite dans ${path}.`,
    cannotWrite: (path: string, reason: string) => `impossible d’écrire ${path} : ${reason}`,
    isDocument: (path: string) =>
      `${path} n’est pas écrit : c’est un document que roadmap lit (un export n’en remplace jamais un) ; choisis un autre nom de fichier`,
    insideOwnFolder: (path: string, folder: string) =>
      `${path} n’est pas écrit : il est dans le dossier de roadmap ${folder} ; choisis un fichier ailleurs`,
    kinds: {
      directory: 'c’est un dossier ; nomme un fichier',
      device: 'c’est un périphérique, pas un fichier ordinaire ; pour afficher l’export, enlève -o',
      fifo: 'c’est un tube nommé, pas un fichier ordinaire ; pour afficher l’export, enlève -o et redirige-le',
      socket: 'c’est une socket, pas un fichier ordinaire ; nomme un fichier',
      dangling: 'c’est un lien symbolique vers un fichier qui n’existe pas ; corrige ou supprime le lien',
    },
    reasons: {
      noFolder: 'dossier introuvable ; crée-le d’abord',
      permission: 'permission refusée ; choisis un dossier où tu peux écrire',
      readOnly: 'le système de fichiers est en lecture seule ; choisis un autre endroit',
      full: 'le disque est plein ; libère de la place et réessaie',
    },
  },
  import: {
    dryRun: 'Simulation : rien n’a été modifié.',
    matched: (n: number) => `${pluralFr(n, 'élément coché', 'éléments cochés')} reconnus :`,
    newlyDone: (n: number) => `${n} nouvellement faits`,
    alreadyDone: (n: number) => `${n} déjà faits`,
    unmatched: (n: number) => `${pluralFr(n, 'élément coché', 'éléments cochés')} non reconnus (aucun élément avec cette clé ici) :`,
    untickedHere: (n: number) => `${pluralFr(n, 'élément')} faits ici mais décochés dans le fichier : gardés faits.`,
    nothing: (path: string) => `Aucun élément coché dans ${path} : rien à importer.`,
    merged: (changed: number, kept: number) =>
      `${pluralFr(changed, 'élément')} mis à jour depuis l’export, ${kept} gardés (plus récents ou identiques ici).`,
    changedLine: (text: string, from: string, to: string) => `${text} : ${from} → ${to}`,
    unknownKeys: (n: number) => `${pluralFr(n, 'élément')} de l’export absents de ce document (non importés) :`,
    otherDocument: (title: string) => `remarque : l’export vient de « ${title} » ; les éléments sont reconnus par leur clé.`,
    saved: 'Progression enregistrée.',
    unchanged: 'Rien n’a changé : ta progression avait déjà tout.',
    notExport: (path: string, reason: string) =>
      `impossible d’importer ${path} : ce n’est pas un export de progression roadmap (${reason})`,
  },
  doctor: {
    document: (title: string, where: string) => `Document : ${title} (${where})`,
    ok: 'Aucun problème : chaque élément enregistré est dans le document.',
    removed: (n: number) =>
      `${pluralFr(n, 'élément retiré', 'éléments retirés')} du document ${n <= 1 ? 'a' : 'ont'} encore une progression (gardée) :`,
    removedLine: (status: string, text: string, key: string, date: string) => `${status} · ${text} (clé ${key}, ${date})`,
    pruneHint: 'Pour la supprimer : roadmap doctor --prune',
    pruned: (n: number) => `Progression de ${pluralFr(n, 'élément retiré', 'éléments retirés')} supprimée. L’historique garde ses entrées.`,
    nothingToPrune: 'Aucun élément retiré n’a de progression : rien à supprimer.',
    lastChange: (date: string) => `Dernier changement du document (${date}) :`,
    renamedLine: (from: string, to: string) => `renommé : « ${from} » → « ${to} » (progression gardée)`,
    removedItem: (text: string) => `retiré : « ${text} »`,
    addedItem: (text: string) => `nouveau : « ${text} »`,
    more: (n: number) => `… et ${n} de plus`,
  },
  changes: {
    summary: (renamed: number, removed: number, added: number) =>
      `document modifié : ${renamed} renommé${renamed > 1 ? 's' : ''} (progression gardée), ${removed} retiré${removed > 1 ? 's' : ''}, ${added} nouveau${added > 1 ? 'x' : ''} — roadmap doctor pour les détails`,
  },
  identity: {
    moved: (n: number) => `${pluralFr(n, 'élément déplacé', 'éléments déplacés')} dans une autre section (progression gardée)`,
    movedLine: (text: string, from: string, to: string) => `déplacé : « ${text} » : ${from} → ${to} (progression gardée)`,
    ambiguous: (text: string, n: number, key: string) =>
      `« ${text} » peut être l’un de ${n} éléments maintenant : sa progression reste sur la clé ${key}, rattache-la avec roadmap doctor --attach ${key} --to <élément>`,
    unticked: (text: string, key: string) =>
      `« ${text} » n’est plus coché dans le document : il reste fait (roadmap uncheck ${key} pour le décocher)`,
    tickedLine: (text: string) => `coché dans le document : « ${text} » (enregistré comme fait)`,
    untickedLine: (text: string) => `plus coché dans le document : « ${text} » (toujours fait)`,
    restoredLine: (text: string) => `revenu : « ${text} » (sa progression, gardée de côté, lui est rendue)`,
    viaDocument: 'coché dans le document',
    ambiguousTitle: (n: number) =>
      `${pluralFr(n, 'élément enregistré', 'éléments enregistrés')} ${n <= 1 ? 'peut' : 'peuvent'} être plusieurs éléments du document (jumeaux) ; progression gardée, rien deviné :`,
    ambiguousLine: (status: string, text: string, key: string, candidates: string) =>
      `${status} · ${text} (clé ${key}) → l’un de : ${candidates}`,
    attachHint: (key: string, candidate: string) => `Pour la rattacher à la main : roadmap doctor --attach ${key} --to ${candidate}`,
    attachOption: 'rattache la progression d’une clé enregistrée (voir doctor) à un élément : --attach <clé> --to <élément>',
    toOption: 'l’élément auquel --attach donne la progression',
    attachNeedsTo: '--attach demande --to <élément> (et --to demande --attach <clé>)',
    attachUnknown: (key: string) =>
      `aucune progression n’est enregistrée sous la clé « ${key} » hors du document : roadmap doctor les liste`,
    attachTaken: (text: string) => `« ${text} » a déjà sa propre progression : décoche-le d’abord (roadmap uncheck), puis rattache`,
    attached: (key: string, text: string) => `Progression de la clé ${key} rattachée à « ${text} ».`,
  },
});
