/**
 * Every npm registry call slipway makes: read which versions are out (the packument, over HTTP)
 * and publish a package folder with the npm CLI (so lifecycle scripts, `files`, provenance and
 * registry auth behave exactly as they do for a person running `npm publish`).
 *
 * The token never reaches argv, logs or the disk: npm gets it in its child's environment as the
 * registry-scoped config `npm_config_//host/path/:_authToken` (npm reads nerf-darted keys from the
 * environment as written), so nothing is left behind even when slipway is killed with SIGKILL;
 * and every text that leaves here has it replaced by `***`. npm runs in slipway's process group,
 * so killing the group (a cancelled job) kills a running `npm publish` with it.
 */
import { execa } from 'execa';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import semver from 'semver';
import { SlipwayError } from '../../core/errors.ts';
import { hasWorkspaceRanges, packedCopyWithPublishedRanges, type PackedCopy } from './packed-manifest.ts';
import type { PublishOptions, PublishResult, RegistryClient } from './types.ts';

export interface NpmRegistryOptions {
  /** The registry's URL, e.g. `https://registry.npmjs.org/`. */
  registry: string;
  /** An npm token allowed to read (and, for publish, write) the packages; without one, reads are anonymous and `npm publish` uses the person's own npm login. */
  token?: string;
}

export interface NpmPublishOptions extends NpmRegistryOptions, PublishOptions {
  /** How long `npm publish` may run; default 10 minutes (prepublish builds, provenance signing). */
  timeoutMs?: number;
  /** The version of each workspace package: `workspace:` ranges are published as real ranges (packed-manifest.ts). */
  workspaceVersions?: ReadonlyMap<string, string>;
}

const READ_TIMEOUT_MS = 30_000;
const PUBLISH_TIMEOUT_MS = 10 * 60_000;

/** Every version of `name` the registry has; `[]` when the package was never published. */
export async function publishedVersions(name: string, opts: NpmRegistryOptions): Promise<string[]> {
  const registry = registryUrl(opts.registry);
  const url = new URL(encodePackageName(name), registry);
  let res: Response;
  try {
    res = await fetch(url, {
      headers: {
        // The abbreviated packument npm itself asks for: versions and dist-tags, without readmes.
        accept: 'application/vnd.npm.install-v1+json; q=1.0, application/json; q=0.8, */*',
        ...(opts.token ? { authorization: `Bearer ${opts.token}` } : {}),
      },
      signal: AbortSignal.timeout(READ_TIMEOUT_MS),
    });
  } catch (error) {
    throw new SlipwayError('API_FAILED', `could not read ${name} from ${registry}: ${causeText(error)}`, {
      subject: name,
      hint: `check the registry URL (${registry}) and the network`,
      cause: error,
    });
  }
  if (res.status === 404) return [];
  if (!res.ok) {
    throw new SlipwayError('API_FAILED', `${registry} answered HTTP ${res.status} when reading ${name}`, {
      subject: name,
      hint: res.status === 401 || res.status === 403 ? AUTH_HINT(registry) : `check the registry URL (${registry})`,
    });
  }
  const packument = (await res.json()) as { versions?: Record<string, unknown> };
  return Object.keys(packument.versions ?? {});
}

export async function isPublished(name: string, version: string, opts: NpmRegistryOptions): Promise<boolean> {
  return (await publishedVersions(name, opts)).includes(version);
}

/**
 * The dist-tag a version goes to unless the caller names one: a prerelease goes to its first
 * identifier (`beta`, `rc`) or `next`, never to `latest`; a release goes to npm's default,
 * `latest` — and npm refuses by itself to move `latest` back to a lower version.
 */
export function defaultDistTag(version: string): string | undefined {
  const pre = semver.prerelease(version);
  if (!pre) return undefined;
  const first = pre[0];
  return typeof first === 'string' && /^[a-z][a-z0-9-]*$/i.test(first) ? first : 'next';
}

