import type { DocumentState, NoteRecord } from '../progress/state.js';
import { type Counts, itemStatuses, roadmapProgress } from '../progress/stats.js';
import { renderBadge } from '../report/badge.js';
import { escapeHtml as esc, safeHref } from '../report/escape.js';
import { REPORT_CSS } from '../report/html-style.js';
import { type ReportModel, reportModel } from '../report/report.js';
import type { Roadmap, Span } from '../roadmap/model.js';
import type { Lang } from './lang.js';
import type { Messages } from './messages.js';
import { LEVEL_HEX, STATUS_MARK } from './style.js';

// The HTML report and the SVG badge in words and colours: the edge of report/, which computes what
// they show (report/report.ts) and knows no language and no palette.

/** What the HTML report shows (the pure core's report model), with the words and language to show it in. */
export interface ReportInput extends ReportModel {
  lang: Lang;
  t: Messages;
}

/** The HTML progress report of a document. */
export function htmlReport(model: Roadmap, doc: DocumentState, t: Messages, lang: Lang, now: Date): string {
  return renderHtmlReport({ ...reportModel(model, doc, now), t, lang });
}

/** The SVG progress badge of a document ("roadmap | 42 %"). */
export function svgBadge(model: Roadmap, doc: DocumentState, t: Messages): string {
  const progress = roadmapProgress(model, itemStatuses(model, doc));
  return renderBadge(t.report.badgeLabel, t.percent(progress.percent), progress.percent);
}

const DEFAULT_COLOR = '#1c7ed6';
const DONE_COLOR = '#2f9e44';

/** A date in words in the interface language ("1 March 2026"), in UTC like every date the tool stores. */
export function longDate(date: Date, lang: Lang): string {
  return new Intl.DateTimeFormat(lang === 'fr' ? 'fr-FR' : 'en-GB', { dateStyle: 'long', timeZone: 'UTC' }).format(date);
}

const day = (iso: string) => esc(iso.slice(0, 10));

/** A horizontal bar drawn in SVG (printed even when the browser drops CSS backgrounds). */
function bar(done: number, base: number, color: string, label: string, small = false): string {
  const ratio = base > 0 ? Math.min(1, done / base) : 0;
  const width = Math.round(ratio * 1000) / 10;
  return (
    `<svg class="bar${small ? ' small' : ''}" viewBox="0 0 100 10" preserveAspectRatio="none" role="img" aria-label="${esc(label)}">` +
    `<rect width="100" height="10" rx="5" fill="#e9ecef" style="fill:var(--track)"/>` +
    (width > 0 ? `<rect width="${width}" height="10" rx="5" fill="${color}"/>` : '') +
    '</svg>'
  );
}

/** Inline text with its formatting; links only for http(s) addresses. Every character of the document is escaped. */
function spansHtml(spans: readonly Span[]): string {
  return spans
    .map((span) => {
      let html = esc(span.text);
      if (span.code) html = `<code>${html}</code>`;
      if (span.bold) html = `<strong>${html}</strong>`;
      if (span.italic) html = `<em>${html}</em>`;
      if (span.strike) html = `<s>${html}</s>`;
      const href = safeHref(span.href);
      if (href) html = `<a href="${esc(href)}" rel="noopener noreferrer nofollow">${html}</a>`;
      return html;
    })
    .join('');
}

function link(url: string, label?: string): string {
  const href = safeHref(url);
  if (!href) return esc(label ? `${label} (${url})` : url);
  const labelled = label ? ' labelled' : '';
  return `<a class="evidence${labelled}" href="${esc(href)}" rel="noopener noreferrer nofollow">${esc(label ?? url)}</a>`;
}

function notesHtml(notes: readonly NoteRecord[]): string {
  if (!notes.length) return '';
  const items = notes.map((note) => {
    const content = note.url ? `🔗 ${link(note.url, note.text)}` : esc(note.text ?? '');
    return `<li><time datetime="${esc(note.at)}">${day(note.at)}</time>${content}</li>`;
  });
  return `<ul class="notes">${items.join('')}</ul>`;
}

