/**
 * The demo fleet after a release week: the planner's plan for the demo's unreleased commits,
 * shipped the way the release job ships it — manifests bumped, each plugin's changelog section
 * prepended to its CHANGELOG.md, one release commit, one annotated tag per plugin — on
 * Tuesday 2025-03-04. Then a fix to http released the week after (2025-03-12), which a digest
 * of the first week must leave out.
 *
 * Dates are fixed (author, committer and tagger), so tag times are exact.
 */
import { execa } from 'execa';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { createDemoFleet, type DemoFleet } from '../../src/adapters/demo/create-demo-fleet.ts';
import { memoryReporter } from '../../src/core/reporter.ts';
import { planRelease } from '../../src/jobs/plan.ts';

const RELEASE_DAY = '2025-03-04';
const NEXT_WEEK_DAY = '2025-03-12';

async function gitAt(cwd: string, when: string, args: string[]): Promise<string> {
  const env = { GIT_AUTHOR_DATE: when, GIT_COMMITTER_DATE: when, GIT_CONFIG_NOSYSTEM: '1', GIT_CONFIG_GLOBAL: '/dev/null' };
  return (await execa('git', args, { cwd, env })).stdout;
}

async function prependChangelog(file: string, section: string): Promise<void> {
  const old = await readFile(file, 'utf8').catch(() => '');
  const body = old.replace(/^# Changelog\n+/, '');
  await writeFile(file, `# Changelog\n\n${section}${body ? `\n${body}` : ''}`);
}

async function bumpManifest(file: string, version: string, ranges: Record<string, string>): Promise<void> {
  const manifest = JSON.parse(await readFile(file, 'utf8')) as Record<string, unknown> & { dependencies?: Record<string, string> };
  manifest.version = version;
  for (const [name, range] of Object.entries(ranges)) if (manifest.dependencies?.[name]) manifest.dependencies[name] = range;
  await writeFile(file, JSON.stringify(manifest, null, 2) + '\n');
}

export async function demoFleetAfterReleaseWeek(): Promise<DemoFleet> {
  const fleet = await createDemoFleet();
  const cwd = fleet.fleetDir;
  const { plan } = await planRelease({ cwd, reporter: memoryReporter(), date: RELEASE_DAY });

  const releasedAt = `${RELEASE_DAY}T10:00:00Z`;
  for (const release of plan.releases) {
    await bumpManifest(join(cwd, release.manifestFile), release.to, Object.fromEntries(release.dependencyUpdates.map((u) => [u.name, u.to])));
    await prependChangelog(join(cwd, release.path, 'CHANGELOG.md'), release.changelog);
  }
  await gitAt(cwd, releasedAt, ['add', '-A']);
  await gitAt(cwd, releasedAt, ['commit', '-q', '--no-verify', '-m', `chore(release): publish\n\n${plan.releases.map((r) => `- ${r.tag}`).join('\n')}`]);
  for (const release of plan.releases) await gitAt(cwd, releasedAt, ['tag', '-a', release.tag, '-m', release.tag]);

  // The week after: one more http release, outside the first week's window.
  const nextAt = `${NEXT_WEEK_DAY}T15:00:00Z`;
  await writeFile(join(cwd, 'plugins/http/NOTES.md'), 'timeouts are in milliseconds\n');
  await gitAt(cwd, nextAt, ['add', '-A']);
  await gitAt(cwd, nextAt, ['commit', '-q', '--no-verify', '-m', 'fix(http): say the unit of timeouts']);
  await bumpManifest(join(cwd, 'plugins/http/package.json'), '1.2.1', {});
  await prependChangelog(join(cwd, 'plugins/http/CHANGELOG.md'), `## 1.2.1 (${NEXT_WEEK_DAY})\n\n### Bug Fixes\n\n* **http:** say the unit of timeouts (0000000)\n`);
  await gitAt(cwd, nextAt, ['add', '-A']);
  await gitAt(cwd, nextAt, ['commit', '-q', '--no-verify', '-m', 'chore(release): publish\n\n- @demo/plugin-http@1.2.1']);
  await gitAt(cwd, nextAt, ['tag', '-a', '@demo/plugin-http@1.2.1', '-m', '@demo/plugin-http@1.2.1']);
  await gitAt(cwd, nextAt, ['push', '-q', 'origin', 'main', '--tags']);
  return fleet;
}
