/**
 * Releases of a monorepo fleet from its own git repository: every release tag created in the
 * window, and the changelog section of that version as it was at the tag. Two git processes
 * whatever the fleet's size: one `for-each-ref` for the tags, one `cat-file --batch` for all
 * the changelogs.
 */
import { execa } from 'execa';
import semver from 'semver';
import type { ShippedRelease } from '../../core/digest/release.ts';
import { findChangelogSection, parseReleaseNotes } from '../../core/digest/release-notes.ts';
import { isInWindow, type DigestWindow } from '../../core/digest/window.ts';
import { SlipwayError } from '../../core/errors.ts';
import { isValidVersion, type TagFormat } from '../../core/history/tag-format.ts';
import type { Plugin } from '../../core/types.ts';
import { git } from '../git.ts';

export interface GitReleasesInput {
  cwd: string;
  plugins: readonly Plugin[];
  format: TagFormat;
  window: DigestWindow;
  /** The changelog file name in each plugin folder (release.changelog). */
  changelogFile: string;
  /** https://github.com/owner/repo, for links to each tag's GitHub Release. */
  repoUrl?: string | undefined;
  /** Releases get a GitHub Release page (release.githubRelease); else the link shows the tag's files. */
  githubReleases?: boolean;
}

interface ReleaseTag {
  tag: string;
  plugin: Plugin;
  version: string;
  /** Tagger date of an annotated tag, committer date of a lightweight one. */
  createdAt: string;
}

export async function readGitReleases(input: GitReleasesInput): Promise<ShippedRelease[]> {
  const tags = await releaseTags(input);
  const byPlugin = new Map<string, ReleaseTag[]>();
  for (const tag of tags) byPlugin.set(tag.plugin.name, [...(byPlugin.get(tag.plugin.name) ?? []), tag]);

  const inWindow = tags.filter((tag) => isInWindow(input.window, tag.createdAt));
  const changelogs = await readBlobs(
    input.cwd,
    inWindow.map((tag) => `refs/tags/${tag.tag}:${tag.plugin.path ? `${tag.plugin.path}/` : ''}${input.changelogFile}`),
  );
  return inWindow.map((tag, index) => {
    const changelog = changelogs[index];
    const section = changelog === undefined ? undefined : findChangelogSection(changelog, tag.version);
    return {
      plugin: tag.plugin.name,
      version: tag.version,
      previous: previousVersion(byPlugin.get(tag.plugin.name) ?? [], tag.version),
      tag: tag.tag,
      releasedAt: tag.createdAt,
      url: input.repoUrl ? `${input.repoUrl}/${input.githubReleases === false ? 'tree' : 'releases/tag'}/${encodeURIComponent(tag.tag)}` : null,
      notes: section ? parseReleaseNotes(section.body) : null,
    };
  });
}

async function releaseTags(input: GitReleasesInput): Promise<ReleaseTag[]> {
  const out = await git(input.cwd, ['for-each-ref', '--format=%(refname:strip=2)%00%(creatordate:iso-strict)', 'refs/tags']);
  const byName = new Map(input.plugins.map((plugin) => [plugin.name as string, plugin]));
  const single = input.plugins.length === 1 && !input.format.named ? input.plugins[0] : undefined;
  const tags: ReleaseTag[] = [];
  for (const line of out.split('\n')) {
    if (!line) continue;
    const [tag, date] = line.split('\0') as [string, string];
    const parsed = input.format.parse(tag);
    if (!parsed || !isValidVersion(parsed.version)) continue;
    const plugin = single ?? (parsed.name === undefined ? undefined : byName.get(parsed.name));
    if (!plugin) continue;
    tags.push({ tag, plugin, version: parsed.version, createdAt: new Date(date).toISOString() });
  }
  return tags;
}

/**
 * The release this one follows: the highest lower version (a stable release follows the
 * last stable one, not the prereleases that led to it).
 */
function previousVersion(tags: readonly ReleaseTag[], version: string): string | null {
  const stable = semver.prerelease(version) === null;
  const lower = tags
    .map((tag) => tag.version)
    .filter((other) => semver.lt(other, version) && (!stable || semver.prerelease(other) === null))
    .sort(semver.rcompare);
  return lower[0] ?? null;
}

/**
 * Many `<rev>:<path>` blobs through one `git cat-file --batch`; undefined where one is missing
 * (a plugin released before it had a changelog).
 */
async function readBlobs(cwd: string, specs: readonly string[]): Promise<Array<string | undefined>> {
  if (specs.length === 0) return [];
  let stdout: Uint8Array;
  try {
    ({ stdout } = await execa('git', ['cat-file', '--batch'], { cwd, input: specs.join('\n') + '\n', encoding: 'buffer', stripFinalNewline: false }));
  } catch (error) {
    throw new SlipwayError('GIT_FAILED', `git cat-file failed: ${(error as Error).message}`, {
      subject: 'git cat-file --batch',
      hint: 'run slipway inside the fleet repository with its tags fetched (actions/checkout with fetch-depth: 0)',
      cause: error,
    });
  }
  const buffer = Buffer.from(stdout);
  const blobs: Array<string | undefined> = [];
  let offset = 0;
  for (let i = 0; i < specs.length; i++) {
    const end = buffer.indexOf(0x0a, offset);
    const header = buffer.subarray(offset, end).toString('utf8');
    offset = end + 1;
    // "<object> <type> <size>" for a found object, "<spec> missing" (or "ambiguous") otherwise.
    const match = /^[0-9a-f]+ (\w+) (\d+)$/.exec(header);
    if (!match) {
      blobs.push(undefined);
      continue;
    }
    const size = Number(match[2]);
    blobs.push(match[1] === 'blob' ? buffer.subarray(offset, offset + size).toString('utf8') : undefined);
    offset += size + 1; // the content is followed by a newline
  }
  return blobs;
}
