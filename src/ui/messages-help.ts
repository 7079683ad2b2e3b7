// The strings of help output and shell completion, spread into messages.ts.

export const helpEn = () => ({
  helpCli: {
    /** Examples under the main help. */
    mainExamples: ['roadmap', 'roadmap check postgres', 'roadmap next'],
    /** Commander's "(choices: …)" after an option or argument, in the UI language. */
    choices: (list: string) => `(choices: ${list})`,
    completion: 'print the shell completion script for bash, zsh or fish',
    completionShell: 'the shell',
    completionExamples: [
      'roadmap completion bash > ~/.local/share/bash-completion/completions/roadmap',
      'roadmap completion zsh > ~/.zfunc/_roadmap',
      'roadmap completion fish > ~/.config/fish/completions/roadmap.fish',
    ],
    helpExamples: ['roadmap help check', 'roadmap help project link'],
    helpCommandArg: 'a command, or a command and its subcommand',
    /** Usage errors (exit 2), after the `roadmap:` prefix. */
    usage: {
      seeHelp: (command: string) => `; see \`${command} --help\``,
      didYouMean: (names: readonly string[]) => `; did you mean ${names.map((name) => `"${name}"`).join(' or ')}?`,
      unknownCommand: (word: string) => `unknown command "${word}"`,
      unknownOption: (flag: string, command: string) => `unknown option "${flag}" for \`${command}\``,
      missingArgument: (name: string, command: string) => `\`${command}\` needs <${name}>`,
      missingValue: (flag: string) => `${flag} needs a value`,
      tooManyArguments: (command: string, expected: number, got: number) =>
        `too many arguments for \`${command}\`: it takes ${expected === 0 ? 'none' : `at most ${expected}`}, got ${got}`,
      badChoice: (name: string, choices: readonly string[], value: string) =>
        `${name} takes ${choices.slice(0, -1).join(', ')} or ${choices.at(-1)}, not "${value}"`,
    },
  },
});

export type HelpMessages = ReturnType<typeof helpEn>;

export const helpFr = (): HelpMessages => ({
  helpCli: {
    mainExamples: ['roadmap', 'roadmap check postgres', 'roadmap next'],
    choices: (list: string) => `(choix : ${list})`,
    completion: 'affiche le script de complétion pour bash, zsh ou fish',
    completionShell: 'le shell',
    completionExamples: [
      'roadmap completion bash > ~/.local/share/bash-completion/completions/roadmap',
      'roadmap completion zsh > ~/.zfunc/_roadmap',
      'roadmap completion fish > ~/.config/fish/completions/roadmap.fish',
    ],
    helpExamples: ['roadmap help check', 'roadmap help project link'],
    helpCommandArg: 'une commande, ou une commande et sa sous-commande',
    usage: {
      seeHelp: (command: string) => ` ; voir \`${command} --help\``,
      didYouMean: (names: readonly string[]) => ` ; voulais-tu dire ${names.map((name) => `« ${name} »`).join(' ou ')} ?`,
      unknownCommand: (word: string) => `commande inconnue « ${word} »`,
      unknownOption: (flag: string, command: string) => `option inconnue « ${flag} » pour \`${command}\``,
      missingArgument: (name: string, command: string) => `\`${command}\` attend <${name}>`,
      missingValue: (flag: string) => `${flag} attend une valeur`,
      tooManyArguments: (command: string, expected: number, got: number) =>
        `trop d’arguments pour \`${command}\` : ${expected === 0 ? 'aucun attendu' : `${expected} au plus`}, ${got} donné${got > 1 ? 's' : ''}`,
      badChoice: (name: string, choices: readonly string[], value: string) =>
        `${name} attend ${choices.slice(0, -1).join(', ')} ou ${choices.at(-1)}, pas « ${value} »`,
    },
  },
});

/** The properties helpEn and helpFr make (see LazyTable). */
export const HELP_KEYS = ['helpCli'] as const satisfies readonly (keyof HelpMessages)[];
