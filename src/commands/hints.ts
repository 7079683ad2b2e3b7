import type { Context } from '../context.js';
import { HINTS_ENV, hintsOffByEnv } from '../store/hint-memory.js';
import { toJsonText } from '../ui/json.js';

export interface HintsOptions {
  /** Turn the hint on or off; undefined: say whether it is on. */
  setting?: 'on' | 'off' | undefined;
}

/** `roadmap hints [on|off]`: records whether check and start may name a more urgent item, or says it. */
export async function runHints(options: HintsOptions, ctx: Context): Promise<void> {
  const { t } = ctx;
  let off: boolean;
  if (options.setting === undefined) {
    off = ctx.store.read().hints === 'off';
  } else {
    off = options.setting === 'off';
    await ctx.store.update((state) => {
      if (off) state.hints = 'off';
      else delete state.hints;
    });
  }
  const byEnv = hintsOffByEnv(ctx.env);
  if (ctx.json) {
    ctx.stdout.write(toJsonText({ hints: off ? 'off' : 'on', env: byEnv ? 'off' : null }));
    return;
  }
  let text = `${off ? t.next.hints.off : t.next.hints.on}\n`;
  if (byEnv && !off) text += `${t.next.hints.envOff(HINTS_ENV)}\n`;
  ctx.stdout.write(text);
}
