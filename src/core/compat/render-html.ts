/**
 * The compat report page: a matrix of plugins × recent runs, one coloured cell per result, the
 * failing tests in each cell's tooltip. One self-contained file (inline CSS, no script), so it
 * can be an artifact, a GitHub Pages file on the results branch, or opened from disk.
 */
import { countByClass } from './classify.ts';
import { CLASS_LABELS, COMPAT_CLASSES, resultDetail, type ClassifiedResult, type CompatClass, type StoredRun } from './compat-run.ts';
import { htmlEscape as h } from './markdown.ts';

const COLOURS: Record<CompatClass, string> = {
  regressed: '#d73a49',
  'still-broken': '#e36209',
  fixed: '#2da44e',
  flaky: '#bf8700',
  infra: '#6e7781',
  passed: '#a2d9b1',
};

export interface HtmlReportOptions {
  title?: string;
}

/** `runs` in any order; the newest is the first column. */
export function renderCompatHtml(runs: readonly StoredRun[], options: HtmlReportOptions = {}): string {
  const columns = [...runs].sort((a, b) => (a.startedAt < b.startedAt ? 1 : a.startedAt > b.startedAt ? -1 : 0));
  const latest = columns[0];
  const plugins = [...new Set(columns.flatMap((run) => run.results.map((r) => r.plugin)))].sort();
  const byRun = columns.map((run) => new Map(run.results.map((r) => [r.plugin, r])));
  const title = options.title ?? 'slipway compat report';

  const head = columns
    .map((run) => `<th scope="col" data-run="${h(run.id)}"><span>${h(run.startedAt.slice(0, 10))}</span><small>${h(run.core.version)} @ ${h(run.core.sha.slice(0, 7))}</small></th>`)
    .join('');
  const rows = plugins
    .map((plugin) => {
      const cells = byRun.map((results, i) => resultCell(results.get(plugin), columns[i]!.id)).join('');
      return `<tr data-plugin="${h(plugin)}"><th scope="row">${h(plugin)}</th>${cells}</tr>`;
    })
    .join('\n');
  const counts = latest ? countByClass(latest) : undefined;
  const summary = counts
    ? `<p class="summary">Latest run <strong>${h(latest!.id)}</strong> against core ${h(latest!.core.ref)} ${h(latest!.core.version)}: ${COMPAT_CLASSES.map(
        (c) => `<span class="count" data-class="${c}"><i class="swatch c-${c}"></i>${counts[c]} ${h(CLASS_LABELS[c].toLowerCase())}</span>`,
      ).join(' ')}</p>`
    : '<p class="summary">No runs yet.</p>';
  const css = [
    'body{font:14px/1.4 system-ui,sans-serif;margin:2rem;color:#1f2328}',
    'table{border-collapse:collapse}',
    'th,td{border:1px solid #d0d7de;padding:.25rem .5rem;text-align:left;white-space:nowrap}',
    'thead th{vertical-align:bottom}thead th span,thead th small{display:block}small{color:#59636e}',
    'td{text-align:center;font-size:12px;color:#fff}td.none{background:#f6f8fa;color:#59636e}',
    '.count{margin-right:1rem}.swatch{display:inline-block;width:.8em;height:.8em;margin-right:.3em;border-radius:2px}',
    ...COMPAT_CLASSES.map((c) => `.c-${c}{background:${COLOURS[c]}}`),
    'td.c-passed{color:#1f2328}',
  ].join('\n');
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${h(title)}</title>
<style>
${css}
</style>
</head>
<body>
<h1>${h(title)}</h1>
${summary}
<table id="compat-matrix">
<thead><tr><th scope="col">plugin</th>${head}</tr></thead>
<tbody>
${rows}
</tbody>
</table>
</body>
</html>
`;
}

function resultCell(result: ClassifiedResult | undefined, runId: string): string {
  if (!result) return `<td class="none" data-run="${h(runId)}">–</td>`;
  const detail = resultDetail(result);
  const tip = [CLASS_LABELS[result.class], result.version ? `version ${result.version}` : '', detail].filter(Boolean).join(' — ');
  return `<td class="c-${result.class}" data-run="${h(runId)}" data-class="${result.class}" title="${h(tip)}">${h(CLASS_LABELS[result.class].toLowerCase())}</td>`;
}
