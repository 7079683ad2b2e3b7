import { escapeHtml as esc } from './escape.js';

/** Colour of a badge by progress: red below 25 %, orange, yellow, yellow-green, green at 100 %. */
export function badgeColor(percent: number): string {
  if (percent >= 100) return '#2f9e44';
  if (percent >= 75) return '#74b816';
  if (percent >= 50) return '#d4a106';
  if (percent >= 25) return '#f08c00';
  return '#e0443e';
}

// Advance widths of Verdana at 11 px (the font badges are drawn in), for the characters a badge uses;
// others count as a wide letter. Enough to size the two boxes without a font at hand.
const WIDTHS: Record<string, number> = {
  ' ': 3.9,
  '%': 11.9,
  '.': 4.4,
  ',': 4.4,
  '-': 5.4,
  '0': 7,
  '1': 7,
  '2': 7,
  '3': 7,
  '4': 7,
  '5': 7,
  '6': 7,
  '7': 7,
  '8': 7,
  '9': 7,
  a: 6.7,
  b: 6.9,
  c: 5.8,
  d: 6.9,
  e: 6.7,
  f: 3.9,
  g: 6.9,
  h: 7,
  i: 3,
  j: 3.8,
  k: 6.5,
  l: 3,
  m: 10.7,
  n: 7,
  o: 6.7,
  p: 6.9,
  q: 6.9,
  r: 4.7,
  s: 5.8,
  t: 4.3,
  u: 7,
  v: 6.5,
  w: 9,
  x: 6.5,
  y: 6.5,
  z: 5.8,
};

function textWidth(text: string): number {
  let total = 0;
  for (const ch of text) total += WIDTHS[ch] ?? (ch === ch.toUpperCase() && ch !== ch.toLowerCase() ? 7.6 : 7);
  return Math.round(total);
}

/** A small flat badge ("roadmap | 42 %") as a standalone SVG document, for a README. */
export function renderBadge(label: string, value: string, percent: number): string {
  const pad = 6;
  const left = textWidth(label) + 2 * pad;
  const right = textWidth(value) + 2 * pad;
  const total = left + right;
  const color = badgeColor(percent);
  const title = `${label}: ${value}`;
  const text = (x: number, content: string) =>
    `<text x="${x}" y="15" fill="#010101" fill-opacity=".3">${esc(content)}</text><text x="${x}" y="14">${esc(content)}</text>`;
  return `<?xml version="1.0" encoding="UTF-8"?>
<svg xmlns="http://www.w3.org/2000/svg" width="${total}" height="20" viewBox="0 0 ${total} 20" role="img" aria-label="${esc(title)}">
<title>${esc(title)}</title>
<linearGradient id="s" x2="0" y2="100%"><stop offset="0" stop-color="#bbb" stop-opacity=".1"/><stop offset="1" stop-opacity=".1"/></linearGradient>
<clipPath id="r"><rect width="${total}" height="20" rx="3" fill="#fff"/></clipPath>
<g clip-path="url(#r)"><rect width="${left}" height="20" fill="#555"/><rect x="${left}" width="${right}" height="20" fill="${color}"/><rect width="${total}" height="20" fill="url(#s)"/></g>
<g fill="#fff" text-anchor="middle" font-family="Verdana,Geneva,DejaVu Sans,sans-serif" font-size="11">${text(left / 2, label)}${text(left + right / 2, value)}</g>
</svg>
`;
}
