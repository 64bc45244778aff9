/**
 * Where the repository stands against a plan, read before anything is written: the local HEAD,
 * the remote branch and tags (one `ls-remote`), the commits since the plan's base (one
 * `git log`), the release commit an earlier run made, and whether the working tree holds
 * changes that are not the release's own. Everything that makes the plan unsafe to ship is
 * refused here, so a refused run has written nothing.
 */
import { discoverFleet } from '../../adapters/fleet.ts';
import { headSha, readLog } from '../../adapters/git.ts';
import { changedPaths, commitsBetween, fetchBranch, fileAt, hasCommit, isAncestor, readRemoteState } from '../../adapters/git-release.ts';
import { readWorktreeFile } from '../../adapters/release/worktree-files.ts';
import type { SlipwayConfig } from '../../core/config/schema.ts';
import { gitRefName, gitRemoteName, type GitRefName, type GitRemoteName } from '../../core/git/ref-name.ts';
import { SlipwayError } from '../../core/errors.ts';
import { pathRouter, type PathRouter } from '../../core/history/route-commits.ts';
import type { ReleasePlan } from '../../core/plan/release-plan.ts';
import { checkHistory, staleError } from '../../core/release/verify-plan.ts';
import type { RawCommit, Sha, TagName } from '../../core/types.ts';
import { plannedFiles, releasedContent } from './planned-files.ts';

export type SyncAction =
  | { kind: 'none' }
  /** The remote branch moved on with commits that touch no planned plugin: the release goes on top of them. */
  | { kind: 'fast-forward'; to: Sha }
  /** An earlier run's release commit was never pushed and the remote moved on: replay the local commits on top. */
  | { kind: 'rebase'; commit: Sha; onto: Sha };

export interface ReleaseState {
  head: Sha;
  remoteTip: Sha | undefined;
  /** Planned tags the remote has → their commit. */
  remoteTags: Map<TagName, Sha>;
  /** This plan's release commit, made by an earlier run (before any sync). */
  releaseCommit: Sha | undefined;
  releaseCommitOnRemote: boolean;
  sync: SyncAction;
  /** Commits since the base, for the journal. */
  commitsSinceBase: number;
  /** Routes paths to the fleet's plugins, to check commits that arrive later (a push refused as behind). */
  router: PathRouter;
}

export interface StateOptions {
  cwd: string;
  plan: ReleasePlan;
  config: SlipwayConfig;
}

const DIVERGED_HINT = (remote: string, branch: string) => `bring the local branch in line with ${remote}/${branch} (git pull --rebase), then rerun`;

/** The remote and branch a release pushes to, checked again here so git only ever gets checked names. */
export function releaseTarget(config: SlipwayConfig): { remote: GitRemoteName; branch: GitRefName } {
  return {
    remote: gitRemoteName(config.release.remote, 'slipway.yml: release.remote'),
    branch: gitRefName(config.release.branch, 'slipway.yml: release.branch'),
  };
}

export async function readReleaseState({ cwd, plan, config }: StateOptions): Promise<ReleaseState> {
  const { remote, branch } = releaseTarget(config);
  const tags = plan.releases.map((r) => r.tag);
  const [head, remoteState, fleet] = await Promise.all([headSha(cwd), readRemoteState(cwd, remote, branch, tags), discoverFleet(cwd, config)]);
  const remoteTip = remoteState.branchTip;

  if (!(await hasCommit(cwd, plan.baseSha))) {
    throw new SlipwayError('PLAN_STALE', `the plan's base commit ${plan.baseSha.slice(0, 12)} is not in this clone`, {
      subject: `plan ${plan.hash.slice(0, 19)}`,
      hint: 'release from a clone with the full history (actions/checkout with fetch-depth: 0), or plan again here',
    });
  }
  // The remote's commits are needed to check them; fetching changes no branch, tag or file.
  if (remoteTip && remoteTip !== head && !(await hasCommit(cwd, remoteTip))) await fetchBranch(cwd, remote, branch);

  const tips = [head, ...(remoteTip && remoteTip !== head ? [remoteTip] : [])];
  for (const tip of tips) {
    if (!(await isAncestor(cwd, plan.baseSha, tip))) {
      if (tip !== head) await refuseUnpushedBase(cwd, plan, { remoteTip: tip, remote, branch });
      const which = tip === head ? 'HEAD' : `${remote}/${branch}`;
      throw new SlipwayError('PLAN_STALE', `the plan's base commit ${plan.baseSha.slice(0, 7)} is not in the history of ${which} (${tip.slice(0, 7)}): the branch was rewritten or the plan was made elsewhere`, {
        subject: `plan ${plan.hash.slice(0, 19)}`,
        hint: `plan again on ${branch} and approve the new plan`,
      });
    }
  }

  const commits = await commitsSince(cwd, plan.baseSha, tips);
  // Plugins that are in the fleet now route paths too, so a change in plugins/a/b is b's, not a's.
  const router = pathRouter([...fleet.plugins, ...plan.releases.filter((r) => !fleet.plugins.some((p) => p.name === r.name))]);
  const history = checkHistory(plan, commits, router);
  if (history.stale.length) throw staleError(plan, history.stale);

  const releaseCommit = history.releaseCommit?.sha;
  const releaseCommitOnRemote = !!(releaseCommit && remoteTip && (releaseCommit === remoteTip || (await isAncestor(cwd, releaseCommit, remoteTip))));
  const sync = await syncAction(cwd, { head, remoteTip, releaseCommit, remote, branch });

  const releaseCommitOnHead = !!releaseCommit && (releaseCommit === head || (await isAncestor(cwd, releaseCommit, head)));
  await refuseForeignChanges(cwd, plan, config.release.changelog, releaseCommitOnHead || releaseCommitOnRemote);

  return { head, remoteTip, remoteTags: remoteState.tags, releaseCommit, releaseCommitOnRemote, sync, commitsSinceBase: commits.length, router };
}

