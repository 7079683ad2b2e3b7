import type { PhrasingContent } from 'mdast';
import type { ItemPriority, PriorityValue } from './model.js';

/**
 * The markers an author writes inside an item to raise or lower it, French and English (docs/next-plan-log.md
 * has the same table). They count only where the author emphasises them: bold, italic, in parentheses, or
 * as a badge (an image's alt text). Matched as whole words, accents and case ignored.
 */
export const PRIORITY_MARKERS: Readonly<Record<'raised' | 'lowered', readonly string[]>> = {
  raised: [
    'priorit\u00e9 absolue',
    'crucial',
    'cruciale',
    'indispensable',
    'essentiel',
    'essentielle',
    'must',
    'must have',
    'must-have',
    'critical',
    'essential',
    'high priority',
  ],
  lowered: ['low priority', 'bonus', 'optionnel', 'optionnelle', 'facultatif', 'facultative', 'optional', 'nice to have', 'nice-to-have'],
};

/** A badge or label standing alone ("High", "Priority: P1"): its value. */
const LABEL = /^(?:priorit[ey]|prio)?\s*[:=-]?\s*(high|medium|low|p[0-2])$/i;

/** How each value moves an item within its level: 1 up, 0 stays, -1 down (High > Medium > Low). */
export const PRIORITY_WEIGHT: Readonly<Record<PriorityValue, 1 | 0 | -1>> = {
  raised: 1,
  High: 1,
  P0: 1,
  Medium: 0,
  P1: 0,
  lowered: -1,
  Low: -1,
  P2: -1,
};

/** Lower case without accents, one character for one (so indexes still point into the original). */
function fold(text: string): string {
  let out = '';
  for (const ch of text) {
    const base = ch.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
    out += base.length === ch.length ? base : ch;
  }
  return out;
}

const wordPattern = (words: readonly string[]) =>
  new RegExp(
    `(?<![\\p{L}\\p{N}])(?:${[...words]
      .map(fold)
      .sort((a, b) => b.length - a.length)
      .map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/ /g, '\\s+'))
      .join('|')})(?![\\p{L}\\p{N}])`,
    'u',
  );

const RAISED = wordPattern(PRIORITY_MARKERS.raised);
const LOWERED = wordPattern(PRIORITY_MARKERS.lowered);

/** The marker a piece of emphasised text carries, with its words as written, or null. */
function markerIn(text: string): ItemPriority | null {
  const trimmed = text.replace(/^[\s([{*_'"\u00ab]+|[\s)\]}*_'"\u00bb.:!]+$/gu, '');
  const label = LABEL.exec(trimmed);
  if (label?.[1]) {
    const word = label[1].toLowerCase();
    const value = (word.startsWith('p') ? word.toUpperCase() : word[0]?.toUpperCase() + word.slice(1)) as PriorityValue;
    return { value, words: trimmed };
  }
  const folded = fold(text);
  let best: ItemPriority | null = null;
  let at = Number.POSITIVE_INFINITY;
  for (const [value, pattern] of [
    ['raised', RAISED],
    ['lowered', LOWERED],
  ] as const) {
    const match = pattern.exec(folded);
    if (match && match.index < at) {
      at = match.index;
      best = { value, words: text.slice(match.index, match.index + match[0].length) };
    }
  }
  return best;
}

/**
 * The priority an item's own text gives it: the first marker (see PRIORITY_MARKERS) the author emphasised
 * (bold, italic, in parentheses) or put on a badge (an image's alt text, inline or reference-style), or
 * null. A marker inside a link's text or inline code is not emphasis.
 */
export function priorityOf(nodes: readonly PhrasingContent[]): ItemPriority | null {
  const found: ItemPriority[] = [];
  // The item's words outside links and code, with a stand-in for each image: parentheses are read there.
  let plain = '';
  const walk = (list: readonly PhrasingContent[], inLink: boolean) => {
    for (const node of list) {
      switch (node.type) {
        case 'text':
          plain += inLink ? ' ' : node.value;
          break;
        case 'inlineCode':
          plain += ' ';
          break;
        case 'image':
        case 'imageReference': {
          const marker = node.alt ? markerIn(node.alt) : null;
          if (marker) found.push(marker);
          plain += ' ';
          break;
        }
        case 'strong':
        case 'emphasis': {
          if (!inLink) {
            const marker = markerIn(emphasisText(node.children));
            if (marker) found.push(marker);
          }
          walk(node.children, inLink);
          break;
        }
        case 'link':
        case 'linkReference':
          walk(node.children, true);
          break;
        default:
          if ('children' in node) walk(node.children as PhrasingContent[], inLink);
      }
    }
  };
  walk(nodes, false);
  for (const match of plain.matchAll(/\(([^()]*)\)|\[([^[\]]*)\]/g)) {
    const marker = markerIn(match[1] ?? match[2] ?? '');
    if (marker) found.push(marker);
  }
  return found[0] ?? null;
}

/** The plain words of emphasised text, without what links and code hold. */
function emphasisText(nodes: readonly PhrasingContent[]): string {
  let text = '';
  for (const node of nodes) {
    if (node.type === 'text') text += node.value;
    else if (node.type === 'inlineCode' || node.type === 'link' || node.type === 'linkReference') text += ' ';
    else if (node.type === 'image' || node.type === 'imageReference') text += ' ';
    else if ('children' in node) text += emphasisText(node.children as PhrasingContent[]);
  }
  return text;
}
