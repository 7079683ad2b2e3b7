import type { Roadmap, Track } from './model.js';

export type { Track };

import { fold } from './select.js';

// Wordings (folded: lower case, no accents) that mark a level's note, in French and English. Read by
// the parser: a level's track is part of the model (and so of its cache entry), not found again by
// every run of `next` and `check` (folding the notes and compiling these expressions).
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

/** The track of every level (index = level index). */
export function levelTracks(model: Roadmap): Track[] {
  return model.levels.map((level) => level.track);
}
