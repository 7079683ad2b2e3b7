import type { ChalkInstance } from 'chalk';
import type { UrgentHint } from '../progress/guide.js';
import type { NextSuggestions, Suggestion } from '../progress/next.js';
import type { Roadmap } from '../roadmap/model.js';
import { PRIORITY_WEIGHT } from '../roadmap/priority.js';
import type { Messages } from './messages.js';
import type { RenderOptions } from './render-status.js';
import { levelPaint, renderSpans } from './style.js';
import { hangWrap, padEnd, padStart, sanitize, truncate, truncateWords, width, wrap } from './text.js';

export interface NextRenderOptions extends RenderOptions {
  /** Print every score term under each suggestion. */
  explain: boolean;
  /** Wrap long item texts (a terminal); otherwise one line each. */
  wrap: boolean;
  /** Add the tip about following the planning table. */
  planTip: boolean;
}

/** The reasons of a suggestion, most telling first, in the UI language. */
export function reasonsOf(suggestion: Suggestion, t: Messages): string[] {
  const { facts } = suggestion;
  const r = t.next.reasons;
  const reasons: string[] = [];
  if (facts.doing) reasons.push(r.doing);
  if (facts.behind) reasons.push(r.behind(facts.behind));
  if (facts.section) {
    const { closed, total, remaining } = facts.section;
    // A parent task's whole text can be long: the reason names its start.
    const title = truncate(sanitize(facts.section.title), 40);
    reasons.push(remaining === 1 ? r.finishes(title) : r.started(title, closed, total));
  }
  if (facts.planNow) reasons.push(r.planNow(facts.planNow));
  const said = facts.emphasis ? r.says(facts.emphasis.words) : null;
  const raised = facts.emphasis ? PRIORITY_WEIGHT[facts.emphasis.value] > 0 : false;
  if (said && raised) reasons.push(said);
  // Headings that are only topics are no priority: the place before the reasons already names them.
  if (facts.ranked) reasons.push(r.priority(facts.level));
  if (said && !raised) reasons.push(said);
  if (reasons.length <= 1 || !facts.ranked) reasons.push(r.order);
  return reasons;
}

/** Where an item sits: "Niveau 1 › Bases de données". */
function placeOf(model: Roadmap, id: number, chalk: ChalkInstance, t: Messages): string {
  const item = model.items[id - 1];
  const level = item ? model.levels[item.level] : undefined;
  if (!item || !level) return '';
  const name = sanitize(level.label ?? level.name ?? t.untitled);
  const section = item.section === null ? null : level.sections[item.section]?.title;
  return levelPaint(chalk, level.color)(name) + (section ? ` › ${sanitize(section)}` : '');
}

// biome-ignore lint/suspicious/noMisleadingCharacterClass: the class strips emoji sequences piece by piece, on purpose.
const LEADING_SYMBOLS = /^[\p{Extended_Pictographic}\p{Emoji_Component}\uFE0F\s]+/u;

/** The `next` view: Now, In parallel, Ongoing (or one list), each suggestion with its reasons. */
export function renderNext(model: Roadmap, next: NextSuggestions, options: NextRenderOptions): string {
  const { chalk, t } = options;
  if (model.items.length === 0) return `${t.status.noLevels}\n`;
  if (next.remaining === 0) return `${t.next.congrats}\n`;
  const idWidth = String(model.items.length).length;
  const lines: string[] = [];
  const block = (title: string, note: string | null, suggestions: readonly Suggestion[]) => {
    if (suggestions.length === 0) return;
    if (lines.length) lines.push('');
    let noteText = note ? sanitize(note.replace(LEADING_SYMBOLS, '')) : '';
    if (noteText && options.wrap) noteText = truncateWords(noteText, options.columns - width(title) - 2);
    lines.push(chalk.bold(title) + (noteText && noteText !== '…' ? chalk.dim(`  ${noteText}`) : ''));
    for (const suggestion of suggestions) lines.push(...suggestionLines(model, suggestion, idWidth, options));
  };
  if (next.tracked) {
    block(t.next.now, null, next.now);
    for (const [title, suggestion] of [
      [t.next.parallel, next.parallel],
      [t.next.ongoing, next.ongoing],
    ] as const) {
      if (suggestion) block(title, levelNote(model, suggestion), [suggestion]);
    }
  } else {
    block(t.next.single, null, next.now);
  }
  if (options.planTip) lines.push('', chalk.dim(t.next.planTip));
  return `${lines.join('\n')}\n`;
}

