// The strings of `roadmap doctor` (`t.doctor`) and of the state file's errors (spread into `t.errors`), en + fr:
// kept apart so messages.ts stays small.
import type { StateIssue } from '../progress/state-errors.js';

export const doctorEn = () => ({
  repairOption: 'move an unreadable progress file aside and restore the newest good backup',
  stateTitle: 'Progress file',
  missing: 'no progress recorded yet (the file is created by the first change)',
  readable: (documents: number, items: number, schema: number) =>
    `readable: ${documents} document${documents === 1 ? '' : 's'}, ${items} item${items === 1 ? '' : 's'} recorded (schema ${schema})`,
  unreadable: (reason: string) => `unreadable: ${reason}`,
  newer: 'it was written by a newer roadmap: update roadmap to keep that progress; --repair moves it aside instead.',
  backups: (n: number, dir: string) =>
    n === 0 ? `no backup yet (kept in ${dir}, one per change)` : `${n} backup${n === 1 ? '' : 's'} in ${dir}`,
  newestGood: (at: string, items: number) => `newest good backup: ${at} (${items} item${items === 1 ? '' : 's'})`,
  badBackups: (n: number) => `${n} backup${n === 1 ? ' is' : 's are'} unreadable and will be skipped`,
  lockHeld: 'locked: another roadmap is writing right now (a lock whose process is gone is removed by the next change)',
  lockDead: 'a stale lock (its process is gone, or it names none): the next change removes it',
  orphans: (n: number) => `${n} temporary file${n === 1 ? '' : 's'} of interrupted writes (removed by the next change)`,
  movedAside: (n: number) => `${n} unreadable file${n === 1 ? '' : 's'} moved aside by earlier repairs (kept for you, safe to delete)`,
  historyTail: (file: string, bytes: number) =>
    `the history ${file} ends with ${bytes} byte${bytes === 1 ? '' : 's'} of an interrupted write, never acknowledged: ignored (dropped by the next change)`,
  historyBadLines: (file: string, n: number) => `${n} line${n === 1 ? '' : 's'} of the history ${file} cannot be read: skipped`,
  historyMissing: (file: string, bytes: number) =>
    `the history ${file} lacks ${bytes} byte${bytes === 1 ? '' : 's'} it had (cut or deleted outside roadmap): those changes are gone from \`roadmap log\`; the progress itself is intact`,
  historyForeign: (file: string) => `the history ${file} belongs to another document: not read`,
  adviceRestore: (at: string) => `run \`roadmap doctor --repair\`: it moves the bad file aside and restores the backup of ${at}.`,
  adviceEmpty: 'run `roadmap doctor --repair`: it moves the bad file aside; with no good backup, progress starts empty.',
  advicePermission: (path: string) =>
    `give yourself access to it (e.g. \`chmod u+rw ${path}\`): the file is not damaged, and --repair leaves it alone.`,
  healthy: 'Nothing to repair: the progress file is readable.',
  movedTo: (path: string) => `Moved the unreadable file to ${path} (kept, nothing deleted).`,
  restored: (at: string, path: string, items: number) =>
    `Restored the backup of ${at} (${path}): ${items} item${items === 1 ? '' : 's'} recorded.`,
  emptied: 'No good backup to restore: progress starts empty.',
});

