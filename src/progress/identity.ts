import { distance } from 'fastest-levenshtein';
import { fold } from '../roadmap/select.js';

/** Lowest similarity (0-1) at which an edited item is taken for the old one. */
export const RENAME_THRESHOLD = 0.75;

/**
 * How alike two item texts are, from 0 to 1: the better of the edit-distance ratio and the overlap of
 * their words (one text holding every word of the other, two or one long word, counts as 0.8).
 */
export function similarity(a: string, b: string): number {
  const x = fold(a);
  const y = fold(b);
  if (x === y) return 1;
  const longest = Math.max(x.length, y.length);
  const chars = longest === 0 ? 0 : 1 - distance(x, y) / longest;
  const wx = new Set(x.split(/[^\p{L}\p{N}]+/u).filter(Boolean));
  const wy = new Set(y.split(/[^\p{L}\p{N}]+/u).filter(Boolean));
  let common = 0;
  for (const w of wx) if (wy.has(w)) common++;
  const dice = wx.size + wy.size === 0 ? 0 : (2 * common) / (wx.size + wy.size);
  // One text holding all the words of the other (an item extended or trimmed): two words, or one long word.
  const shorter = wx.size <= wy.size ? wx : wy;
  const substantial = common >= 2 || (common === 1 && [...shorter].some((w) => w.length >= 5));
  const contained = substantial && common === shorter.size ? 0.8 : 0;
  return Math.max(chars, dice, contained);
}

/** An item as the document had it when last seen (or as it has it now): its key, text and place. */
export interface PlacedItem {
  /** The recorded key (seen items) or the key the parser proposes (current items). */
  key: string;
  text: string;
  /** Its group: `level › section` titles. */
  place: string;
  /** The text of the task item it is nested under, or null. */
  parent: string | null;
  /** Ticked (`[x]`) in the document: tells twins of the same place apart. */
  checked?: boolean;
}

/** Most twin pairs whose places are compared for one moved text. */
const MAX_COMPARED_TWINS = 400;

/** Most text pairs compared in one place before only neighbours are (see step 3 of `reconcile`). */
const MAX_COMPARED_RENAMES = 40_000;

/** How a current item continues a seen one. */
export type Continuation = 'same' | 'moved' | 'renamed' | 'new';

/** The outcome of matching the items last seen with the document's items now. */
export interface Reconciliation {
  /** The key of each current item, in document order: the seen item's key when it continues one, else a fresh one. */
  keys: string[];
  /** For each current item, the index of the seen item it continues, or -1. */
  from: number[];
  /** For each current item, how it continues its seen item. */
  how: Continuation[];
  /** Seen items that no current item continues (ambiguous ones left out). */
  removed: number[];
  /** Seen items holding data that several current items could continue: nothing is guessed, the candidates are named. */
  ambiguous: { seen: number; candidates: number[] }[];
}

/**
 * Matches the items of a document as last seen with its items now, in this order: the same text in the
 * same place (heading path and parent item); the same text in another place (a move); a near-identical
 * text in the same place (a rename, by `similarity` over `RENAME_THRESHOLD`). Twins (the same text) are
 * told apart by their place, and by how alike their places are for moves; document order only breaks
 * ties between equally good renames (the candidate between the same matched neighbours wins, as a line
 * diff aligns files). A seen item that holds data (`holdsData`) and could be several current items is
 * never guessed: it is reported ambiguous with its candidates, which get fresh keys. Fresh keys avoid
 * every key in use and `reserved`. Items put aside earlier (`firstAside` on) come back only unchanged.
 */
