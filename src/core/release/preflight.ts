/**
 * The checks on a plan that need no file or network: run by plan, validate and release alike,
 * so a plan that cannot ship is an error the approver sees, never a release that stops halfway.
 * The file and registry checks are in src/jobs/release/preflight.ts.
 */
import { SlipwayError } from '../errors.ts';
import { refNameProblem } from '../git/ref-name.ts';
import type { ReleasePlan } from '../plan/release-plan.ts';

export interface PreflightProblem {
  /** The plugin, file, tag or input it is about. */
  subject: string;
  message: string;
}

/** The latest release date that is not in the future anywhere on Earth (UTC+14) at `now`. */
const latestDate = (now: Date) => new Date(now.getTime() + 14 * 3600_000).toISOString().slice(0, 10);

/** Why `date` is not a usable release date (YYYY-MM-DD, a real day, not in the future), or undefined. */
export function releaseDateProblem(date: string, now: Date): string | undefined {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(date)) return `"${date}" is not a date in the form YYYY-MM-DD`;
  const parsed = new Date(`${date}T00:00:00Z`);
  if (Number.isNaN(parsed.getTime()) || parsed.toISOString().slice(0, 10) !== date) return `${date} is not a real day`;
  if (date > latestDate(now)) return `${date} is in the future (today is ${now.toISOString().slice(0, 10)})`;
  return undefined;
}

/** The date the plan job was given: a SlipwayError naming --date when it is not usable. */
export function checkReleaseDate(date: string, now: Date, subject = '--date'): void {
  const problem = releaseDateProblem(date, now);
  if (problem) throw new SlipwayError('USAGE', `release date ${problem}`, { subject, hint: 'pass the day of the release as YYYY-MM-DD, or leave --date out for today' });
}

/** Tags that two releases would share or git would refuse, and a release date that cannot be. */
export function planProblems(plan: Pick<ReleasePlan, 'releases' | 'date' | 'tagFormat'>, now: Date): PreflightProblem[] {
  const problems: PreflightProblem[] = [];
  const byTag = new Map<string, string[]>();
  for (const release of plan.releases) byTag.set(release.tag, [...(byTag.get(release.tag) ?? []), release.name]);
  for (const [tag, names] of byTag) {
    if (names.length > 1) {
      problems.push({
        subject: tag,
        message: `${names.length} releases would create the same tag ${tag} (${names.join(', ')}): the tag format "${plan.tagFormat}" must tell plugins apart, e.g. "{name}@{version}" (versioning.tagFormat in slipway.yml)`,
      });
    }
    const problem = refNameProblem(tag);
    if (problem) problems.push({ subject: tag, message: `the tag "${tag}" of ${names.join(', ')} is not a valid git tag name: ${problem}` });
  }
  const dateProblem = releaseDateProblem(plan.date, now);
  if (dateProblem) problems.push({ subject: 'date', message: `the release date ${dateProblem}` });
  return problems;
}

/** One error for every problem found, naming the first one's subject and listing all. */
export function preflightError(problems: readonly PreflightProblem[]): SlipwayError {
  const lines = problems.map((p) => (p.message.startsWith(p.subject) ? p.message : `${p.subject}: ${p.message}`));
  return new SlipwayError('PLAN_INVALID', problems.length === 1 ? problems[0]!.message : `the plan cannot be released as it is:\n- ${lines.join('\n- ')}`, {
    subject: problems[0]?.subject,
    hint: 'fix what is named, then plan again; nothing was written',
  });
}
