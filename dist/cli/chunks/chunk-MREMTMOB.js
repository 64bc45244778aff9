import { createRequire as __slipwayCreateRequire } from 'node:module'; const require = __slipwayCreateRequire(import.meta.url);
import {
  planProblems,
  preflightError
} from "./chunk-TONHLC5A.js";
import {
  execa
} from "./chunk-YK4KFZUA.js";
import {
  DEPENDENCY_SECTIONS,
  applyEdits,
  jsonStringsAt,
  parsePackageJson,
  parseToml,
  parseXml,
  updaterFor
} from "./chunk-U3UJK7Z7.js";
import {
  require_semver
} from "./chunk-BAVTOFCZ.js";
import {
  SlipwayError,
  formatError,
  isSlipwayError
} from "./chunk-LWD5H3C4.js";
import {
  __toESM
} from "./chunk-X24BQQWF.js";

// src/core/history/route-commits.ts
function pathRouter(plugins) {
  const byFolder = /* @__PURE__ */ new Map();
  let rootPlugin;
  for (const plugin of plugins) {
    if (plugin.path === "") rootPlugin = plugin.name;
    else byFolder.set(plugin.path, plugin.name);
  }
  return {
    pluginFor(path) {
      let end = path.lastIndexOf("/");
      while (end > 0) {
        const owner = byFolder.get(path.slice(0, end));
        if (owner !== void 0) return owner;
        end = path.lastIndexOf("/", end - 1);
      }
      return rootPlugin;
    }
  };
}

// src/adapters/registry/npm-registry.ts
var import_semver2 = __toESM(require_semver(), 1);
import { readFile as readFile2 } from "node:fs/promises";
import { join as join2 } from "node:path";

