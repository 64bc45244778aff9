/**
 * A person's word on a version, over what the commits ask for: the approver's `--set
 * NAME=VERSION` / `--bump NAME=TYPE` at plan time, and a `Release-As: x.y.z` footer in a commit
 * (release-please's convention; it applies to the plugins the commit touches). Both are
 * recorded in the plan, so they are part of what is hashed and approved.
 */
import semver from 'semver';
import { SlipwayError } from '../errors.ts';
import type { ReleaseHistory } from '../history/last-release.ts';
import { RELEASE_TYPES, type PluginName, type ReleaseType, type Sha, type Version } from '../types.ts';

export type VersionOverride =
  | { plugin: PluginName; kind: 'set'; version: Version }
  | { plugin: PluginName; kind: 'bump'; bump: ReleaseType };

/** How a planned release's version was decided, when not by its commits alone. */
export type OverrideRecord =
  | { source: 'set'; version: Version }
  | { source: 'bump'; bump: ReleaseType }
  | { source: 'release-as'; version: Version; commit: Sha };

/** `NAME=VERSION` (--set) or `NAME=major|minor|patch` (--bump); the name may hold '@' and '/'. */
export function parseOverride(flag: '--set' | '--bump', text: string): VersionOverride {
  const at = text.lastIndexOf('=');
  const name = text.slice(0, at).trim();
  const value = text.slice(at + 1).trim();
  const example = flag === '--set' ? '--set @acme/csv=2.0.0' : '--bump @acme/csv=major';
  if (at <= 0 || !name || !value) {
    throw new SlipwayError('USAGE', `${flag} "${text}" is not NAME=${flag === '--set' ? 'VERSION' : 'TYPE'}`, { subject: flag, hint: `e.g. ${example}` });
  }
  if (flag === '--bump') {
    const bump = RELEASE_TYPES.find((type) => type === value);
    if (!bump) throw new SlipwayError('USAGE', `${flag} ${name}=${value}: "${value}" is not major, minor or patch`, { subject: flag, hint: `e.g. ${example}` });
    return { plugin: name as PluginName, kind: 'bump', bump };
  }
  const version = value.replace(/^v(?=\d)/, '');
  if (semver.valid(version) !== version) {
    throw new SlipwayError('USAGE', `${flag} ${name}=${value}: "${value}" is not a semver version`, { subject: flag, hint: `e.g. ${example}` });
  }
  return { plugin: name as PluginName, kind: 'set', version: version as Version };
}

/** Every override from the entry points' raw `NAME=VALUE` lists; the first bad one is an error naming it. */
export function parseOverrides(lists: { set?: readonly string[] | undefined; bump?: readonly string[] | undefined }): VersionOverride[] {
  const overrides = [...(lists.set ?? []).map((text) => parseOverride('--set', text)), ...(lists.bump ?? []).map((text) => parseOverride('--bump', text))];
  const seen = new Set<string>();
  for (const override of overrides) {
    if (seen.has(override.plugin)) {
      throw new SlipwayError('USAGE', `${override.plugin} is overridden twice`, { subject: '--set/--bump', hint: 'give each plugin one --set or one --bump' });
    }
    seen.add(override.plugin);
  }
  return overrides;
}

/** The version a `Release-As:` footer asks for (the last one wins), or undefined. Footer tokens are case-insensitive. */
export function releaseAsFooter(message: string): string | undefined {
  let found: string | undefined;
  for (const match of message.matchAll(/^release-as:[ \t]*(\S+)[ \t]*$/gim)) found = match[1];
  return found?.replace(/^v(?=\d)/, '');
}

/**
 * Why `version` cannot be this plugin's next release, or undefined when it can: it must be
 * semver, above the line's last release (or at least the manifest version of a first release),
 * and not tagged anywhere.
 */
export function overrideProblem(version: string, current: Version, firstRelease: boolean, history: ReleaseHistory | undefined): string | undefined {
  if (semver.valid(version) !== version) return `"${version}" is not a semver version`;
  if (firstRelease ? semver.lt(version, current) : semver.lte(version, current)) {
    return `${version} is not above ${firstRelease ? 'the manifest version' : 'the last release'} ${current}`;
  }
  const taken = [...(history?.versions ?? []), ...(history?.elsewhere.map((release) => release.version) ?? [])];
  if (taken.includes(version as Version)) return `${version} is already tagged`;
  return undefined;
}
