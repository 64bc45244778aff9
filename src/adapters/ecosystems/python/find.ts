/**
 * Python fleets: the folders of fleet.paths or of the root pyproject.toml's
 * `[tool.uv.workspace] members` that hold a pyproject.toml, each read from its `[project]` table.
 * A root pyproject.toml without a workspace is a repository that is one plugin. A workspace's
 * root project (if it has one) is not a plugin of the fleet, as in an npm workspace.
 */
import { posix } from 'node:path';
import type { SlipwayConfig } from '../../../core/config/schema.ts';
import { SlipwayError } from '../../../core/errors.ts';
import { pluginName, rangeOf, repoPath, type Dependency, type Plugin } from '../../../core/types.ts';
import { checkedVersion } from '../checked-version.ts';
import { foldersWithManifest } from '../plugin-folders.ts';
import { readEach } from '../read-pool.ts';
import { fileExists, invalidManifest, readManifest } from '../read-manifest.ts';
import type { FleetFinder } from '../types.ts';
import { declaredRequirements } from './dependency-tables.ts';
import { normaliseName, parseRequirement } from './pep508.ts';
import { parseToml, tableAt, type Toml } from './pyproject.ts';

const MANIFEST = 'pyproject.toml';
/** The trove classifier PyPI itself rejects on upload: the Python way to mark a package private. */
const PRIVATE_CLASSIFIER = 'Private :: Do Not Upload';

export const pythonFinder: FleetFinder = {
  ecosystem: 'python',

  /** A pyproject.toml that declares a project or a uv workspace; a tool-settings-only one is not a fleet. */
  async detect(root) {
    if (!(await fileExists(root, MANIFEST))) return false;
    return /^\s*\[(project|tool\.uv\.workspace)\]/m.test(await readManifest(root, MANIFEST));
  },

  async discover(root, config) {
    let patterns = config.fleet.paths;
    let exclude = config.fleet.exclude;
    if (!patterns) {
      const rootToml = parseToml(await readManifest(root, MANIFEST), MANIFEST);
      const workspace = tableAt(rootToml, 'tool', 'uv', 'workspace');
      if (!workspace) return [pythonPlugin('', rootToml, MANIFEST, config)];
      patterns = stringList(workspace.members, MANIFEST, 'tool.uv.workspace.members');
      exclude = [...exclude, ...stringList(workspace.exclude ?? [], MANIFEST, 'tool.uv.workspace.exclude')];
    }
    const folders = await foldersWithManifest(root, patterns, [MANIFEST], exclude);
    const plugins = await readEach(folders, async (folder) => {
      const file = posix.join(folder, MANIFEST);
      return pythonPlugin(folder, parseToml(await readManifest(root, file), file), file, config);
    });
    return withFleetSpelling(plugins);
  },
};

/**
 * Python names compare after PEP 503 normalisation (`Acme_Beta` is `acme-beta`), so a dependency
 * on a fleet plugin is keyed by that plugin's own spelling: the planner then sees it as internal.
 */
function withFleetSpelling(plugins: Plugin[]): Plugin[] {
  const spelling = new Map(plugins.map((plugin) => [normaliseName(plugin.name), plugin.name as string]));
  for (const plugin of plugins) {
    plugin.dependencies = plugin.dependencies.map((dependency) => ({ ...dependency, name: spelling.get(normaliseName(dependency.name)) ?? dependency.name }));
  }
  return plugins;
}

function pythonPlugin(folder: string, toml: Toml, file: string, config: SlipwayConfig): Plugin {
  const project = tableAt(toml, 'project');
  if (!project) throw invalidManifest(file, 'has no [project] table', { hint: `add [project] with name and version to ${file}` });
  if (typeof project.name !== 'string' || project.name === '') {
    throw invalidManifest(file, '[project] name is missing', { hint: `add name = "..." under [project] in ${file}` });
  }
  if (Array.isArray(project.dynamic) && project.dynamic.includes('version')) {
    throw new SlipwayError('VERSION_INVALID', '[project] version is dynamic (dynamic = ["version"]); slipway needs a static version to bump', {
      subject: file,
      hint: `write version = "1.0.0" under [project] in ${file} and remove "version" from dynamic, or keep the version elsewhere and use fleet.ecosystem: generic with a versionFile`,
    });
  }
  const dependencies: Dependency[] = [];
  for (const { field, kind, values } of declaredRequirements(toml)) {
    for (const requirement of stringList(values, file, field)) {
      const parsed = parseRequirement(requirement);
      if (!parsed) throw invalidManifest(file, `${field}: "${requirement}" is not a PEP 508 requirement`);
      dependencies.push({ name: parsed.name, range: parsed.specifier, kind });
    }
  }
  const coreRange = config.core.package ? rangeOf(dependencies, config.core.package, ['runtime']) : undefined;
  const classifiers = Array.isArray(project.classifiers) ? project.classifiers : [];
  return {
    name: pluginName(project.name),
    path: repoPath(folder),
    ecosystem: 'python',
    manifestFile: repoPath(file),
    version: checkedVersion(project.version, file, '[project] version', `write version = "1.0.0" (plain semver) under [project] in ${file}`),
    dependencies,
    private: classifiers.includes(PRIVATE_CLASSIFIER),
    ...(coreRange === undefined ? {} : { coreRange }),
  };
}

function stringList(value: unknown, file: string, field: string): string[] {
  if (Array.isArray(value) && value.every((item) => typeof item === 'string')) return value;
  throw invalidManifest(file, `${field} must be an array of strings`);
}