/**
 * Publishes the package in `dir` with `npm publish`. Idempotent: a version that is already on
 * the registry (checked first, or refused by the registry as a conflict) gives
 * `already-published`, not an error; any other failure is a PUBLISH_FAILED SlipwayError that
 * names the package, the registry, npm's own error line and what to do.
 */
export async function publish(dir: string, opts: NpmPublishOptions): Promise<PublishResult> {
  const registry = registryUrl(opts.registry);
  const { name, version, text } = await readPackage(dir);
  const distTag = opts.distTag ?? defaultDistTag(version);
  const result = (status: PublishResult['status']): PublishResult => ({
    status,
    name,
    version,
    destination: registry,
    distTag: distTag ?? 'latest',
  });

  if (await isPublished(name, version, opts)) return result('already-published');

  const args = ['publish', '--registry', registry];
  // A project .npmrc may map the scope to another registry; the one we were given wins.
  const scope = name.startsWith('@') ? name.slice(0, name.indexOf('/')) : undefined;
  if (scope) args.push(`--${scope}:registry=${registry}`);
  if (distTag) args.push('--tag', distTag);
  if (opts.access) args.push('--access', opts.access);
  if (opts.provenance) args.push('--provenance');
  if (opts.dryRun) args.push('--dry-run');

  // npm would ship `workspace:` ranges verbatim: publish a packed copy with real ones instead.
  let packed: PackedCopy | undefined;
  if (hasWorkspaceRanges(text, join(dir, 'package.json'))) {
    packed = await packedCopyWithPublishedRanges(dir, opts.workspaceVersions ?? new Map(), name);
    args.push('--ignore-scripts');
  }
  try {
    const run = await execa('npm', args, {
      cwd: packed?.dir ?? dir,
      all: true,
      reject: false,
      env: opts.token ? { [`npm_config_${nerfDart(registry)}:_authToken`]: opts.token } : {},
      // npm asks for a one-time password on a terminal; here it must fail (EOTP) instead of hanging.
      stdin: 'ignore',
      timeout: opts.timeoutMs ?? PUBLISH_TIMEOUT_MS,
    });
    if (run.exitCode === 0) return result(opts.dryRun ? 'dry-run' : 'published');

    const output = redact(run.all ?? run.message, opts.token);
    const failure = npmFailure(output);
    if (CONFLICT.test(output)) return result('already-published');
    // A 409 may also be a registry that is still processing a concurrent publish: ask it.
    if (failure.code === 'E409' && (await isPublished(name, version, opts))) return result('already-published');

    const why = run.timedOut
      ? `npm publish timed out after ${Math.round((opts.timeoutMs ?? PUBLISH_TIMEOUT_MS) / 1000)} s`
      : run.exitCode === undefined
        ? `could not run npm: ${redact(run.originalMessage ?? run.message ?? 'spawn failed', opts.token)}`
        : failure.line;
    throw new SlipwayError('PUBLISH_FAILED', `publishing ${name}@${version} to ${registry} failed: ${why}`, {
      subject: `${name}@${version}`,
      hint: publishHint(failure, { name, registry, dir, hasToken: !!opts.token }),
      cause: new Error(lastLines(output, 30)),
    });
  } finally {
    await packed?.remove();
  }
}

/**
 * The registry answers (a read of `name`) and, with a token, accepts it (`GET /-/whoami`, what
 * `npm whoami` asks): a wrong or expired token is found before the release writes anything.
 */
export async function checkAccess(name: string, opts: NpmRegistryOptions): Promise<void> {
  await publishedVersions(name, opts);
  if (!opts.token) return;
  const registry = registryUrl(opts.registry);
  let res: Response;
  try {
    res = await fetch(new URL('-/whoami', registry), { headers: { authorization: `Bearer ${opts.token}` }, signal: AbortSignal.timeout(READ_TIMEOUT_MS) });
  } catch (error) {
    throw new SlipwayError('API_FAILED', `could not reach ${registry}: ${causeText(error)}`, { subject: registry, hint: `check the registry URL (${registry}) and the network`, cause: error });
  }
  const body = res.ok ? ((await res.json().catch(() => ({}))) as { username?: unknown }) : {};
  if (!res.ok || typeof body.username !== 'string' || body.username === '') {
    throw new SlipwayError('PUBLISH_FAILED', `${registry} does not accept the token (GET /-/whoami answered HTTP ${res.status}${res.ok ? ' without a user' : ''})`, {
      subject: registry,
      hint: AUTH_HINT(registry, name),
    });
  }
}

