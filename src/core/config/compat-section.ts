import * as z from 'zod';
import { branchName, optionalRemoteName } from './git-names.ts';
import { WEEKDAYS } from '../compat/next-weekly-time.ts';

/**
 * compat: the weekly compatibility run (owned by the compat job).
 *
 * Commands run through `sh -c` and may use placeholders, replaced before they run:
 *   {out}          core build: the folder the built core must be written to
 *   {coreDir}      the installed core package folder (npm: <prefix>/node_modules/<core package>)
 *   {coreTarball}  npm: the packed core (.tgz)
 *   {mavenLocal}   gradle/maven: the Maven local repository (compat.core.mavenLocal, default
 *                  ~/.m2/repository): `mvn install` writes the core there, shards copy it there
 *   {coreRepo}     the same folder, in plugin commands (kept for existing configurations)
 *   {coreArtifact} the folder holding the built core, whatever the ecosystem
 *   {coreVersion}  the version the core build produced (gradle/maven: read from the artifacts it
 *                  wrote, so a multi-module core gives its reactor's version); a gradle/maven
 *                  test command must pass it to the build, or compat refuses the configuration
 *   {gradle}       gradle: ./gradlew where the build has a wrapper, else gradle
 *   {taskPrefix}   gradle: the plugin's project path and a colon (`:sub:`), '' for a whole build,
 *                  so that `{gradle} {taskPrefix}test` runs from the build root
 *   {root}         the folder the test command runs in (the build root for gradle)
 *   {plugin} {path} the plugin's name and absolute folder
 *   {work}         this run's scratch folder (shared by every plugin of the run)
 * The same values reach every command as SLIPWAY_CORE_DIR, SLIPWAY_CORE_TARBALL, SLIPWAY_CORE_REPO,
 * SLIPWAY_CORE_ARTIFACT, SLIPWAY_CORE_VERSION and SLIPWAY_WORK_DIR.
 */

/** GitHub runs at most 256 jobs from one matrix (docs: "Using a matrix for your jobs"). */
export const GITHUB_MATRIX_LIMIT = 256;

const coreBuild = z
  .strictObject({
    /** Builds the checked-out core into {out}; default per ecosystem (npm: `npm pack --pack-destination {out}`). */
    build: z.string().min(1).optional(),
    /**
     * The released core to compare with: a tag or branch. Default: the highest `v<semver>`
     * release tag of the core repository.
     */
    releaseRef: z.string().min(1).optional(),
    /** gradle/maven: the Maven local repository shards copy the built core into (mavenLocal()); default ~/.m2/repository. */
    mavenLocal: z.string().min(1).optional(),
    /**
     * The version of the develop core as plugins must ask for it ({coreVersion}), when the build
     * does not say (a custom build, a version computed at build time). Default: read from what
     * the build produced.
     */
    version: z.string().min(1).optional(),
    /** The same for the released core. */
    releaseVersion: z.string().min(1).optional(),
  })
  .default({});

const orgSection = z.strictObject({
  /** The organisation whose repositories are the plugins (org mode instead of a monorepo). */
  name: z.string().min(1),
  /** Only repositories carrying this topic. */
  topic: z.string().min(1).optional(),
  /** Only repositories whose name matches this pattern (`*` matches any characters), e.g. `plugin-*`. */
  pattern: z.string().min(1).optional(),
  /** How to clone one; `{server}` is GITHUB_SERVER_URL (https://github.com), `{repo}` is owner/name. */
  cloneUrl: z.string().default('{server}/{repo}.git'),
});

const resultsSection = z
  .strictObject({
    /** The branch that keeps one results file per run (history is appended, never rewritten). */
    branch: branchName().default('slipway-compat'),
    /** The git remote the branch is pushed to; '' keeps it local. */
    remote: optionalRemoteName().default('origin'),
    /** How many recent runs the HTML report shows and durations are learnt from. */
    history: z.number().int().min(1).max(100).default(8),
  })
  .default({ branch: 'slipway-compat', remote: 'origin', history: 8 });

