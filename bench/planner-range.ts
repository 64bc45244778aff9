/**
 * The part of history the planner must read, computed here with git alone so the benchmark's
 * floor does not depend on the code it measures: each plugin's last release is its newest tag
 * (highest semver, as the planner decides); one `git log` from the oldest of those tags (by the
 * tagged commit's date) to HEAD covers every plugin. A plugin never released means the whole history.
 */
import { execa } from 'execa';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import semver from 'semver';
import { glob } from 'tinyglobby';

export interface PlannerRange {
  /** `<tag>..HEAD`, or `HEAD` when some plugin has no release tag. */
  range: string;
  /** The oldest last-release tag, when every plugin has one. */
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

  const refs = await execa('git', ['for-each-ref', '--format=%(refname:strip=2)%00%(*committerdate:unix)%00%(committerdate:unix)', 'refs/tags'], { cwd: repo });
  const byPlugin = new Map<string, { tag: string; version: string; time: number }>();
  for (const line of refs.stdout.split('\n')) {
    const [tag = '', peeledTime, time] = line.split('\0');
    const at = tag.lastIndexOf('@');
    if (at <= 0 || !semver.valid(tag.slice(at + 1))) continue;
    const name = tag.slice(0, at);
    const version = tag.slice(at + 1);
    const newest = byPlugin.get(name);
    if (!newest || semver.gt(version, newest.version)) byPlugin.set(name, { tag, version, time: Number(peeledTime || time) });
  }

  const untagged = names.filter((name) => !byPlugin.has(name));
  let from: string | undefined;
  if (untagged.length === 0) {
    const lasts = names.map((name) => byPlugin.get(name)!);
    from = lasts.reduce((a, b) => (b.time < a.time ? b : a)).tag;
  }
  const range = from ? `${from}..HEAD` : 'HEAD';
  const count = await execa('git', ['rev-list', '--count', range], { cwd: repo });
  return { range, from, untagged, commits: Number(count.stdout) };
}
