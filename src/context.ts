import { dirname, join } from 'node:path';
import { Chalk, type ChalkInstance } from 'chalk';
import { UsageError, UserError } from './errors.js';
import { type LoadedOutline, type LoadedRoadmap, type LoadOptions, loadOutline, loadRoadmap } from './io/load-roadmap.js';
import { applyRecordedKeys } from './roadmap/recorded-keys.js';
import { relativeHomeOf, type StatePaths, statePaths } from './store/paths.js';
import { Store } from './store/store.js';
import { errorMessage, lockRecoveredLine } from './ui/error-words.js';
import type { Lang } from './ui/lang.js';
import { type Messages, messagesFor } from './ui/messages.js';
import { inquirerPrompts, type Prompts } from './ui/prompts.js';

export type Env = Record<string, string | undefined>;

/** Where a command writes: stdout or stderr, or a buffer in tests. */
export interface Output {
  write(text: string): void;
  readonly isTTY: boolean;
  readonly columns: number;
}

/** Everything a command needs from the outside world: streams, clock, language, colour, files. */
export interface Context {
  stdout: Output;
  stderr: Output;
  env: Env;
  cwd: string;
  lang: Lang;
  t: Messages;
  chalk: ChalkInstance;
  /** stdin and stdout are both terminals: prompting is possible. */
  isInteractive: boolean;
  /** Every interactive prompt (inquirer, loaded on first use; replaced in tests). */
  prompts: Prompts;
  json: boolean;
  /** The current time (`ROADMAP_NOW` when set). */
  now(): Date;
  paths: StatePaths;
  store: Store;
  /** The document the command works on (`--file`, `ROADMAP_FILE`, `roadmap use`, else the bundled roadmap). */
  loadRoadmap(): Promise<LoadedRoadmap>;
  /** The same document's outline only (levels, sections, item keys): all `status` needs, read faster. */
  loadOutline(): Promise<LoadedOutline>;
  /** Any document (undefined: the bundled roadmap), read and parsed, without tracking its changes. */
  loadDocument(file: string | undefined): Promise<LoadedRoadmap>;
}

export interface GlobalOptions {
  file?: string | undefined;
  json?: boolean | undefined;
  /** false for `--no-color`. */
  color?: boolean | undefined;
  lang: Lang;
}

export interface ContextIO {
  stdout: Output;
  stderr: Output;
  /** Whether stdin is a terminal (a function: asked only when a command wants to prompt). */
  stdinIsTTY: boolean | (() => boolean);
  env: Env;
  cwd: string;
  /** The package's root folder (holds `data/` and `dist/`). */
  packageRoot: string;
  /** The system clock; replaced by ROADMAP_NOW. */
  clock?: () => Date;
  /** The prompts; inquirer's by default. */
  prompts?: Prompts;
}

const ISO_DATE = /^\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?$/;

/** Parses `ROADMAP_NOW`; throws a UserError when it is not an ISO date or date-time. */
export function parseNow(value: string, t: Messages): Date {
  const date = new Date(value);
  if (!ISO_DATE.test(value.trim()) || Number.isNaN(date.getTime())) throw new UserError(t.errors.badNow(value));
  return date;
}

/**
 * Colour level: `--no-color` wins; then FORCE_COLOR (as Node reads it: 0/false off, 1-3 a level);
 * then NO_COLOR (set, not empty) and a stdout that is not a terminal, or TERM=dumb, give plain text.
 */
export function colorLevel(flag: boolean | undefined, env: Env, stdoutIsTTY: boolean): 0 | 1 | 2 | 3 {
  const level = terminalColorLevel(flag, env, stdoutIsTTY);
  // The terminal's own 16 colours by default: its theme adapts them to a light or dark background.
  // More only on request (docs/guide.md): ROADMAP_COLORS=256 or truecolor.
  const wanted = env.ROADMAP_COLORS === 'truecolor' ? 3 : env.ROADMAP_COLORS === '256' ? 2 : 1;
  return level === 0 ? 0 : (Math.min(level, wanted) as 1 | 2 | 3);
}

/** The colour level the flag, the environment and the terminal allow (chalk's rules, NO_COLOR honoured). */
function terminalColorLevel(flag: boolean | undefined, env: Env, stdoutIsTTY: boolean): 0 | 1 | 2 | 3 {
  if (flag === false) return 0;
  const force = env.FORCE_COLOR;
  if (force !== undefined) {
    if (force === '0' || force === 'false') return 0;
    return force === '2' ? 2 : force === '3' ? 3 : 1;
  }
  if (env.NO_COLOR) return 0;
  if (!stdoutIsTTY || env.TERM === 'dumb') return 0;
  const colorterm = env.COLORTERM;
  if (colorterm === 'truecolor' || colorterm === '24bit') return 3;
  return /-256(color)?$/i.test(env.TERM ?? '') ? 2 : 1;
}

