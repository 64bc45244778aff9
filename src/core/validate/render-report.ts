/**
 * The validation report for people: a Markdown table for the job summary (plugin × check, ✓ or
 * ✗ with the message) and a plain-text one for the terminal.
 */
import { allFindings, CHECKS, countFindings, statusOf, type CheckName, type CheckOutcome, type Finding, type ValidationReport } from './finding.ts';

const MARK = { pass: '✓', warn: '⚠', fail: '✗', skip: '–' } as const;

const cell = (text: string) => text.replace(/\|/g, '\\|').replace(/\r?\n/g, ' ');

const location = (f: Finding) => (f.file ? `${f.file}${f.line ? `:${f.line}` : ''}` : f.commit ? f.commit.slice(0, 7) : '');

function describe(outcome: CheckOutcome | undefined): string {
  const status = statusOf(outcome);
  if (!outcome || status === 'skip') return outcome?.skipped ? `${MARK.skip} ${outcome.skipped}` : MARK.skip;
  if (status === 'pass') return outcome.note ? `${MARK.pass} ${outcome.note}` : MARK.pass;
  const worst = outcome.findings.find((f) => f.severity === 'error') ?? outcome.findings[0]!;
  const more = outcome.findings.length - 1;
  return `${MARK[status]} ${worst.message}${more > 0 ? ` (+${more} more)` : ''}`;
}

function headline(report: ValidationReport): string {
  const { errors, warnings } = countFindings(report);
  const count = report.plugins.length;
  const what = `${count} plugin${count === 1 ? '' : 's'}`;
  if (errors) return `✗ ${errors} error${errors === 1 ? '' : 's'}${warnings ? `, ${warnings} warning${warnings === 1 ? '' : 's'}` : ''} in ${what}`;
  return `✓ ${what} valid${warnings ? ` (${warnings} warning${warnings === 1 ? '' : 's'})` : ''}`;
}

export function renderValidationMarkdown(report: ValidationReport): string {
  const lines = [`### slipway validate (${report.context === 'pull-request' ? 'pull request' : 'release'}): ${headline(report)}`, ''];
  if (report.plugins.length === 0) lines.push('No plugin to validate.', '');
  else {
    lines.push(`| plugin | ${CHECKS.join(' | ')} |`, `| --- |${' --- |'.repeat(CHECKS.length)}`);
    for (const p of report.plugins) {
      const name = `${p.plugin} ${p.next ? `${p.version} → ${p.next}` : p.version}`;
      lines.push(`| ${cell(name)} | ${CHECKS.map((check: CheckName) => cell(describe(p.checks[check]))).join(' | ')} |`);
    }
    lines.push('');
  }
  const findings = allFindings(report);
  if (findings.length) {
    lines.push(`<details${countFindings(report).errors ? ' open' : ''}><summary>${findings.length} finding${findings.length === 1 ? '' : 's'}</summary>`, '');
    for (const f of findings) {
      const where = location(f);
      lines.push(`- ${f.severity === 'error' ? '✗' : '⚠'} ${f.plugin ? `**${f.plugin}** ` : ''}${f.check}${where ? ` \`${where}\`` : ''}: ${cell(f.message)}`);
    }
    lines.push('', '</details>', '');
  }
  return lines.join('\n');
}

export function renderValidationText(report: ValidationReport): string {
  const out = [`slipway validate: ${headline(report)}`];
  const width = Math.max(0, ...report.plugins.map((p) => p.plugin.length));
  for (const p of report.plugins) {
    const marks = CHECKS.map((check) => `${check} ${MARK[statusOf(p.checks[check])]}`).join('  ');
    out.push(`  ${p.plugin.padEnd(width)}  ${marks}`);
  }
  for (const f of report.general) out.push(`  ${f.severity}: ${f.message}`);
  return out.join('\n') + '\n';
}
