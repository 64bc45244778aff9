/**
 * Runs an action the way the GitHub runner runs a JavaScript action, so a test sees what a
 * workflow would:
 *
 *   const run = await runAction('plan', { workspace, inputs: { 'plan-file': 'plan.json' } });
 *   run.exitCode, run.outputs.hash, run.summary, run.annotations, run.groups
 *
 *  - `node <bundle>/dist/<job>.js` (the bundle scripts/bundle.ts makes, built once per source
 *    state into a shared temp folder, not the committed dist/: check-dist covers that one);
 *  - inputs as INPUT_<NAME> (upper case, spaces → `_`, dashes kept), every input the action.yml
 *    declares present with its default as the runner evaluates it (`${{ github.token }}` etc.);
 *    an input the action.yml does not declare is a test error (GitHub only warns, and the action
 *    would read an undocumented input);
 *  - the file commands GITHUB_OUTPUT, GITHUB_STEP_SUMMARY, GITHUB_ENV, GITHUB_STATE, GITHUB_PATH,
 *    the event payload at GITHUB_EVENT_PATH, the GITHUB_* context variables, RUNNER_TEMP, and a
 *    clean environment (a fresh HOME, nothing of the test process's own GITHUB_* or INPUT_*);
 *  - stdout's workflow commands (::error/::warning/::notice, ::group::, ::add-mask::) parsed.
 * https://docs.github.com/en/actions/reference/workflow-commands-for-github-actions
 */
import { execa } from 'execa';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { parse } from 'yaml';
import { bundle } from '../../scripts/bundle.ts';
import { tempDir } from '../helpers/repo.ts';

export const REPO_ROOT = join(import.meta.dirname, '../..');
/** The repository a harness run pretends to be in, unless a test names another. */
export const DEFAULT_REPOSITORY = 'acme/plugins';
/** Where GitHub API calls go when a test gives no local server: a closed port, so nothing leaves the machine. */
const NOWHERE = 'http://127.0.0.1:9';
const DEFAULT_TOKEN = 'ghs_runner_harness_token';

export interface RunActionOptions {
  /** The repository folder: GITHUB_WORKSPACE, and the step's working directory. */
  workspace: string;
  /** `with:` of the step. */
  inputs?: Record<string, string>;
  /** The event payload (GITHUB_EVENT_PATH); default `{}` plus `repository`. */
  event?: Record<string, unknown>;
  /** GITHUB_EVENT_NAME; default workflow_dispatch. */
  eventName?: string;
  /** Extra environment (`env:` of the step). */
  env?: Record<string, string>;
  /** GITHUB_REF; default refs/heads/main. */
  ref?: string;
  /** GITHUB_SHA; default the workspace's HEAD (or zeros outside a repository). */
  sha?: string;
  /** GITHUB_REPOSITORY, owner/name. */
  repository?: string;
  /** The local GitHub server: GITHUB_API_URL and what `${{ github.token }}` evaluates to. */
  github?: { url: string; token: string };
  /** GITHUB_SERVER_URL (where `owner/name` repositories are cloned from); default https://github.com. */
  serverUrl?: string;
  /** RUNNER_TEMP; default a new temp folder (pass one to share it between steps of a job). */
  runnerTemp?: string;
  /** Runner debug logging (ACTIONS_STEP_DEBUG / RUNNER_DEBUG). */
  debug?: boolean;
  timeoutMs?: number;
}

export interface Annotation {
  level: 'error' | 'warning' | 'notice';
  message: string;
  file?: string;
  line?: number;
  title?: string;
}

export interface ActionRun {
  exitCode: number;
  outputs: Record<string, string>;
  /** The job summary (GITHUB_STEP_SUMMARY) as written: Markdown/HTML. */
  summary: string;
  stdout: string;
  stderr: string;
  annotations: Annotation[];
  /** Log group titles, in order. */
  groups: string[];
  /** Values the action masked (::add-mask::). */
  masks: string[];
  /** stdout lines that are not workflow commands: what the log shows. */
  log: string[];
  /** Variables exported for later steps (GITHUB_ENV). */
  exported: Record<string, string>;
  runnerTemp: string;
  durationMs: number;
}

// ---------------------------------------------------------------------------------------------
// The bundle: one per source state, shared by every test file and run.

let bundled: Promise<string> | undefined;

