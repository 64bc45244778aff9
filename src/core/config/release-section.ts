import * as z from 'zod';
import { distTagProblem } from './dist-tag.ts';
import { branchName, remoteName } from './git-names.ts';

/** release: how a plan is shipped (owned by the release job). */
export const releaseSection = z
  .strictObject({
    /** The GitHub Environment whose required reviewers approve a release. */
    environment: z.string().default('release'),
    /** The main release branch: where releases are made from by default (setup, init, dispatch). */
    branch: branchName().default('main'),
    /**
     * Every branch releases may ship from, as patterns (`main`, `releases/*`): a maintenance line
     * cut from an old release ships its patches from its own branch. Default: `branch` alone.
     */
    branches: z.array(z.string().min(1).regex(/^[^-]/, 'must not start with "-"')).min(1).optional(),
    /** The git remote to push to. */
    remote: remoteName().default('origin'),
    /** Name each commit's author after it in changelogs (and so in GitHub Releases). */
    changelogAuthors: z.boolean().default(true),
    /** Changelog file name inside each plugin folder. */
    changelog: z
      .string()
      .regex(/^(?!\/)(?!.*(?:^|\/)\.\.(?:\/|$))[^\0\\]+$/, 'must be a path inside the plugin folder (no "..", not absolute)')
      .default('CHANGELOG.md'),
    /** The npm registry to publish to (npm plugins). */
    registry: z.string().url().optional(),
    /**
     * The npm dist-tag releases go to (e.g. `latest-1` for a maintenance line). Default npm's:
     * `latest`, and a prerelease's channel (`next`, `beta`) for prereleases.
     */
    distTag: z
      .string()
      .superRefine((value, ctx) => {
        const problem = distTagProblem(value);
        if (problem) ctx.addIssue({ code: 'custom', message: problem });
      })
      .optional(),
    /** Create a GitHub Release per tag. */
    githubRelease: z.boolean().default(true),
  })
  .default({ environment: 'release', branch: 'main', remote: 'origin', changelog: 'CHANGELOG.md', changelogAuthors: true, githubRelease: true });