function itemHtml(input: ReportInput, id: number): string {
  const item = input.model.items[id - 1];
  const status = input.statuses[id - 1] ?? 'todo';
  if (!item) return '';
  const word = input.t.report.statusWords[status];
  const notes = Object.hasOwn(input.doc.notes ?? {}, item.key) ? (input.doc.notes?.[item.key] ?? []) : [];
  return (
    `<li class="item ${status}" id="item-${id}" data-status="${status}" style="--d:${item.depth}">` +
    `<span class="mark" role="img" aria-label="${esc(word)}" title="${esc(word)}">${STATUS_MARK[status]}</span>` +
    `<span class="num">${id}</span>` +
    `<div class="body"><span class="text">${spansHtml(item.spans)}</span>${notesHtml(notes)}</div></li>`
  );
}

function countText(counts: Counts, t: Messages): string {
  return `${counts.done}/${counts.total} · ${esc(t.percent(counts.percent))}`;
}

function summaryHtml(input: ReportInput): string {
  const { progress, t, model } = input;
  const extra = [progress.doing ? t.report.doing(progress.doing) : '', progress.skipped ? t.report.skipped(progress.skipped) : '']
    .filter(Boolean)
    .map(esc);
  const levels = model.levels.map((level, index) => {
    const counts = progress.levels[index];
    if (!counts) return '';
    const color = level.color ? LEVEL_HEX[level.color] : DEFAULT_COLOR;
    return (
      `<li data-level="${level.number}"><a href="#level-${index + 1}">${esc(level.title || t.untitled)}</a>` +
      bar(counts.done, counts.total - counts.skipped, color, t.percent(counts.percent)) +
      `<span class="count">${countText(counts, t)}</span></li>`
    );
  });
  return (
    `<section class="summary" id="overall" aria-label="${esc(t.report.overall)}">` +
    `<p class="muted">${esc(t.report.overall)}</p>` +
    `<p class="big" data-percent="${progress.percent}">${esc(t.percent(progress.percent))}</p>` +
    bar(progress.done, progress.total - progress.skipped, DONE_COLOR, t.percent(progress.percent)) +
    `<p>${esc(t.report.items(progress.done, progress.total))}${extra.length ? ` · ${extra.join(' · ')}` : ''}</p>` +
    (levels.length ? `<ol class="levels">${levels.join('')}</ol>` : '') +
    '</section>'
  );
}

function levelHtml(input: ReportInput, index: number): string {
  const { model, progress, t } = input;
  const level = model.levels[index];
  const counts = progress.levels[index];
  if (!level || !counts) return '';
  const color = level.color ? LEVEL_HEX[level.color] : DEFAULT_COLOR;
  const inSection = new Set(level.sections.flatMap((s) => s.itemIds));
  const loose = level.itemIds.filter((id) => !inSection.has(id));
  const list = (ids: readonly number[]) => `<ul class="items">${ids.map((id) => itemHtml(input, id)).join('')}</ul>`;
  const sections = level.sections.map((section, s) => {
    const sc = counts.sections[s];
    return `<h3>${esc(section.title)} <span class="count">${sc ? `${sc.done}/${sc.total}` : ''}</span></h3>${list(section.itemIds)}`;
  });
  return (
    `<section class="level" id="level-${index + 1}" style="--c:${color}">` +
    `<h2>${esc(level.title || t.untitled)} <span class="count">${countText(counts, t)}</span></h2>` +
    (level.note ? `<p class="note">${esc(level.note)}</p>` : '') +
    (loose.length ? list(loose) : '') +
    sections.join('') +
    '</section>'
  );
}

