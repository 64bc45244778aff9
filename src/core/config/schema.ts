/**
 * The schema of slipway.yml. It validates the file and, through z.infer, is the
 * TypeScript type of the configuration: one source for both. Every key has a default, so an
 * empty file (or none) is a complete configuration for a plain npm-workspaces monorepo.
 *
 * Sections a job owns live beside it (one file each) so that jobs evolve independently.
 */
import * as z from 'zod';
import { ECOSYSTEMS } from '../types.ts';
import { branchName } from './git-names.ts';
import { DEFAULT_DEPENDENTS, dependentsPolicy } from './dependents-section.ts';
import { catalogSection } from './catalog-section.ts';
import { compatSection } from './compat-section.ts';
import { digestSection } from './digest-section.ts';
import { releaseSection } from './release-section.ts';
import { validateSection } from './validate-section.ts';

const glob = z.string().min(1);

const genericPlugin = z.strictObject({
  name: z.string().min(1),
  path: z.string(),
  /** File holding the version: a bare version, or `version = x` / `version: x` lines. */
  versionFile: z.string().default('VERSION'),
});

const fleetSection = z
  .strictObject({
    /** Which ecosystem the fleet is; `auto` detects it from the repository's files. */
    ecosystem: z.enum(['auto', ...ECOSYSTEMS]).default('auto'),
    /** Where plugins are, as globs of folders; default: the ecosystem's own list (workspaces, include, modules). */
    paths: z.array(glob).optional(),
    /** Folders to leave out of the fleet (globs). */
    exclude: z.array(glob).default([]),
    /** For `ecosystem: generic`: the plugins, listed. */
    plugins: z.array(genericPlugin).default([]),
    /** Gradle/Maven: the property that declares the core version a plugin needs. */
    coreVersionProperty: z.string().default('coreVersion'),
  })
  .default({ ecosystem: 'auto', exclude: [], plugins: [], coreVersionProperty: 'coreVersion' });

const bump = z.enum(['major', 'minor', 'patch', 'none']);
const TAG_PLACEHOLDERS: ReadonlySet<string> = new Set(['{name}', '{unscoped}', '{dir}', '{version}']);

/** A tag format: exactly one {version}, and only the placeholders slipway fills in. */
const tagFormatPattern = z
  .string()
  .refine((pattern) => pattern.split('{version}').length === 2, 'must contain {version} exactly once')
  .refine((pattern) => (pattern.match(/\{[^}]*\}/g) ?? []).every((p) => TAG_PLACEHOLDERS.has(p)), 'placeholders are {name}, {unscoped}, {dir} and {version}')
  .refine((pattern) => !/[\s~^:?*[\\]|\.\.|@\{/.test(pattern.replace(/\{(name|unscoped|dir|version)\}/g, '')), 'must make a valid git tag name (no spaces, ~ ^ : ? * [ \\ .. @{)');

const versioningSection = z
  .strictObject({
    /**
     * The format of new tags (and of the tags read). Placeholders: {name}, {unscoped} (the
     * name without its npm scope), {dir} (the plugin folder's last segment), {version}.
     * Default: `{name}@{version}` in a fleet of several plugins, `v{version}` when the
     * repository is one plugin.
     */
    tagFormat: tagFormatPattern.optional(),
    /** Older formats still read (never written): migrating from lerna, release-please or changesets tags. */
    legacyTagFormats: z.array(tagFormatPattern).default([]),
    /**
     * Commit types that release, and how much. feat/fix/perf are built in; add e.g. `docs: patch`.
     * A key may carry a scope (`chore(deps): patch`, `chore(version): none`), which wins over the type's.
     */
    releaseTypes: z
      .record(z.string(), bump)
      .superRefine((types, ctx) => {
        for (const key of Object.keys(types)) {
          if (!/^[\w-]+(?:\([^()\s]+\))?$/.test(key)) ctx.addIssue({ code: 'custom', path: [key], message: `"${key}" must be a commit type or type(scope), e.g. chore or chore(deps)` });
        }
      })
      .default({}),
    /**
     * The JVM SNAPSHOT cycle: a `-SNAPSHOT` version in the manifest is a floor for the next
     * release, and after tagging the release commits the next patch SNAPSHOT. `auto` turns it on
     * for Gradle/Maven units whose version is a SNAPSHOT; `off` releases SNAPSHOT builds like any other.
     */
    snapshot: z.enum(['auto', 'off']).default('auto'),
    /**
     * What a release whose required core version went up since the last release is: `minor`
     * makes such a patch a minor (Kestra's plugins release a raised kestraVersion as a minor).
     */
    coreRaise: z.enum(['minor', 'none']).default('none'),
    /**
     * What a release of a fleet plugin does to the plugins that depend on it, per kind of
     * dependency: `patch` releases the dependent and moves its range, `range` only moves the
     * range in its manifest, `none` leaves it (a dependent left out of range is a warning).
     * One word sets every kind.
     */
    dependents: dependentsPolicy,
    /** Prerelease channel (e.g. `next` → 1.3.0-next.0); the CLI flag --prerelease overrides it. */
    prerelease: z.string().regex(/^[0-9A-Za-z-]+$/).optional(),
  })
  .default({ legacyTagFormats: [], releaseTypes: {}, dependents: DEFAULT_DEPENDENTS, snapshot: 'auto', coreRaise: 'none' });

const commandsSection = z
  .strictObject({
    /**
     * Run once at the repository root by validate before the first build or test. Default for
     * npm fleets: the package manager's frozen install (`pnpm install --frozen-lockfile`, …),
     * only when the root has no node_modules yet; a command set here always runs. Empty → none.
     */
    install: z.string().optional(),
    /**
     * Run in a plugin's folder by validate (and compat): build, then test. Empty → skipped.
     * Default for npm fleets: the package manager runs the package's `build` / `test` script
     * where it has one (`pnpm run test`); other ecosystems have none.
     */
    build: z.string().optional(),
    test: z.string().optional(),
    /** How non-npm plugins are published; `{name}`, `{version}`, `{path}` are replaced. */
    publish: z.string().optional(),
  })
  .default({});

const coreSection = z
  .strictObject({
    /** The core project: an `owner/name` on GitHub, a git URL or a local path. */
    repository: z.string().optional(),
    branch: branchName().default('develop'),
    /** The core's package name, to read a plugin's required core range from its peer dependencies. */
    package: z.string().optional(),
  })
  .default({ branch: 'develop' });

const slackSection = z
  .strictObject({
    /** Channel ids or names per job; a job with no channel posts nothing. */
    release: z.string().optional(),
    compat: z.string().optional(),
    digest: z.string().optional(),
  })
  .default({});

export const configSchema = z.strictObject({
  fleet: fleetSection,
  versioning: versioningSection,
  commands: commandsSection,
  core: coreSection,
  release: releaseSection,
  validate: validateSection,
  catalog: catalogSection,
  compat: compatSection,
  digest: digestSection,
  slack: slackSection,
});

export type SlipwayConfig = z.infer<typeof configSchema>;
export type FleetConfig = SlipwayConfig['fleet'];
export type VersioningConfig = SlipwayConfig['versioning'];
export type { DependentsPolicy, DependentPolicy } from './dependents-section.ts';

/** The configuration of a repository with no slipway.yml. */
export const defaultConfig = (): SlipwayConfig => configSchema.parse({});
