/** A pom.xml as slipway reads it, parsed with fast-xml-parser; malformed XML names the file and line. */
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import type { Dependency, DependencyKind } from '../../../core/types.ts';
import { invalidManifest } from '../read-manifest.ts';

export interface Pom {
  artifactId: string | undefined;
  /** The project's own `<groupId>`, else its parent's (Maven inherits it). */
  groupId: string | undefined;
  name: string | undefined;
  description: string | undefined;
  /** The project's own `<version>`; undefined when it inherits its parent's. */
  version: string | undefined;
  parentVersion: string | undefined;
  /** `<modules><module>` as written (folders, or paths to pom files). */
  modules: string[];
  /** `<dependencies><dependency>` that state a version, with the kind their scope gives them. */
  dependencies: Dependency[];
  properties: Record<string, string>;
}

const ARRAYS = new Set(['project.modules.module', 'project.dependencies.dependency']);
const parser = new XMLParser({ ignoreAttributes: true, parseTagValue: false, jPath: true, isArray: (_name, path) => ARRAYS.has(String(path)) });

export function parsePom(text: string, file: string): Pom {
  const project = parseXml(text, file);
  const text_ = (value: unknown) => (typeof value === 'string' ? value : undefined);
  const dependencies: Dependency[] = [];
  for (const dependency of (project.dependencies as { dependency?: Record<string, unknown>[] } | undefined)?.dependency ?? []) {
    const artifactId = text_(dependency.artifactId);
    const version = text_(dependency.version);
    if (artifactId && version) dependencies.push({ name: artifactId, range: version, kind: mavenDependencyKind(text_(dependency.scope), text_(dependency.optional)) });
  }
  const properties: Record<string, string> = {};
  for (const [key, value] of Object.entries((project.properties as Record<string, unknown> | undefined) ?? {})) {
    if (typeof value === 'string') properties[key] = value;
  }
  const parent = project.parent as Record<string, unknown> | undefined;
  return {
    artifactId: text_(project.artifactId),
    groupId: text_(project.groupId) ?? text_(parent?.groupId),
    name: text_(project.name),
    description: text_(project.description)?.replace(/\s+/g, ' ').trim(),
    version: text_(project.version),
    parentVersion: text_(parent?.version),
    modules: ((project.modules as { module?: unknown[] } | undefined)?.module ?? []).filter((m): m is string => typeof m === 'string'),
    dependencies,
    properties,
  };
}

/**
 * The kind of a Maven dependency: `test` scope builds and tests only (dev); `provided` is
 * supplied by whoever runs the plugin (peer); `<optional>true` is optional; compile, runtime
 * and system scopes are runtime.
 */
export function mavenDependencyKind(scope: string | undefined, optional: string | undefined): DependencyKind {
  if (scope?.trim() === 'test') return 'dev';
  if (scope?.trim() === 'provided') return 'peer';
  if (optional?.trim() === 'true') return 'optional';
  return 'runtime';
}

/** The `<project>` element of a pom as a plain object (values as trimmed strings). */
export function parseXml(text: string, file: string): Record<string, unknown> {
  const valid = XMLValidator.validate(text);
  if (valid !== true) {
    throw invalidManifest(file, `not valid XML: ${valid.err.msg}`, { line: valid.err.line });
  }
  const project = (parser.parse(text) as { project?: unknown }).project;
  if (typeof project !== 'object' || project === null) {
    throw invalidManifest(file, 'has no <project> element', { hint: `${file} must be a Maven POM with <project> at its root` });
  }
  return project as Record<string, unknown>;
}