/** The npm registry behind the interface the release job depends on. */
export function npmRegistry(opts: NpmRegistryOptions & { timeoutMs?: number }): RegistryClient {
  const destination = registryUrl(opts.registry);
  return {
    destination,
    publishedVersions: (name) => publishedVersions(name, opts),
    isPublished: (name, version) => isPublished(name, version, opts),
    checkAccess: (name) => checkAccess(name, opts),
    async publish(target, options = {}) {
      const manifest = await readPackage(target.dir);
      // What ships must be exactly what was planned: a stale manifest is a bug upstream, not a publish.
      if (manifest.name !== target.name || manifest.version !== target.version) {
        throw new SlipwayError(
          'PUBLISH_FAILED',
          `${join(target.dir, 'package.json')} says ${manifest.name}@${manifest.version}, but the plan publishes ${target.name}@${target.version}`,
          { subject: `${target.name}@${target.version}`, hint: 'bump the manifest before publishing (the release job does this when it applies the plan)' },
        );
      }
      return publish(target.dir, { ...opts, ...options, ...(target.workspaceVersions ? { workspaceVersions: target.workspaceVersions } : {}) });
    },
  };
}

// --- npm's answers -------------------------------------------------------------------------

/**
 * The registry refusing a version it already has: npm's own pre-check ("You cannot publish over
 * the previously published versions", npmjs answers the same as E403), npm's EPUBLISHCONFLICT,
 * and Verdaccio's 409 "this package is already present".
 */
const CONFLICT = /cannot publish over (?:the )?previously published version|EPUBLISHCONFLICT|this package is already present/i;

interface NpmFailure {
  /** npm's error code (`E401`, `ENEEDAUTH`, `E404`, …), when it printed one. */
  code: string | undefined;
  /** npm's first error line that says what went wrong. */
  line: string;
  output: string;
}

function npmFailure(output: string): NpmFailure {
  // npm ≥ 9 prefixes errors with `npm error`, older ones with `npm ERR!`.
  const errors = output
    .split('\n')
    .map((line) => /^npm (?:error|ERR!) ?(.*)$/.exec(line.trim())?.[1]?.trim())
    .filter((line): line is string => !!line);
  const code = errors.map((line) => /^code (\S+)/.exec(line)?.[1]).find(Boolean);
  const line =
    errors.find((l) => !/^(code|errno|syscall) /.test(l) && !/^A complete log of this run/.test(l)) ??
    lastLines(output, 1) ??
    'npm exited with an error';
  return { code, line, output };
}

const AUTH_HINT = (registry: string, name?: string) =>
  `check the token (NPM_TOKEN): it must be valid for ${registry}, not expired, and allowed to publish${name ? ` ${name}` : ''}`;

