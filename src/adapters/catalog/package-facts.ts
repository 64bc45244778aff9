/**
 * What each ecosystem's own manifest says about a plugin version — description, license,
 * links, keywords, the core range — read at a commit (never from the working tree: a tag is
 * indexed as it was released). One reader per ecosystem, like the finders in ../ecosystems.
 */
import { posix } from 'node:path';
import type { ManifestSource, PackageFacts } from '../../core/catalog/catalog-entry.ts';
import { PACKAGE_JSON_FIELD } from '../../core/catalog/plugin-manifest.ts';
import { semverFromMavenRange, semverFromPep440 } from '../../core/catalog/core-range.ts';
import { webUrl } from '../../core/catalog/web-url.ts';
import type { SlipwayConfig } from '../../core/config/schema.ts';
import { SlipwayError } from '../../core/errors.ts';
import { rangeOf, type Ecosystem, type Plugin } from '../../core/types.ts';
import { versionIn } from '../ecosystems/generic/version-file.ts';
import { readProperties } from '../ecosystems/gradle/properties.ts';
import { parseXml } from '../ecosystems/maven/pom.ts';
import { dependenciesOf, parsePackageJson } from '../ecosystems/npm/package-json.ts';
import { normaliseName, parseRequirement } from '../ecosystems/python/pep508.ts';
import { parseToml, tableAt } from '../ecosystems/python/pyproject.ts';
import type { GitObjectReader } from './git-objects.ts';

/**
 * The core package npm and Python plugins name in their (peer) dependencies when slipway.yml
 * sets no `core.package`: the demo fleet's core, so `slipway demo` fleets index with no config.
 */
export const DEFAULT_CORE_PACKAGE = '@demo/core';

export interface PackageReading {
  facts: PackageFacts;
  /** The plugin manifest embedded in the package manifest (package.json's `slipway` field). */
  embedded?: ManifestSource;
}

interface ReadContext {
  objects: GitObjectReader;
  commit: string;
  /** The tag or SHA, for messages. */
  at: string;
  plugin: Plugin;
  config: SlipwayConfig;
}

type EcosystemReader = (context: ReadContext) => Promise<PackageReading>;

export async function readPackageFacts(objects: GitObjectReader, commit: string, at: string, plugin: Plugin, config: SlipwayConfig): Promise<PackageReading> {
  return READERS[plugin.ecosystem]({ objects, commit, at, plugin, config });
}

async function required(context: ReadContext, file: string): Promise<string> {
  const text = await context.objects.readText(context.commit, file);
  if (text === undefined) {
    throw new SlipwayError('MANIFEST_MISSING', `${file} does not exist at ${context.at}`, {
      subject: `${context.plugin.name} (${file})`,
      hint: `the plugin's folder is taken from the current fleet (${context.plugin.path || 'the repository root'}); if it moved since ${context.at}, index that version from a checkout where it is still there`,
    });
  }
  return text;
}

const str = (value: unknown): string | undefined => (typeof value === 'string' && value.trim() !== '' ? value.trim() : undefined);
const strings = (value: unknown): string[] | undefined => (Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : undefined);
const corePackage = (config: SlipwayConfig) => config.core.package ?? DEFAULT_CORE_PACKAGE;

const npmReader: EcosystemReader = async (context) => {
  const file = context.plugin.manifestFile;
  const pkg = parsePackageJson(await required(context, file), file);
  const repo = typeof pkg.repository === 'object' && pkg.repository !== null ? (pkg.repository as { url?: unknown; directory?: unknown }) : { url: pkg.repository };
  const repoUrl = webUrl(str(repo.url));
  // A plugin in a monorepo names its folder: link there, not to the repository's root.
  const directory = str(repo.directory);
  const repository = repoUrl && directory && /^https:\/\/(github\.com|gitlab\.com)\//.test(repoUrl) ? `${repoUrl}/tree/HEAD/${directory}` : repoUrl;
  const license = typeof pkg.license === 'object' && pkg.license !== null ? (pkg.license as { type?: unknown }).type : pkg.license;
  const facts: PackageFacts = {
    name: context.plugin.name,
    ecosystem: 'npm',
    file,
    version: str(pkg.version),
    description: str(pkg.description),
    license: str(license),
    homepage: webUrl(str(pkg.homepage)),
    repository,
    keywords: strings(pkg.keywords),
    coreRange: rangeOf(dependenciesOf(pkg, file), corePackage(context.config), ['runtime', 'peer', 'optional', 'dev']),
  };
  const embedded = pkg[PACKAGE_JSON_FIELD];
  return embedded === undefined ? { facts } : { facts, embedded: { file, prefix: PACKAGE_JSON_FIELD, value: embedded } };
};

