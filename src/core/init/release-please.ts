/**
 * A repository released by release-please keeps releasing the same way under slipway: `init`
 * reads release-please-config.json and writes the settings that reproduce its decisions.
 *
 * - Its workspace plugins (node-workspace and the others) release every dependent of a released
 *   package with a patch ("update dependencies"), through dependencies, devDependencies and
 *   optionalDependencies but not peerDependencies; without one, dependents are left alone.
 * - A commit releases when its type has a visible changelog section; the default sections show
 *   feat, fix, perf, revert and deps (googleapis/release-please, src/changelog-notes.ts).
 */
import { DEFAULT_DEPENDENTS, RELEASE_PLEASE_DEPENDENTS, type DependentsPolicy } from '../config/dependents-section.ts';
import type { Ecosystem } from '../types.ts';
import type { Bump } from '../versioning/bump.ts';

export interface ReleasePleaseSettings {
  dependents: DependentsPolicy;
  /** Commit types whose release differs from slipway's built-ins (feat minor; fix, perf, revert patch). */
  releaseTypes: Record<string, Bump>;
  /** Why, for the comments in slipway.yml. */
  dependentsReason: string;
  /** The package folders release-please releases, and their ecosystem, when slipway can release them all. */
  packages: { paths: string[]; ecosystem: Ecosystem } | undefined;
}

/** release-please's release types slipway has an ecosystem for. */
const ECOSYSTEM_OF: Record<string, Ecosystem> = { node: 'npm', python: 'python', maven: 'maven', java: 'maven', simple: 'generic' };

function packagesOf(config: Record<string, unknown>): ReleasePleaseSettings['packages'] {
  const packages = config['packages'];
  if (!isRecord(packages)) return undefined;
  const paths: string[] = [];
  const ecosystems = new Set<Ecosystem | undefined>();
  for (const [path, options] of Object.entries(packages)) {
    const folder = path.replace(/^\.\//, '').replace(/\/+$/, '');
    // The root as a package, or a path that is not a plain folder, is not something fleet.paths can say.
    if (folder === '' || folder === '.' || folder.split('/').some((part) => part === '..' || part === '') || /[*?[\]{}!]/.test(folder)) return undefined;
    const type = (isRecord(options) && typeof options['release-type'] === 'string' ? options['release-type'] : config['release-type']) ?? 'node';
    ecosystems.add(typeof type === 'string' ? ECOSYSTEM_OF[type] : undefined);
    paths.push(folder);
  }
  const [ecosystem] = [...ecosystems];
  if (ecosystems.size !== 1 || ecosystem === undefined || ecosystem === 'generic' || paths.length === 0) return undefined;
  return { paths: paths.sort(), ecosystem };
}

const DEFAULT_SECTIONS = [
  { type: 'feat' },
  { type: 'fix' },
  { type: 'perf' },
  { type: 'revert' },
  { type: 'deps' },
  { type: 'docs', hidden: true },
  { type: 'style', hidden: true },
  { type: 'chore', hidden: true },
  { type: 'refactor', hidden: true },
  { type: 'test', hidden: true },
  { type: 'build', hidden: true },
  { type: 'ci', hidden: true },
];
const BUILT_IN: Record<string, Bump> = { feat: 'minor', fix: 'patch', perf: 'patch', revert: 'patch' };

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

/** The settings, or undefined when the file is not a release-please config object. */
export function releasePleaseSettings(config: unknown): ReleasePleaseSettings | undefined {
  if (!isRecord(config) || 'invalid' in config) return undefined;
  const plugins = Array.isArray(config['plugins']) ? config['plugins'] : [];
  const workspace = plugins
    .map((plugin) => (typeof plugin === 'string' ? plugin : isRecord(plugin) && typeof plugin['type'] === 'string' ? plugin['type'] : ''))
    .find((type) => type.endsWith('-workspace'));
  const none: DependentsPolicy = { runtime: 'none', optional: 'none', peer: 'none', dev: 'none' };

  const sections = Array.isArray(config['changelog-sections']) ? config['changelog-sections'] : DEFAULT_SECTIONS;
  const releaseTypes: Record<string, Bump> = {};
  const visible = new Set<string>();
  for (const section of sections) {
    if (!isRecord(section) || typeof section['type'] !== 'string') continue;
    if (section['hidden'] !== true) visible.add(section['type']);
  }
  for (const type of visible) if (!(type in BUILT_IN)) releaseTypes[type] = 'patch';
  for (const type of Object.keys(BUILT_IN)) if (!visible.has(type)) releaseTypes[type] = 'none';

  return {
    packages: packagesOf(config),
    dependents: workspace ? { ...DEFAULT_DEPENDENTS, ...RELEASE_PLEASE_DEPENDENTS } : none,
    releaseTypes,
    dependentsReason: workspace
      ? `release-please's ${workspace} plugin (release-please-config.json) releases dependents through dependencies, devDependencies and optionalDependencies, not peerDependencies.`
      : 'release-please-config.json has no workspace plugin: release-please leaves dependents of a released package alone.',
  };
}