export const doctorFr = (): ReturnType<typeof doctorEn> => ({
  repairOption: 'met de côté un fichier de progression illisible et restaure la dernière sauvegarde valide',
  stateTitle: 'Fichier de progression',
  missing: 'aucune progression enregistrée pour l’instant (le fichier est créé au premier changement)',
  readable: (documents: number, items: number, schema: number) =>
    `lisible : ${documents} document${documents > 1 ? 's' : ''}, ${items} élément${items > 1 ? 's' : ''} enregistré${items > 1 ? 's' : ''} (schéma ${schema})`,
  unreadable: (reason: string) => `illisible : ${reason}`,
  newer:
    'il a été écrit par une version plus récente de roadmap : mets roadmap à jour pour garder cette progression ; --repair le met de côté à la place.',
  backups: (n: number, dir: string) =>
    n === 0 ? `pas encore de sauvegarde (gardées dans ${dir}, une par changement)` : `${n} sauvegarde${n > 1 ? 's' : ''} dans ${dir}`,
  newestGood: (at: string, items: number) => `dernière sauvegarde valide : ${at} (${items} élément${items > 1 ? 's' : ''})`,
  badBackups: (n: number) => `${n} sauvegarde${n > 1 ? 's sont illisibles et seront ignorées' : ' est illisible et sera ignorée'}`,
  lockHeld: 'verrouillé : un autre roadmap écrit en ce moment (le verrou d’un processus disparu est retiré au prochain changement)',
  lockDead: 'un verrou périmé (son processus a disparu, ou il n’en nomme aucun) : le prochain changement le retire',
  orphans: (n: number) =>
    `${n} fichier${n > 1 ? 's' : ''} temporaire${n > 1 ? 's' : ''} d’écritures interrompues (supprimé${n > 1 ? 's' : ''} au prochain changement)`,
  movedAside: (n: number) =>
    `${n} fichier${n > 1 ? 's' : ''} illisible${n > 1 ? 's' : ''} mis de côté par des réparations précédentes (gardé${n > 1 ? 's' : ''} pour toi, supprimables)`,
  historyTail: (file: string, bytes: number) =>
    `l’historique ${file} finit par ${bytes} octet${bytes > 1 ? 's' : ''} d’une écriture interrompue, jamais confirmée : ignoré${bytes > 1 ? 's' : ''} (retiré${bytes > 1 ? 's' : ''} au prochain changement)`,
  historyBadLines: (file: string, n: number) =>
    `${n} ligne${n > 1 ? 's' : ''} de l’historique ${file} ${n > 1 ? 'sont illisibles : ignorées' : 'est illisible : ignorée'}`,
  historyMissing: (file: string, bytes: number) =>
    `il manque à l’historique ${file} ${bytes} octet${bytes > 1 ? 's' : ''} qu’il avait (coupé ou supprimé hors de roadmap) : ces changements n’apparaissent plus dans \`roadmap log\` ; la progression elle-même est intacte`,
  historyForeign: (file: string) => `l’historique ${file} appartient à un autre document : pas lu`,
  adviceRestore: (at: string) => `lance \`roadmap doctor --repair\` : il met le fichier abîmé de côté et restaure la sauvegarde du ${at}.`,
  adviceEmpty: 'lance `roadmap doctor --repair` : il met le fichier abîmé de côté ; sans sauvegarde valide, la progression repart de zéro.',
  advicePermission: (path: string) =>
    `donne-toi l’accès au fichier (par exemple \`chmod u+rw ${path}\`) : il n’est pas abîmé, et --repair n’y touche pas.`,
  healthy: 'Rien à réparer : le fichier de progression est lisible.',
  movedTo: (path: string) => `Fichier illisible déplacé vers ${path} (gardé, rien n’est supprimé).`,
  restored: (at: string, path: string, items: number) =>
    `Sauvegarde du ${at} restaurée (${path}) : ${items} élément${items > 1 ? 's' : ''} enregistré${items > 1 ? 's' : ''}.`,
  emptied: 'Aucune sauvegarde valide à restaurer : la progression repart de zéro.',
});

