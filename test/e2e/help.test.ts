import { describe, expect, it } from 'vitest';
import { runRoadmap, scratchHome } from '../helpers/cli.js';

describe('help of the installed binary', () => {
  const { env } = scratchHome();

  // Golden files: review the diff, then update them with `npx vitest run test/e2e/help.test.ts -u`.
  it.each([
    ['en', { LANG: 'C' }],
    ['fr', { LANG: 'fr_FR.UTF-8' }],
  ])('the main help in %s matches its golden file', async (lang, langEnv) => {
    const r = runRoadmap(['--help'], { ...env, ...langEnv });
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('');
    await expect(r.stdout).toMatchFileSnapshot(`__golden__/help.${lang}.txt`);
  });

  it('`roadmap help <command>` prints that command’s help, nested ones too', () => {
    const viaHelp = runRoadmap(['help', 'project', 'link'], env);
    expect(viaHelp).toMatchObject({ code: 0, stderr: '' });
    expect(viaHelp.stdout).toBe(runRoadmap(['project', 'link', '--help'], env).stdout);
    expect(viaHelp.stdout).toContain('Usage: roadmap project link [options] <part> <url>');
  });

  it('`roadmap help <unknown>` is a usage error (exit 2) on stderr', () => {
    const r = runRoadmap(['help', 'nope'], env);
    expect(r).toEqual({ code: 2, stdout: '', stderr: 'roadmap: unknown command "nope"; did you mean "note"?\n' });
  });
});
