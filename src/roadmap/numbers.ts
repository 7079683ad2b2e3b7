// Math.max(...values) passes every value as an argument: past ~120 000 of them (a long log, a huge
// document) it throws "Maximum call stack size exceeded". These loop instead.

/** The largest of `values`; -Infinity when there are none (as Math.max()). */
export function largest(values: Iterable<number>): number {
  let best = Number.NEGATIVE_INFINITY;
  for (const value of values) if (value > best || Number.isNaN(value)) best = value;
  return best;
}

/** The smallest of `values`; Infinity when there are none (as Math.min()). */
export function smallest(values: Iterable<number>): number {
  let best = Number.POSITIVE_INFINITY;
  for (const value of values) if (value < best || Number.isNaN(value)) best = value;
  return best;
}
