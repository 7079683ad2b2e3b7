// Usage errors (issue 20 point 3): every kind commander finds is one `roadmap: …` line in the UI's
// language, exit 2, nothing on stdout — the same whether boot.ts sends the line to the lean bundle
// (which hands any line it cannot read to commander) or straight to commander (ROADMAP_HOT=0).
import { describe, expect, it } from 'vitest';
import { runRoadmap, scratchHome } from '../helpers/cli.js';

const { env } = scratchHome();

const cases: [string[], string][] = [
  [['stauts'], 'roadmap : commande inconnue « stauts » ; voulais-tu dire « status » ?'],
  [['zzz'], 'roadmap : commande inconnue « zzz » ; voir `roadmap --help`'],
  [['project', 'lnk'], 'roadmap : commande inconnue « lnk » ; voulais-tu dire « link » ?'],
  [['help', 'stauts'], 'roadmap : commande inconnue « stauts » ; voulais-tu dire « status » ?'],
  [['status', '--bogus'], 'roadmap : option inconnue « --bogus » pour `roadmap status` ; voir `roadmap status --help`'],
  [['list', '--tood'], 'roadmap : option inconnue « --tood » pour `roadmap list` ; voulais-tu dire « --todo » ?'],
  [['--bogus'], 'roadmap : option inconnue « --bogus » pour `roadmap` ; voir `roadmap --help`'],
  [['next', '-x'], 'roadmap : option inconnue « -x » pour `roadmap next` ; voir `roadmap next --help`'],
  [['info'], 'roadmap : `roadmap info` attend <item> ; voir `roadmap info --help`'],
  [['project', 'link', '1'], 'roadmap : `roadmap project link` attend <url> ; voir `roadmap project link --help`'],
  [['check', '--level'], 'roadmap : --level attend une valeur ; voir `roadmap check --help`'],
  [['status', '--level', 'abc'], 'roadmap : --level attend un numéro de niveau, pas « abc »'],
  [['next', '--count', '0'], 'roadmap : --count attend un nombre entier d’au moins 1, pas « 0 »'],
  [['--lang', 'fr', '--lang', 'de'], 'roadmap : --lang attend fr ou en, pas « de »'],
  [['export', '--format', 'pdf'], 'roadmap : --format attend md, json, html ou svg, pas « pdf »'],
  [['completion', 'tcsh'], 'roadmap : <shell> attend bash, zsh ou fish, pas « tcsh »'],
  [['list', 'extra'], 'roadmap : trop d’arguments pour `roadmap list` : aucun attendu, 1 donné ; voir `roadmap list --help`'],
];

describe.each([
  ['the default way (boot, lean bundle first)', {}],
  ['commander only (ROADMAP_HOT=0)', { ROADMAP_HOT: '0' }],
])('usage errors in French, %s', (_way, extra) => {
  it.each(cases)('roadmap %j', (args, line) => {
    const r = runRoadmap(args, { ...env, ...extra, ROADMAP_LANG: 'fr' });
    expect(r).toEqual({ code: 2, stdout: '', stderr: `${line}\n` });
  });

  it('the same in English, with --lang en', () => {
    const r = runRoadmap(['--lang', 'en', 'stauts'], { ...env, ...extra, ROADMAP_LANG: 'fr' });
    expect(r).toEqual({ code: 2, stdout: '', stderr: 'roadmap: unknown command "stauts"; did you mean "status"?\n' });
  });
});