/** Builds the Context of one run from the parsed global options and the process's I/O. */
export function createContext(options: GlobalOptions, io: ContextIO): Context {
  const t = messagesFor(options.lang);
  const relativeHome = relativeHomeOf(io.env);
  if (relativeHome !== undefined) throw new UsageError(t.errors.relativeHome(relativeHome));
  const nowValue = io.env.ROADMAP_NOW;
  const fixed = nowValue ? parseNow(nowValue, t) : undefined;
  const clock = io.clock ?? (() => new Date());
  const paths = statePaths(io.env);
  const now = () => (fixed ? new Date(fixed) : clock());
  const store = new Store(paths, now, { warn: (notice) => io.stderr.write(`${lockRecoveredLine(notice, t)}\n`) });
  let loaded: Promise<LoadedRoadmap> | undefined;
  let interactive: boolean | undefined;
  const chalk = new Chalk({ level: colorLevel(options.color, io.env, io.stdout.isTTY) });
  // The state of a document, if the state file can be read: an unreadable one is reported by the command that needs it.
  const docStateOf = (docId: string) => {
    try {
      const state = store.read();
      return Object.hasOwn(state.documents, docId) ? state.documents[docId] : undefined;
    } catch {
      return undefined;
    }
  };
  const optionsFor = (file: string | undefined): LoadOptions => ({
    file,
    cwd: io.cwd,
    bundledPath: join(io.packageRoot, 'data', 'roadmap.md'),
    bundledModelPath: join(io.packageRoot, 'dist', 'roadmap.model.json'),
    bundledOutlinePath: join(io.packageRoot, 'dist', 'roadmap.outline.json'),
    cacheDir: paths.cacheDir,
    lastHashOf: (docId) => docStateOf(docId)?.contentHash,
  });
  // The keys recorded for a document's items, when they were recorded for exactly this content.
  const recordedKeys = (docId: string, hash: string) => {
    const docState = docStateOf(docId);
    return docState?.contentHash === hash ? docState.keys : undefined;
  };
  const loadDocument = async (file: string | undefined) => {
    const doc = await loadRoadmap(optionsFor(file));
    applyRecordedKeys(doc.model.items, recordedKeys(doc.docId, doc.hash));
    return doc;
  };
  const chosen = () => chosenDocument(options.file, io.env, store);
  // `roadmap use`'s document gone: the error says how to go back to the bundled roadmap.
  const withUseHint = (byUse: boolean) => (error: unknown) => {
    if (byUse && error instanceof UserError) throw new UserError(errorMessage(error, t), [t.documents.use.missingHint]);
    throw error;
  };
  const track = async (doc: LoadedRoadmap) => {
    const { trackDocumentChanges } = await import('./store/track-changes.js');
    const changes = await trackDocumentChanges(doc, { store, now });
    if (changes) {
      // To stderr: stdout may be JSON.
      const { renderDocumentChanges } = await import('./ui/render-identity.js');
      for (const line of renderDocumentChanges(changes, t)) io.stderr.write(`${line}\n`);
    }
    applyRecordedKeys(doc.model.items, recordedKeys(doc.docId, doc.hash));
    return doc;
  };
  const loadChosen = () => {
    loaded ??= (async () => {
      const { file, byUse } = chosen();
      return track(await loadRoadmap(optionsFor(file)).catch(withUseHint(byUse)));
    })();
    return loaded;
  };
  return {
    stdout: io.stdout,
    stderr: io.stderr,
    env: io.env,
    cwd: io.cwd,
    lang: options.lang,
    t,
    chalk,
    // Asked on first use only: knowing whether stdin is a terminal loads node:tty (and node:net).
    get isInteractive() {
      interactive ??= io.stdout.isTTY && (typeof io.stdinIsTTY === 'function' ? io.stdinIsTTY() : io.stdinIsTTY);
      return interactive;
    },
    set isInteractive(value: boolean) {
      interactive = value;
    },
    prompts: io.prompts ?? inquirerPrompts({ t, chalk }),
    json: options.json === true,
    now,
    paths,
    store,
    loadRoadmap: loadChosen,
    async loadOutline() {
      if (!loaded) {
        const { file, byUse } = chosen();
        const doc = await loadOutline(optionsFor(file)).catch(withUseHint(byUse));
        const docState = docStateOf(doc.docId);
        // Unchanged since the state last saw it (or never seen, no tick to record): nothing to track, the outline is all.
        if (docState ? docState.contentHash === doc.hash : !doc.outline.items.some((item) => item.checked)) {
          applyRecordedKeys(doc.outline.items, docState?.keys);
          if (doc.loaded) {
            if (doc.loaded.model !== doc.outline) applyRecordedKeys(doc.loaded.model.items, docState?.keys);
            loaded = Promise.resolve(doc.loaded);
          }
          return doc;
        }
        // Changed: its changes are tracked on the model, as every command does.
        loaded = doc.loaded ? track(doc.loaded) : undefined;
      }
      const doc = await loadChosen();
      return { docId: doc.docId, hash: doc.hash, outline: doc.model, loaded: doc };
    },
    loadDocument,
  };
}

/**
 * The document a command works on: `--file`, else `ROADMAP_FILE`, else the one chosen with
 * `roadmap use` (recorded in the state file), else the bundled roadmap (undefined).
 */
export function chosenDocument(flag: string | undefined, env: Env, store: Store): { file: string | undefined; byUse: boolean } {
  const explicit = flag ?? (env.ROADMAP_FILE || undefined);
  if (explicit !== undefined) return { file: explicit, byUse: false };
  let current: string | undefined;
  try {
    current = store.read().current;
  } catch {
    // An unreadable state file is reported by the command that needs it.
  }
  return { file: current, byUse: current !== undefined };
}

/** The package root, from the folder of a module one folder down (`dist/` for `dist/main.cjs`, `src/`). */
export function packageRootFrom(moduleDir: string): string {
  return dirname(moduleDir);
}
