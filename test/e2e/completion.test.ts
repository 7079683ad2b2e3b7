import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { describe, expect, inject, it } from 'vitest';
import { runRoadmap, scratchHome } from '../helpers/cli.js';
import { BASH_COMPLETION, requires } from '../helpers/requires.js';

// zsh, fish and bash-completion come from Debian (.ci/run installs them): see test/helpers/requires.ts.
const runs = { bash: true, zsh: requires('zsh'), fish: requires('fish'), 'bash-completion': requires('bash-completion') };

const POSTGRES = 'postgresql-en-particulier-le-plus-utilise-en-prod';

describe('shell completion, with the installed binary and the real shells', () => {
  const { dir, env } = scratchHome();
  const shellEnv = { ...env, PATH: `${dirname(inject('roadmapBin'))}:${process.env.PATH ?? ''}`, LANG: 'C' };
  const script = (shell: string) => {
    const r = runRoadmap(['completion', shell], env);
    expect(r).toMatchObject({ code: 0, stderr: '' });
    const file = join(dir, `roadmap.${shell}`);
    writeFileSync(file, r.stdout);
    return file;
  };
  const run = (shell: string, args: string[]) => {
    const r = spawnSync(shell, args, { env: shellEnv, encoding: 'utf8', timeout: 20_000 });
    return { code: r.status, stdout: r.stdout, stderr: r.stderr };
  };

  for (const shell of ['bash', 'zsh', 'fish']) {
    it.runIf(runs[shell as 'bash' | 'zsh' | 'fish'])(
      `\`roadmap completion ${shell}\` is a valid script for its shell (${shell} -n)`,
      () => {
        const file = script(shell);
        expect(run(shell, ['-n', file])).toMatchObject({ code: 0, stderr: '' });
      },
    );
  }

  it('answers the completion protocol: `roadmap check post` offers the PostgreSQL item', () => {
    const r = runRoadmap(['complete', '--', 'check', 'post'], env);
    expect(r).toMatchObject({ code: 0, stderr: '', stdout: `${POSTGRES}\tPostgreSQL en particulier (le plus utilisé en prod)\n:4\n` });
  });

  it('rejects an unknown shell with a usage error', () => {
    const r = runRoadmap(['completion', 'tcsh'], env);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('tcsh');
  });

  it.runIf(runs.fish)('fish completes `roadmap check post` with the item and its text', () => {
    const file = script('fish');
    const r = run('fish', ['-c', `source ${file}; complete -C 'roadmap check post'; complete -C 'roadmap sta'`]);
    expect(r.code).toBe(0);
    expect(r.stdout.split('\n')).toEqual([
      `${POSTGRES}\tPostgreSQL en particulier (le plus utilisé en prod)`,
      'start\tmark items in progress',
      'status\twhere you stand: overall, per level, per section',
      '',
    ]);
  });

  it.runIf(runs['bash-completion'])('bash (with bash-completion) completes `roadmap check post`', () => {
    const file = script('bash');
    const line = 'roadmap check post';
    const r = run('bash', [
      '-c',
      `source ${BASH_COMPLETION}; source ${file}; COMP_WORDS=(${line}); COMP_CWORD=2; COMP_LINE='${line}'; COMP_POINT=${line.length}; ` +
        // biome-ignore lint/suspicious/noTemplateCurlyInString: bash's ${…}, not JavaScript's.
        '__roadmap_complete 2>/dev/null; printf "%s\\n" "${COMPREPLY[@]}"; complete -p roadmap',
    ]);
    expect(r.stdout).toBe(`${POSTGRES}\ncomplete -o default -F __roadmap_complete roadmap\n`);
  });

  it('bash: the script can be sourced twice (a re-read ~/.bashrc) without a `readonly variable` error', () => {
    const file = script('bash');
    const r = run('bash', ['-c', `source ${file}; source ${file}; echo "$ShellCompDirectiveKeepOrder"; complete -p roadmap`]);
    expect(r).toEqual({ code: 0, stderr: '', stdout: '32\ncomplete -o default -F __roadmap_complete roadmap\n' });
  });

  it('item numbers are offered in number order, and the shell is asked to keep that order (not 1 10 11 … 2)', () => {
    const r = runRoadmap(['complete', '--', 'check', ''], env);
    const lines = r.stdout.trimEnd().split('\n');
    const numbers = lines.slice(0, -1).map((line) => Number(line.split('\t')[0]));
    expect(numbers).toEqual([...numbers].sort((a, b) => a - b));
    expect(numbers.slice(0, 3)).toEqual([1, 2, 3]);
    // 32: keep the order given (bash: `compopt -o nosort`); 4: no file names.
    expect(lines.at(-1)).toBe(':36');
    expect(runRoadmap(['complete', '--', 'check', 'post'], env).stdout.endsWith('\n:4\n')).toBe(true);
  });

  it.runIf(runs['bash-completion'])('bash (with bash-completion) keeps the numbers in order after sourcing twice', () => {
    const file = script('bash');
    const line = 'roadmap check 1';
    const r = run('bash', [
      '-c',
      `source ${BASH_COMPLETION}; source ${file}; source ${file}; COMP_WORDS=(${line}); COMP_CWORD=2; COMP_LINE='${line}'; COMP_POINT=${line.length}; ` +
        // biome-ignore lint/suspicious/noTemplateCurlyInString: bash's ${…}, not JavaScript's.
        '__roadmap_complete 2>/dev/null; printf "%s " "${COMPREPLY[@]:0:4}"',
    ]);
    expect(r).toMatchObject({ code: 0, stderr: '', stdout: '1 10 11 12 ' });
  });

  it.runIf(runs.zsh)('zsh completes `roadmap check post` (completion-system builtins stubbed)', () => {
    const file = script('zsh');
    // compdef and _describe belong to zsh's completion system, which needs a terminal: these stand-ins
    // print what the script hands them.
    const stubs =
      // biome-ignore lint/suspicious/noTemplateCurlyInString: zsh's ${…}, not JavaScript's.
      'compdef() { :; }; _describe() { (( ${#${(@P)2}} )) || return 1; print -rl -- "${(@P)2}"; }; _arguments() { print -r -- "files: $*"; };';
    const r = run('zsh', [
      '-c',
      `${stubs} source ${file}; words=(roadmap check post); CURRENT=3; _roadmap; words=(roadmap --file ''); CURRENT=3; _roadmap`,
    ]);
    expect(r.stdout).toBe(`${POSTGRES}:PostgreSQL en particulier (le plus utilisé en prod)\nfiles: *:filename:_files \n`);
  });
});
