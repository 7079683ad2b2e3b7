import { describe, expect, it } from 'vitest';
import { ExitCode, UsageError, UserError } from '../../src/errors.js';
import { ExportError } from '../../src/io/errors.js';
import { BadUrl, NotAPartNumber, PartNotFound } from '../../src/progress/errors.js';
import { checkedUrl, resolvePart } from '../../src/progress/portfolio.js';
import { StateError } from '../../src/progress/state-errors.js';
import { DocumentError, UnknownLevel, UnknownSection } from '../../src/roadmap/errors.js';
import type { Roadmap } from '../../src/roadmap/model.js';
import { levelIndex, sectionItemIds } from '../../src/roadmap/select.js';
import { errorWords } from '../../src/ui/error-words.js';
import { messagesFor } from '../../src/ui/messages.js';

const en = messagesFor('en');
const fr = messagesFor('fr');
const STATE_FR_READ_ONLY = `impossible d’écrire le fichier de progression /h/state.json : le système de fichiers est en lecture seule. Rien n’a été modifié.`;
const parts = [
  { number: 1, text: 'Une API' },
  { number: 2, text: 'Une CI' },
];

// Each typed error of the core, and the exact words the user reads for it in each language.
const CASES: { error: UserError; en: [string, string[]]; fr: [string, string[]] }[] = [
  {
    error: new DocumentError('/a/b.md', { kind: 'missing' }),
    en: ['cannot read /a/b.md: no such file', []],
    fr: ['impossible de lire /a/b.md : fichier introuvable', []],
  },
  {
    error: new DocumentError('/a/b.md', { kind: 'tooLarge', limitMb: 10 }),
    en: ['cannot read /a/b.md: larger than the 10 MB limit for a roadmap document', []],
    fr: ['impossible de lire /a/b.md : plus de 10 Mo, la limite pour un document de roadmap', []],
  },
  {
    error: new DocumentError('/a/b.md', { kind: 'notUtf8' }),
    en: ['cannot read /a/b.md: not UTF-8 text', []],
    fr: ['impossible de lire /a/b.md : ce n’est pas du texte UTF-8', []],
  },
  {
    error: new DocumentError('/a/b.md', { kind: 'unreadable', reason: 'EIO' }),
    en: ['cannot read /a/b.md: EIO', []],
    fr: ['impossible de lire /a/b.md : EIO', []],
  },
  {
    error: new UnknownLevel(9, [1, 2, 3]),
    en: ['no level 9 in this roadmap (levels: 1, 2, 3)', []],
    fr: ['pas de niveau 9 dans cette roadmap (niveaux : 1, 2, 3)', []],
  },
  {
    error: new UnknownLevel(1, []),
    en: ['no level 1 in this roadmap (levels: -)', []],
    fr: ['pas de niveau 1 dans cette roadmap (niveaux : -)', []],
  },
  {
    error: new UnknownSection('graphes', ['Arbres', 'Tris']),
    en: ['no section matches "graphes"', ['sections: Arbres, Tris']],
    fr: ['aucune section ne correspond à « graphes »', ['sections : Arbres, Tris']],
  },
  {
    error: new UnknownSection('x', []),
    en: ['no section matches "x"', []],
    fr: ['aucune section ne correspond à « x »', []],
  },
  {
    error: new BadUrl('ftp://x', 'badUrl'),
    en: ['"ftp://x" is not an http(s) address (e.g. https://github.com/me/my-project)', []],
    fr: ['« ftp://x » n’est pas une adresse http(s) (ex. https://github.com/moi/mon-projet)', []],
  },
  {
    error: new PartNotFound('9', 'unknown', parts),
    en: ['no part of the project matches "9"', ['the parts are:', '  1  Une API', '  2  Une CI']],
    fr: ['aucune partie du projet ne correspond à « 9 »', ['les parties sont :', '  1  Une API', '  2  Une CI']],
  },
  {
    error: new PartNotFound('une', 'ambiguous', parts),
    en: ['"une" matches several parts of the project; use its number:', ['  1  Une API', '  2  Une CI']],
    fr: ['« une » correspond à plusieurs parties du projet ; utilise son numéro :', ['  1  Une API', '  2  Une CI']],
  },
  {
    error: new NotAPartNumber('1.5'),
    en: ['"1.5" is not a part number: give a whole number from 1, a key or part of the text', []],
    fr: ['« 1.5 » n’est pas un numéro de partie : donne un nombre entier à partir de 1, une clé ou un morceau du texte', []],
  },
  {
    error: new ExportError('/x/out.html', { kind: 'cannotWrite', reason: 'readOnly' }),
    en: ['cannot write /x/out.html: the file system is read-only; choose another place', []],
    fr: ['impossible d’écrire /x/out.html : le système de fichiers est en lecture seule ; choisis un autre endroit', []],
  },
  {
    error: new ExportError('/x', { kind: 'cannotWrite', reason: 'directory' }),
    en: ['cannot write /x: it is a directory; name a file', []],
    fr: ['impossible d’écrire /x : c’est un dossier ; nomme un fichier', []],
  },
  {
    error: new ExportError('/x/out.html', { kind: 'cannotWrite', reason: { code: 'EIO' } }),
    en: ['cannot write /x/out.html: EIO', []],
    fr: ['impossible d’écrire /x/out.html : EIO', []],
  },
  {
    error: new StateError('/h/state.json', { kind: 'unwritable', failure: { kind: 'readOnly' } }),
    en: ['cannot write the progress file /h/state.json: the file system is read-only. Nothing was changed.', []],
    fr: [STATE_FR_READ_ONLY, []],
  },
  {
    error: new UserError('already worded by a command', ['a detail']),
    en: ['already worded by a command', ['a detail']],
    fr: ['already worded by a command', ['a detail']],
  },
];

