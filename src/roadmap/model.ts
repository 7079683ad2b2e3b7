/**
 * How a level is worked on, as its note says: `now` the main track (levels in priority order),
 * `parallel` alongside the main track, `ongoing` built over time.
 */
export type Track = 'now' | 'parallel' | 'ongoing';

/** A run of inline text with its formatting, as written in the document. */
export interface Span {
  text: string;
  bold?: boolean;
  italic?: boolean;
  code?: boolean;
  strike?: boolean;
  href?: string;
}

/** What an item's own text says of its priority: raised, lowered, or a badge's value (High > Medium > Low). */
export type PriorityValue = 'raised' | 'lowered' | 'High' | 'Medium' | 'Low' | 'P0' | 'P1' | 'P2';

/** A priority marker the author emphasised inside an item, and its words as written. */
export interface ItemPriority {
  value: PriorityValue;
  words: string;
}

/** A task item (`- [ ]` / `- [x]`) of the document. */
export interface Item {
  /** 1-based number in document order. */
  id: number;
  /** Stable slug: progress follows the key, not the number. */
  key: string;
  /** Plain text, used for matching and JSON. */
  text: string;
  /** Inline formatting kept for rendering. */
  spans: Span[];
  /** Checked (`[x]`) in the document itself. */
  checked: boolean;
  /** Index into `Roadmap.levels`. */
  level: number;
  /** Index into that level's `sections`, or null for an item placed directly under the level. */
  section: number | null;
  /** Id of the task item this one is nested under, or null. */
  parent: number | null;
  /** Ids of the task items nested under this one. */
  children: number[];
  /** Nesting depth among task items (0 = top). */
  depth: number;
  /** Plain bullets and paragraphs under the item that are not task items. */
  details: string[];
  /** Offset in the source of the character inside the task marker brackets. */
  markerOffset: number;
  /** The priority marker the item's text emphasises (see roadmap/priority.ts); absent when none. */
  priority?: ItemPriority;
}

export type LevelColor = 'red' | 'orange' | 'yellow' | 'green' | 'blue' | 'purple' | 'brown' | 'black' | 'white';

/** A `###`-style grouping inside a level. */
export interface Section {
  title: string;
  itemIds: number[];
}

/** The document's top grouping that holds items (the bundled roadmap's priority levels). */
export interface Level {
  /** Heading text as written (emoji included). */
  title: string;
  /** 1-based level number: from "Niveau N"/"Level N" when every level says one, else position. */
  number: number;
  /** Short label found in the title ("Niveau 1"), or null. */
  label: string | null;
  /** Title without leading emoji and label ("Les fondamentaux incontournables"). */
  name: string;
  /** Priority colour from the title's emoji, or null. */
  color: LevelColor | null;
  /** The blockquote under the heading, as plain text, or null. */
  note: string | null;
  /** How the level is worked on, as its note says (see tracks.ts). */
  track: Track;
  sections: Section[];
  /** Every item of the level, in document order (with or without a section). */
  itemIds: number[];
}

/** A row of the planning table: period → focus. */
export interface PlanningRow {
  period: string;
  focus: string;
}

/** A heading part that holds no task items (choice of cloud, key advice, ...). */
export interface NotePart {
  title: string;
  paragraphs: string[];
  bullets: string[];
  /** A stable key for each bullet (slug, `-2`… for repeats), made at parse time: see `findCapstone`. */
  bulletKeys: string[];
  /**
   * The capstone project's note only: the items that prepare each bullet, made at parse time (see
   * `partPreparation`), so `next` and `project` never fold and match every item's words at start-up.
   */
  bulletPreparations?: PartPreparation[];
}

/** Which items of the roadmap prepare a part of the capstone project, and why. */
export interface PartPreparation {
  /** Sections taken whole: their title names the part's words, or most of their items do. */
  sections: { level: number; section: number; title: string }[];
  /** Every preparing item, in document order (the sections' items and single items). */
  itemIds: number[];
}

export interface Planning {
  title: string;
  rows: PlanningRow[];
}

/** The typed model of a roadmap document. */
export interface Roadmap {
  title: string | null;
  intro: string | null;
  levels: Level[];
  items: Item[];
  planning: Planning | null;
  notes: NotePart[];
}

export type ItemStatus = 'todo' | 'doing' | 'done' | 'skipped';
export const ITEM_STATUSES: readonly ItemStatus[] = ['todo', 'doing', 'done', 'skipped'];
