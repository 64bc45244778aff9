/**
 * The plan job: read the fleet, its tags and its history (one `git log`), and compute the
 * release plan. Writes nothing.
 *
 * On a large fleet the log is the planner's critical path, so the code loads in the order the
 * log needs it: HEAD and the tag list are read first, the configuration while git answers,
 * then the log starts, and the rest (plan/plan-from-log.ts) loads and runs while git writes.
 */
import type { Fleet } from '../adapters/fleet.ts';
import { headSha, listTags } from '../adapters/git.ts';
import type { SlipwayConfig } from '../core/config/schema.ts';
import { SlipwayError } from '../core/errors.ts';
import { MONOREPO_TAG_FORMAT, SINGLE_TAG_FORMAT, tagFormat, type TagFormat } from '../core/history/tag-format.ts';
import type { ReleasePlan } from '../core/plan/release-plan.ts';
import type { Reporter } from '../core/reporter.ts';
import type { VersionOverride } from '../core/plan/version-overrides.ts';
import { guessLog } from './history/fleet-log.ts';
import { checkReleaseDate } from '../core/release/preflight.ts';

export interface PlanOptions {
  cwd: string;
  prerelease?: string | undefined;
  /** Release date for changelogs (YYYY-MM-DD); default today (UTC). */
  date?: string | undefined;
  reporter: Reporter;
  /** Already loaded configuration (the release job passes its own). */
  config?: SlipwayConfig;
  /** The approver's versions and bumps (`--set NAME=VERSION`, `--bump NAME=TYPE`). */
  overrides?: readonly VersionOverride[];
  /** Now, for the default date and the date check (a parameter so specs never race the clock). */
  now?: Date;
  /** Release only these plugins (`--plugin`, the plan action's `plugins`); default every plugin with changes. */
  plugins?: readonly string[] | undefined;
}

export interface PlanResult {
  plan: ReleasePlan;
  fleet: Fleet;
  config: SlipwayConfig;
}

/** A prerelease channel becomes a semver identifier (1.3.0-<channel>.0): letters, digits and '-'. */
function checkPrereleaseChannel(channel: string): void {
  if (!/^[0-9A-Za-z-]+$/.test(channel)) {
    throw new SlipwayError('USAGE', `prerelease channel "${channel}" is not a semver identifier`, {
      subject: '--prerelease',
      hint: 'use letters, digits and "-" only, e.g. next, beta, rc',
    });
  }
}

/** The formats the tags may be in before we know whether the repository is one plugin. */
function guessFormats(versioning: SlipwayConfig['versioning']): TagFormat[] {
  const { tagFormat: configured, legacyTagFormats: legacy } = versioning;
  return configured ? [tagFormat(configured, { legacy })] : [tagFormat(MONOREPO_TAG_FORMAT, { legacy }), tagFormat(SINGLE_TAG_FORMAT, { legacy })];
}

export async function planRelease(options: PlanOptions): Promise<PlanResult> {
  const { cwd, reporter } = options;
  const started = performance.now();
  const elapsed = () => `${Math.round(performance.now() - started)} ms`;
  if (options.prerelease !== undefined) checkPrereleaseChannel(options.prerelease);
  const now = options.now ?? new Date();
  if (options.date !== undefined) checkReleaseDate(options.date, now);
  // git's first reads start before the configuration's parsers (yaml, zod) load, so the two
  // overlap. (Validating the configuration after the log starts, with the guess's two settings
  // read from the raw YAML, started the log ~50 ms sooner but made the plan ~90 ms slower in all:
  // on two cores that work then competes with git and the manifest reads. Measured, not kept.)
  const [head, listed, config] = await Promise.all([headSha(cwd), listTags(cwd), options.config ?? import('../adapters/config-file.ts').then(({ loadConfig }) => loadConfig(cwd))]);
  // The one `git log` starts now, from a guess made from the tags alone; the manifests are read
  // and the commits indexed and routed while git writes (fleet-log.ts).
  const guessed = guessLog(cwd, head, listed, guessFormats(config.versioning));
  reporter.debug(`history: git log started (${elapsed()})`);
  try {
    // The rest of the planner (fleet discovery, every ecosystem, plan assembly, preflight) is
    // most of its code: it loads while git writes, not before the log starts (~100 ms on the
    // large bench fleet's critical path, measured).
    const { planFromLog } = await import('./plan/plan-from-log.ts');
    return await planFromLog({ cwd, options, config, head, listed, guessed, now, elapsed });
  } catch (error) {
    guessed.stop(); // a plan that fails does not wait for the rest of the history
    throw error;
  }
}
