/**
 * Reads what a changesets user keeps in `.changeset/`: the pending changesets (`*.md` with a
 * YAML front matter of `"package": major|minor|patch|none` and a summary below it) and
 * `config.json` (`fixed` and `linked` groups of package names or globs, `access`, `ignore`).
 * https://github.com/changesets/changesets/blob/main/docs/config-file-options.md
 * Absent folder → no intents. Malformed files are errors naming the file (and line).
 */
import { readdir } from 'node:fs/promises';
import { matchesGlob, posix } from 'node:path';
import { parse } from 'yaml';
import { SlipwayError } from '../../core/errors.ts';
import type { Changeset, ChangesetBump, ReleaseIntents } from '../../core/plan/release-intents.ts';
import type { PluginName } from '../../core/types.ts';
import { fileExists, invalidManifest, readManifest } from '../ecosystems/read-manifest.ts';

export const CHANGESET_DIR = '.changeset';
const BUMPS: ReadonlySet<string> = new Set(['major', 'minor', 'patch', 'none']);

export interface ChangesetsConfig {
  fixed: string[][];
  linked: string[][];
  access: 'public' | 'restricted' | undefined;
  ignore: string[];
}

export interface ChangesetsReading extends ReleaseIntents {
  /** Whether the repository uses changesets (a .changeset folder with config.json or changesets). */
  present: boolean;
  config: ChangesetsConfig;
}

const NONE: ChangesetsReading = { present: false, changesets: [], groups: { fixed: [], linked: [] }, config: { fixed: [], linked: [], access: undefined, ignore: [] } };

/** `.changeset/` of the repository at `cwd`, with group globs resolved against `names`. */
export async function readChangesets(cwd: string, names: readonly string[]): Promise<ChangesetsReading> {
  let entries: string[];
  try {
    entries = await readdir(posix.join(cwd, CHANGESET_DIR));
  } catch {
    return NONE;
  }
  const configFile = posix.join(CHANGESET_DIR, 'config.json');
  const config = (await fileExists(cwd, configFile)) ? parseConfig(await readManifest(cwd, configFile), configFile) : NONE.config;
  const files = entries.filter((name) => name.endsWith('.md') && name.toLowerCase() !== 'readme.md').sort();
  const changesets = await Promise.all(files.map(async (name) => {
    const file = posix.join(CHANGESET_DIR, name);
    return parseChangeset(await readManifest(cwd, file), file);
  }));
  const ignored = (name: string) => config.ignore.some((pattern) => name === pattern || matchesGlob(name, pattern));
  const resolve = (groups: string[][]) => groups.map((group) => names.filter((name) => !ignored(name) && group.some((pattern) => name === pattern || matchesGlob(name, pattern))) as PluginName[]);
  return {
    present: true,
    config,
    changesets: changesets.map((c) => ({ ...c, releases: c.releases.filter((r) => !ignored(r.name)) })),
    groups: { fixed: resolve(config.fixed), linked: resolve(config.linked) },
  };
}

export function parseChangeset(text: string, file: string): Changeset {
  const match = /^\uFEFF?---[ \t]*\r?\n([\s\S]*?)\r?\n?---[ \t]*(?:\r?\n|$)([\s\S]*)$/.exec(text);
  if (!match) throw invalidManifest(file, 'a changeset starts with a front matter between --- lines', { line: 1, hint: `write e.g. ---\\n"@acme/a": minor\\n---\\n\\nWhat changed. (or delete ${file})` });
  let front: unknown;
  try {
    front = match[1]!.trim() === '' ? {} : parse(match[1]!);
  } catch (error) {
    const line = (error as { linePos?: Array<{ line: number }> }).linePos?.[0]?.line;
    throw invalidManifest(file, `its front matter is not valid YAML: ${(error as Error).message.split('\n')[0]}`, { line: line ? line + 1 : 1, cause: error });
  }
  if (typeof front !== 'object' || front === null || Array.isArray(front)) throw invalidManifest(file, 'its front matter must map package names to major, minor, patch or none', { line: 2 });
  const releases = Object.entries(front).map(([name, type]) => {
    if (typeof type !== 'string' || !BUMPS.has(type)) {
      throw invalidManifest(file, `"${name}": ${JSON.stringify(type)} is not a bump: use major, minor, patch or none`, { line: 2 });
    }
    return { name, type: type as ChangesetBump };
  });
  return { file, releases, summary: match[2]!.trim() };
}

function parseConfig(text: string, file: string): ChangesetsConfig {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw invalidManifest(file, `not valid JSON: ${(error as Error).message}`, { cause: error });
  }
  if (typeof json !== 'object' || json === null || Array.isArray(json)) throw invalidManifest(file, 'must hold a JSON object');
  const value = json as Record<string, unknown>;
  const groups = (key: 'fixed' | 'linked'): string[][] => {
    const raw = value[key] ?? [];
    if (!Array.isArray(raw) || !raw.every((g) => Array.isArray(g) && g.every((n) => typeof n === 'string'))) {
      throw invalidManifest(file, `"${key}" must be a list of groups, each a list of package names or globs`, { hint: `e.g. "${key}": [["@acme/*"]]` });
    }
    return raw as string[][];
  };
  const access = value.access;
  if (access !== undefined && access !== 'public' && access !== 'restricted') {
    throw new SlipwayError('CONFIG_INVALID', `${file}: "access" must be "public" or "restricted", not ${JSON.stringify(access)}`, { subject: file, hint: 'fix "access" in .changeset/config.json' });
  }
  const ignore = value.ignore ?? [];
  if (!Array.isArray(ignore) || !ignore.every((n) => typeof n === 'string')) throw invalidManifest(file, '"ignore" must be a list of package names or globs');
  return { fixed: groups('fixed'), linked: groups('linked'), access, ignore: ignore as string[] };
}
