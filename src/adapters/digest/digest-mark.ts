/**
 * Where the last-digest mark lives: a git ref, `refs/slipway/digest` by default, pointing at a
 * commit whose tree holds `digest.json`. Each new mark is a child of the previous one, so the
 * ref is a history of completed digests (`git log refs/slipway/digest`).
 *
 * Why a ref: it needs nothing but the repository the workflow already checks out (no Slack or
 * Notion state to trust, no extra branch in anyone's way), the GITHUB_TOKEN can push it with
 * `contents: write`, and pushing without force refuses to overwrite a mark another run moved
 * meanwhile. actions/checkout does not fetch custom refs, so it is fetched here explicitly.
 */
import { createMark, parseMark, type DigestMark } from '../../core/digest/mark.ts';
import type { DigestWindow } from '../../core/digest/window.ts';
import { SlipwayError } from '../../core/errors.ts';
import { git } from '../git.ts';

export const DEFAULT_MARK_REF = 'refs/slipway/digest';
const FILE = 'digest.json';

export interface MarkLocation {
  cwd: string;
  ref: string;
  /** The remote to fetch the mark from and push it to; none for a local-only mark. */
  remote?: string | undefined;
}

async function hasRemote(location: MarkLocation): Promise<boolean> {
  if (!location.remote) return false;
  const remotes = await git(location.cwd, ['remote']);
  return remotes.split('\n').includes(location.remote);
}

export async function readDigestMark(location: MarkLocation): Promise<DigestMark | undefined> {
  if (await hasRemote(location)) {
    // A missing remote ref is the normal first run; any other fetch failure is real.
    const remoteRefs = await git(location.cwd, ['ls-remote', '--', location.remote!, location.ref]);
    if (remoteRefs.trim()) await git(location.cwd, ['fetch', '--quiet', '--no-tags', '--', location.remote!, `+${location.ref}:${location.ref}`]);
  }
  const exists = await git(location.cwd, ['rev-parse', '--verify', '--quiet', '--end-of-options', `${location.ref}^{commit}`]).catch(() => '');
  if (!exists) return undefined;
  return parseMark(await git(location.cwd, ['show', '--end-of-options', `${location.ref}:${FILE}`]), `${location.ref}:${FILE}`);
}

/** Records `window` as the last completed digest (and pushes it when there is a remote). */
export async function writeDigestMark(location: MarkLocation, window: DigestWindow, input: { sinks: string[]; releases: number; now: Date }): Promise<DigestMark> {
  const mark = createMark(window, { completedAt: input.now, sinks: input.sinks, releases: input.releases });
  const cwd = location.cwd;
  const blob = await git(cwd, ['hash-object', '-w', '--stdin'], { input: JSON.stringify(mark, null, 2) + '\n' });
  const tree = await git(cwd, ['mktree'], { input: `100644 blob ${blob}\t${FILE}\n` });
  const parent = await git(cwd, ['rev-parse', '--verify', '--quiet', '--end-of-options', `${location.ref}^{commit}`]).catch(() => '');
  const commit = await git(cwd, [...(await identity(cwd)), 'commit-tree', ...(parent ? ['-p', parent] : []), '-m', `slipway digest ${window.key}`, '--end-of-options', tree]);
  // The old value makes the update fail if another process moved the ref meanwhile.
  await git(cwd, ['update-ref', '--end-of-options', location.ref, commit, parent || '0'.repeat(40)]);
  if (await hasRemote(location)) {
    try {
      await git(cwd, ['push', '--quiet', '--', location.remote!, `${location.ref}:${location.ref}`]);
    } catch (error) {
      throw new SlipwayError('GIT_FAILED', `the digest completed, but its mark could not be pushed to ${location.remote}`, {
        subject: location.ref,
        hint: 'give the workflow `contents: write`; the next digest will start from the previous mark and find the posts already made',
        cause: error,
      });
    }
  }
  return mark;
}

/** commit-tree needs an identity; CI runners have none configured, so a neutral one is lent (`git -c`). */
async function identity(cwd: string): Promise<string[]> {
  const name = await git(cwd, ['config', 'user.name']).catch(() => '');
  const email = await git(cwd, ['config', 'user.email']).catch(() => '');
  return [
    ...(name ? [] : ['-c', 'user.name=slipway']),
    ...(email ? [] : ['-c', 'user.email=slipway@users.noreply.github.com']),
  ];
}