const reportSection = z
  .strictObject({
    /** When the Slack message is delivered: the next `weekday` at `time` in `timeZone`. */
    timeZone: z.string().default('UTC').refine(isTimeZone, 'must be an IANA time zone such as Europe/Berlin'),
    weekday: z.enum(WEEKDAYS).default('monday'),
    time: z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'must be HH:MM (24 h)').default('09:00'),
  })
  .default({ timeZone: 'UTC', weekday: 'monday', time: '09:00' });

const issuesSection = z
  .strictObject({
    /** Open one issue per regressed plugin (updated each run, closed when fixed). */
    enabled: z.boolean().default(false),
    label: z.string().min(1).default('compat-regression'),
    /** owner/name; default: the repository the workflow runs in. */
    repository: z.string().regex(/^[^/\s]+\/[^/\s]+$/, 'must be owner/name').optional(),
  })
  .default({ enabled: false, label: 'compat-regression' });

export const compatSection = z
  .strictObject({
    /** Shards (matrix jobs) at most; GitHub allows 256 jobs per matrix. */
    maxShards: z.number().int().min(1).max(GITHUB_MATRIX_LIMIT).default(64),
    /** Per-plugin test timeout. */
    timeoutMinutes: z.number().positive().default(30),
    /** Times a failing plugin is re-run to tell a flaky test from a broken one. */
    retries: z.number().int().min(0).max(3).default(1),
    /** The test command of one plugin, run in its folder; default `commands.test`, then the ecosystem's own. */
    test: z.string().min(1).optional(),
    /** Run in a plugin's folder before its tests, once per core (e.g. `npm install --no-save {coreTarball}`); a failure is infra. */
    install: z.string().min(1).optional(),
    /** Extra environment for plugin commands; values may use the placeholders. */
    env: z.record(z.string(), z.string()).default({}),
    /** JUnit XML the tests write, as globs in the plugin folder; default per ecosystem. */
    junit: z.array(z.string().min(1)).optional(),
    /**
     * Output that means "the machine failed, not the plugin" (infra, never a regression) beyond
     * the built-in network/disk/memory signals: regular expressions, e.g. your company mirror's
     * host (`Could not transfer .* from/to nexus\\.corp`). A plain string or { pattern, reason }.
     */
    infraPatterns: z
      .array(
        z.union([z.string().min(1).transform((pattern) => ({ pattern })), z.strictObject({ pattern: z.string().min(1), reason: z.string().min(1).optional() })]),
      )
      .default([])
      .superRefine((patterns, ctx) => {
        patterns.forEach(({ pattern }, index) => {
          try {
            new RegExp(pattern, 'm');
          } catch (error) {
            ctx.addIssue({ code: 'custom', path: [index], message: `not a regular expression: ${(error as Error).message}` });
          }
        });
      }),
    /** How failures are compared with the released core: re-test them against it, or use a stored run against a release. */
    baseline: z.enum(['retest-failures', 'stored-run']).default('retest-failures'),
    /**
     * Also record, on the catalog branch (catalog.branch / catalog.repository) when it exists,
     * which core versions each plugin version passed with: compat.json beside index.json.
     */
    catalog: z.boolean().default(true),
    core: coreBuild,
    org: orgSection.optional(),
    results: resultsSection,
    report: reportSection,
    issues: issuesSection,
  })
  .default({
    maxShards: 64,
    timeoutMinutes: 30,
    retries: 1,
    env: {},
    infraPatterns: [],
    baseline: 'retest-failures',
    catalog: true,
    core: {},
    results: { branch: 'slipway-compat', remote: 'origin', history: 8 },
    report: { timeZone: 'UTC', weekday: 'monday', time: '09:00' },
    issues: { enabled: false, label: 'compat-regression' },
  });

export type CompatConfig = z.infer<typeof compatSection>;

function isTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}
