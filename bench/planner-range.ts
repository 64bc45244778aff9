/**
 * The part of history the planner must read, computed here with git alone so the benchmark's
 * floor does not depend on the code it measures: each plugin's last release is its newest tag
 * (highest semver, as the planner decides); the commits every plugin needs are HEAD minus the
 * ancestors of the merge base of all those tags (`git merge-base --octopus`). A plugin never
 * released means the whole history.
 */
import { execa } from 'execa';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import semver from 'semver';
import { glob } from 'tinyglobby';

export interface PlannerRange {
  /** `<tag>..HEAD`, or `HEAD` when some plugin has no release tag. */
  range: string;
  /** The merge base of every plugin's last-release tag, when every plugin has one. */
  from: string | undefined;
  /** Plugins without any release tag. */
  untagged: string[];
  /** Commits in the range. */
  commits: number;
}

export async function plannerRange(repo: string): Promise<PlannerRange> {
  const manifests = await glob('plugins/*/package.json', { cwd: repo });
  const names = await Promise.all(
    manifests.map(async (file) => (JSON.parse(await readFile(join(repo, file), 'utf8')) as { name: string }).name),
  );

  const refs = await execa('git', ['for-each-ref', '--format=%(refname:strip=2)', 'refs/tags'], { cwd: repo });
  const byPlugin = new Map<string, { tag: string; version: string }>();
  for (const line of refs.stdout.split('\n')) {
    const [tag = ''] = line.split('\0');
    const at = tag.lastIndexOf('@');
    if (at <= 0 || !semver.valid(tag.slice(at + 1))) continue;
    const name = tag.slice(0, at);
    const version = tag.slice(at + 1);
    const newest = byPlugin.get(name);
    if (!newest || semver.gt(version, newest.version)) byPlugin.set(name, { tag, version });
  }

  const untagged = names.filter((name) => !byPlugin.has(name));
  let from: string | undefined;
  if (untagged.length === 0) {
    const lasts = [...new Set(names.map((name) => byPlugin.get(name)!.tag))];
    const base = await execa('git', ['merge-base', '--octopus', ...lasts], { cwd: repo, reject: false });
    from = base.exitCode === 0 ? base.stdout.trim() : undefined;
  }
  const range = from ? `${from}..HEAD` : 'HEAD';
  const count = await execa('git', ['rev-list', '--count', range], { cwd: repo });
  return { range, from, untagged, commits: Number(count.stdout) };
}
