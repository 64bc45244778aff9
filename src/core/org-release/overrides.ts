/**
 * What the approver may change in the manual run of an org release: leave a repository out of
 * today's release (`--exclude owner/name`), or set one plugin's version or bump — the local
 * planner's `--set NAME=VERSION` / `--bump NAME=major` with the repository in front
 * (`--set owner/name:NAME=VERSION`). The planner applies them in that repository's plan, so
 * they are recorded in it and covered by the hash the approver approves.
 */
import { SlipwayError } from '../errors.ts';
import { parseOverride, type VersionOverride } from '../plan/version-overrides.ts';
import { repositoryName, type RepositoryName } from './org-plan.ts';

export interface RepositoryOverride {
  repository: RepositoryName;
  override: VersionOverride;
}

export interface OrgOverrides {
  exclude: RepositoryName[];
  versions: RepositoryOverride[];
}

/** `owner/name:NAME=VALUE`. A repository holds no ':'; the rest is the planner's own `NAME=VALUE`. */
export function parseRepositoryOverride(flag: '--set' | '--bump', text: string): RepositoryOverride {
  const colon = text.indexOf(':');
  if (colon <= 0) {
    throw new SlipwayError('USAGE', `${flag} "${text.slice(0, 120)}" does not name its repository`, {
      subject: flag,
      hint: `write owner/name:NAME=${flag === '--set' ? 'VERSION' : 'TYPE'}, e.g. ${flag} acme/plugin-s3:@acme/s3=${flag === '--set' ? '2.0.0' : 'major'}`,
    });
  }
  return { repository: repositoryName(text.slice(0, colon), flag), override: parseOverride(flag, text.slice(colon + 1)) };
}