/**
 * The plan was made on local commits the remote does not have (a clone with unpushed work):
 * say exactly that, not that the branch was rewritten.
 */
async function refuseUnpushedBase(cwd: string, plan: ReleasePlan, at: { remoteTip: Sha; remote: string; branch: string }): Promise<void> {
  const unpushed = await commitsBetween(cwd, at.remoteTip, plan.baseSha);
  if (unpushed.length === 0 || !(await isAncestor(cwd, at.remoteTip, plan.baseSha))) return;
  throw new SlipwayError('PLAN_STALE', `the plan was made on ${unpushed.length} local commit${unpushed.length === 1 ? '' : 's'} that ${at.remote}/${at.branch} does not have (${unpushed.slice(0, 5).map((c) => c.slice(0, 7)).join(', ')}${unpushed.length > 5 ? ', …' : ''}): they are not pushed`, {
    subject: `${at.remote}/${at.branch}`,
    hint: `push them first (git push ${at.remote} HEAD:${at.branch}) and rerun with the same plan, or plan again from ${at.remote}/${at.branch}`,
  });
}

async function commitsSince(cwd: string, base: Sha, tips: readonly Sha[]): Promise<RawCommit[]> {
  const seen = new Map<Sha, RawCommit>();
  for (const tip of tips) for (const commit of await readLog(cwd, { to: tip, exclude: [base] })) seen.set(commit.sha, commit);
  return [...seen.values()];
}

async function syncAction(
  cwd: string,
  at: { head: Sha; remoteTip: Sha | undefined; releaseCommit: Sha | undefined; remote: string; branch: string },
): Promise<SyncAction> {
  const { head, remoteTip, releaseCommit, remote, branch } = at;
  if (!remoteTip || remoteTip === head) return { kind: 'none' };
  if (await isAncestor(cwd, head, remoteTip)) return { kind: 'fast-forward', to: remoteTip };
  // Local commits the remote lacks were checked above (none touches a planned plugin); the
  // push sends them along, as `git push` would.
  if (await isAncestor(cwd, remoteTip, head)) return { kind: 'none' };
  // Diverged. Replaying is safe when it is our own interrupted release being finished; any
  // other divergence is the person's to resolve.
  const unpushed = await commitsBetween(cwd, remoteTip, head);
  if (releaseCommit && unpushed.includes(releaseCommit)) return { kind: 'rebase', commit: releaseCommit, onto: remoteTip };
  throw new SlipwayError('RELEASE_FAILED', `the local branch and ${remote}/${branch} have diverged: ${unpushed.length} local commit${unpushed.length === 1 ? '' : 's'} (${unpushed.slice(0, 5).map((c) => c.slice(0, 7)).join(', ')}) are not on the remote, and the remote has commits that are not here`, {
    subject: `${remote}/${branch}`,
    hint: DIVERGED_HINT(remote, branch),
  });
}

/**
 * npm publishes the working tree, so an uncommitted change in a planned plugin would ship
 * without being in the release commit or the approved plan. The release's own files are the
 * exception when they hold exactly what the release writes (an interrupted run wrote them).
 */
async function refuseForeignChanges(cwd: string, plan: ReleasePlan, changelogName: string, committed: boolean): Promise<void> {
  const files = plannedFiles(plan, changelogName);
  const folders = [...new Set(plan.releases.map((r) => r.path || '.'))];
  const changed = await changedPaths(cwd, [...folders, ...files.keys()]);
  const foreign: string[] = [];
  for (const path of changed) {
    const writers = files.get(path);
    if (!writers || committed) {
      foreign.push(path);
      continue;
    }
    const [now, base] = await Promise.all([readWorktreeFile(cwd, path), fileAt(cwd, 'HEAD', path)]);
    if (now !== releasedContent(path, writers, base)) foreign.push(path);
  }
  if (foreign.length) {
    foreign.sort();
    throw new SlipwayError('RELEASE_FAILED', `uncommitted changes in planned plugins would be published without being approved: ${foreign.slice(0, 10).join(', ')}${foreign.length > 10 ? `, and ${foreign.length - 10} more` : ''}`, {
      subject: cwd,
      hint: 'commit them (and plan again) or set them aside (git stash --include-untracked), then rerun',
    });
  }
}
