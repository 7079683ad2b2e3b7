import { positiveNumber } from '../command-line.js';
import type { Context } from '../context.js';
import { UsageError, UserError } from '../errors.js';
import type { OpenOutcome } from '../io/open-url.js';
import { itemLinks } from '../roadmap/links.js';
import { sanitize } from '../ui/sanitize.js';
import { resolveItem } from './item-ref.js';

export interface OpenOptions {
  item: string;
  /** Which link, 1-based as `roadmap info` numbers them (default 1). */
  n?: string | undefined;
  /** Opens an address (default: the system's opener, see io/open-url.ts); tests give their own. */
  open?: ((url: string, ctx: Context) => Promise<{ outcome: OpenOutcome; opener: string }>) | undefined;
}

// Control characters, bidirectional overrides and isolates, line separators: never handed to a program.
// biome-ignore lint/suspicious/noControlCharactersInRegex: refusing control characters is the point.
const CONTROL = /[\u0000-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/;

/** An address that may be handed to the system's opener: http(s) or mailto, without control characters. */
export function openableUrl(url: string): boolean {
  if (CONTROL.test(url)) return false;
  try {
    return ['http:', 'https:', 'mailto:'].includes(new URL(url).protocol);
  } catch {
    return false;
  }
}

async function systemOpen(url: string, ctx: Context) {
  const { openerFor, runOpener } = await import('../io/open-url.js');
  const opener = openerFor(url, ctx.env);
  return { outcome: await runOpener(opener, ctx.env), opener: opener.command };
}

/** `roadmap open <item> [n]`: opens the item's first link (or its nth) with the system's opener. */
export async function runOpen(options: OpenOptions, ctx: Context): Promise<void> {
  const m = ctx.t.note;
  const { model } = await ctx.loadRoadmap();
  let n = 1;
  if (options.n !== undefined) {
    const number = positiveNumber(options.n);
    if (number === undefined) throw new UsageError(m.badLinkNumber(sanitize(options.n)));
    n = number;
  }
  const item = await resolveItem(model, options.item, ctx);
  const links = itemLinks(item);
  if (links.length === 0) throw new UserError(m.noLinks(item.id));
  const link = links[n - 1];
  if (!link) throw new UserError(m.noSuchLink(String(n), item.id, links.length));
  if (!openableUrl(link.url)) throw new UserError(m.unsafeLink(sanitize(link.url)));
  ctx.stderr.write(`${ctx.chalk.dim(m.opened(item.id, sanitize(link.url)))}\n`);
  const { outcome, opener } = await (options.open ?? systemOpen)(link.url, ctx);
  if (outcome.ok) return;
  if (outcome.missing) throw new UserError(m.noOpener(sanitize(opener)));
  throw new UserError(m.openerFailed(sanitize(opener), outcome.code));
}
