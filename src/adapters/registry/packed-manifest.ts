/**
 * What is published never says `workspace:`. A package whose manifest has `workspace:` ranges is
 * packed with `npm pack` (its prepack/prepare scripts and `files` apply as usual), unpacked into a
 * temp folder, and the ranges in that copy's package.json are replaced by real ones; that folder
 * is what `npm publish` ships (with scripts off: they already ran). The committed manifest keeps
 * its `workspace:` ranges.
 */
import { execa } from 'execa';
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import { SlipwayError } from '../../core/errors.ts';
import { isWorkspaceRange, publishedRange } from '../../core/versioning/workspace-range.ts';
import { jsonStringsAt } from '../ecosystems/npm/json-strings.ts';
import { DEPENDENCY_SECTIONS, parsePackageJson } from '../ecosystems/npm/package-json.ts';
import { applyEdits } from '../ecosystems/text-edits.ts';

const SECTIONS: ReadonlySet<string> = new Set(DEPENDENCY_SECTIONS);

/** Whether a package.json text has a `workspace:` range in any dependency section. */
export function hasWorkspaceRanges(text: string, file: string): boolean {
  const pkg = parsePackageJson(text, file);
  return DEPENDENCY_SECTIONS.some((section) => {
    const deps = pkg[section];
    return typeof deps === 'object' && deps !== null && Object.values(deps).some((range) => typeof range === 'string' && isWorkspaceRange(range));
  });
}

/**
 * `text` (a package.json) with every `workspace:` range replaced by the range its package
 * manager's own publish would write, for the versions in `versions` (package name → version).
 * Every other byte is kept; a dependency on a package the workspace does not have is an error.
 */
export function withPublishedRanges(text: string, versions: ReadonlyMap<string, string>, file: string): string {
  const before = parsePackageJson(text, file);
  const located = jsonStringsAt(text, (path) => path.length === 2 && SECTIONS.has(path[0]!)).filter((s) => isWorkspaceRange(s.value));
  const expected = structuredClone(before);
  const edits = located.map((s) => {
    const [section, name] = s.path as [string, string];
    const version = versions.get(name);
    if (version === undefined) {
      throw new SlipwayError('MANIFEST_INVALID', `${file}: "${section}.${name}" is "${s.value}", but the workspace has no package named ${name}`, {
        subject: file,
        hint: `add ${name} to the workspace, or depend on a published range of it`,
      });
    }
    const range = publishedRange(s.value, version, name);
    (expected[section] as Record<string, string>)[name] = range;
    return { start: s.start, end: s.end, replacement: JSON.stringify(range) };
  });
  const after = applyEdits(text, edits);
  if (!isDeepStrictEqual(parsePackageJson(after, file), expected)) {
    throw new SlipwayError('MANIFEST_INVALID', `${file}: its workspace: ranges could not be replaced without changing other values`, { subject: file });
  }
  return after;
}

export interface PackedCopy {
  /** The unpacked package with real ranges: publish from here, with scripts off. */
  dir: string;
  remove(): Promise<void>;
}

/** `npm pack`s `dir`, unpacks it into a temp folder and rewrites the copy's workspace: ranges. */
export async function packedCopyWithPublishedRanges(dir: string, versions: ReadonlyMap<string, string>, name: string): Promise<PackedCopy> {
  const temp = await mkdtemp(join(tmpdir(), 'slipway-pack-'));
  const remove = () => rm(temp, { recursive: true, force: true });
  try {
    const packed = await execa('npm', ['pack', '--pack-destination', temp, '--loglevel=error'], { cwd: dir, all: true, reject: false, stdin: 'ignore' });
    const tarball = (await readdir(temp)).find((f) => f.endsWith('.tgz'));
    if (packed.exitCode !== 0 || !tarball) {
      throw new SlipwayError('PUBLISH_FAILED', `packing ${name} failed: ${(packed.all ?? '').trim().split('\n').pop() ?? 'npm pack exited with an error'}`, {
        subject: name,
        hint: `run \`npm pack --dry-run\` in ${dir} to see npm's full output`,
      });
    }
    const unpacked = await execa('tar', ['-xzf', join(temp, tarball), '-C', temp], { all: true, reject: false });
    if (unpacked.exitCode !== 0) {
      throw new SlipwayError('PUBLISH_FAILED', `unpacking ${tarball} failed: ${(unpacked.all ?? unpacked.message).trim()}`, { subject: name, hint: 'slipway needs `tar` on PATH to publish packages with workspace: ranges' });
    }
    const manifest = join(temp, 'package', 'package.json');
    await writeFile(manifest, withPublishedRanges(await readFile(manifest, 'utf8'), versions, `${name} (packed package.json)`));
    await rm(join(temp, tarball));
    return { dir: join(temp, 'package'), remove };
  } catch (error) {
    await remove();
    throw error;
  }
}
