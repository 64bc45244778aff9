/**
 * The fleet's one `git log`: started from a guess made from the tags while the manifests are
 * read, checked once the plugins' last releases are known, and read again from their merge
 * base only when the guess would miss a commit (see core/history/log-range.ts).
 */
import { mergeBases, readLog } from '../../adapters/git.ts';
import { guessLogStart, logCovers, releaseCommitsOrAll, type DatedTag, type LogStart } from '../../core/history/log-range.ts';
import type { TagFormat } from '../../core/history/tag-format.ts';
import type { Reporter } from '../../core/reporter.ts';
import type { ReleaseHistory } from '../../core/history/last-release.ts';
import type { PathRouter } from '../../core/history/route-commits.ts';
import { unreleasedCommits } from '../../core/history/unreleased-commits.ts';
import type { Plugin, PluginName, RawCommit, Sha } from '../../core/types.ts';

export interface GuessedLog {
  start: LogStart;
  commits: Promise<RawCommit[]>;
}

/** Starts reading the log from the tags alone; await `commits` later. */
export function guessLog(cwd: string, head: string, tags: readonly DatedTag[], formats: readonly TagFormat[]): GuessedLog {
  const start = guessLogStart(tags, formats);
  const commits = readLog(cwd, { to: head, exclude: start ? [start] : [] });
  commits.catch(() => undefined); // awaited by fleetLog; avoid an unhandled rejection meanwhile
  return { start, commits };
}

/**
 * Every commit reachable from `head` that is not already in the last release of every plugin
 * (`undefined` = a plugin never released), newest first.
 */
export async function fleetLog(
  cwd: string,
  head: string,
  releaseCommits: ReadonlyArray<Sha | undefined>,
  reporter: Reporter,
  guessed?: GuessedLog,
): Promise<RawCommit[]> {
  if (releaseCommits.length === 0) return [];
  if (guessed) {
    const commits = await guessed.commits;
    if (logCovers(commits, guessed.start, releaseCommits)) return commits;
    reporter.debug('history: the guessed start misses commits of some plugin; reading the log again from the merge base of the last releases');
  }
  const distinct = releaseCommitsOrAll(releaseCommits);
  const exclude = distinct === undefined ? [] : await mergeBases(cwd, distinct);
  return readLog(cwd, { to: head, exclude });
}

/**
 * Each plugin's unreleased commits (those since its last release in `histories`), from the one
 * log: what plan and validate both need. `router` routes paths among the whole fleet, which may
 * hold more plugins than the ones asked for.
 */
export async function unreleasedOfPlugins(
  cwd: string,
  head: string,
  plugins: readonly Plugin[],
  histories: ReadonlyMap<PluginName, ReleaseHistory>,
  router: PathRouter,
  reporter: Reporter,
  guessed?: GuessedLog,
): Promise<{ commits: RawCommit[]; unreleased: Map<PluginName, RawCommit[]> }> {
  const releaseCommit = new Map<PluginName, Sha>();
  for (const plugin of plugins) {
    const last = histories.get(plugin.name)?.last;
    if (last) releaseCommit.set(plugin.name, last.commit);
  }
  const commits = await fleetLog(cwd, head, plugins.map((plugin) => releaseCommit.get(plugin.name)), reporter, guessed);
  return { commits, unreleased: unreleasedCommits({ commits, router, releaseCommit, plugins: plugins.map((p) => p.name) }) };
}
