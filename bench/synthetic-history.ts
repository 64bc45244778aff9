/**
 * The history of a synthetic fleet as plain data (no git here): which commits, touching which
 * files, with which messages, and which release tags. Deterministic from the seed.
 *
 * Shape, chosen to make the planner's job honest:
 * - P plugins `@bench/pNNNN` in `plugins/pNNNN`, C commits in all (one import commit, one
 *   `chore(release)` commit per release, the rest ordinary work).
 * - Ordinary commits touch 1–3 files: mostly in one plugin, some in 2–3 plugins, some only
 *   root files; Conventional messages of mixed types, some scoped, some breaking, a few not
 *   conventional at all.
 * - Every plugin is active until a random point of the history, so plugins go quiet at
 *   different times and their last releases spread over the whole history.
 * - Every plugin has 1–3 releases; a release commit bumps its package.json and is tagged
 *   `<name>@<version>`, so each manifest ends at its plugin's last tag.
 * - About 30% of the plugins have commits after their last tag, at least one of them
 *   releasable (feat/fix/perf or breaking); the others are released up to their last change.
 *   The unreleased ones were last released anywhere before their last releasable change, so
 *   the oldest last-release tag sits near the start and one `git log` from it covers almost
 *   all of the history.
 */
import { SlipwayError } from '../src/core/errors.ts';
import { seededRandom, type Random } from './seeded-random.ts';

export interface SyntheticHistoryOptions {
  plugins: number;
  commits: number;
  seed: number;
}

export interface SyntheticCommit {
  message: string;
  /** Repository path → the file's whole new content. */
  files: Record<string, string>;
  /** Annotated tags to put on this commit. */
  tags: string[];
}

export interface SyntheticPlugin {
  name: string;
  folder: string;
  lastTag: string;
  lastVersion: string;
  /** Index in `commits` of the commit its last tag points at. */
  lastReleaseCommit: number;
}

export interface SyntheticHistory {
  commits: SyntheticCommit[];
  plugins: SyntheticPlugin[];
  /** Names of the plugins with commits in their folder after their last tag. */
  unreleased: string[];
}

/** Share of plugins left with unreleased changes. */
const UNRELEASED_SHARE = 0.3;
const PLUGIN_FILES = ['index.js', 'src/lib.js', 'README.md', 'test/index.test.js'];
const ROOT_FILES = ['README.md', 'tools/build.js', 'tsconfig.base.json', '.github/workflows/ci.yml'];
const NOT_CONVENTIONAL = ['update stuff', 'WIP', 'Fix typo', 'misc changes', 'address review comments'];
const SUBJECTS: Record<string, string[]> = {
  feat: ['add a timeout option', 'support streaming input', 'expose the parsed config', 'add a dry-run mode'],
  fix: ['handle empty input', 'close the handle on error', 'keep trailing newlines', 'respect the retry limit'],
  perf: ['cache the compiled pattern', 'avoid copying buffers'],
  docs: ['document the options', 'fix a broken link', 'add an example'],
  chore: ['update tooling', 'bump dev dependencies', 'tidy scripts'],
  refactor: ['split the parser', 'rename internal helpers'],
  test: ['cover the error path', 'add fixtures'],
  ci: ['cache dependencies', 'run on node 24'],
  build: ['target ES2024'],
};

type Kind = 'single' | 'multi' | 'root';

