/**
 * One strategy per ecosystem behind one interface (release-please's strategies/updaters split):
 * a *finder* that knows where an ecosystem keeps its plugins and versions, and an *updater*
 * that rewrites one manifest's version while keeping the file's formatting.
 * Adding Cargo later is one new folder here plus one line in ./registry.ts.
 */
import type { SlipwayConfig } from '../../core/config/schema.ts';
import type { DependencyKind, Ecosystem, Plugin, Version } from '../../core/types.ts';

export interface FleetFinder {
  readonly ecosystem: Ecosystem;
  /** Whether the repository at `root` is laid out for this ecosystem (used by `fleet.ecosystem: auto`). */
  detect(root: string): Promise<boolean>;
  /**
   * The plugins in the working tree at `root`. A repository that *is* one plugin gives one
   * plugin with path ''. Missing or malformed manifests throw a SlipwayError naming the file.
   */
  discover(root: string, config: SlipwayConfig): Promise<Plugin[]>;
}

/** A dependency range to rewrite: in the section(s) of its kind, or in every section that lists it when no kind is given. */
export interface RangeChange {
  name: string;
  range: string;
  kind?: DependencyKind | undefined;
}

export interface ManifestChange {
  version?: Version;
  /**
   * A module of a lockstep build follows its parent: its `<parent><version>` (and its own
   * `<version>` where it repeats the parent's) becomes this. Only Maven has such a reference.
   */
  parentVersion?: Version;
  /** Internal dependencies whose range changes. */
  dependencies?: readonly RangeChange[];
}

/** The new range for `name` declared as `kind`, if the change rewrites it. */
export function changedRange(changes: readonly RangeChange[] | undefined, name: string, kind: DependencyKind): string | undefined {
  return (changes ?? []).find((c) => c.name === name && (c.kind === undefined || c.kind === kind))?.range;
}

export interface ManifestUpdater {
  readonly ecosystem: Ecosystem;
  /** The manifest text with the change applied; every other byte kept. Pure. */
  update(text: string, change: ManifestChange, file: string): string;
}