function publishHint(failure: NpmFailure, at: { name: string; registry: string; dir: string; hasToken: boolean }): string {
  const { code, output } = failure;
  const scope = at.name.startsWith('@') ? at.name.split('/')[0] : undefined;
  if (code === 'EOTP' || /one-time pass/i.test(output))
    return 'the account requires a one-time password: use an automation or granular access token, or trusted publishing';
  if (code === 'ENEEDAUTH' && !at.hasToken) return `no token was given: set NPM_TOKEN, or run \`npm login --registry ${at.registry}\``;
  if (code === 'E401' || code === 'E403' || code === 'ENEEDAUTH') return AUTH_HINT(at.registry, at.name);
  if (code === 'E402') return 'the registry wants a paid plan for private packages: publish with access: public';
  if (code === 'E404')
    return scope
      ? `the scope ${scope} may not exist at ${at.registry}, or the token may not publish to it: create the scope (npm org) or fix the package name`
      : `check the registry URL (${at.registry})`;
  if (code === 'E413') return 'the package is too large for the registry: check `files` in package.json and .npmignore';
  if (code === 'EPRIVATE' || /marked as private/i.test(output)) return 'the package is private: remove "private" from package.json or leave it out of the release';
  if (/Cannot implicitly apply the "latest" tag/.test(output))
    return 'a higher version is already published: publish this older line to its own dist-tag (`slipway release --dist-tag latest-1`, the release action\'s dist-tag input, or release.distTag in slipway.yml)';
  if (/\b(ECONNREFUSED|ENOTFOUND|ETIMEDOUT|ECONNRESET|EAI_AGAIN)\b|network/i.test(output) || code === 'ETIMEDOUT')
    return `could not reach ${at.registry}: check the URL, the network and any proxy settings`;
  return `run \`npm publish --dry-run\` in ${at.dir} to see npm's full output`;
}

// --- small helpers -------------------------------------------------------------------------

async function readPackage(dir: string): Promise<{ name: string; version: string; text: string }> {
  const file = join(dir, 'package.json');
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    throw new SlipwayError('MANIFEST_MISSING', `no package.json to publish in ${dir}`, { subject: file, cause: error });
  }
  return { ...packageToPublish(text, file), text };
}

/**
 * The name and version npm publishes from a package.json's text, read as npm reads it: a UTF-8
 * byte order mark is skipped (npm's parser strips it too), so a file the planner accepts is a
 * file publish accepts. The release preflight calls this on the text it is about to write.
 */
export function packageToPublish(text: string, file: string): { name: string; version: string } {
  let manifest: { name?: unknown; version?: unknown };
  try {
    manifest = JSON.parse(text.replace(/^\uFEFF/, '')) as typeof manifest;
  } catch (error) {
    throw new SlipwayError('MANIFEST_INVALID', `package.json is not valid JSON: ${(error as Error).message}`, { subject: file, cause: error });
  }
  if (typeof manifest !== 'object' || manifest === null || typeof manifest.name !== 'string' || typeof manifest.version !== 'string' || !semver.valid(manifest.version)) {
    throw new SlipwayError('MANIFEST_INVALID', 'package.json needs a "name" and a valid semver "version" to be published', {
      subject: file,
    });
  }
  return { name: manifest.name, version: manifest.version };
}

/** The registry URL with the trailing slash npm's config keys and URL joining rely on. */
function registryUrl(registry: string): string {
  let url: URL;
  try {
    url = new URL(registry);
  } catch {
    throw new SlipwayError('INPUT_INVALID', `"${registry}" is not a registry URL`, {
      subject: 'registry',
      hint: 'use a full URL such as https://registry.npmjs.org/',
    });
  }
  if (!url.pathname.endsWith('/')) url.pathname += '/';
  return url.toString();
}

/**
 * npm's per-registry config key prefix (`//host:port/path/`): the protocol-less URL, as npm's
 * own `nerf-dart` builds it, so the token applies to this registry and no other.
 */
function nerfDart(registry: string): string {
  const url = new URL(registry);
  return `//${url.host}${url.pathname}`;
}

/** `@scope/name` → `@scope%2fname`, the form the registry API expects in a path. */
function encodePackageName(name: string): string {
  return name.startsWith('@') ? `@${encodeURIComponent(name.slice(1))}` : encodeURIComponent(name);
}

function redact(text: string, token: string | undefined): string {
  if (!token) return text;
  return text.split(token).join('***').split(encodeURIComponent(token)).join('***');
}

function causeText(error: unknown): string {
  const cause = (error as { cause?: { code?: string; message?: string } }).cause;
  return cause?.code ?? cause?.message ?? (error as Error).message;
}

function lastLines(text: string, count: number): string | undefined {
  const lines = text.split('\n').filter((line) => line.trim() !== '');
  return lines.length ? lines.slice(-count).join('\n') : undefined;
}