/**
 * A folder laid out like the action's checkout on a runner: `dist/` freshly bundled from the
 * current sources, and `actions/` (the root action reads the commands' action.yml from there).
 * Keyed by a hash of everything the bundle is built from, so concurrent test files share one.
 */
export function actionCheckout(): Promise<string> {
  bundled ??= buildCheckout();
  return bundled;
}

async function buildCheckout(): Promise<string> {
  const key = sourceHash();
  // Inside this checkout: a cache in the shared temp folder held a link to the actions/ of
  // whichever clone built it first, and broke every other clone of the same commit once that
  // clone was gone.
  const base = join(REPO_ROOT, '.cache', 'runner-dist');
  mkdirSync(base, { recursive: true });
  const final = join(base, key);
  if (existsSync(join(final, 'dist', 'slipway.js'))) return final;
  removeOldCheckouts(base, key);
  const building = join(base, `${key}.${process.pid}.tmp`);
  rmSync(building, { recursive: true, force: true });
  mkdirSync(building);
  await bundle(join(building, 'dist'));
  symlinkSync(join(REPO_ROOT, 'actions'), join(building, 'actions'));
  try {
    renameSync(building, final);
  } catch {
    // Another test file finished the same bundle first: use it.
    rmSync(building, { recursive: true, force: true });
  }
  return final;
}

function sourceHash(): string {
  const hash = createHash('sha256');
  const add = (path: string) => hash.update(relative(REPO_ROOT, path)).update('\0').update(readFileSync(path)).update('\0');
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (/\.(ts|ya?ml|json)$/.test(entry.name)) add(path);
    }
  };
  walk(join(REPO_ROOT, 'src'));
  walk(join(REPO_ROOT, 'workflows'));
  add(join(REPO_ROOT, 'scripts/bundle.ts'));
  add(join(REPO_ROOT, 'package-lock.json'));
  return hash.digest('hex').slice(0, 16);
}

/** Bundles of earlier source states, untouched for an hour, go. */
function removeOldCheckouts(base: string, keep: string): void {
  for (const name of readdirSync(base)) {
    if (name === keep) continue;
    const path = join(base, name);
    try {
      if (Date.now() - statSync(path).mtimeMs > 3_600_000) rmSync(path, { recursive: true, force: true });
    } catch {
      // removed concurrently
    }
  }
}

// ---------------------------------------------------------------------------------------------
// Running a step.

interface InputSpec {
  default?: string;
}

/** The action.yml of a job (`slipway` is the root action). */
export function actionMetadata(job: string): { inputs: Record<string, InputSpec>; outputs: Record<string, unknown>; runs: { using: string; main: string } } {
  const file = job === 'slipway' ? join(REPO_ROOT, 'action.yml') : join(REPO_ROOT, 'actions', job, 'action.yml');
  const metadata = parse(readFileSync(file, 'utf8')) as ReturnType<typeof actionMetadata>;
  return { ...metadata, inputs: metadata.inputs ?? {}, outputs: metadata.outputs ?? {} };
}

const inputVariable = (name: string) => `INPUT_${name.replace(/ /g, '_').toUpperCase()}`;

/** The subset of the `github` context our action.yml defaults use, as the runner evaluates it. */
function evaluate(value: string, github: Record<string, string>): string {
  return value.replace(/\$\{\{\s*([\w.]+)\s*\}\}/g, (_, path: string) => {
    const key = path.replace(/^github\./, '');
    if (!path.startsWith('github.') || !(key in github)) throw new Error(`the harness cannot evaluate \${{ ${path} }}`);
    return github[key]!;
  });
}

let runnerHome: string | undefined;