function projectHtml(input: ReportInput): string {
  if (!input.project) return '';
  const { t } = input;
  const { capstone, parts } = input.project;
  const done = parts.filter((p) => p.status === 'done').length;
  const rows = parts.map((view) => {
    const word = t.report.statusWords[view.status];
    const sources = [
      ...view.preparation.sections.map((s) => esc(s.title)),
      ...view.preparation.itemIds
        .filter((id) => !view.preparation.sections.some((s) => input.model.levels[s.level]?.sections[s.section]?.itemIds.includes(id)))
        .map((id) => `<a href="#item-${id}">${esc(t.project.item(id))}</a>`),
    ];
    const readiness = view.readiness;
    const prep = readiness.total
      ? bar(readiness.done, readiness.total - readiness.skipped, DONE_COLOR, t.project.readiness(t.percent(readiness.percent)), true) +
        `<p class="prep">${esc(t.project.readiness(t.percent(readiness.percent)))} (${readiness.done}/${readiness.total}) · ${esc(t.project.preparedBy)} ${sources.join(', ')}</p>`
      : `<p class="prep">${esc(t.project.nothingPrepares)}</p>`;
    const links = view.links.length
      ? `<ul class="links">${view.links.map((l) => `<li><time>${day(l.at)}</time>🔗 ${link(l.url)}</li>`).join('')}</ul>`
      : '';
    return (
      `<li class="part ${view.status}" data-part="${view.part.number}">` +
      `<div class="part-head"><span class="mark" role="img" aria-label="${esc(word)}">${STATUS_MARK[view.status]}</span>` +
      `<span class="num">${view.part.number}</span><span class="text">${esc(view.part.text)}</span></div>${prep}${links}</li>`
    );
  });
  return (
    `<section id="project"><h2>${esc(t.report.project)} <span class="count">${esc(t.project.summary(done, parts.length))}</span></h2>` +
    `<p><strong>${esc(capstone.title)}</strong></p>${capstone.paragraphs[0] ? `<p>${esc(capstone.paragraphs[0])}</p>` : ''}` +
    `<ul class="parts">${rows.join('')}</ul></section>`
  );
}

function planningHtml(input: ReportInput): string {
  const timeline = input.timeline;
  if (!timeline) return '';
  const { t } = input;
  const rows = timeline.planning.rows.map((row, i) => {
    const current = i === timeline.current;
    return `<tr${current ? ' class="current"' : ''}><td>${esc(row.period)}${current ? ` · ${esc(t.report.current)}` : ''}</td><td>${esc(row.focus)}</td></tr>`;
  });
  const started = timeline.startedAt
    ? `<p class="muted">${esc(t.report.startedOn(longDate(new Date(timeline.startedAt), input.lang)))}</p>`
    : '';
  return `<section id="planning"><h2>${esc(timeline.planning.title || t.report.planning)}</h2>${started}<table><tbody>${rows.join('')}</tbody></table></section>`;
}

/** The progress report: one self-contained HTML page (inline CSS and SVG, nothing fetched, no script). */
export function renderHtmlReport(input: ReportInput): string {
  const { model, t, lang } = input;
  const title = model.title ?? t.untitled;
  const date = longDate(input.now, lang);
  return `<!doctype html>
<html lang="${lang}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">
<meta name="referrer" content="no-referrer">
<title>${esc(t.report.pageTitle(title))}</title>
<style>${REPORT_CSS}</style>
</head>
<body>
<div class="page">
<header><h1>${esc(title)}</h1>${model.intro ? `<p class="intro">${esc(model.intro)}</p>` : ''}<p class="date"><time datetime="${esc(input.now.toISOString())}">${esc(t.report.generated(date))}</time></p></header>
<main>
${summaryHtml(input)}
${model.levels.map((_, i) => levelHtml(input, i)).join('\n')}
${projectHtml(input)}
${planningHtml(input)}
</main>
<footer>${esc(t.report.footer)} · ${esc(date)}</footer>
</div>
</body>
</html>
`;
}
