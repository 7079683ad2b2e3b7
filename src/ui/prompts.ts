import type { ChalkInstance } from 'chalk';
import type { Messages } from './messages.js';

/** A line of a prompt's list: a choice, or a heading that cannot be chosen. */
export type PromptEntry<V> = PromptChoice<V> | { separator: string };

export interface PromptChoice<V> {
  /** What the list shows. */
  name: string;
  value: V;
  /** Ticked at the start (checkbox). */
  checked?: boolean;
  /** Shown under the list when the cursor is on the choice. */
  description?: string;
  /** Shown in the answer line once chosen. */
  short?: string;
}

export interface CheckboxOptions<V> {
  message: string;
  choices: ReadonlyArray<PromptEntry<V>>;
  pageSize?: number;
}

export interface SelectOptions<V> {
  message: string;
  choices: ReadonlyArray<PromptEntry<V>>;
  pageSize?: number;
}

export interface SearchOptions<V> {
  message: string;
  /** The choices for what the user has typed so far ('' at first). */
  source: (term: string) => ReadonlyArray<PromptEntry<V>>;
  pageSize?: number;
}

/**
 * Every prompt the CLI shows goes through this interface: the Context carries it and tests replace
 * it. Ctrl-C rejects with an error named `ExitPromptError` (exit 130 in main).
 */
export interface Prompts {
  /** A list to tick: resolves with the values ticked when Enter is pressed. */
  checkbox<V>(options: CheckboxOptions<V>): Promise<V[]>;
  /** One choice among several. */
  select<V>(options: SelectOptions<V>): Promise<V>;
  /** One choice among several, filtered by what the user types. */
  search<V>(options: SearchOptions<V>): Promise<V>;
}

export interface PromptStyle {
  t: Messages;
  chalk: ChalkInstance;
}

/**
 * The real prompts, from @inquirer/prompts, imported only when a prompt is shown (status, list and
 * `--help` never load inquirer). Strings and key hints come from the UI language.
 */
export function inquirerPrompts(style: PromptStyle): Prompts {
  const { t, chalk } = style;
  const keysHelpTip = (keys: [string, string][]) =>
    keys
      .map(([key, action]) => `${chalk.bold(t.prompts.keyNames[key] ?? key)} ${chalk.dim(t.prompts.keys[action] ?? action)}`)
      .join(chalk.dim(' • '));
  const load = () => import('@inquirer/prompts');
  return {
    async checkbox(options) {
      const { checkbox, Separator } = await load();
      return checkbox({
        message: options.message,
        choices: toInquirer(options.choices, Separator),
        pageSize: options.pageSize ?? 15,
        loop: false,
        // No one-key tick-all or invert: a stray `a` and Enter would mark the whole roadmap.
        shortcuts: { all: null, invert: null },
        theme: {
          style: {
            keysHelpTip,
            renderSelectedChoices: (selected: readonly unknown[]) => t.prompts.ticked(selected.length),
          },
        },
      });
    },
    async select(options) {
      const { select, Separator } = await load();
      return select({
        message: options.message,
        choices: toInquirer(options.choices, Separator),
        pageSize: options.pageSize ?? 15,
        loop: false,
        theme: { style: { keysHelpTip } },
      });
    },
    async search(options) {
      const { search, Separator } = await load();
      return search({
        message: options.message,
        source: (term) => toInquirer(options.source(term ?? ''), Separator),
        pageSize: options.pageSize ?? 15,
        theme: { style: { keysHelpTip } },
      });
    },
  };
}

type SeparatorClass = typeof import('@inquirer/prompts').Separator;

function toInquirer<V>(entries: ReadonlyArray<PromptEntry<V>>, Separator: SeparatorClass) {
  return entries.map((entry) => ('separator' in entry ? new Separator(entry.separator) : entry));
}