export function reconcile(
  seen: readonly PlacedItem[],
  current: readonly PlacedItem[],
  holdsData: (key: string) => boolean,
  reserved: ReadonlySet<string> = new Set(),
  /** Seen items from this index on (progress put aside earlier) come back only with the same text in the same place. */
  firstAside = seen.length,
): Reconciliation {
  const from = new Array<number>(current.length).fill(-1);
  const how = new Array<Continuation>(current.length).fill('new');
  const taken = new Uint8Array(seen.length);
  const ambiguous = new Map<number, number[]>();
  const pair = (s: number, c: number, kind: Continuation) => {
    from[c] = s;
    how[c] = kind;
    taken[s] = 1;
  };
  const freeSeen = () => seen.map((_, s) => s).filter((s) => s < firstAside && !taken[s] && !ambiguous.has(s));
  const freeCurrent = () => current.map((_, c) => c).filter((c) => from[c] === -1);
  const data = (s: number) => holdsData((seen[s] as PlacedItem).key);

  // Twins whose count changed, or that cannot be told apart: items holding data are never guessed.
  const settle = (ss: number[], cs: number[], kind: Continuation) => {
    if (ss.some(data)) {
      for (const s of ss) if (data(s)) ambiguous.set(s, cs);
      return;
    }
    // No data at stake: only keys, given in document order, ticked with ticked first (so a record a later
    // step may match is not handed an item whose tick says it is another).
    const rest = (list: number[], items: readonly PlacedItem[], yes: boolean) => list.filter((i) => !!items[i]?.checked === yes);
    for (const yes of [true, false]) {
      const st = rest(ss, seen, yes);
      const ct = rest(cs, current, yes);
      for (let n = 0; n < Math.min(st.length, ct.length); n++) pair(st[n] as number, ct[n] as number, kind);
    }
  };

  // 1. The same text in the same place.
  const token = (i: PlacedItem) => `${i.place}\0${i.parent ?? ''}\0${i.text}`;
  const seenByToken = groupBy(
    seen.map((_, s) => s).filter((s) => s < firstAside),
    (s) => token(seen[s] as PlacedItem),
  );
  for (const [tok, cs] of groupBy(
    current.map((_, c) => c),
    (c) => token(current[c] as PlacedItem),
  )) {
    const ss = seenByToken.get(tok);
    if (!ss) continue;
    if (ss.length === 1 && cs.length === 1) {
      pair(ss[0] as number, cs[0] as number, 'same');
      continue;
    }
    if (ss.length !== cs.length) {
      // Twins whose count changed: which went or came is unknown here. Those holding data are ambiguous;
      // the others are left to the next steps, where a move or a tick may tell them apart.
      for (const s of ss) if (data(s)) ambiguous.set(s, cs);
      continue;
    }
    // Identical twins: a tick tells them apart (ticked with ticked first), then document order.
    const ticked = (list: number[], items: readonly PlacedItem[], yes: boolean) => list.filter((i) => !!items[i]?.checked === yes);
    const st = ticked(ss, seen, true);
    const ct = ticked(cs, current, true);
    const [sOrder, cOrder] =
      st.length === ct.length
        ? [
            [...st, ...ticked(ss, seen, false)],
            [...ct, ...ticked(cs, current, false)],
          ]
        : [ss, cs];
    for (let k = 0; k < sOrder.length; k++) pair(sOrder[k] as number, cOrder[k] as number, 'same');
  }

  // 2. The same text in another place: a move. Twins go to the place most like theirs, when it is clear.
  const seenByText = groupBy(freeSeen(), (s) => (seen[s] as PlacedItem).text);
  for (const [text, cs] of groupBy(freeCurrent(), (c) => (current[c] as PlacedItem).text)) {
    const ss = seenByText.get(text);
    if (!ss) continue;
    if (ss.length === 1 && cs.length === 1) {
      pair(ss[0] as number, cs[0] as number, 'moved');
      continue;
    }
    // Hundreds of twins: too many places to compare, and no way to tell them apart anyway.
    if (ss.length * cs.length > MAX_COMPARED_TWINS) {
      settle(ss, cs, 'moved');
      continue;
    }
    const scored = ss.flatMap((s) => cs.map((c) => ({ s, c, score: placeLikeness(seen[s] as PlacedItem, current[c] as PlacedItem) })));
    pairClearBest(scored, (s, c) => pair(s, c, 'moved'));
    const leftS = ss.filter((s) => !taken[s]);
    const leftC = cs.filter((c) => from[c] === -1);
    if (leftS.length && leftC.length) settle(leftS, leftC, 'moved');
  }

  // 3. A near-identical text in the same place: a rename, best match first. Equally good candidates are
  // told apart by document order only: the one between the same matched neighbours (as a line diff
  // aligns files) wins; otherwise it is a tie, never guessed.
  const anchors = neighbours(seen.length, from);
  const inGap = (s: number, c: number) => (anchors.before[s] as number) < c && c < (anchors.after[s] as number);
  const candidates: { s: number; c: number; score: number }[] = [];
  const seenByPlace = groupBy(freeSeen(), (s) => (seen[s] as PlacedItem).place);
  for (const [place, cs] of groupBy(freeCurrent(), (c) => (current[c] as PlacedItem).place)) {
    const ss = seenByPlace.get(place) ?? [];
    // A place rewritten wholesale: only the items between the same neighbours are compared.
    const wide = ss.length * cs.length > MAX_COMPARED_RENAMES;
    for (const s of ss) {
      const old = seen[s] as PlacedItem;
      for (const c of cs) {
        if (wide && !inGap(s, c)) continue;
        const score = similarity(old.text, (current[c] as PlacedItem).text);
        if (score >= RENAME_THRESHOLD) candidates.push({ s, c, score });
      }
    }
  }
  candidates.sort((p, q) => q.score - p.score || p.s - q.s || p.c - q.c);
  const bySeen = groupBy(candidates, (p) => String(p.s));
  const byCurrent = groupBy(candidates, (p) => String(p.c));
  const free = (p: { s: number; c: number }) => !taken[p.s] && !ambiguous.has(p.s) && from[p.c] === -1;
  for (const cand of candidates) {
    const { s, c, score } = cand;
    if (!free(cand)) continue;
    const rivals = [...(bySeen.get(String(s)) ?? []), ...(byCurrent.get(String(c)) ?? [])].filter(
      (o) => o !== cand && o.score === score && free(o),
    );
    if (rivals.length === 0 || (inGap(s, c) && rivals.every((o) => !inGap(o.s, o.c)))) pair(s, c, 'renamed');
    else if (data(s)) ambiguous.set(s, [c, ...rivals.filter((o) => o.s === s).map((o) => o.c)]);
  }

  // 4. Progress put aside earlier comes back to an item left over with exactly its text and place, when
  // only one such item and one such record are left.
  const asideByToken = groupBy(
    seen.map((_, s) => s).filter((s) => s >= firstAside),
    (s) => token(seen[s] as PlacedItem),
  );
  for (const [tok, cs] of groupBy(freeCurrent(), (c) => token(current[c] as PlacedItem))) {
    const ss = asideByToken.get(tok);
    if (ss?.length === 1 && cs.length === 1) pair(ss[0] as number, cs[0] as number, 'same');
  }

  // Keys: a continued item keeps its key; a new one gets a fresh key that nothing uses or holds.
  const used = new Set(reserved);
  for (const s of from) if (s !== -1) used.add((seen[s] as PlacedItem).key);
  seen.forEach((item, s) => {
    if (!taken[s] && data(s)) used.add(item.key);
  });
  const keys = current.map((item, c) => {
    const s = from[c] as number;
    if (s !== -1) return (seen[s] as PlacedItem).key;
    let key = item.key;
    // The parser's key is taken (by a twin that kept its key, or by progress put aside): the next free
    // number, after the parser's own repeat number (`video-2` → `video-3`, but `chapter-2` → `chapter-2-2`).
    const repeat = /^(.+)-\d+$/.exec(key);
    const base = repeat?.[1] && !/\d$/.test(item.text.trim()) ? repeat[1] : key;
    for (let n = 2; used.has(key); n++) key = `${base}-${n}`;
    used.add(key);
    return key;
  });
  return {
    keys,
    from,
    how,
    removed: seen.map((_, s) => s).filter((s) => !taken[s] && !ambiguous.has(s)),
    ambiguous: [...ambiguous].map(([s, cs]) => ({ seen: s, candidates: cs })).sort((a, b) => a.seen - b.seen),
  };
}