export const stateErrorsEn = () => ({
  stateUnreadable: (path: string, reason: string) =>
    `cannot read the progress file ${path}: ${reason}. It was left untouched; run \`roadmap doctor\` to see what is wrong (\`roadmap doctor --repair\` restores the last good backup).`,
  stateUnwritable: (path: string, reason: string) => `cannot write the progress file ${path}: ${reason}. Nothing was changed.`,
  stateNewer: (path: string, version: number) =>
    `the progress file ${path} was written by a newer roadmap (schema ${version}): update roadmap (or run \`roadmap doctor\`). The file was left untouched.`,
  stateLocked: (path: string, pid: number | null, host?: string | null) =>
    `the progress file ${path} is locked by another roadmap${pid ? ` (process ${pid}${host ? ` on ${host}` : ''})` : ''} that is still running; try again when it has finished. Nothing was changed.`,
  lockRecovered: (path: string, reason: 'dead' | 'ownerless' | 'expired', pid: number | null, host: string | null) =>
    reason === 'dead'
      ? `removed a stale lock on ${path}: its process ${pid} is no longer running`
      : reason === 'ownerless'
        ? `removed a stale lock on ${path} that named no process (left by a killed or older roadmap)`
        : `removed a stale lock on ${path} left by process ${pid} on ${host} long ago`,
  stateChanged: (path: string) =>
    `the progress file ${path} was changed by another process while this command held its lock; this change was not written: run the command again.`,
  repairPermission: (path: string) =>
    `cannot read the progress file ${path}: permission denied. It is not damaged: give yourself access (e.g. \`chmod u+rw ${path}\`); nothing was repaired or moved.`,
  repairFailed: (path: string, reason: string) => `could not repair the progress file ${path}: ${reason}. It was left as it was.`,
  notVerified: 'the file written could not be read back complete (is the disk full or failing?); the previous version was put back',
  stateReason: (issue: StateIssue): string => {
    switch (issue.kind) {
      case 'directory':
        return 'it is a directory, not a file';
      case 'special':
        return 'it is not a regular file (a device, a FIFO or a socket): move it away';
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
  diskFull: 'no space left on the disk: free some space and run the command again',
  quotaFull: 'disk quota exceeded: free some space and run the command again',
  readOnly: 'the file system is read-only',
  notAFolder: (path: string) => `${path} is a file, not a folder (check ROADMAP_HOME and XDG_CONFIG_HOME)`,
  folderNotCreatable: 'its folder cannot be created there (check ROADMAP_HOME and XDG_CONFIG_HOME)',
  entryNotAFolder: (path: string) => `${path} is a file where roadmap keeps a folder of its own: move it aside or remove it`,
});

export const stateErrorsFr = (): ReturnType<typeof stateErrorsEn> => ({
  stateUnreadable: (path: string, reason: string) =>
    `impossible de lire le fichier de progression ${path} : ${reason}. Il n’a pas été modifié ; lance \`roadmap doctor\` pour voir ce qui ne va pas (\`roadmap doctor --repair\` restaure la dernière sauvegarde valide).`,
  stateUnwritable: (path: string, reason: string) =>
    `impossible d’écrire le fichier de progression ${path} : ${reason}. Rien n’a été modifié.`,
  stateNewer: (path: string, version: number) =>
    `le fichier de progression ${path} vient d’une version plus récente de roadmap (schéma ${version}) : mets roadmap à jour (ou lance \`roadmap doctor\`). Le fichier n’a pas été modifié.`,
  stateLocked: (path: string, pid: number | null, host?: string | null) =>
    `le fichier de progression ${path} est verrouillé par un autre roadmap${pid ? ` (processus ${pid}${host ? ` sur ${host}` : ''})` : ''} encore en cours ; réessaie quand il aura fini. Rien n’a été modifié.`,
  lockRecovered: (path: string, reason: 'dead' | 'ownerless' | 'expired', pid: number | null, host: string | null) =>
    reason === 'dead'
      ? `verrou périmé retiré sur ${path} : son processus ${pid} ne tourne plus`
      : reason === 'ownerless'
        ? `verrou périmé retiré sur ${path} : il ne nommait aucun processus (laissé par un roadmap interrompu ou plus ancien)`
        : `verrou périmé retiré sur ${path} : laissé il y a longtemps par le processus ${pid} sur ${host}`,
  stateChanged: (path: string) =>
    `le fichier de progression ${path} a été modifié par un autre processus pendant que cette commande tenait son verrou ; ce changement n’a pas été écrit : relance la commande.`,
  repairPermission: (path: string) =>
    `impossible de lire le fichier de progression ${path} : permission refusée. Il n’est pas abîmé : donne-toi l’accès (par exemple \`chmod u+rw ${path}\`) ; rien n’a été réparé ni déplacé.`,
  repairFailed: (path: string, reason: string) =>
    `impossible de réparer le fichier de progression ${path} : ${reason}. Il a été laissé tel quel.`,
  notVerified:
    'le fichier écrit n’a pas pu être relu en entier (disque plein ou défaillant ?) ; la version précédente a été remise en place',
  stateReason: (issue: StateIssue): string => {
    switch (issue.kind) {
      case 'directory':
        return 'c’est un dossier, pas un fichier';
      case 'special':
        return 'ce n’est pas un fichier ordinaire (un périphérique, un FIFO ou un socket) : déplace-le';
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
  diskFull: 'plus de place sur le disque : libère de la place et relance la commande',
  quotaFull: 'quota disque dépassé : libère de la place et relance la commande',
  readOnly: 'le système de fichiers est en lecture seule',
  notAFolder: (path: string) => `${path} est un fichier, pas un dossier (vérifie ROADMAP_HOME et XDG_CONFIG_HOME)`,
  folderNotCreatable: 'son dossier ne peut pas être créé à cet endroit (vérifie ROADMAP_HOME et XDG_CONFIG_HOME)',
  entryNotAFolder: (path: string) => `${path} est un fichier là où roadmap range un dossier à lui : déplace-le ou supprime-le`,
});
