/**
 * Everything a release will need, checked before its first write and run by plan, validate and
 * release alike: the plan's own problems (../../core/release/preflight.ts), every planned file
 * written inside the work tree (no symlink out, see ../../adapters/safe-path.ts), and every
 * planned manifest rewritten and then read back exactly as publish reads it. A plan that passes
 * here cannot stop halfway for any of these reasons.
 */
import { parseXml } from '../../adapters/ecosystems/maven/pom.ts';
import { parseToml } from '../../adapters/ecosystems/python/pyproject.ts';
import { packageToPublish } from '../../adapters/registry/npm-registry.ts';
import { readWorktreeFile } from '../../adapters/release/worktree-files.ts';
import { unsafeWriteReason, type RealpathMemo } from '../../adapters/safe-path.ts';
import { formatError, isSlipwayError } from '../../core/errors.ts';
import type { ReleasePlan } from '../../core/plan/release-plan.ts';
import { planProblems, preflightError, type PreflightProblem } from '../../core/release/preflight.ts';
import type { Ecosystem } from '../../core/types.ts';
import { plannedFiles, releasedContent, type ManifestWrite } from './planned-files.ts';

export interface PreflightInput {
  cwd: string;
  plan: Pick<ReleasePlan, 'releases' | 'rangeUpdates' | 'date' | 'tagFormat'>;
  changelogName: string;
  /** Today, for the release date (a parameter so specs never race the clock). */
  now: Date;
}

/**
 * How publish reads a manifest once it is written, per ecosystem; a missing ecosystem is a
 * compile error. npm: as `npm publish` does (BOM skipped), with the planned name and version.
 * `write` is undefined for a file that is not the unit's own manifest (a lockstep module's).
 */
const READ_AS_PUBLISHED: Record<Ecosystem, (text: string, file: string, write: ManifestWrite | undefined) => string | undefined> = {
  npm: (text, file, write) => {
    const { name, version } = packageToPublish(text, file);
    if (!write) return undefined;
    if (name !== write.name) return `its name is "${name}", but the plan releases ${write.name}`;
    if (write.to !== undefined && version !== write.to) return `its version would be ${version} after the release, not ${write.to}`;
    return undefined;
  },
  python: (text, file) => {
    parseToml(text.replace(/^\uFEFF/, ''), file);
    return undefined;
  },
  maven: (text, file) => {
    parseXml(text.replace(/^\uFEFF/, ''), file);
    return undefined;
  },
  gradle: () => undefined,
  generic: () => undefined,
};

/** Every problem that would stop the release of `plan` halfway; [] when it can ship. */
export async function preflightProblems(input: PreflightInput): Promise<PreflightProblem[]> {
  const { cwd, plan } = input;
  const problems = planProblems(plan, input.now);
  const files = plannedFiles(plan, input.changelogName);
  const realpaths: RealpathMemo = new Map();
  await Promise.all(
    [...files].map(async ([path, writers]) => {
      const unsafe = await unsafeWriteReason(cwd, path, realpaths);
      if (unsafe) {
        problems.push({ subject: path, message: `slipway will not write ${path}: ${unsafe}` });
        return;
      }
      // Only what rewrites a manifest: a changelog sharing the path is not one.
      const manifests = writers.filter((w) => w.kind !== 'changelog');
      const first = manifests[0];
      if (!first) return;
      try {
        const text = await readWorktreeFile(cwd, path);
        if (text === undefined) {
          problems.push({ subject: path, message: `${path}, the manifest of ${first.release.name}, does not exist` });
          return;
        }
        const written = releasedContent(path, manifests, text) ?? text;
        for (const writer of manifests) {
          const problem = READ_AS_PUBLISHED[writer.release.ecosystem](written, path, writer.kind === 'manifest' ? writer.release : undefined);
          if (problem) problems.push({ subject: path, message: `${path}: ${problem}` });
        }
      } catch (error) {
        const subject = isSlipwayError(error) && error.subject ? error.subject : path;
        const message = isSlipwayError(error) ? error.message : formatError(error);
        problems.push({ subject, message: `${subject}: ${message}` });
      }
    }),
  );
  return problems;
}

/** Throws one PLAN_INVALID error listing every problem, before anything is written. */
export async function preflight(input: PreflightInput): Promise<void> {
  const problems = await preflightProblems(input);
  if (problems.length) throw preflightError(problems.sort((a, b) => a.subject.localeCompare(b.subject)));
}
