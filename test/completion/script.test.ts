import { describe, expect, it } from 'vitest';
import { completionScript, keepNumberOrder } from '../../src/completion/script.js';

describe('completion script and answers', () => {
  it.each([
    ['1\tFirst\n2\tSecond\n10\tTenth\n:4\n', ':36'],
    ['9\n10\n:0\n', ':32'],
    ['postgres\tPostgreSQL\n:4\n', ':4'],
    ['1\tFirst\nstatus\twhere you stand\n:4\n', ':4'],
    [':4\n', ':4'],
  ])('%j: the shell keeps the order only when every value is a number', (output, directive) => {
    expect(keepNumberOrder(output, 32).trimEnd().split('\n').at(-1)).toBe(directive);
  });

  it('bash: readonly constants are declared only once', () => {
    const script = (_shell: string) => console.log('readonly ShellCompDirectiveError=1\ncomplete -F __roadmap_complete roadmap');
    expect(completionScript(script, 'bash')).toBe(
      // biome-ignore lint/suspicious/noTemplateCurlyInString: bash's ${…}.
      '[[ -n ${ShellCompDirectiveError+set} ]] || readonly ShellCompDirectiveError=1\ncomplete -o default -F __roadmap_complete roadmap\n',
    );
  });
});
