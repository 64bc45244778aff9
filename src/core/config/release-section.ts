import { z } from 'zod';
import { branchName, remoteName } from './git-names.ts';

/** release: how a plan is shipped (owned by the release job). */
export const releaseSection = z
  .strictObject({
    /** The GitHub Environment whose required reviewers approve a release. */
    environment: z.string().default('release'),
    /** The branch releases are made from and pushed to. */
    branch: branchName().default('main'),
    /** The git remote to push to. */
    remote: remoteName().default('origin'),
    /** Changelog file name inside each plugin folder. */
    changelog: z
      .string()
      .regex(/^(?!\/)(?!.*(?:^|\/)\.\.(?:\/|$))[^\0\\]+$/, 'must be a path inside the plugin folder (no "..", not absolute)')
      .default('CHANGELOG.md'),
    /** The npm registry to publish to (npm plugins). */
    registry: z.string().url().optional(),
    /** Create a GitHub Release per tag. */
    githubRelease: z.boolean().default(true),
  })
  .default({ environment: 'release', branch: 'main', remote: 'origin', changelog: 'CHANGELOG.md', githubRelease: true });
