/**
 * The job summary (and `slipway compat --markdown`): counts, then one table per class that
 * has plugins, failing test names in the regressed and still-broken tables, and the log tail of
 * each regression folded away. Passed plugins are folded too: in a fleet of 1,300 they are
 * the long, uninteresting part.
 */
import { countByClass, groupByClass } from './classify.ts';
import { CLASS_LABELS, COMPAT_CLASSES, describeCore, finalAttempt, resultDetail, type ClassifiedResult, type CompatClass, type StoredRun } from './compat-run.ts';
import { cell, fenced, lastLines, listSome } from './markdown.ts';

const FOLDED: ReadonlySet<CompatClass> = new Set(['passed']);
const WITH_LOGS: ReadonlySet<CompatClass> = new Set(['regressed']);
const LOG_LINES = 30;
const TESTS_PER_CELL = 8;

export function renderCompatSummary(run: StoredRun): string {
  const counts = countByClass(run);
  const groups = groupByClass(run);
  const runName = run.url ? `[${run.id}](${run.url})` : `\`${run.id}\``;
  const lines = [
    `## Compatibility with core ${describeCore(run.core)}`,
    '',
    `Run ${runName}, ${run.results.length} plugin(s): ${COMPAT_CLASSES.map((c) => `**${counts[c]}** ${CLASS_LABELS[c].toLowerCase()}`).join(' · ')}`,
  ];
  if (run.releaseCore) lines.push('', `Failures were re-tested against the released core ${describeCore(run.releaseCore)}.`);

  for (const cls of COMPAT_CLASSES) {
    const list = groups[cls];
    if (list.length === 0) continue;
    const table = renderTable(cls, list);
    lines.push('', `### ${CLASS_LABELS[cls]} (${list.length})`, '');
    if (FOLDED.has(cls)) lines.push('<details><summary>show</summary>', '', ...table, '', '</details>');
    else lines.push(...table);
    if (WITH_LOGS.has(cls)) {
      for (const result of list) {
        const tail = finalAttempt(result)?.logTail ?? '';
        if (!tail.trim()) continue;
        lines.push('', `<details><summary>${cell(result.plugin)}: last ${LOG_LINES} lines of output</summary>`, '', fenced(lastLines(tail, LOG_LINES)), '', '</details>');
      }
    }
  }
  return lines.join('\n') + '\n';
}

function renderTable(cls: CompatClass, list: readonly ClassifiedResult[]): string[] {
  const withTests = cls === 'regressed' || cls === 'still-broken';
  const header = withTests ? '| plugin | version | released core | failing tests |' : '| plugin | version | detail | time |';
  const rows = list.map((r) => {
    const version = cell(r.version ?? '');
    if (withTests) {
      const tests = r.attempts.find((a) => a.outcome === 'fail')?.failingTests ?? [];
      const detail = tests.length > 0 ? listSome(tests.map(cell), TESTS_PER_CELL, '<br>') : cell(resultDetail(r));
      const since = r.brokenSince ? ` (since ${cell(r.brokenSince)})` : '';
      return `| ${cell(r.plugin)} | ${version} | ${r.baselineVerdict === 'pass' ? 'passes' : r.baselineVerdict === 'fail' ? 'fails' : 'not tested'}${since} | ${detail} |`;
    }
    const seconds = (r.attempts.reduce((sum, a) => sum + a.durationMs, 0) / 1000).toFixed(1);
    return `| ${cell(r.plugin)} | ${version} | ${cell(resultDetail(r))} | ${seconds} s |`;
  });
  return [header, withTests ? '|---|---|---|---|' : '|---|---|---|--:|', ...rows];
}

/** The report for a terminal: one line per plugin that is not a plain pass, then the counts. */
export function renderCompatText(run: StoredRun): string {
  const counts = countByClass(run);
  const groups = groupByClass(run);
  const width = Math.max(12, ...run.results.map((r) => r.plugin.length));
  const lines = [`compat ${run.id} against core ${describeCore(run.core)}`];
  for (const cls of COMPAT_CLASSES) {
    for (const result of groups[cls]) {
      const detail = resultDetail(result);
      lines.push(`  ${CLASS_LABELS[cls].toLowerCase().padEnd(12)}  ${result.plugin.padEnd(width)}  ${detail}`.trimEnd());
    }
  }
  lines.push(COMPAT_CLASSES.map((c) => `${counts[c]} ${CLASS_LABELS[c].toLowerCase()}`).join(', '));
  return lines.join('\n') + '\n';
}
