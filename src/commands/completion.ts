import type { Command } from 'commander';
import { MARK_COMMANDS, type MarkCommand } from '../command-line.js';
import { type Candidate, fileOnLine, levelCandidates, markableItems, type Referable, refCandidates } from '../completion/candidates.js';
import { allowFiles, completionScript, keepNumberOrder, printed, type Shell } from '../completion/script.js';
import { type CompletionSources, commandAt, declareCompletion, type ValueSource } from '../completion/tree.js';
import { type Context, chosenDocument } from '../context.js';
import { documentState, emptyDocument } from '../progress/state.js';
import { itemStatuses } from '../progress/stats.js';
import { findCapstone } from '../roadmap/capstone.js';
import type { ItemStatus, Roadmap } from '../roadmap/model.js';

export interface CompletionOptions {
  shell: Shell;
}

/** `roadmap completion <shell>`: the completion script, to source or save where the shell looks. */
export async function runCompletion(options: CompletionOptions, ctx: Context): Promise<void> {
  const { script } = await import('@bomb.sh/tab');
  ctx.stdout.write(completionScript(script, options.shell));
}

export interface CompleteOptions {
  /** The words after `roadmap` on the line being completed; the last one is being typed (maybe ''). */
  words: string[];
  /** The program whose commands and options are offered. */
  program: Command;
}

/**
 * `roadmap complete -- <words…>`: what the completion scripts call on every Tab. Prints one
 * `value<TAB>description` line per candidate, then `:<directive>` (the cobra protocol the tab library
 * speaks). Never fails because of the document or the state file: it just offers no items.
 */
export async function runComplete(options: CompleteOptions, ctx: Context): Promise<void> {
  const { RootCommand, ShellCompDirective } = await import('@bomb.sh/tab');
  const words = options.words.length > 0 ? [...options.words] : [''];
  const word = words[words.length - 1] ?? '';
  const typed = new Set(words.slice(0, -1));
  const roadmap = await documentOnLine(words, ctx);
  let files = false;

  const items =
    (target?: MarkCommand): ValueSource =>
    () => {
      if (!roadmap) return [];
      return refCandidates(markableItems(roadmap.model, roadmap.statuses, target ? MARK_COMMANDS[target] : undefined), word, typed);
    };
  const parts = (): readonly Candidate[] => {
    const capstone = roadmap && findCapstone(roadmap.model);
    const entries: Referable[] = capstone ? capstone.parts.map((part) => ({ number: part.number, key: part.key, text: part.text })) : [];
    return refCandidates(entries, word);
  };
  // `help project <Tab>` offers project's subcommands.
  const commands = (): readonly Candidate[] => {
    const parent = commandAt(options.program, words.slice(words.indexOf('help') + 1, -1));
    return (parent ? parent.createHelp().visibleCommands(parent) : []).map((command) => ({
      value: command.name(),
      description: command.description(),
    }));
  };

  const args: Record<string, ValueSource> = {
    'note item': items(),
    'info item': items(),
    'project check part': parts,
    'project uncheck part': parts,
    'project link part': parts,
    'use path.md': 'files',
    'import file': 'files',
    'help command': commands,
  };
  for (const verb of Object.keys(MARK_COMMANDS) as MarkCommand[]) args[`${verb} items`] = items(verb);
  const sources: CompletionSources = {
    options: { file: 'files', output: 'files', level: () => (roadmap ? levelCandidates(roadmap.model) : []) },
    args,
    onFiles: () => {
      files = true;
    },
  };

  const root = new RootCommand();
  declareCompletion(root, options.program, sources);
  // parse() pops the empty word being typed: it gets a copy.
  const output = printed(() => root.parse([...words]));
  const { ShellCompDirectiveNoFileComp, ShellCompDirectiveDefault, ShellCompDirectiveKeepOrder } = ShellCompDirective;
  ctx.stdout.write(
    files
      ? allowFiles(output, ShellCompDirectiveNoFileComp, ShellCompDirectiveDefault)
      : keepNumberOrder(output, ShellCompDirectiveKeepOrder),
  );
}

/** The document the line works on (`--file`, else as every command chooses) with its statuses, or null. */
async function documentOnLine(words: readonly string[], ctx: Context): Promise<{ model: Roadmap; statuses: ItemStatus[] } | null> {
  try {
    let file = fileOnLine(words);
    if (file?.startsWith('~/') && ctx.env.HOME) file = ctx.env.HOME + file.slice(1);
    const doc = await ctx.loadDocument(chosenDocument(file, ctx.env, ctx.store).file);
    let statuses = itemStatuses(doc.model, emptyDocument());
    try {
      statuses = itemStatuses(doc.model, documentState(ctx.store.read(), doc.docId));
    } catch {
      // An unreadable state file: offer every item (the command itself will report the problem).
    }
    return { model: doc.model, statuses };
  } catch {
    return null;
  }
}
