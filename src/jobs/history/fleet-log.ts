/**
 * The fleet's one `git log`: started from a guess made from the tags while the manifests are
 * read, indexed as git writes it, checked once the plugins' last releases are known, and read
 * again from their merge base only when the guess would miss a commit (see
 * core/history/log-range.ts).
 */
import { mergeBases, readLog } from '../../adapters/git.ts';
import { CommitIndex } from '../../core/history/commit-index.ts';
import { guessLogStart, logCovers, releaseCommitsOrAll, type ListedTag, type LogStart } from '../../core/history/log-range.ts';
import type { TagFormat } from '../../core/history/tag-format.ts';
import type { Reporter } from '../../core/reporter.ts';
import type { ReleaseHistory } from '../../core/history/last-release.ts';
import type { PathRouter } from '../../core/history/route-commits.ts';
import { unreleasedCommits } from '../../core/history/unreleased-commits.ts';
import type { Plugin, PluginName, RawCommit, Sha } from '../../core/types.ts';
import { ParsedMessages } from '../../core/versioning/conventional-commit.ts';

export interface GuessedLog {
  start: LogStart;
  /** Filled as git writes; route it as soon as the fleet is known. */
  index: CommitIndex;
  /** Each commit's message, parsed as git writes (a merge's is never read: it carries no change of its own). */
  messages: ParsedMessages;
  /** Settles when git has exited. */
  read: Promise<unknown>;
  /** Ends git early: the plan failed and needs no more of the history. */
  stop: () => void;
}

/** Starts reading the log from the tags alone; route `index` and await `read` later. */
export function guessLog(cwd: string, head: Sha, tags: readonly ListedTag[], formats: readonly TagFormat[]): GuessedLog {
  const start = guessLogStart(tags, formats);
  const index = new CommitIndex();
  const messages = new ParsedMessages();
  const stopped = new AbortController();
  const onCommit = (commit: RawCommit) => {
    index.add(commit);
    if (commit.parents.length <= 1) messages.of(commit);
  };
  const read = readLog(cwd, { to: head, exclude: start ? [start] : [] }, onCommit, stopped.signal);
  read.catch(() => undefined); // awaited by fleetLog; avoid an unhandled rejection meanwhile
  return { start, index, messages, read, stop: () => stopped.abort() };
}

/**
 * Every commit reachable from `head` that is not already in the last release of every plugin
 * (`undefined` = a plugin never released), newest first, routed with `router`.
 */
export async function fleetLog(
  cwd: string,
  head: string,
  releaseCommits: ReadonlyArray<Sha | undefined>,
  router: PathRouter,
  reporter: Reporter,
  guessed?: GuessedLog,
): Promise<CommitIndex> {
  if (releaseCommits.length === 0) return CommitIndex.of([], router);
  if (guessed) {
    // The plan routes the log as soon as it knows the fleet, while git still writes.
    if (!guessed.index.routed) guessed.index.route(router);
    await guessed.read;
    if (logCovers(guessed.index, guessed.start, releaseCommits)) return guessed.index;
    reporter.debug('history: the guessed start misses commits of some plugin; reading the log again from the merge base of the last releases');
  }
  const distinct = releaseCommitsOrAll(releaseCommits);
  const exclude = distinct === undefined ? [] : await mergeBases(cwd, distinct);
  const index = CommitIndex.of([], router);
  await readLog(cwd, { to: head, exclude }, (commit) => index.add(commit));
  return index;
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
): Promise<{ commits: readonly RawCommit[]; unreleased: Map<PluginName, RawCommit[]> }> {
  const releaseCommit = new Map<PluginName, Sha>();
  for (const plugin of plugins) {
    const last = histories.get(plugin.name)?.last;
    if (last) releaseCommit.set(plugin.name, last.commit);
  }
  const log = await fleetLog(cwd, head, plugins.map((plugin) => releaseCommit.get(plugin.name)), router, reporter, guessed);
  return { commits: log.commits, unreleased: unreleasedCommits({ log, releaseCommit, plugins: plugins.map((p) => p.name) }) };
}
