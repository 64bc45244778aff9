/**
 * The artifacts a Maven core build installs: the root pom and its `<modules>`, recursively,
 * each with the groupId and version it inherits from its parent when it states none (the
 * usual multi-module core: one `<version>` in the parent). `${revision}`-style versions are
 * resolved from the poms' properties; one that cannot be resolved names compat.core.version.
 */
import { readFile } from 'node:fs/promises';
import { posix } from 'node:path';
import { parseXml } from '../ecosystems/maven/pom.ts';
import { SlipwayError } from '../../core/errors.ts';
import { insideRoot } from './inside-root.ts';

export interface MavenCoordinates {
  groupId: string;
  artifactId: string;
  version: string;
}

export interface MavenReactor {
  /** The root project's version: what a plugin asks for as the core version. */
  version: string;
  /** The root pom first, then its modules depth first. */
  artifacts: MavenCoordinates[];
}

const COORDINATE = /^[A-Za-z0-9_][A-Za-z0-9_.+-]*$/;

/** Deep enough for real builds; a cycle of modules pointing at each other stops here too. */
const MAX_DEPTH = 8;

export async function readMavenReactor(checkout: string): Promise<MavenReactor> {
  const artifacts: MavenCoordinates[] = [];
  const seen = new Set<string>();
  const visit = async (file: string, parent: MavenCoordinates | undefined, properties: Record<string, string>, depth: number): Promise<MavenCoordinates> => {
    const path = await insideRoot(checkout, file);
    const project = parseXml(await readFile(path, 'utf8'), file);
    const text = (value: unknown) => (typeof value === 'string' && value.trim() !== '' ? value.trim() : undefined);
    const parentElement = (project['parent'] as Record<string, unknown> | undefined) ?? {};
    const own: Record<string, string> = { ...properties };
    for (const [key, value] of Object.entries((project['properties'] as Record<string, unknown> | undefined) ?? {})) if (typeof value === 'string') own[key] = value.trim();
    const groupId = text(project['groupId']) ?? text(parentElement['groupId']) ?? parent?.groupId;
    const artifactId = text(project['artifactId']);
    const rawVersion = text(project['version']) ?? text(parentElement['version']) ?? parent?.version;
    if (!groupId || !artifactId || !rawVersion) {
      throw new SlipwayError('MANIFEST_INVALID', `the core's ${file} has no ${!artifactId ? '<artifactId>' : !groupId ? '<groupId> (own or from <parent>)' : '<version> (own or from <parent>)'}`, {
        subject: file,
        hint: 'fix the core’s pom, or set compat.core.version in slipway.yml',
      });
    }
    const version = resolveProperties(rawVersion, own, file);
    const coordinates = { groupId, artifactId, version };
    // They become folder names in the local repository: nothing that could climb out of it.
    for (const [element, value] of Object.entries(coordinates)) {
      if (!COORDINATE.test(value) || value.split('.').includes('')) {
        throw new SlipwayError('MANIFEST_INVALID', `the core's ${file} has <${element}>${value}</${element}>, which is not a Maven coordinate`, {
          subject: file,
          hint: 'Maven coordinates are letters, digits and . _ - (+ in versions); fix the core’s pom',
        });
      }
    }
    const key = `${groupId}:${artifactId}`;
    if (seen.has(key)) return coordinates;
    seen.add(key);
    artifacts.push(coordinates);
    if (depth >= MAX_DEPTH) return coordinates;
    const modules = ((project['modules'] as { module?: unknown } | undefined)?.module ?? []) as unknown;
    for (const module of (Array.isArray(modules) ? modules : [modules]).filter((m): m is string => typeof m === 'string')) {
      const folder = posix.join(posix.dirname(file), module.trim().replace(/\\/g, '/'));
      const child = folder.endsWith('.xml') ? folder : posix.join(folder, 'pom.xml');
      await visit(child, coordinates, { ...own, 'project.version': version, 'project.parent.version': version }, depth + 1);
    }
    return coordinates;
  };
  const root = await visit('pom.xml', undefined, {}, 0);
  return { version: root.version, artifacts };
}

/** `${revision}${changelist}` → the properties' values; an unknown one is an error, not a literal. */
function resolveProperties(value: string, properties: Record<string, string>, file: string): string {
  let out = value;
  for (let round = 0; round < 5 && out.includes('${'); round++) {
    out = out.replace(/\$\{([\w.-]+)\}/g, (whole, name: string) => properties[name] ?? whole);
  }
  if (out.includes('${')) {
    throw new SlipwayError('VERSION_INVALID', `the core's version "${value}" in ${file} uses a property slipway cannot resolve`, {
      subject: file,
      hint: 'set compat.core.version (and compat.core.releaseVersion) in slipway.yml to the version the core build produces',
    });
  }
  return out;
}
