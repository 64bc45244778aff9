/**
 * An npm dist-tag name, checked the same wherever one comes from (release.distTag in
 * slipway.yml, `--dist-tag`, the release action's `dist-tag` input, a workflow_dispatch field):
 * a bad one is refused before the release commit and tags are pushed, not by npm afterwards.
 */
import semver from 'semver';

/** A letter first, then letters, digits, ".", "_" or "-": nothing a shell or a flag parser reads. */
const DIST_TAG = /^[A-Za-z][\w.-]{0,127}$/;

/** Why `value` cannot be a dist-tag, or undefined when it can. */
export function distTagProblem(value: string): string | undefined {
  if (!DIST_TAG.test(value)) return 'must be a dist-tag name: a letter, then letters, digits, ".", "_" or "-" (not a version)';
  // npm publish refuses a tag that is a semver range ("Tag name must not be a valid SemVer range"):
  // `v1` and `1.x` are ranges, `latest-1` and `v1-lts` are not.
  if (semver.validRange(value) !== null) return 'reads as a semver range, which npm refuses as a dist-tag (use e.g. latest-1 or v1-lts)';
  return undefined;
}
