import { mkdirSync, readFileSync } from 'node:fs';
import { UserError } from '../errors.js';
import type { Messages } from '../ui/messages.js';
import { STATE_NAME, type StatePaths } from './paths.js';
import { checkState, emptyState, migrateState, type State } from './state.js';

/**
 * The only code that touches the state file. Reads go straight to the file conf writes (same path,
 * same JSON), so read-only commands pay for neither conf's validator nor the lock. Writes take a
 * cross-process lock around read-modify-write and let conf write the file atomically.
 */
export class Store {
  constructor(
    readonly paths: StatePaths,
    private readonly t: Messages,
  ) {}

  /** The current state; an empty one when no file exists yet. Throws a UserError when the file cannot be used. */
  read(): State {
    const file = this.paths.stateFile;
    let raw: string;
    try {
      raw = readFileSync(file, 'utf8');
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code === 'ENOENT') return emptyState();
      const reason = code === 'EISDIR' ? 'it is a directory' : code === 'EACCES' ? 'permission denied' : String(code);
      throw new UserError(this.t.errors.stateUnreadable(file, reason));
    }
    let data: unknown;
    try {
      data = JSON.parse(raw);
    } catch {
      throw new UserError(this.t.errors.stateUnreadable(file, raw.trim() === '' ? 'the file is empty' : 'invalid JSON'));
    }
    // An older schema is upgraded in memory; the file changes only with the next write.
    data = migrateState(data);
    const problem = checkState(data);
    if (problem?.kind === 'newer') throw new UserError(this.t.errors.stateNewer(file, problem.version));
    if (problem) throw new UserError(this.t.errors.stateUnreadable(file, problem.reason));
    return data as State;
  }

  /**
   * Read-modify-write under a cross-process lock: `change` gets the freshly read state, mutates it and
   * returns a result; the state is then written atomically. A state file that cannot be read is never
   * overwritten (the UserError from `read` propagates before anything is written).
   */
  async update<T>(change: (state: State) => T): Promise<T> {
    const { home, stateFile } = this.paths;
    try {
      mkdirSync(home, { recursive: true });
    } catch (error) {
      throw this.writeError(error);
    }
    // The default export: a split esbuild bundle exposes a CommonJS module's exports only there.
    const { default: lockfile } = await import('proper-lockfile');
    const { lock } = lockfile;
    let release: () => Promise<void>;
    try {
      release = await lock(stateFile, {
        realpath: false,
        lockfilePath: `${stateFile}.lock`,
        // A lock older than this was left by a killed process: taken over.
        stale: 4000,
        retries: { retries: 400, factor: 1, minTimeout: 10, maxTimeout: 30, randomize: true },
        onCompromised: () => {},
      });
    } catch (error) {
      throw this.writeError(error);
    }
    try {
      const state = this.read();
      const result = change(state);
      const confModule = await import('conf');
      // In the CommonJS build an ESM package's whole namespace arrives as `default` (node-mode interop).
      const exported = confModule.default as unknown as { default?: typeof confModule.default };
      const Conf = exported.default ?? confModule.default;
      const conf = new Conf<Record<string, unknown>>({
        projectName: 'roadmap',
        projectSuffix: '',
        cwd: home,
        configName: STATE_NAME,
        clearInvalidConfig: false,
        // conf is only the atomic writer here: `read` has just read and checked the file under the lock.
        // Without this, conf's constructor and its `store` setter each parse the file again and
        // deep-compare it with its defaults (two parses and a deep compare of a state with snapshots).
        deserialize: () => ({}),
      });
      try {
        conf.store = state as unknown as Record<string, unknown>;
      } catch (error) {
        throw this.writeError(error);
      }
      return result;
    } finally {
      await release().catch(() => {});
    }
  }

  private writeError(error: unknown): UserError {
    const code = (error as NodeJS.ErrnoException).code;
    const reason = code === 'EACCES' || code === 'EPERM' || code === 'EROFS' ? 'permission denied' : String(code ?? error);
    return new UserError(this.t.errors.stateUnwritable(this.paths.stateFile, reason));
  }
}