function levelNote(model: Roadmap, suggestion: Suggestion): string | null {
  const item = model.items[suggestion.facts.id - 1];
  return item ? (model.levels[item.level]?.note ?? null) : null;
}

function suggestionLines(model: Roadmap, suggestion: Suggestion, idWidth: number, options: NextRenderOptions): string[] {
  const { chalk, t } = options;
  const item = model.items[suggestion.facts.id - 1];
  if (!item) return [];
  const head = `  ${chalk.bold(padStart(String(item.id), idWidth))}  `;
  const hang = width(head);
  let text = renderSpans(chalk, item.spans);
  if (options.wrap) {
    text = wrap(text, Math.max(10, options.columns - hang), { hard: true, trim: true })
      .split('\n')
      .join(`\n${' '.repeat(hang)}`);
  }
  const lines = [head + text];
  const why = `${placeOf(model, item.id, chalk, t)} — ${reasonsOf(suggestion, t).join(' · ')}`;
  lines.push(
    ' '.repeat(hang) +
      (options.wrap
        ? wrap(why, Math.max(10, options.columns - hang), { hard: true })
            .split('\n')
            .join(`\n${' '.repeat(hang)}`)
        : why),
  );
  if (options.explain) lines.push(...explainLines(suggestion, hang, options));
  return lines;
}

const fixed = (n: number, digits: number) => n.toFixed(digits);

/** The score table of one suggestion: term, coefficient, factor, points, and the total. */
function explainLines(suggestion: Suggestion, indent: number, { chalk, t, columns, wrap }: NextRenderOptions): string[] {
  const head = t.next.explainHead;
  // The emphasis term in the document's own words: « priorité absolue », “High”.
  const said = suggestion.facts.emphasis ? ` « ${sanitize(suggestion.facts.emphasis.words)} »` : '';
  const names = suggestion.terms.map((term) => t.next.terms[term.name] + (term.name === 'emphasis' ? said : ''));
  const nameWidth = Math.max(width(head.term), width(head.score), ...names.map(width));
  const cols = [head.coefficient, head.factor, head.points].map((h) => Math.max(width(h), 6));
  // Under the suggestion, or less indented when the terminal is too narrow for the table there.
  const tableWidth = nameWidth + cols.reduce((sum, col) => sum + 2 + col, 0);
  const pad = ' '.repeat(wrap ? Math.max(0, Math.min(indent, columns - tableWidth)) : indent);
  const row = (name: string, coefficient: string, factor: string, points: string) =>
    `${pad}${padEnd(name, nameWidth)}  ${padStart(coefficient, cols[0] ?? 6)}  ${padStart(factor, cols[1] ?? 6)}  ${padStart(points, cols[2] ?? 6)}`;
  const lines = [chalk.dim(row(head.term, head.coefficient, head.factor, head.points))];
  suggestion.terms.forEach((term, index) => {
    const line = row(names[index] ?? term.name, String(term.coefficient), fixed(term.factor, 2), fixed(term.points, 2));
    lines.push(term.points === 0 ? chalk.dim(line) : line);
  });
  lines.push(chalk.bold(row(head.score, '', '', fixed(suggestion.score, 2))));
  return lines;
}

/** The most columns the hint gives the item's text. */
const HINT_TEXT = 60;

/**
 * The hint printed after `check`/`start` when a more urgent item exists: one line, the item's text cut
 * to fit `columns` (a terminal; undefined: a pipe, cut to HINT_TEXT), wrapped when even a short text
 * does not fit.
 */
export function renderUrgentHint(
  hint: UrgentHint,
  model: Roadmap,
  { chalk, t, columns }: Pick<RenderOptions, 'chalk' | 't'> & { columns?: number | undefined },
): string {
  const item = model.items[hint.better.facts.id - 1];
  if (!item) return '';
  const reason = reasonsOf(hint.better, t)[0] ?? '';
  const text = sanitize(item.text);
  if (columns === undefined) return `${chalk.yellow(t.next.urgentHint(item.id, truncate(text, HINT_TEXT), reason))}\n`;
  const room = Math.min(HINT_TEXT, columns - width(t.next.urgentHint(item.id, '', reason)));
  const line = t.next.urgentHint(item.id, truncateWords(text, Math.max(MIN_HINT_TEXT, room)), reason);
  return `${chalk.yellow(hangWrap(line, columns, 0))}\n`;
}

/** The fewest columns the hint gives the item's text before wrapping the line. */
const MIN_HINT_TEXT = 16;
