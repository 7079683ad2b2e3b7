import type { Roadmap } from '../roadmap/model.js';
import { fold } from '../roadmap/select.js';

/**
 * How a level is worked on, as its note says: `now` the main track (levels in priority order),
 * `parallel` alongside the main track, `ongoing` built over time.
 */
export type Track = 'now' | 'parallel' | 'ongoing';
export const TRACKS: readonly Track[] = ['now', 'parallel', 'ongoing'];

// Wordings (folded: lower case, no accents) that mark a level's note, in French and English. One
// alternation per track: a regular expression is compiled on its first use, in every run of `next`.
const PARALLEL = /\b(?:en parallele|parallelement|in parallel|alongside|at the same time|en meme temps)\b/;
const ONGOING = /\b(?:dans le temps|tout au long|en continu|au fil|over time|ongoing|continuous(?:ly)?|throughout|all along|as you go)\b/;

/** The track a level's note describes; `now` when the note says neither (or there is none). */
export function noteTrack(note: string | null): Track {
  if (!note) return 'now';
  const text = fold(note);
  if (PARALLEL.test(text)) return 'parallel';
  if (ONGOING.test(text)) return 'ongoing';
  return 'now';
}

/** The track of every level (index = level index), from the levels' notes. */
export function levelTracks(model: Roadmap): Track[] {
  return model.levels.map((level) => noteTrack(level.note));
}
