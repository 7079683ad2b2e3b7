import { isAbsolute, join } from 'node:path';

export interface StatePaths {
  /** Folder that holds the state file (conf's `cwd`). */
  home: string;
  /** The state file itself. */
  stateFile: string;
  /** Folder of the parsed-model cache. */
  cacheDir: string;
}

export const STATE_NAME = 'state';

/** An absolute path from the environment; a relative one is ignored, as the XDG spec asks (it would depend on the current folder). */
const absolute = (value: string | undefined) => (value && isAbsolute(value) ? value : undefined);

/**
 * Where roadmap keeps its files: `$ROADMAP_HOME`, else `$XDG_CONFIG_HOME/roadmap`, else
 * `~/.config/roadmap`; the model cache under `$XDG_CACHE_HOME/roadmap` (or `~/.cache/roadmap`).
 * Relative XDG folders are ignored (the XDG Base Directory spec); a relative `HOME` too, for the home
 * folder of the user's account. A relative `ROADMAP_HOME` is refused by `relativeHomeOf` before any
 * command uses these paths.
 */
export function statePaths(env: Record<string, string | undefined>): StatePaths {
  // node:os only when HOME is unset or relative: loading it would cost every start.
  const home = () => absolute(env.HOME) ?? accountHome();
  const configRoot = absolute(env.XDG_CONFIG_HOME) ?? join(home(), '.config');
  const cacheRoot = absolute(env.XDG_CACHE_HOME) ?? join(home(), '.cache');
  const dir = env.ROADMAP_HOME || join(configRoot, 'roadmap');
  return { home: dir, stateFile: join(dir, `${STATE_NAME}.json`), cacheDir: join(cacheRoot, 'roadmap') };
}

/** `ROADMAP_HOME` when it is set to a relative path (a mistake: it would change with the current folder), else undefined. */
export function relativeHomeOf(env: Record<string, string | undefined>): string | undefined {
  const value = env.ROADMAP_HOME;
  return value && !isAbsolute(value) ? value : undefined;
}

/** The home folder of the user's account (from the password database), whatever HOME says; else Node's answer. */
function accountHome(): string {
  const os = process.getBuiltinModule('node:os');
  try {
    const { homedir } = os.userInfo();
    if (homedir && isAbsolute(homedir)) return homedir;
  } catch {
    // No entry for this user (a container with an arbitrary uid): Node's own answer below.
  }
  return os.homedir();
}
