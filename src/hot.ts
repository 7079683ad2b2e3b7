import { createContext, packageRootFrom } from './context.js';
import { ExitCode } from './errors.js';
import type { HotLine } from './hot-argv.js';
import { debugWanted, processContextIO, processOutput, writeTo } from './io/process-io.js';
import { detectLang, langFlag } from './ui/lang.js';
import { messagesFor } from './ui/messages.js';
import { reportError, settleOutput } from './ui/report-error.js';

/**
 * The lean entry point (`dist/hot.cjs`) for the command lines src/hot-argv.ts reads: `status`, `list`,
 * `next`, `check`, `uncheck`, `start` and `skip` with the options they share with commander's program,
 * run as cli.ts's actions run them, without commander and without the other commands' code. boot.ts
 * calls it with the parsed line.
 */
async function runHot(line: HotLine): Promise<void> {
  const argv = process.argv.slice(2);
  const env = process.env;
  const lang = detectLang(langFlag(argv), env);
  const t = messagesFor(lang);
  try {
    const stdout = processOutput(1, env);
    const stderr = processOutput(2, env);
    const ctx = createContext(
      { file: line.file, json: line.json, color: line.color, lang },
      processContextIO(stdout, stderr, env, packageRootFrom(import.meta.dirname)),
    );
    // Imported when run (bundled in, evaluated on first use): `status` never runs the top level of `next`'s modules.
    const { command, options } = line;
    if (command === 'status') await (await import('./commands/status.js')).runStatus(options, ctx);
    else if (command === 'list') await (await import('./commands/list.js')).runList(options, ctx);
    else if (command === 'next') await (await import('./commands/next.js')).runNext(options, ctx);
    else await (await import('./commands/check.js')).runCheck({ command, refs: line.items, ...options }, ctx);
  } catch (error) {
    process.exitCode = reportError(error, t, debugWanted(argv, env));
  }
  process.exitCode = settleOutput(Number(process.exitCode ?? ExitCode.ok), t);
}

/** Called by boot.ts with the parsed line. runHot reports its own errors; this catches a failure to start. */
export function startHot(line: HotLine): void {
  runHot(line).catch((error: unknown) => {
    writeTo(2)(`roadmap: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exitCode = ExitCode.error;
  });
}
