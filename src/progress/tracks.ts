import type { Roadmap } from '../roadmap/model.js';
import { fold } from '../roadmap/select.js';

/**
 * How a level is worked on, as its note says: `now` the main track (levels in priority order),
 * `parallel` alongside the main track, `ongoing` built over time.
 */
export type Track = 'now' | 'parallel' | 'ongoing';
export const TRACKS: readonly Track[] = ['now', 'parallel', 'ongoing'];

// Wordings (folded: lower case, no accents) that mark a level's note, in French and English.
const PARALLEL = [/\ben parallele\b/, /\bparallelement\b/, /\bin parallel\b/, /\balongside\b/, /\bat the same time\b/, /\ben meme temps\b/];
const ONGOING = [
  /\bdans le temps\b/,
  /\btout au long\b/,
  /\ben continu\b/,
  /\bau fil\b/,
  /\bover time\b/,
  /\bongoing\b/,
  /\bcontinuous(ly)?\b/,
  /\bthroughout\b/,
  /\ball along\b/,
  /\bas you go\b/,
];

/** The track a level's note describes; `now` when the note says neither (or there is none). */
export function noteTrack(note: string | null): Track {
  if (!note) return 'now';
  const text = fold(note);
  if (PARALLEL.some((re) => re.test(text))) return 'parallel';
  if (ONGOING.some((re) => re.test(text))) return 'ongoing';
  return 'now';
}

/** The track of every level (index = level index), from the levels' notes. */
export function levelTracks(model: Roadmap): Track[] {
  return model.levels.map((level) => noteTrack(level.note));
}
