/** What a plugin's GitHub Release says: its title, its changelog section as notes, and whether it is a prerelease. */
import semver from 'semver';
import type { PlannedRelease } from '../plan/release-plan.ts';

export interface GitHubReleaseContent {
  tag: string;
  name: string;
  /** The changelog section without its `## version (date)` heading, which the release title already shows. */
  body: string;
  prerelease: boolean;
}

export function githubReleaseContent(release: Pick<PlannedRelease, 'name' | 'to' | 'tag' | 'changelog'>): GitHubReleaseContent {
  const [heading, ...rest] = release.changelog.split('\n');
  const body = (heading?.startsWith('## ') ? rest : release.changelog.split('\n')).join('\n').trim();
  return {
    tag: release.tag,
    name: `${release.name} ${release.to}`,
    body: body === '' ? `Release ${release.name} ${release.to}.` : body,
    prerelease: semver.prerelease(release.to) !== null,
  };
}