/** gradle.properties: `version`, `description` (a Gradle project property) and the configured core property. */
const gradleReader: EcosystemReader = async (context) => {
  const { plugin, config } = context;
  const versionFile = plugin.manifestFile;
  const own = posix.join(plugin.path, 'gradle.properties');
  const files = [...new Set([versionFile, own, 'gradle.properties'])];
  const texts = await Promise.all(files.map((file) => context.objects.readText(context.commit, file)));
  if (texts[0] === undefined) await required(context, versionFile);
  const properties = texts.map((text) => (text === undefined ? undefined : readProperties(text)));
  const first = (key: string) => properties.map((p) => p?.get(key)?.value).find((value) => value !== undefined);
  return {
    facts: {
      name: plugin.name,
      ecosystem: 'gradle',
      file: versionFile,
      version: properties[0]?.get('version')?.value,
      description: str(properties[files.indexOf(own)]?.get('description')?.value),
      coreRange: semverFromMavenRange(first(config.fleet.coreVersionProperty)),
    },
  };
};

const mavenReader: EcosystemReader = async (context) => {
  const { plugin, config } = context;
  const file = plugin.manifestFile;
  const project = parseXml(await required(context, file), file);
  const rootText = file === 'pom.xml' ? undefined : await context.objects.readText(context.commit, 'pom.xml');
  const rootProject = rootText === undefined ? undefined : parseXml(rootText, 'pom.xml');
  const property = (p: Record<string, unknown> | undefined) => str((p?.properties as Record<string, unknown> | undefined)?.[config.fleet.coreVersionProperty]);
  const licenses = (project.licenses as { license?: unknown } | undefined)?.license;
  const firstLicense = (Array.isArray(licenses) ? licenses[0] : licenses) as { name?: unknown } | undefined;
  return {
    facts: {
      name: plugin.name,
      ecosystem: 'maven',
      file,
      version: str(project.version),
      description: str(project.description),
      license: str(firstLicense?.name),
      homepage: webUrl(str(project.url)),
      repository: webUrl(str((project.scm as { url?: unknown } | undefined)?.url)),
      coreRange: semverFromMavenRange(property(project) ?? property(rootProject)),
    },
  };
};

const pythonReader: EcosystemReader = async (context) => {
  const { plugin, config } = context;
  const file = plugin.manifestFile;
  const project = tableAt(parseToml(await required(context, file), file), 'project') ?? {};
  const urls = Object.fromEntries(Object.entries((project.urls as Record<string, unknown> | undefined) ?? {}).map(([k, v]) => [k.toLowerCase(), str(v)]));
  const license = typeof project.license === 'object' && project.license !== null ? (project.license as { text?: unknown }).text : project.license;
  let coreRange: string | undefined;
  for (const requirement of strings(project.dependencies) ?? []) {
    const parsed = parseRequirement(requirement);
    if (parsed && normaliseName(parsed.name) === normaliseName(corePackage(config))) coreRange = semverFromPep440(parsed.specifier);
  }
  return {
    facts: {
      name: plugin.name,
      ecosystem: 'python',
      file,
      version: str(project.version),
      description: str(project.description),
      license: str(license),
      homepage: webUrl(urls['homepage']),
      repository: webUrl(urls['repository'] ?? urls['source']),
      keywords: strings(project.keywords),
      coreRange,
    },
  };
};

/** A generic plugin's version file holds only the version; everything else comes from the plugin manifest. */
const genericReader: EcosystemReader = async (context) => {
  const file = context.plugin.manifestFile;
  return {
    facts: { name: context.plugin.name, ecosystem: 'generic', file, version: versionIn(await required(context, file))?.value },
  };
};

const READERS: Record<Ecosystem, EcosystemReader> = {
  npm: npmReader,
  gradle: gradleReader,
  maven: mavenReader,
  python: pythonReader,
  generic: genericReader,
};
