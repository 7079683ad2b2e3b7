// The strings of `roadmap doctor`, en + fr (kept apart so messages.ts stays small; reached as `t.doctor`).

export const doctorEn = {
  repairOption: 'move an unreadable progress file aside and restore the newest good backup',
  stateTitle: 'Progress file',
  missing: 'no progress recorded yet (the file is created by the first change)',
  readable: (documents: number, items: number, schema: number) =>
    `readable: ${documents} document${documents === 1 ? '' : 's'}, ${items} item${items === 1 ? '' : 's'} recorded (schema ${schema})`,
  unreadable: (reason: string) => `unreadable: ${reason}`,
  newer: 'it was written by a newer roadmap: update roadmap to keep that progress; --repair moves it aside instead.',
  backups: (n: number, dir: string) => (n === 0 ? `no backup yet (kept in ${dir}, one per change)` : `${n} backup${n === 1 ? '' : 's'} in ${dir}`),
  newestGood: (at: string, items: number) => `newest good backup: ${at} (${items} item${items === 1 ? '' : 's'})`,
  badBackups: (n: number) => `${n} backup${n === 1 ? ' is' : 's are'} unreadable and will be skipped`,
  lockHeld: 'locked: another roadmap is writing right now (or hung: the lock is taken over after 4 s without activity)',
  lockDead: 'a lock left by a roadmap that was killed: the next command takes it over at once',
  orphans: (n: number) => `${n} temporary file${n === 1 ? '' : 's'} of interrupted writes (removed by the next change)`,
  movedAside: (n: number) => `${n} unreadable file${n === 1 ? '' : 's'} moved aside by earlier repairs (kept for you, safe to delete)`,
  adviceRestore: (at: string) => `run \`roadmap doctor --repair\`: it moves the bad file aside and restores the backup of ${at}.`,
  adviceEmpty: 'run `roadmap doctor --repair`: it moves the bad file aside; with no good backup, progress starts empty.',
  healthy: 'Nothing to repair: the progress file is readable.',
  movedTo: (path: string) => `Moved the unreadable file to ${path} (kept, nothing deleted).`,
  restored: (at: string, path: string, items: number) => `Restored the backup of ${at} (${path}): ${items} item${items === 1 ? '' : 's'} recorded.`,
  emptied: 'No good backup to restore: progress starts empty.',
};

export const doctorFr: typeof doctorEn = {
  repairOption: 'met de côté un fichier de progression illisible et restaure la dernière sauvegarde valide',
  stateTitle: 'Fichier de progression',
  missing: 'aucune progression enregistrée pour l’instant (le fichier est créé au premier changement)',
  readable: (documents: number, items: number, schema: number) =>
    `lisible : ${documents} document${documents > 1 ? 's' : ''}, ${items} élément${items > 1 ? 's' : ''} enregistré${items > 1 ? 's' : ''} (schéma ${schema})`,
  unreadable: (reason: string) => `illisible : ${reason}`,
  newer: 'il a été écrit par une version plus récente de roadmap : mets roadmap à jour pour garder cette progression ; --repair le met de côté à la place.',
  backups: (n: number, dir: string) =>
    n === 0 ? `pas encore de sauvegarde (gardées dans ${dir}, une par changement)` : `${n} sauvegarde${n > 1 ? 's' : ''} dans ${dir}`,
  newestGood: (at: string, items: number) => `dernière sauvegarde valide : ${at} (${items} élément${items > 1 ? 's' : ''})`,
  badBackups: (n: number) => `${n} sauvegarde${n > 1 ? 's sont illisibles et seront ignorées' : ' est illisible et sera ignorée'}`,
  lockHeld: 'verrouillé : un autre roadmap écrit en ce moment (ou est bloqué : le verrou est repris après 4 s sans activité)',
  lockDead: 'un verrou laissé par un roadmap interrompu : la prochaine commande le reprend aussitôt',
  orphans: (n: number) => `${n} fichier${n > 1 ? 's' : ''} temporaire${n > 1 ? 's' : ''} d’écritures interrompues (supprimé${n > 1 ? 's' : ''} au prochain changement)`,
  movedAside: (n: number) =>
    `${n} fichier${n > 1 ? 's' : ''} illisible${n > 1 ? 's' : ''} mis de côté par des réparations précédentes (gardé${n > 1 ? 's' : ''} pour toi, supprimables)`,
  adviceRestore: (at: string) => `lance \`roadmap doctor --repair\` : il met le fichier abîmé de côté et restaure la sauvegarde du ${at}.`,
  adviceEmpty: 'lance `roadmap doctor --repair` : il met le fichier abîmé de côté ; sans sauvegarde valide, la progression repart de zéro.',
  healthy: 'Rien à réparer : le fichier de progression est lisible.',
  movedTo: (path: string) => `Fichier illisible déplacé vers ${path} (gardé, rien n’est supprimé).`,
  restored: (at: string, path: string, items: number) =>
    `Sauvegarde du ${at} restaurée (${path}) : ${items} élément${items > 1 ? 's' : ''} enregistré${items > 1 ? 's' : ''}.`,
  emptied: 'Aucune sauvegarde valide à restaurer : la progression repart de zéro.',
};