/**
 * How alike two places are, for twins that moved: the innermost heading counts most (a section moved to
 * another level is still that section), then the whole path, then the parent item.
 */
function placeLikeness(a: PlacedItem, b: PlacedItem): number {
  const inner = (place: string) => {
    const cut = place.lastIndexOf(' › ');
    return cut === -1 ? place : place.slice(cut + 3);
  };
  const parent = a.parent === b.parent ? 0.25 : 0;
  const tick = !!a.checked === !!b.checked ? 0.1 : 0;
  return similarity(inner(a.place), inner(b.place)) + 0.5 * similarity(a.place, b.place) + parent + tick;
}

/** Pairs, repeatedly, the pairs whose score is strictly the best of both their row and their column. */
function pairClearBest(scored: { s: number; c: number; score: number }[], pair: (s: number, c: number) => void): void {
  const usedS = new Set<number>();
  const usedC = new Set<number>();
  for (let found = true; found; ) {
    found = false;
    const live = scored.filter((p) => !usedS.has(p.s) && !usedC.has(p.c));
    for (const p of live) {
      const clear = live.every((o) => o === p || (o.s !== p.s && o.c !== p.c) || o.score < p.score);
      if (!clear) continue;
      usedS.add(p.s);
      usedC.add(p.c);
      pair(p.s, p.c);
      found = true;
      break;
    }
  }
}

/** For each seen item, the current index of the nearest matched seen item before and after it (-1 and +∞ at the ends). */
function neighbours(seenCount: number, from: readonly number[]): { before: number[]; after: number[] } {
  const matchedAt = new Array<number>(seenCount).fill(-1);
  from.forEach((s, c) => {
    if (s !== -1) matchedAt[s] = c;
  });
  const before: number[] = [];
  const after = new Array<number>(seenCount).fill(Number.POSITIVE_INFINITY);
  let last = -1;
  for (let s = 0; s < seenCount; s++) {
    before.push(last);
    if ((matchedAt[s] as number) !== -1) last = matchedAt[s] as number;
  }
  let next = Number.POSITIVE_INFINITY;
  for (let s = seenCount - 1; s >= 0; s--) {
    after[s] = next;
    if ((matchedAt[s] as number) !== -1) next = matchedAt[s] as number;
  }
  return { before, after };
}

function groupBy<T>(values: readonly T[], keyOf: (value: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const value of values) {
    const key = keyOf(value);
    const group = groups.get(key);
    if (group) group.push(value);
    else groups.set(key, [value]);
  }
  return groups;
}