// src/adapters/registry/packed-manifest.ts
import { mkdtemp, readdir, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { isDeepStrictEqual } from "node:util";

// src/core/versioning/workspace-range.ts
var import_semver = __toESM(require_semver(), 1);
var PROTOCOL = "workspace:";
function isWorkspaceRange(range) {
  return range.trim().startsWith(PROTOCOL);
}
function publishedRange(range, version, dependency) {
  const spec = range.trim().slice(PROTOCOL.length).trim();
  if (spec === "*" || spec === "" || spec.startsWith(".") || spec.startsWith("/")) return version;
  if (spec === "^" || spec === "~") return `${spec}${version}`;
  if (import_semver.default.validRange(spec)) return spec;
  throw new SlipwayError("MANIFEST_INVALID", `"${dependency}": "${range}" is not a workspace range slipway can publish`, {
    subject: dependency,
    hint: "use workspace:*, workspace:^, workspace:~ or workspace:<semver range>"
  });
}

// src/adapters/registry/packed-manifest.ts
var SECTIONS = new Set(DEPENDENCY_SECTIONS);
function hasWorkspaceRanges(text, file) {
  const pkg = parsePackageJson(text, file);
  return DEPENDENCY_SECTIONS.some((section) => {
    const deps = pkg[section];
    return typeof deps === "object" && deps !== null && Object.values(deps).some((range) => typeof range === "string" && isWorkspaceRange(range));
  });
}
function withPublishedRanges(text, versions, file) {
  const before = parsePackageJson(text, file);
  const located = jsonStringsAt(text, (path) => path.length === 2 && SECTIONS.has(path[0])).filter((s) => isWorkspaceRange(s.value));
  const expected = structuredClone(before);
  const edits = located.map((s) => {
    const [section, name] = s.path;
    const version = versions.get(name);
    if (version === void 0) {
      throw new SlipwayError("MANIFEST_INVALID", `${file}: "${section}.${name}" is "${s.value}", but the workspace has no package named ${name}`, {
        subject: file,
        hint: `add ${name} to the workspace, or depend on a published range of it`
      });
    }
    const range = publishedRange(s.value, version, name);
    expected[section][name] = range;
    return { start: s.start, end: s.end, replacement: JSON.stringify(range) };
  });
  const after = applyEdits(text, edits);
  if (!isDeepStrictEqual(parsePackageJson(after, file), expected)) {
    throw new SlipwayError("MANIFEST_INVALID", `${file}: its workspace: ranges could not be replaced without changing other values`, { subject: file });
  }
  return after;
}
async function packedCopyWithPublishedRanges(dir, versions, name) {
  const temp = await mkdtemp(join(tmpdir(), "slipway-pack-"));
  const remove = () => rm(temp, { recursive: true, force: true });
  try {
    const packed = await execa("npm", ["pack", "--pack-destination", temp, "--loglevel=error"], { cwd: dir, all: true, reject: false, stdin: "ignore" });
    const tarball = (await readdir(temp)).find((f) => f.endsWith(".tgz"));
    if (packed.exitCode !== 0 || !tarball) {
      throw new SlipwayError("PUBLISH_FAILED", `packing ${name} failed: ${(packed.all ?? "").trim().split("\n").pop() ?? "npm pack exited with an error"}`, {
        subject: name,
        hint: `run \`npm pack --dry-run\` in ${dir} to see npm's full output`
      });
    }
    const unpacked = await execa("tar", ["-xzf", join(temp, tarball), "-C", temp], { all: true, reject: false });
    if (unpacked.exitCode !== 0) {
      throw new SlipwayError("PUBLISH_FAILED", `unpacking ${tarball} failed: ${(unpacked.all ?? unpacked.message).trim()}`, { subject: name, hint: "slipway needs `tar` on PATH to publish packages with workspace: ranges" });
    }
    const manifest = join(temp, "package", "package.json");
    await writeFile(manifest, withPublishedRanges(await readFile(manifest, "utf8"), versions, `${name} (packed package.json)`));
    await rm(join(temp, tarball));
    return { dir: join(temp, "package"), remove };
  } catch (error) {
    await remove();
    throw error;
  }
}

// src/adapters/registry/npm-registry.ts
var READ_TIMEOUT_MS = 3e4;
var PUBLISH_TIMEOUT_MS = 10 * 6e4;
async function publishedVersions(name, opts) {
  const registry = registryUrl(opts.registry);
  const url = new URL(encodePackageName(name), registry);
  let res;
  try {
    res = await fetch(url, {
      headers: {
        // The abbreviated packument npm itself asks for: versions and dist-tags, without readmes.
        accept: "application/vnd.npm.install-v1+json; q=1.0, application/json; q=0.8, */*",
        ...opts.token ? { authorization: `Bearer ${opts.token}` } : {}
      },
      signal: AbortSignal.timeout(READ_TIMEOUT_MS)
    });
  } catch (error) {
    throw new SlipwayError("API_FAILED", `could not read ${name} from ${registry}: ${causeText(error)}`, {
      subject: name,
      hint: `check the registry URL (${registry}) and the network`,
      cause: error
    });
  }
  if (res.status === 404) return [];
  if (!res.ok) {
    throw new SlipwayError("API_FAILED", `${registry} answered HTTP ${res.status} when reading ${name}`, {
      subject: name,
      hint: res.status === 401 || res.status === 403 ? AUTH_HINT(registry) : `check the registry URL (${registry})`
    });
  }
  const packument = await res.json();
  return Object.keys(packument.versions ?? {});
}
async function isPublished(name, version, opts) {
  return (await publishedVersions(name, opts)).includes(version);
}
function defaultDistTag(version) {
  const pre = import_semver2.default.prerelease(version);
  if (!pre) return void 0;
  const first = pre[0];
  return typeof first === "string" && /^[a-z][a-z0-9-]*$/i.test(first) ? first : "next";
}
async function publish(dir, opts) {
  const registry = registryUrl(opts.registry);
  const { name, version, text } = await readPackage(dir);
  const distTag = opts.distTag ?? defaultDistTag(version);
  const result = (status) => ({
    status,
    name,
    version,
    destination: registry,
    distTag: distTag ?? "latest"
  });
  if (await isPublished(name, version, opts)) return result("already-published");
  const args = ["publish", "--registry", registry];
  const scope = name.startsWith("@") ? name.slice(0, name.indexOf("/")) : void 0;
  if (scope) args.push(`--${scope}:registry=${registry}`);
  if (distTag) args.push("--tag", distTag);
  if (opts.access) args.push("--access", opts.access);
  if (opts.provenance) args.push("--provenance");
  if (opts.dryRun) args.push("--dry-run");
  let packed;
  if (hasWorkspaceRanges(text, join2(dir, "package.json"))) {
    packed = await packedCopyWithPublishedRanges(dir, opts.workspaceVersions ?? /* @__PURE__ */ new Map(), name);
    args.push("--ignore-scripts");
  }
  try {
    const run = await execa("npm", args, {
      cwd: packed?.dir ?? dir,
      all: true,
      reject: false,
      env: opts.token ? { [`npm_config_${nerfDart(registry)}:_authToken`]: opts.token } : {},
      // npm asks for a one-time password on a terminal; here it must fail (EOTP) instead of hanging.
      stdin: "ignore",
      timeout: opts.timeoutMs ?? PUBLISH_TIMEOUT_MS
    });
    if (run.exitCode === 0) return result(opts.dryRun ? "dry-run" : "published");
    const output = redact(run.all ?? run.message, opts.token);
    const failure = npmFailure(output);
    if (CONFLICT.test(output)) return result("already-published");
    if (failure.code === "E409" && await isPublished(name, version, opts)) return result("already-published");
    const why = run.timedOut ? `npm publish timed out after ${Math.round((opts.timeoutMs ?? PUBLISH_TIMEOUT_MS) / 1e3)} s` : run.exitCode === void 0 ? `could not run npm: ${redact(run.originalMessage ?? run.message ?? "spawn failed", opts.token)}` : failure.line;
    throw new SlipwayError("PUBLISH_FAILED", `publishing ${name}@${version} to ${registry} failed: ${why}`, {
      subject: `${name}@${version}`,
      hint: publishHint(failure, { name, registry, dir, hasToken: !!opts.token }),
      cause: new Error(lastLines(output, 30))
    });
  } finally {
    await packed?.remove();
  }
}
async function checkAccess(name, opts) {
  await publishedVersions(name, opts);
  if (!opts.token) return;
  const registry = registryUrl(opts.registry);
  let res;
  try {
    res = await fetch(new URL("-/whoami", registry), { headers: { authorization: `Bearer ${opts.token}` }, signal: AbortSignal.timeout(READ_TIMEOUT_MS) });
  } catch (error) {
    throw new SlipwayError("API_FAILED", `could not reach ${registry}: ${causeText(error)}`, { subject: registry, hint: `check the registry URL (${registry}) and the network`, cause: error });
  }
  const body = res.ok ? await res.json().catch(() => ({})) : {};
  if (!res.ok || typeof body.username !== "string" || body.username === "") {
    throw new SlipwayError("PUBLISH_FAILED", `${registry} does not accept the token (GET /-/whoami answered HTTP ${res.status}${res.ok ? " without a user" : ""})`, {
      subject: registry,
      hint: AUTH_HINT(registry, name)
    });
  }
}
function npmRegistry(opts) {
  const destination = registryUrl(opts.registry);
  return {
    destination,
    publishedVersions: (name) => publishedVersions(name, opts),
    isPublished: (name, version) => isPublished(name, version, opts),
    checkAccess: (name) => checkAccess(name, opts),
    async publish(target, options = {}) {
      const manifest = await readPackage(target.dir);
      if (manifest.name !== target.name || manifest.version !== target.version) {
        throw new SlipwayError(
          "PUBLISH_FAILED",
          `${join2(target.dir, "package.json")} says ${manifest.name}@${manifest.version}, but the plan publishes ${target.name}@${target.version}`,
          { subject: `${target.name}@${target.version}`, hint: "bump the manifest before publishing (the release job does this when it applies the plan)" }
        );
      }
      return publish(target.dir, { ...opts, ...options, ...target.workspaceVersions ? { workspaceVersions: target.workspaceVersions } : {} });
    }
  };
}
var CONFLICT = /cannot publish over (?:the )?previously published version|EPUBLISHCONFLICT|this package is already present/i;
function npmFailure(output) {
  const errors = output.split("\n").map((line2) => /^npm (?:error|ERR!) ?(.*)$/.exec(line2.trim())?.[1]?.trim()).filter((line2) => !!line2);
  const code = errors.map((line2) => /^code (\S+)/.exec(line2)?.[1]).find(Boolean);
  const line = errors.find((l) => !/^(code|errno|syscall) /.test(l) && !/^A complete log of this run/.test(l)) ?? lastLines(output, 1) ?? "npm exited with an error";
  return { code, line, output };
}
var AUTH_HINT = (registry, name) => `check the token (NPM_TOKEN): it must be valid for ${registry}, not expired, and allowed to publish${name ? ` ${name}` : ""}`;
function publishHint(failure, at) {
  const { code, output } = failure;
  const scope = at.name.startsWith("@") ? at.name.split("/")[0] : void 0;
  if (code === "EOTP" || /one-time pass/i.test(output))
    return "the account requires a one-time password: use an automation or granular access token, or trusted publishing";
  if (code === "ENEEDAUTH" && !at.hasToken) return `no token was given: set NPM_TOKEN, or run \`npm login --registry ${at.registry}\``;
  if (code === "E401" || code === "E403" || code === "ENEEDAUTH") return AUTH_HINT(at.registry, at.name);
  if (code === "E402") return "the registry wants a paid plan for private packages: publish with access: public";
  if (code === "E404")
    return scope ? `the scope ${scope} may not exist at ${at.registry}, or the token may not publish to it: create the scope (npm org) or fix the package name` : `check the registry URL (${at.registry})`;
  if (code === "E413") return "the package is too large for the registry: check `files` in package.json and .npmignore";
  if (code === "EPRIVATE" || /marked as private/i.test(output)) return 'the package is private: remove "private" from package.json or leave it out of the release';
  if (/Cannot implicitly apply the "latest" tag/.test(output))
    return "a higher version is already published: publish this older line to its own dist-tag (`slipway release --dist-tag latest-1`, the release action's dist-tag input, or release.distTag in slipway.yml)";
  if (/\b(ECONNREFUSED|ENOTFOUND|ETIMEDOUT|ECONNRESET|EAI_AGAIN)\b|network/i.test(output) || code === "ETIMEDOUT")
    return `could not reach ${at.registry}: check the URL, the network and any proxy settings`;
  return `run \`npm publish --dry-run\` in ${at.dir} to see npm's full output`;
}
async function readPackage(dir) {
  const file = join2(dir, "package.json");
  let text;
  try {
    text = await readFile2(file, "utf8");
  } catch (error) {
    throw new SlipwayError("MANIFEST_MISSING", `no package.json to publish in ${dir}`, { subject: file, cause: error });
  }
  return { ...packageToPublish(text, file), text };
}
function packageToPublish(text, file) {
  let manifest;
  try {
    manifest = JSON.parse(text.replace(/^\uFEFF/, ""));
  } catch (error) {
    throw new SlipwayError("MANIFEST_INVALID", `package.json is not valid JSON: ${error.message}`, { subject: file, cause: error });
  }
  if (typeof manifest !== "object" || manifest === null || typeof manifest.name !== "string" || typeof manifest.version !== "string" || !import_semver2.default.valid(manifest.version)) {
    throw new SlipwayError("MANIFEST_INVALID", 'package.json needs a "name" and a valid semver "version" to be published', {
      subject: file
    });
  }
  return { name: manifest.name, version: manifest.version };
}
function registryUrl(registry) {
  let url;
  try {
    url = new URL(registry);
  } catch {
    throw new SlipwayError("INPUT_INVALID", `"${registry}" is not a registry URL`, {
      subject: "registry",
      hint: "use a full URL such as https://registry.npmjs.org/"
    });
  }
  if (!url.pathname.endsWith("/")) url.pathname += "/";
  return url.toString();
}
function nerfDart(registry) {
  const url = new URL(registry);
  return `//${url.host}${url.pathname}`;
}
function encodePackageName(name) {
  return name.startsWith("@") ? `@${encodeURIComponent(name.slice(1))}` : encodeURIComponent(name);
}
function redact(text, token) {
  if (!token) return text;
  return text.split(token).join("***").split(encodeURIComponent(token)).join("***");
}
function causeText(error) {
  const cause = error.cause;
  return cause?.code ?? cause?.message ?? error.message;
}
function lastLines(text, count) {
  const lines = text.split("\n").filter((line) => line.trim() !== "");
  return lines.length ? lines.slice(-count).join("\n") : void 0;
}

// src/adapters/release/worktree-files.ts
import { readFileSync } from "node:fs";
import { join as join4 } from "node:path";

// src/adapters/safe-path.ts
import { constants, lstatSync, realpathSync } from "node:fs";
import { mkdir, open } from "node:fs/promises";
import { dirname, isAbsolute, join as join3, relative, sep } from "node:path";
var inside = (root, path) => path === root || path.startsWith(root.endsWith(sep) ? root : root + sep);
function resolved(path, memo) {
  if (memo?.has(path)) return memo.get(path);
  let real;
  try {
    real = realpathSync.native(path);
  } catch (error) {
    const code = error.code;
    if (code !== "ENOENT" && code !== "ENOTDIR") throw error;
  }
  memo?.set(path, real);
  return real;
}
async function unsafeWriteReason(root, path, memo) {
  if (isAbsolute(path) || path.split(/[\\/]/).includes("..")) return "the path leaves the repository";
  const realRoot = resolved(root, memo) ?? realpathSync.native(root);
  const full = join3(root, path);
  let stats;
  try {
    stats = lstatSync(full);
  } catch (error) {
    const code = error.code;
    if (code !== "ENOENT" && code !== "ENOTDIR") throw error;
  }
  if (stats?.isSymbolicLink()) return "it is a symbolic link; slipway rewrites only regular files (replace the link with the file)";
  if (stats && !stats.isFile()) return "it is not a regular file";
  let folder = dirname(full);
  for (; ; ) {
    const real = resolved(folder, memo);
    if (real !== void 0) {
      return inside(realRoot, real) ? void 0 : `its folder ${relative(root, folder) || "."} is a symbolic link to ${real}, outside the repository`;
    }
    const up = dirname(folder);
    if (up === folder) return void 0;
    folder = up;
  }
}
async function assertSafeWrite(root, path) {
  const reason = await unsafeWriteReason(root, path);
  if (reason) {
    throw new SlipwayError("INPUT_INVALID", `slipway will not write ${path}: ${reason}`, {
      subject: path,
      hint: "a release writes only regular files inside the repository; commit the real file instead of a link, then plan again"
    });
  }
}
async function writeInside(root, path, text) {
  await assertSafeWrite(root, path);
  const full = join3(root, path);
  await mkdir(dirname(full), { recursive: true });
  await assertSafeWrite(root, path);
  const handle = await open(full, constants.O_WRONLY | constants.O_CREAT | constants.O_TRUNC | constants.O_NOFOLLOW, 420);
  try {
    await handle.writeFile(text);
  } finally {
    await handle.close();
  }
}

// src/adapters/release/worktree-files.ts
async function readWorktreeFile(root, path) {
  try {
    return readFileSync(join4(root, path), "utf8");
  } catch (error) {
    if (error.code === "ENOENT") return void 0;
    throw error;
  }
}
async function writeWorktreeFile(root, path, text) {
  await writeInside(root, path, text);
}

// src/jobs/release/planned-files.ts
import { posix } from "node:path";

// src/core/release/changelog-file.ts
var CHANGELOG_TITLE = "# Changelog";
function prependChangelogSection(existing, section, version) {
  if (existing === void 0 || existing.trim() === "") {
    return { text: `${CHANGELOG_TITLE}

${withNewline(section)}`, changed: true };
  }
  if (hasVersionSection(existing, version)) return { text: existing, changed: false };
  const eol = existing.includes("\r\n") ? "\r\n" : "\n";
  const block = withNewline(section).replace(/\r?\n/g, eol);
  const lines = existing.split(eol);
  const firstSection = lines.findIndex((line) => line.startsWith("## "));
  if (firstSection === -1) {
    const body = existing.endsWith(eol) ? existing : existing + eol;
    return { text: `${body}${body.endsWith(eol + eol) ? "" : eol}${block}`, changed: true };
  }
  const after = lines.slice(firstSection).join(eol);
  let head = firstSection === 0 ? "" : lines.slice(0, firstSection).join(eol) + eol;
  if (head !== "" && !head.endsWith(eol + eol)) head += eol;
  return { text: `${head}${block}${eol}${after}`, changed: true };
}
function hasVersionSection(text, version) {
  const v = version.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
  return new RegExp(`^##\\s+\\[?v?${v}(?:\\]|\\s|$)`, "m").test(text);
}
var withNewline = (text) => text.endsWith("\n") ? text : text + "\n";

// src/jobs/release/planned-files.ts
var changelogPath = (release, changelogName) => posix.join(release.path || ".", changelogName);
function bumpedManifest(write, text) {
  const dependencies = write.dependencyUpdates.map((u) => ({ name: u.name, kind: u.kind, range: u.to }));
  return updaterFor(write.ecosystem).update(text, { ...write.to === void 0 ? {} : { version: write.to }, dependencies }, write.manifestFile);
}
function bumpedVersionFile(release, text, file, version = release.to) {
  return updaterFor(release.ecosystem).update(text, { parentVersion: version }, file);
}
function snapshotManifest(release, text, file) {
  return file === release.manifestFile ? updaterFor(release.ecosystem).update(text, { version: release.nextSnapshot }, file) : bumpedVersionFile(release, text, file, release.nextSnapshot);
}
function changelogWithSection(release, text) {
  return prependChangelogSection(text, release.changelog, release.to);
}
function plannedFiles(plan, changelogName) {
  const files = /* @__PURE__ */ new Map();
  const add = (path, writer) => files.set(path, [...files.get(path) ?? [], writer]);
  for (const release of plan.releases) {
    add(release.manifestFile, { kind: "manifest", release });
    for (const file of release.versionFiles ?? []) add(file, { kind: "version-file", release });
    add(changelogPath(release, changelogName), { kind: "changelog", release });
  }
  for (const update of plan.rangeUpdates) add(update.manifestFile, { kind: "manifest", release: update });
  return files;
}
function releasedContent(path, writers, base) {
  let text = base;
  for (const writer of writers) {
    if (writer.kind === "changelog") text = changelogWithSection(writer.release, text).text;
    else if (text === void 0) continue;
    else if (writer.kind === "version-file") text = bumpedVersionFile(writer.release, text, path);
    else text = bumpedManifest(writer.release, text);
  }
  return text;
}

// src/jobs/release/preflight.ts
var READ_AS_PUBLISHED = {
  npm: (text, file, write) => {
    const { name, version } = packageToPublish(text, file);
    if (!write) return void 0;
    if (name !== write.name) return `its name is "${name}", but the plan releases ${write.name}`;
    if (write.to !== void 0 && version !== write.to) return `its version would be ${version} after the release, not ${write.to}`;
    return void 0;
  },
  python: (text, file) => {
    parseToml(text.replace(/^\uFEFF/, ""), file);
    return void 0;
  },
  maven: (text, file) => {
    parseXml(text.replace(/^\uFEFF/, ""), file);
    return void 0;
  },
  gradle: () => void 0,
  generic: () => void 0
};
async function preflightProblems(input) {
  const { cwd, plan } = input;
  const problems = planProblems(plan, input.now);
  const files = plannedFiles(plan, input.changelogName);
  const realpaths = /* @__PURE__ */ new Map();
  await Promise.all(
    [...files].map(async ([path, writers]) => {
      const unsafe = await unsafeWriteReason(cwd, path, realpaths);
      if (unsafe) {
        problems.push({ subject: path, message: `slipway will not write ${path}: ${unsafe}` });
        return;
      }
      const manifests = writers.filter((w) => w.kind !== "changelog");
      const first = manifests[0];
      if (!first) return;
      try {
        const text = await readWorktreeFile(cwd, path);
        if (text === void 0) {
          problems.push({ subject: path, message: `${path}, the manifest of ${first.release.name}, does not exist` });
          return;
        }
        const written = releasedContent(path, manifests, text) ?? text;
        for (const writer of manifests) {
          const problem = READ_AS_PUBLISHED[writer.release.ecosystem](written, path, writer.kind === "manifest" ? writer.release : void 0);
          if (problem) problems.push({ subject: path, message: `${path}: ${problem}` });
        }
      } catch (error) {
        const subject = isSlipwayError(error) && error.subject ? error.subject : path;
        const message = isSlipwayError(error) ? error.message : formatError(error);
        problems.push({ subject, message: `${subject}: ${message}` });
      }
    })
  );
  return problems;
}
async function preflight(input) {
  const problems = await preflightProblems(input);
  if (problems.length) throw preflightError(problems.sort((a, b) => a.subject.localeCompare(b.subject)));
}

// src/core/plan/release-plan.ts
var PLAN_SCHEMA_VERSION = 2;

export {
  pathRouter,
  isWorkspaceRange,
  PLAN_SCHEMA_VERSION,
  npmRegistry,
  readWorktreeFile,
  writeWorktreeFile,
  changelogPath,
  bumpedManifest,
  bumpedVersionFile,
  snapshotManifest,
  changelogWithSection,
  plannedFiles,
  releasedContent,
  preflight
};
