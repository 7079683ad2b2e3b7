import { join } from 'node:path';

export interface StatePaths {
  /** Folder that holds the state file (conf's `cwd`). */
  home: string;
  /** The state file itself. */
  stateFile: string;
  /** Folder of the parsed-model cache. */
  cacheDir: string;
}

export const STATE_NAME = 'state';

/**
 * Where roadmap keeps its files: `$ROADMAP_HOME`, else `$XDG_CONFIG_HOME/roadmap`, else
 * `~/.config/roadmap`; the model cache under `$XDG_CACHE_HOME/roadmap` (or `~/.cache/roadmap`).
 */
export function statePaths(env: Record<string, string | undefined>): StatePaths {
  // node:os only when HOME is unset: loading it would cost every start.
  const home = () => env.HOME || process.getBuiltinModule('node:os').homedir();
  const configRoot = env.XDG_CONFIG_HOME || join(home(), '.config');
  const cacheRoot = env.XDG_CACHE_HOME || join(home(), '.cache');
  const dir = env.ROADMAP_HOME || join(configRoot, 'roadmap');
  return { home: dir, stateFile: join(dir, `${STATE_NAME}.json`), cacheDir: join(cacheRoot, 'roadmap') };
}
