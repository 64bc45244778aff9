import * as z from 'zod';

/** How a kind of finding is reported: an error fails validate, a warning only shows. */
export const findingLevel = z.enum(['error', 'warning', 'off']);
export type FindingLevel = z.infer<typeof findingLevel>;

/**
 * The types commitlint's config-conventional accepts (its `type-enum` rule), which is what
 * most teams already lint with; `versioning.releaseTypes` keys are accepted on top.
 */
export const CONVENTIONAL_TYPES = ['build', 'chore', 'ci', 'docs', 'feat', 'fix', 'perf', 'refactor', 'revert', 'style', 'test'] as const;

/** validate: what the validate job checks and how strictly (owned by the validate job). */
export const validateSection = z
  .strictObject({
    /**
     * Commit messages that are not Conventional Commits (or use an unknown type). On a pull
     * request they can still be fixed, so they fail by default; on the release branch they are
     * history already, so the release only warns (the planner ignores them).
     */
    commits: z
      .strictObject({ pullRequest: findingLevel.default('error'), release: findingLevel.default('warning') })
      .default({ pullRequest: 'error', release: 'warning' }),
    /** The pull request title, which a squash merge turns into the commit message. */
    prTitle: findingLevel.default('warning'),
    /** Commit types accepted; default config-conventional's list. */
    types: z.array(z.string().regex(/^\w+$/)).min(1).default([...CONVENTIONAL_TYPES]),
    /** Longest commit header accepted (commitlint's header-max-length default). */
    headerMaxLength: z.number().int().positive().default(100),
    /**
     * The catalog manifest (a `slipway` field in package.json or slipway-plugin.json/.yml):
     * the index job cannot list a plugin without one, so it is required by default.
     */
    pluginManifest: z.enum(['required', 'optional']).default('required'),
    /**
     * Which manifest checks apply. `catalog`: what the index job needs to list a plugin (a plugin
     * manifest, a repository or homepage link) on top of what a published package needs;
     * `package`: only that (description and license, as warnings). `auto`: catalog when the
     * catalog is in use (catalog.repository is set, or a workflow runs slipway's index), else package.
     */
    profile: z.enum(['auto', 'catalog', 'package']).default('auto'),
    /** Minutes one build or test command may run in one plugin before it is stopped. */
    timeoutMinutes: z.number().positive().default(15),
    /** Plugins built and tested at once. */
    concurrency: z.number().int().min(1).max(32).default(2),
  })
  .default({
    commits: { pullRequest: 'error', release: 'warning' },
    prTitle: 'warning',
    types: [...CONVENTIONAL_TYPES],
    headerMaxLength: 100,
    pluginManifest: 'required',
    profile: 'auto',
    timeoutMinutes: 15,
    concurrency: 2,
  });
