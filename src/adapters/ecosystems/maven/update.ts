/**
 * Rewrites a pom.xml's own `<version>` and the `<version>` of internal dependencies by replacing
 * the content of exactly those elements, located by position (./xml-elements.ts), so comments,
 * attributes and layout stay. `<parent><version>` changes only for a module of a lockstep build
 * (`parentVersion`); plugin and other dependency versions are never touched. A dependency version that is a `${property}` is left alone: it follows the property.
 * The result is re-parsed and compared with the intended document.
 */
import { XMLParser } from 'fast-xml-parser';
import { isDeepStrictEqual } from 'node:util';
import { invalidManifest } from '../read-manifest.ts';
import { applyEdits, type TextEdit } from '../text-edits.ts';
import { changedRange, type ManifestChange, type ManifestUpdater } from '../types.ts';
import { mavenDependencyKind, parseXml } from './pom.ts';
import { xmlElements, type XmlElement } from './xml-elements.ts';

const DEPENDENCY_PATHS = ['project/dependencies/dependency', 'project/dependencyManagement/dependencies/dependency'];
/** Attributes kept so that the check below also proves no attribute moved. */
const fullParser = new XMLParser({ ignoreAttributes: false, parseTagValue: false, commentPropName: '#comment' });

export const mavenUpdater: ManifestUpdater = {
  ecosystem: 'maven',

  update(text, change, file) {
    parseXml(text, file);
    const elements = xmlElements(text);
    const edits: TextEdit[] = [];
    const contentOf = (e: XmlElement) => text.slice(e.contentStart, e.contentEnd);
    const replaceContent = (e: XmlElement, value: string) => {
      const content = contentOf(e);
      const start = e.contentStart + (content.length - content.trimStart().length);
      edits.push({ start, end: start + content.trim().length, replacement: escapeXml(value) });
    };

    if (change.version !== undefined) {
      const own = elements.find((e) => e.path.join('/') === 'project/version');
      if (!own) {
        throw invalidManifest(file, 'has no <version> of its own under <project> to update (a <parent><version> is not the project\'s)', {
          hint: `add <version> after <artifactId> in ${file}`,
        });
      }
      replaceContent(own, change.version);
    }

    if (change.parentVersion !== undefined) {
      const parent = elements.find((e) => e.path.join('/') === 'project/parent/version');
      if (!parent) throw invalidManifest(file, 'has no <parent><version> to update', { hint: 'the module left the build since the plan was made: plan again' });
      const own = elements.find((e) => e.path.join('/') === 'project/version');
      // A module that repeats its parent's version keeps repeating it.
      if (own && change.version === undefined && contentOf(own).trim() === contentOf(parent).trim()) replaceContent(own, change.parentVersion);
      replaceContent(parent, change.parentVersion);
    }

    const wanted = change.dependencies ?? [];
    const seen = new Set<string>();
    for (const dependency of elements.filter((e) => DEPENDENCY_PATHS.includes(e.path.join('/')))) {
      const children = elements.filter((e) => e.parent === dependency.id);
      const child = (name: string) => {
        const element = children.find((e) => e.name === name);
        return element && contentOf(element).trim();
      };
      const artifactId = child('artifactId');
      const range = artifactId === undefined ? undefined : changedRange(wanted, artifactId, mavenDependencyKind(child('scope'), child('optional')));
      if (artifactId === undefined || range === undefined) continue;
      seen.add(artifactId);
      const version = children.find((e) => e.name === 'version');
      if (version && !contentOf(version).trim().startsWith('${')) replaceContent(version, range);
    }
    for (const { name } of wanted) {
      if (!seen.has(name)) {
        throw invalidManifest(file, `has no dependency "${name}" to update`, { hint: 'the manifest changed since the plan was made: plan again' });
      }
    }

    const after = applyEdits(text, edits);
    if (!isDeepStrictEqual(fullParser.parse(after), intended(fullParser.parse(text) as Record<string, unknown>, change))) {
      throw invalidManifest(file, 'could not be rewritten without changing other elements', {
        hint: 'please report this with the file attached; meanwhile edit the version by hand',
      });
    }
    return after;
  },
};

function intended(document: Record<string, unknown>, change: ManifestChange): unknown {
  const project = document.project as Record<string, unknown>;
  if (change.parentVersion !== undefined) {
    const parent = project.parent as Record<string, unknown>;
    if (change.version === undefined && project.version !== undefined && project.version === parent.version) project.version = change.parentVersion;
    parent.version = change.parentVersion;
  }
  if (change.version !== undefined) project.version = change.version;
  const management = project.dependencyManagement as Record<string, unknown> | undefined;
  for (const holder of [project.dependencies, management?.dependencies] as (Record<string, unknown> | undefined)[]) {
    for (const dependency of asArray(holder?.dependency) as Record<string, unknown>[]) {
      const range = changedRange(change.dependencies, String(dependency.artifactId), mavenDependencyKind(text(dependency.scope), text(dependency.optional)));
      if (range !== undefined && typeof dependency.version === 'string' && !dependency.version.startsWith('${')) dependency.version = range;
    }
  }
  return document;
}

const text = (value: unknown) => (typeof value === 'string' ? value : undefined);

const asArray = (value: unknown): unknown[] => (value === undefined ? [] : Array.isArray(value) ? value : [value]);

const escapeXml = (value: string) => value.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
