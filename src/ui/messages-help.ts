// The strings of help output and shell completion, spread into messages.ts.

export const helpEn = () => ({
  helpCli: {
    /** Examples under the main help. */
    mainExamples: ['roadmap', 'roadmap check postgres', 'roadmap next'],
    /** Commander's "(choices: …)" after an option or argument, in the UI language. */
    choices: (list: string) => `(choices: ${list})`,
    completion: 'print the shell completion script for bash, zsh or fish',
    completionShell: 'the shell: bash, zsh or fish',
    completionExamples: [
      'roadmap completion bash > ~/.local/share/bash-completion/completions/roadmap',
      'roadmap completion zsh > ~/.zfunc/_roadmap',
      'roadmap completion fish > ~/.config/fish/completions/roadmap.fish',
    ],
    helpExamples: ['roadmap help check', 'roadmap help project link'],
    helpCommandArg: 'a command, or a command and its subcommand',
    unknownCommand: (name: string) => `error: unknown command '${name}'`,
  },
});

export type HelpMessages = ReturnType<typeof helpEn>;

export const helpFr = (): HelpMessages => ({
  helpCli: {
    mainExamples: ['roadmap', 'roadmap check postgres', 'roadmap next'],
    choices: (list: string) => `(choix : ${list})`,
    completion: 'affiche le script de complétion pour bash, zsh ou fish',
    completionShell: 'le shell : bash, zsh ou fish',
    completionExamples: [
      'roadmap completion bash > ~/.local/share/bash-completion/completions/roadmap',
      'roadmap completion zsh > ~/.zfunc/_roadmap',
      'roadmap completion fish > ~/.config/fish/completions/roadmap.fish',
    ],
    helpExamples: ['roadmap help check', 'roadmap help project link'],
    helpCommandArg: 'une commande, ou une commande et sa sous-commande',
    unknownCommand: (name: string) => `erreur : commande inconnue « ${name} »`,
  },
});

/** The properties helpEn and helpFr make (see LazyTable). */
export const HELP_KEYS = ['helpCli'] as const satisfies readonly (keyof HelpMessages)[];
