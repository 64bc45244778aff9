/**
 * The slipway.yml that `slipway init` writes: only the settings that differ from slipway's
 * defaults, each with a comment saying where it came from, under a header describing the fleet
 * that was found. Built with yaml's Document API so the comments sit on their keys.
 */
import { Document, isMap, isPair, isScalar, Scalar, type Pair, type YAMLMap } from 'yaml';
import { defaultConfig, type SlipwayConfig } from '../config/schema.ts';

export interface InitSetting {
  /** Key path, e.g. ['release', 'branch']. */
  path: string[];
  value: unknown;
  /** Why it is set (detected from what, or which flag), or what the key does. */
  comment?: string | undefined;
}

/** What the keys people most often set do, for the ones init keeps from an existing file. */
const KEY_DOCS: Record<string, string> = {
  'fleet.ecosystem': 'The ecosystem of the plugins (auto detects it).',
  'fleet.paths': 'Where the plugins are, as globs of folders.',
  'fleet.exclude': 'Folders left out of the fleet.',
  'versioning.tagFormat': 'The release tag of a plugin version.',
  'versioning.legacyTagFormats': 'Older tag formats, read but never written.',
  'versioning.dependents': 'What a release does to the plugins that depend on it, per kind of dependency.',
  'versioning.releaseTypes': 'Commit types that release, and how much.',
  'commands.build': "Run in a plugin's folder before its tests (validate, compat).",
  'commands.test': "Run in a plugin's folder (validate, compat).",
  'core.repository': 'The core the plugins are built against (owner/name, a git URL or a path).',
  'core.branch': "The core's branch compat tests against.",
  'core.package': "The core's package name, to read each plugin's required core range.",
  'compat.test': 'The test command of one plugin in compat runs.',
  'compat.env': 'Environment of the compat test runs.',
  'release.branch': 'The branch releases are made from.',
  'release.environment': 'The Environment whose required reviewers approve releases.',
  'release.registry': 'The npm registry the plugins are published to.',
  'digest.notionDatabase': 'The Notion database of the weekly digest.',
};

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * Every leaf of `config` that differs from the default configuration (objects are compared
 * key by key, lists and values whole), with the reason given for it, or what the key does.
 */
export function differingSettings(config: SlipwayConfig, reasons: ReadonlyMap<string, string>): InitSetting[] {
  const settings: InitSetting[] = [];
  const walk = (value: unknown, base: unknown, path: string[]) => {
    if (isRecord(value) && (isRecord(base) || base === undefined)) {
      for (const [key, child] of Object.entries(value)) walk(child, isRecord(base) ? base[key] : undefined, [...path, key]);
      return;
    }
    if (value === undefined || JSON.stringify(value) === JSON.stringify(base)) return;
    if (isRecord(value) && Object.keys(value).length === 0) return;
    const key = path.join('.');
    const section = path.slice(0, 2).join('.');
    settings.push({ path, value, comment: reasons.get(key) ?? reasons.get(section) ?? KEY_DOCS[key] ?? KEY_DOCS[section] });
  };
  walk(config, defaultConfig(), []);
  return settings;
}

/** The text of slipway.yml: the header, then the settings grouped by section. */
export function renderInitConfig(header: string[], settings: readonly InitSetting[]): string {
  const headerText = header.map((line) => `# ${line}`.trimEnd()).join('\n');
  if (settings.length === 0) return `${headerText}\n#\n# Nothing here differs from the defaults yet: add keys as you need them.\n`;
  const doc = new Document({});
  for (const setting of settings) doc.setIn(setting.path, doc.createNode(setting.value));
  let previous: InitSetting | undefined;
  for (const setting of settings) {
    const pair = findPair(doc.contents as YAMLMap, setting.path);
    // One comment for siblings that share it (slack.release, .compat, .digest from one flag).
    const repeated = previous !== undefined && previous.comment === setting.comment && previous.path.slice(0, -1).join('.') === setting.path.slice(0, -1).join('.');
    const sameGroup = previous !== undefined && previous.path.length > 2 && setting.path.slice(0, 2).join('.') === previous.path.slice(0, 2).join('.');
    previous = setting;
    if (!pair || !setting.comment || repeated || sameGroup) continue;
    // setIn makes plain-string keys; a comment needs a key node to sit on.
    const key = isScalar(pair.key) ? pair.key : new Scalar(pair.key);
    key.commentBefore = ` ${setting.comment}`;
    pair.key = key;
  }
  doc.commentBefore = header.map((line) => ` ${line}`.trimEnd()).join('\n');
  // lineWidth 0: long commands stay on one line instead of being folded.
  return doc.toString({ lineWidth: 0 });
}

function findPair(map: YAMLMap, path: readonly string[]): Pair | undefined {
  let current: unknown = map;
  let pair: Pair | undefined;
  for (const key of path) {
    if (!isMap(current)) return undefined;
    pair = current.items.find((item) => isPair(item) && (isScalar(item.key) ? item.key.value : item.key) === key);
    current = pair?.value;
  }
  return pair;
}