export async function runAction(job: string, options: RunActionOptions): Promise<ActionRun> {
  const checkout = await actionCheckout();
  const metadata = actionMetadata(job);
  const expectedMain = job === 'slipway' ? 'dist/slipway.js' : `../../dist/${job}.js`;
  if (metadata.runs.using !== 'node24' || metadata.runs.main !== expectedMain) {
    throw new Error(`${job}: runs must be { using: node24, main: ${expectedMain} }, got ${JSON.stringify(metadata.runs)}`);
  }

  const runnerTemp = options.runnerTemp ?? tempDir('slipway-runner-');
  const files = {
    output: join(runnerTemp, `output-${Date.now()}`),
    summary: join(runnerTemp, `summary-${Date.now()}`),
    env: join(runnerTemp, `env-${Date.now()}`),
    state: join(runnerTemp, `state-${Date.now()}`),
    path: join(runnerTemp, `path-${Date.now()}`),
    event: join(runnerTemp, `event-${Date.now()}.json`),
  };
  for (const file of Object.values(files)) writeFileSync(file, '');

  const repository = options.repository ?? DEFAULT_REPOSITORY;
  const ref = options.ref ?? 'refs/heads/main';
  const sha = options.sha ?? (await headSha(options.workspace));
  const apiUrl = options.github?.url ?? NOWHERE;
  const serverUrl = options.serverUrl ?? 'https://github.com';
  const eventName = options.eventName ?? 'workflow_dispatch';
  const event = { repository: { full_name: repository, name: repository.split('/')[1], owner: { login: repository.split('/')[0] } }, ...options.event };
  writeFileSync(files.event, JSON.stringify(event, null, 2));

  const refName = ref.replace(/^refs\/(heads|tags)\//, '');
  const github: Record<string, string> = {
    token: options.github?.token ?? DEFAULT_TOKEN,
    api_url: apiUrl,
    server_url: serverUrl,
    graphql_url: `${apiUrl}/graphql`,
    repository,
    ref,
    ref_name: refName,
    sha,
  };

  const inputs: Record<string, string> = {};
  for (const [name, spec] of Object.entries(metadata.inputs)) {
    if (spec?.default !== undefined) inputs[inputVariable(name)] = evaluate(String(spec.default), github);
  }
  for (const [name, value] of Object.entries(options.inputs ?? {})) {
    if (!(name in metadata.inputs)) throw new Error(`${job}: input "${name}" is not declared in its action.yml (declared: ${Object.keys(metadata.inputs).join(', ')})`);
    inputs[inputVariable(name)] = value;
  }

  runnerHome ??= tempDir('slipway-runner-home-');
  const env: Record<string, string> = {
    // A runner has node and npm, but not slipway's node_modules/.bin: an action must not lean on them.
    PATH: (process.env['PATH'] ?? '')
      .split(':')
      .filter((dir) => !dir.startsWith(join(REPO_ROOT, 'node_modules')))
      .join(':'),
    HOME: runnerHome,
    LANG: 'C.UTF-8',
    CI: 'true',
    GITHUB_ACTIONS: 'true',
    GITHUB_ACTION: `__slipway-dev_slipway_${job}`,
    GITHUB_ACTION_PATH: job === 'slipway' ? checkout : join(checkout, 'actions', job),
    GITHUB_ACTION_REPOSITORY: 'slipway-dev/slipway',
    GITHUB_ACTOR: 'octocat',
    GITHUB_API_URL: apiUrl,
    GITHUB_GRAPHQL_URL: `${apiUrl}/graphql`,
    GITHUB_SERVER_URL: serverUrl,
    GITHUB_REPOSITORY: repository,
    GITHUB_REPOSITORY_OWNER: repository.split('/')[0]!,
    GITHUB_EVENT_NAME: eventName,
    GITHUB_EVENT_PATH: files.event,
    GITHUB_WORKSPACE: options.workspace,
    GITHUB_REF: ref,
    GITHUB_REF_NAME: refName,
    GITHUB_REF_TYPE: ref.startsWith('refs/tags/') ? 'tag' : 'branch',
    GITHUB_SHA: sha,
    GITHUB_RUN_ID: '4242',
    GITHUB_RUN_NUMBER: '7',
    GITHUB_RUN_ATTEMPT: '1',
    GITHUB_JOB: job,
    GITHUB_WORKFLOW: `slipway ${job}`,
    GITHUB_OUTPUT: files.output,
    GITHUB_STEP_SUMMARY: files.summary,
    GITHUB_ENV: files.env,
    GITHUB_STATE: files.state,
    GITHUB_PATH: files.path,
    RUNNER_TEMP: runnerTemp,
    RUNNER_OS: 'Linux',
    RUNNER_ARCH: 'X64',
    RUNNER_NAME: 'slipway-harness',
    ...(options.debug ? { RUNNER_DEBUG: '1', ACTIONS_STEP_DEBUG: 'true' } : {}),
    ...(eventName.startsWith('pull_request') ? pullRequestRefs(event) : {}),
    ...inputs,
    ...options.env,
  };

  const started = performance.now();
  const result = await execa(process.execPath, [join(checkout, 'dist', `${job}.js`)], {
    cwd: options.workspace,
    env,
    extendEnv: false,
    reject: false,
    stdin: 'ignore',
    timeout: options.timeoutMs ?? 120_000,
    forceKillAfterDelay: 5_000,
  });
  if (result.timedOut) throw new Error(`${job} did not finish within ${options.timeoutMs ?? 120_000} ms:\n${result.stdout}\n${result.stderr}`);
  const parsed = parseStdout(result.stdout);
  return {
    exitCode: result.exitCode ?? 1,
    outputs: parseFileCommand(readFileSync(files.output, 'utf8')),
    summary: readFileSync(files.summary, 'utf8'),
    stdout: result.stdout,
    stderr: result.stderr,
    ...parsed,
    exported: parseFileCommand(readFileSync(files.env, 'utf8')),
    runnerTemp,
    durationMs: Math.round(performance.now() - started),
  };
}

async function headSha(dir: string): Promise<string> {
  const result = await execa('git', ['rev-parse', 'HEAD'], { cwd: dir, reject: false });
  return result.exitCode === 0 ? result.stdout.trim() : '0'.repeat(40);
}

function pullRequestRefs(event: Record<string, unknown>): Record<string, string> {
  const pr = event['pull_request'] as { base?: { ref?: string }; head?: { ref?: string } } | undefined;
  return { GITHUB_BASE_REF: pr?.base?.ref ?? '', GITHUB_HEAD_REF: pr?.head?.ref ?? '' };
}

/**
 * GITHUB_OUTPUT / GITHUB_ENV: `name<<DELIMITER` … `DELIMITER` blocks (what @actions/core writes),
 * or single `name=value` lines.
 */
export function parseFileCommand(text: string): Record<string, string> {
  const values: Record<string, string> = {};
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    if (!line) continue;
    const heredoc = /^([^=<]+)<<(.+)$/.exec(line);
    if (heredoc) {
      const [, name, delimiter] = heredoc;
      const end = lines.indexOf(delimiter!, i + 1);
      if (end === -1) throw new Error(`file command: no closing ${delimiter} for ${name}`);
      values[name!] = lines.slice(i + 1, end).join('\n');
      i = end;
      continue;
    }
    const eq = line.indexOf('=');
    if (eq === -1) throw new Error(`file command: cannot read line "${line}"`);
    values[line.slice(0, eq)] = line.slice(eq + 1);
  }
  return values;
}

