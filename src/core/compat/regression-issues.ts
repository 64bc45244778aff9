/**
 * One GitHub issue per plugin that regressed against core develop: opened when it regresses,
 * updated while it stays broken, closed when it passes again, reopened if it regresses again —
 * never a second one. Issues are found by their label plus a hidden marker in the body (a
 * title can be edited by people; an HTML comment in the body survives that).
 *
 * Pure: the run and the issues that exist in, the writes to make out.
 */
import { failingTestsOf, finalAttempt, describeCore, type ClassifiedResult, type StoredRun } from './compat-run.ts';
import { fenced, lastLines } from './markdown.ts';

export interface ExistingIssue {
  number: number;
  state: 'open' | 'closed';
  title: string;
  body: string;
}

export type IssueAction =
  | { kind: 'create'; plugin: string; title: string; body: string }
  | { kind: 'update'; plugin: string; number: number; title: string; body: string; reopen: boolean }
  | { kind: 'close'; plugin: string; number: number; comment: string };

const MARKER = /<!-- slipway:compat-regression plugin="([^"]+)" -->/;
const LOG_LINES = 40;
// GitHub refuses issue bodies above 65,536 characters; logs are cut well below that.
const LOG_CHARS = 20_000;

export function issueMarker(plugin: string): string {
  return `<!-- slipway:compat-regression plugin="${plugin.replace(/"/g, '%22')}" -->`;
}

export function pluginOfIssue(body: string | null | undefined): string | undefined {
  const match = MARKER.exec(body ?? '');
  return match ? match[1]!.replace(/%22/g, '"') : undefined;
}

export function issueTitle(plugin: string): string {
  return `Compat: ${plugin} fails with core develop`;
}

/** Does this result call for an open issue? A plugin that fails with the released core too is not a develop regression. */
function wantsIssue(result: ClassifiedResult): boolean {
  return (result.class === 'regressed' || result.class === 'still-broken') && result.baselineVerdict !== 'fail';
}

export function planRegressionIssues(run: StoredRun, existing: readonly ExistingIssue[]): IssueAction[] {
  const byPlugin = new Map<string, ExistingIssue>();
  for (const issue of existing) {
    const plugin = pluginOfIssue(issue.body);
    if (!plugin) continue;
    const other = byPlugin.get(plugin);
    // Should two carry one marker (made by hand), prefer the open one, then the oldest.
    if (!other || (issue.state === 'open' && other.state !== 'open') || (issue.state === other.state && issue.number < other.number)) byPlugin.set(plugin, issue);
  }
  const actions: IssueAction[] = [];
  for (const result of run.results) {
    const issue = byPlugin.get(result.plugin);
    if (wantsIssue(result)) {
      const body = issueBody(run, result);
      const title = issueTitle(result.plugin);
      if (!issue) actions.push({ kind: 'create', plugin: result.plugin, title, body });
      else if (issue.state === 'closed' || issue.body !== body || issue.title !== title) {
        actions.push({ kind: 'update', plugin: result.plugin, number: issue.number, title, body, reopen: issue.state === 'closed' });
      }
    } else if (issue?.state === 'open' && (result.class === 'passed' || result.class === 'fixed')) {
      actions.push({
        kind: 'close',
        plugin: result.plugin,
        number: issue.number,
        comment: `${issueMarker(result.plugin)}\nPasses with core ${describeCore(run.core)} in compat run ${runLink(run)}. Closing.`,
      });
    }
    // flaky and infra say nothing about compatibility: an open issue stays as it is.
  }
  return actions;
}

export function issueBody(run: StoredRun, result: ClassifiedResult): string {
  const tests = failingTestsOf(result);
  const last = finalAttempt(result);
  const baseline =
    result.baselineVerdict === 'pass'
      ? `passes with the released core${run.releaseCore ? ` ${describeCore(run.releaseCore)}` : ''}`
      : 'was not tested against the released core';
  const lines = [
    issueMarker(result.plugin),
    `**${result.plugin}**${result.version ? ` ${result.version}` : ''} fails its tests with core ${describeCore(run.core)} and ${baseline}.`,
    '',
    `- Latest compat run: ${runLink(run)}`,
    `- Failing since: ${result.brokenSince ?? run.id}`,
    `- Exit code: ${last?.exitCode ?? 'none'}, after ${result.attempts.length} attempt(s)`,
    '',
    '### Failing tests',
    '',
    ...(tests.length > 0 ? tests.map((t) => `- \`${t.replace(/`/g, "'")}\``) : ['(no JUnit report: see the output below)']),
    '',
    '### Output (last lines)',
    '',
    fenced(lastLines(last?.logTail ?? '', LOG_LINES).slice(-LOG_CHARS)),
    '',
    '_This issue is kept up to date by slipway compat: it is updated each run and closed when the plugin passes again._',
  ];
  return lines.join('\n') + '\n';
}

function runLink(run: StoredRun): string {
  return run.url ? `[${run.id}](${run.url})` : `\`${run.id}\``;
}