export function generateSyntheticHistory(options: SyntheticHistoryOptions): SyntheticHistory {
  const rng = seededRandom(options.seed);
  const P = options.plugins;
  const names = Array.from({ length: P }, (_, i) => `p${String(i + 1).padStart(4, '0')}`);
  const packageName = (p: number) => `@bench/${names[p]}`;
  const folder = (p: number) => `plugins/${names[p]}`;

  const releaseCounts = names.map(() => Number(rng.weighted({ 1: 0.4, 2: 0.35, 3: 0.25 })));
  const regular = options.commits - 1 - releaseCounts.reduce((a, b) => a + b, 0);
  if (P < 1 || regular < 1) {
    throw new SlipwayError('INPUT_INVALID', `${options.commits} commits cannot hold the releases of ${P} plugins`, {
      subject: 'createSyntheticFleet',
      hint: `ask for at least ${options.commits - regular + 1} commits, or fewer plugins`,
    });
  }

  // Ordinary work. Plugin p may be touched by ordinary commits with index < activeUntil[p].
  const activeUntil = names.map(() => Math.max(1, Math.ceil(regular * (0.02 + 0.98 * rng.next()))));
  const byActivity = names.map((_, p) => p).sort((a, b) => activeUntil[a]! - activeUntil[b]!);
  const touches: number[][] = names.map(() => []);
  const releasable: number[][] = names.map(() => []);
  const work: SyntheticCommit[] = [];
  let firstActive = 0;
  for (let i = 0; i < regular; i++) {
    while (firstActive < P && activeUntil[byActivity[firstActive]!]! <= i) firstActive++;
    const active = byActivity.slice(firstActive);
    let kind = rng.weighted<Kind>({ single: 0.82, multi: 0.1, root: 0.08 });
    if (active.length === 0) kind = 'root';
    if (kind === 'multi' && active.length < 2) kind = 'single';

    const files: Record<string, string> = {};
    let touched: number[] = [];
    if (kind === 'root') {
      for (const file of rng.shuffle(ROOT_FILES).slice(0, rng.int(1, 2))) files[file] = content(file, 'root', i);
    } else if (kind === 'single') {
      const p = rng.pick(active);
      touched = [p];
      for (const file of rng.shuffle(PLUGIN_FILES).slice(0, rng.int(1, 3))) files[`${folder(p)}/${file}`] = content(file, names[p]!, i);
    } else {
      touched = pickDistinct(rng, active, Math.min(active.length, rng.int(2, 3)));
      for (const p of touched) {
        const file = rng.pick(['index.js', 'README.md']);
        files[`${folder(p)}/${file}`] = content(file, names[p]!, i);
      }
    }

    const { message, releases } = commitMessage(rng, kind, touched.length === 1 ? names[touched[0]!]! : undefined);
    for (const p of touched) {
      touches[p]!.push(i);
      if (releases) releasable[p]!.push(i);
    }
    work.push({ message, files, tags: [] });
  }

  // Releases. A release at slot s is made right after ordinary commit s (-1: after the import).
  const withReleasable = names.map((_, p) => p).filter((p) => releasable[p]!.length > 0);
  const unreleased = new Set(rng.shuffle(withReleasable).slice(0, Math.round(UNRELEASED_SHARE * P)));
  const releaseGap = Math.max(1, Math.floor(regular * 0.03));
  const releasesAt = new Map<number, { p: number; version: string }[]>();
  const versions: string[] = [];
  for (let p = 0; p < P; p++) {
    let last: number;
    if (unreleased.has(p)) {
      last = rng.int(-1, releasable[p]!.at(-1)! - 1);
    } else {
      last = Math.min(regular - 1, (touches[p]!.at(-1) ?? -1) + rng.int(0, releaseGap));
    }
    const slots = [...Array.from({ length: releaseCounts[p]! - 1 }, () => rng.int(-1, last)), last].sort((a, b) => a - b);
    let version = rng.chance(0.2) ? [0, 1, 0] : [1, 0, 0];
    for (const [n, slot] of slots.entries()) {
      if (n > 0) version = bump(rng, version);
      const list = releasesAt.get(slot) ?? [];
      list.push({ p, version: version.join('.') });
      releasesAt.set(slot, list);
    }
    versions[p] = version.join('.');
  }

  // Interleave: import, releases at -1, then each ordinary commit followed by its releases.
  const commits: SyntheticCommit[] = [importCommit(names, folder, packageName)];
  const plugins: SyntheticPlugin[] = [];
  const release = (slot: number) => {
    for (const { p, version } of releasesAt.get(slot) ?? []) {
      const tag = `${packageName(p)}@${version}`;
      commits.push({
        message: `chore(release): ${tag}`,
        files: { [`${folder(p)}/package.json`]: manifest(packageName(p), version) },
        tags: [tag],
      });
      if (version === versions[p]) {
        plugins[p] = { name: packageName(p), folder: folder(p), lastTag: tag, lastVersion: version, lastReleaseCommit: commits.length - 1 };
      }
    }
  };
  release(-1);
  for (let i = 0; i < regular; i++) {
    commits.push(work[i]!);
    release(i);
  }

  return { commits, plugins, unreleased: [...unreleased].sort((a, b) => a - b).map(packageName) };
}

