/** The report's stylesheet: inline, no fonts or images to fetch; phone-first, with a print layout. */
export const REPORT_CSS = `
:root{--fg:#1f2328;--muted:#656d76;--line:#d0d7de;--track:#e9ecef;--bg:#fff;--card:#f6f8fa;--ok:#2f9e44;--doing:#e8a200}
*{box-sizing:border-box}
html{-webkit-text-size-adjust:100%;text-size-adjust:100%}
body{margin:0;background:var(--bg);color:var(--fg);font:16px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,"Noto Sans",Helvetica,Arial,sans-serif,"Apple Color Emoji","Segoe UI Emoji","Noto Color Emoji"}
.page{max-width:52rem;margin:0 auto;padding:1.25rem 1rem 2.5rem}
h1{font-size:1.6rem;line-height:1.25;margin:.25rem 0 .5rem}
h2{font-size:1.25rem;margin:2rem 0 .5rem;padding-bottom:.25rem;border-bottom:3px solid var(--c,var(--line))}
h3{font-size:1.02rem;margin:1.25rem 0 .35rem;display:flex;gap:.5rem;align-items:baseline;flex-wrap:wrap}
p{margin:.35rem 0}
.muted,.count,.date{color:var(--muted)}
.count{font-weight:400;font-size:.9rem;font-variant-numeric:tabular-nums}
.intro{font-size:1.05rem}
.summary{background:var(--card);border:1px solid var(--line);border-radius:12px;padding:1rem;margin:1rem 0}
.big{font-size:2.6rem;font-weight:700;line-height:1;font-variant-numeric:tabular-nums}
.bar{display:block;width:100%;height:12px}
.bar.small{height:8px}
.levels{list-style:none;padding:0;margin:1rem 0 0}
.levels li{display:grid;grid-template-columns:1fr auto;gap:.15rem .75rem;margin:.6rem 0}
.levels .bar{grid-column:1/-1}
.levels a{color:inherit;text-decoration:none}
.levels .count{text-align:right}
.note{font-style:italic;color:var(--muted)}
ul.items,ul.parts,ul.notes,ul.links{list-style:none;padding:0;margin:0}
ul.items>li{display:flex;gap:.5rem;align-items:flex-start;padding:.3rem 0 .3rem calc(var(--d,0)*1.25rem);border-bottom:1px solid var(--track);overflow-wrap:anywhere}
.mark{flex:none;width:1.3rem;text-align:center;font-weight:700}
.num{flex:none;min-width:1.8rem;color:var(--muted);font-variant-numeric:tabular-nums;text-align:right}
.body{flex:1;min-width:0}
li.done .mark{color:var(--ok)}
li.doing .mark{color:var(--doing)}
li.skipped .text{color:var(--muted);text-decoration:line-through}
code{font:.88em ui-monospace,SFMono-Regular,Menlo,Consolas,monospace;background:var(--card);border-radius:4px;padding:0 .2em}
ul.notes{margin:.2rem 0 0;font-size:.9rem}
ul.notes li{margin:.1rem 0}
time{color:var(--muted);font-variant-numeric:tabular-nums;margin-right:.35rem}
a{color:#0969da;overflow-wrap:anywhere}
ul.parts>li{background:var(--card);border:1px solid var(--line);border-radius:10px;padding:.75rem;margin:.6rem 0}
.part-head{display:flex;gap:.5rem;align-items:baseline}
.part-head .text{font-weight:600;flex:1}
li.part.done .mark{color:var(--ok)}
.prep{font-size:.9rem;color:var(--muted)}
table{border-collapse:collapse;width:100%;font-size:.95rem}
th,td{text-align:left;padding:.35rem .5rem;border-bottom:1px solid var(--line);vertical-align:top}
tr.current td{background:#fff4d6;font-weight:600}
footer{margin-top:2.5rem;font-size:.85rem;color:var(--muted);border-top:1px solid var(--line);padding-top:.75rem}
@media (min-width:40rem){.levels li{grid-template-columns:minmax(0,1fr) 10rem 6.5rem;align-items:center}.levels .bar{grid-column:auto}}
@media (prefers-color-scheme:dark){:root{--fg:#e6edf3;--muted:#9198a1;--line:#3d444d;--track:#262c36;--bg:#0d1117;--card:#151b23}a{color:#4493f8}tr.current td{background:#3a2f0b}}
@media print{
:root{--fg:#000;--muted:#444;--line:#bbb;--track:#ddd;--bg:#fff;--card:#fff}
@page{margin:14mm}
body{font-size:10.5pt}
.page{max-width:none;padding:0}
.summary,ul.parts>li{border-color:#bbb}
h2{break-after:avoid}
h3{break-after:avoid}
ul.items>li,ul.parts>li,.levels li,tr{break-inside:avoid}
a{color:inherit}
a.labelled::after{content:" (" attr(href) ")";font-size:.85em;color:var(--muted)}
*{-webkit-print-color-adjust:exact;print-color-adjust:exact}
}
`;