describe('errorWords: the core throws data, ui/ chooses the words', () => {
  it.each(CASES)('words $error.name in English and French', ({ error, en: [enMessage, enDetails], fr: [frMessage, frDetails] }) => {
    expect(errorWords(error, en)).toEqual({ message: enMessage, details: enDetails });
    expect(errorWords(error, fr)).toEqual({ message: frMessage, details: frDetails });
  });

  it('keeps the exit codes of the contract: user errors 1, a part number that is not one a usage error (2)', () => {
    expect(new UnknownLevel(9, [1]).exitCode).toBe(ExitCode.error);
    expect(new DocumentError('/x', { kind: 'missing' }).exitCode).toBe(ExitCode.error);
    expect(new NotAPartNumber('1.5')).toBeInstanceOf(UsageError);
    expect(new NotAPartNumber('1.5').exitCode).toBe(ExitCode.usage);
  });
});

describe('the core throws typed errors with their data', () => {
  const model = {
    levels: [
      { number: 1, sections: [{ title: 'Arbres', itemIds: [1] }] },
      { number: 3, sections: [{ title: 'Tris', itemIds: [2] }] },
    ],
  } as unknown as Roadmap;

  it('levelIndex: an UnknownLevel naming the known numbers', () => {
    expect(() => levelIndex(model, 2)).toThrow(UnknownLevel);
    expect(() => levelIndex(model, 2)).toThrow(expect.objectContaining({ level: 2, known: [1, 3] }));
    expect(levelIndex(model, 3)).toBe(1);
  });

  it('sectionItemIds: an UnknownSection with every title', () => {
    expect(() => sectionItemIds(model, 'graphes')).toThrow(expect.objectContaining({ text: 'graphes', titles: ['Arbres', 'Tris'] }));
    expect([...sectionItemIds(model, 'TRIS')]).toEqual([2]);
  });

  it('checkedUrl and resolvePart: BadUrl, NotAPartNumber, PartNotFound', () => {
    expect(() => checkedUrl('javascript:alert(1)')).toThrow(expect.objectContaining({ value: 'javascript:alert(1)', problem: 'badUrl' }));
    expect(() => checkedUrl('https://x.org/\u001b[2J')).toThrow(expect.objectContaining({ problem: 'control' }));
    const capstone = { parts: parts.map((p) => ({ ...p, key: '' })) } as never;
    expect(() => resolvePart(capstone, '-2')).toThrow(NotAPartNumber);
    expect(() => resolvePart(capstone, 'zzz')).toThrow(PartNotFound);
  });
});
