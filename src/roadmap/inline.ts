import type { PhrasingContent, RootContent } from 'mdast';
import type { Span } from './model.js';

type Marks = Omit<Span, 'text'>;

/** Flattens inline markdown into spans that keep bold, italic, code, strike and links. */
export function toSpans(nodes: readonly PhrasingContent[], definitions?: ReadonlyMap<string, string>): Span[] {
  const spans: Span[] = [];
  const push = (text: string, marks: Marks) => {
    if (text === '') return;
    const last = spans[spans.length - 1];
    if (last && sameMarks(last, marks)) last.text += text;
    else spans.push({ text, ...marks });
  };
  const walk = (list: readonly PhrasingContent[], marks: Marks) => {
    for (const node of list) {
      switch (node.type) {
        case 'text':
          push(node.value.replace(/\s*\n\s*/g, ' '), marks);
          break;
        case 'inlineCode':
          push(node.value, { ...marks, code: true });
          break;
        case 'strong':
          walk(node.children, { ...marks, bold: true });
          break;
        case 'emphasis':
          walk(node.children, { ...marks, italic: true });
          break;
        case 'delete':
          walk(node.children, { ...marks, strike: true });
          break;
        case 'link':
          walk(node.children, { ...marks, href: node.url });
          break;
        case 'linkReference': {
          // `[text][ref]`: a link when the document defines `ref` (its address from the definition).
          const url = definitions?.get(node.identifier);
          walk(node.children, url === undefined ? marks : { ...marks, href: url });
          break;
        }
        case 'image':
        case 'imageReference':
          // A badge (`![High][high_img]`, definitions at the end) keeps its words, as an inline image does.
          push(node.alt ?? '', marks);
          break;
        case 'break':
          push(' ', marks);
          break;
        case 'html':
          // Inline tags (`<kbd>`, `<sup>`, `<br>`) are markup, not text: keep what they wrap.
          if (/^<br\s*\/?>$/i.test(node.value)) push(' ', marks);
          else if (!/^<\/?[a-z][a-z0-9-]*(?:\s[^>]*)?\/?>$/i.test(node.value) && !node.value.startsWith('<!--')) push(node.value, marks);
          break;
        default:
          if ('children' in node) walk(node.children as PhrasingContent[], marks);
          else if ('value' in node) push(String(node.value), marks);
      }
    }
  };
  walk(nodes, {});
  // Trim the outer whitespace of the whole run.
  const first = spans[0];
  if (first) first.text = first.text.trimStart();
  const last = spans[spans.length - 1];
  if (last) last.text = last.text.trimEnd();
  return spans.filter((s) => s.text !== '');
}

function sameMarks(a: Span, b: Marks): boolean {
  return a.bold === b.bold && a.italic === b.italic && a.code === b.code && a.strike === b.strike && a.href === b.href;
}

/** Plain text of spans. */
export function spansText(spans: readonly Span[]): string {
  return spans.map((s) => s.text).join('');
}

/** Plain text of any block or inline node (for notes, quotes and table cells). */
export function plainText(node: RootContent | PhrasingContent): string {
  if ('value' in node && typeof node.value === 'string' && node.type !== 'html') return node.value;
  if ('children' in node) {
    const parts = (node.children as RootContent[]).map(plainText);
    const block = node.type === 'blockquote' || node.type === 'list' || node.type === 'listItem';
    return parts
      .join(block ? '\n' : '')
      .replace(/[ \t]*\n[ \t]*/g, block ? '\n' : ' ')
      .trim();
  }
  if (node.type === 'image' || node.type === 'imageReference') return node.alt ?? '';
  return '';
}
