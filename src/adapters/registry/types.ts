/**
 * What the release job needs from a package registry, whatever the ecosystem: which versions
 * are out, and publish one plugin folder idempotently. npm talks to a registry itself
 * (npm-registry.ts); other ecosystems run a configured command (command-publisher.ts).
 */

/** One plugin folder at one version, ready to publish (manifest already bumped). */
export interface PublishTarget {
  name: string;
  version: string;
  /** The plugin's folder: npm publishes it, a configured command runs in it. */
  dir: string;
  /** npm: the version of each workspace package, for the `workspace:` ranges of what is published. */
  workspaceVersions?: ReadonlyMap<string, string>;
}

export interface PublishOptions {
  /**
   * The dist-tag (npm) the version goes to. npm's default: `latest` for a release, and for a
   * prerelease its first identifier (`1.0.0-beta.1` → `beta`), or `next` when that is a number.
   */
  distTag?: string;
  /** npm `--provenance`: only where the caller knows it works (GitHub Actions with `id-token: write`). */
  provenance?: boolean;
  /** Go through everything but the upload; nothing is written to the registry. */
  dryRun?: boolean;
  /** npm `--access`, for scoped packages. */
  access?: 'public' | 'restricted';
}

/**
 * `already-published` is success: a rerun after a failure must finish the job, not fail on the
 * versions the first run already shipped (design.md, principle 2).
 */
export type PublishStatus = 'published' | 'already-published' | 'dry-run';

export interface PublishResult {
  status: PublishStatus;
  name: string;
  version: string;
  /** Where it went: the registry URL, or `command: …` for a configured command. */
  destination: string;
  /** The dist-tag it went to, where the registry has dist-tags. */
  distTag?: string;
}

export interface RegistryClient {
  /** The registry URL or `command: …`, for plans and messages. */
  readonly destination: string;
  /** Every published version of `name`; `undefined` when this registry cannot tell (a configured command). */
  publishedVersions(name: string): Promise<string[] | undefined>;
  /** `undefined` when this registry cannot tell. */
  isPublished(name: string, version: string): Promise<boolean | undefined>;
  publish(target: PublishTarget, options?: PublishOptions): Promise<PublishResult>;
  /**
   * Checks, writing nothing, that the registry answers and accepts the credentials; throws a
   * SlipwayError saying which. Run by the release before its first write. Absent: nothing to check.
   */
  checkAccess?(name: string): Promise<void>;
}