// Workflow command escaping (actions/toolkit command.ts): data escapes % \r \n; properties also : and ,.
const unescapeData = (s: string) => s.replace(/%0D/g, '\r').replace(/%0A/g, '\n').replace(/%25/g, '%');
const unescapeProperty = (s: string) => unescapeData(s.replace(/%3A/g, ':').replace(/%2C/g, ','));

export function parseStdout(stdout: string): Pick<ActionRun, 'annotations' | 'groups' | 'masks' | 'log'> {
  const annotations: Annotation[] = [];
  const groups: string[] = [];
  const masks: string[] = [];
  const log: string[] = [];
  for (const line of stdout.split('\n')) {
    const command = /^::([\w-]+)(?: ([^:]*))?::(.*)$/.exec(line);
    if (!command) {
      log.push(line);
      continue;
    }
    const [, name, rawProperties, rawData] = command;
    const data = unescapeData(rawData!);
    const properties = Object.fromEntries(
      (rawProperties ?? '')
        .split(',')
        .filter(Boolean)
        .map((pair) => {
          const eq = pair.indexOf('=');
          return [pair.slice(0, eq), unescapeProperty(pair.slice(eq + 1))];
        }),
    );
    if (name === 'error' || name === 'warning' || name === 'notice') {
      annotations.push({
        level: name,
        message: data,
        ...(properties['file'] ? { file: properties['file'] } : {}),
        ...(properties['line'] ? { line: Number(properties['line']) } : {}),
        ...(properties['title'] ? { title: properties['title'] } : {}),
      });
    } else if (name === 'group') groups.push(data);
    else if (name === 'add-mask') masks.push(data);
  }
  return { annotations, groups, masks, log };
}

/** The annotations of one level, as `file:line: message` (or the message alone). */
export function annotationLines(run: ActionRun, level: Annotation['level']): string[] {
  return run.annotations.filter((a) => a.level === level).map((a) => (a.file ? `${a.file}${a.line ? `:${a.line}` : ''}: ${a.message}` : a.message));
}