function pickDistinct(rng: Random, items: readonly number[], n: number): number[] {
  const chosen = new Set<number>();
  while (chosen.size < n) chosen.add(rng.pick(items));
  return [...chosen];
}

function bump(rng: Random, [major, minor, patch]: number[]): number[] {
  const kind = major === 0 ? rng.weighted({ minor: 0.6, patch: 0.4 }) : rng.weighted({ minor: 0.55, patch: 0.4, major: 0.05 });
  if (kind === 'major') return [major! + 1, 0, 0];
  if (kind === 'minor') return [major!, minor! + 1, 0];
  return [major!, minor!, patch! + 1];
}

function commitMessage(rng: Random, kind: Kind, plugin: string | undefined): { message: string; releases: boolean } {
  if (rng.chance(kind === 'root' ? 0.05 : 0.07)) return { message: rng.pick(NOT_CONVENTIONAL), releases: false };
  const type =
    kind === 'root'
      ? rng.weighted({ chore: 4, docs: 2, ci: 2, build: 1 })
      : rng.weighted({ feat: 25, fix: 30, perf: 5, docs: 12, chore: 8, refactor: 7, test: 6 });
  const scope =
    kind === 'single' && rng.chance(0.5) ? `(${plugin})` : kind === 'multi' && rng.chance(0.3) ? '(deps)' : kind === 'root' && rng.chance(0.3) ? '(repo)' : '';
  const breaking = (type === 'feat' || type === 'fix') && rng.chance(0.03);
  const bang = breaking && rng.chance(0.5);
  const footer = breaking && !bang ? '\n\nBREAKING CHANGE: the old behaviour is gone; see the README.' : '';
  const subject = rng.pick(SUBJECTS[type]!);
  return { message: `${type}${scope}${bang ? '!' : ''}: ${subject}${footer}`, releases: breaking || ['feat', 'fix', 'perf'].includes(type) };
}

function content(file: string, owner: string, revision: number): string {
  if (file.endsWith('.md')) return `# ${owner}\n\nRevision ${revision}.\n`;
  if (file.endsWith('.json')) return `{ "revision": ${revision} }\n`;
  if (file.endsWith('.yml')) return `# revision ${revision}\non: push\n`;
  return `// ${owner}, revision ${revision}\nexport const revision = ${revision};\n`;
}

function manifest(name: string, version: string): string {
  return JSON.stringify({ name, version, description: `Synthetic plugin ${name}.`, license: 'MIT', main: 'index.js' }, null, 2) + '\n';
}

function importCommit(names: string[], folder: (p: number) => string, packageName: (p: number) => string): SyntheticCommit {
  const files: Record<string, string> = {
    'package.json': JSON.stringify({ name: 'bench-fleet', private: true, workspaces: ['plugins/*'] }, null, 2) + '\n',
    'README.md': '# bench fleet\n',
  };
  names.forEach((name, p) => {
    files[`${folder(p)}/package.json`] = manifest(packageName(p), '0.0.0');
    files[`${folder(p)}/index.js`] = content('index.js', name, 0);
    files[`${folder(p)}/README.md`] = content('README.md', name, 0);
  });
  return { message: 'chore: import the fleet', files, tags: [] };
}
