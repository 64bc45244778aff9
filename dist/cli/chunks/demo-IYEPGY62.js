import { createRequire as __slipwayCreateRequire } from 'node:module'; const require = __slipwayCreateRequire(import.meta.url);
import {
  renderPlanText
} from "./chunk-AK5VNLQK.js";
import {
  planRelease
} from "./chunk-W3TYGHOD.js";
import "./chunk-CNJATQYI.js";
import "./chunk-TONHLC5A.js";
import "./chunk-IIVPVJHC.js";
import {
  execa
} from "./chunk-YK4KFZUA.js";
import {
  consoleReporter
} from "./chunk-SMPAV5OI.js";
import {
  parseFlags
} from "./chunk-4WOUKBCQ.js";
import "./chunk-KPGBGOOP.js";
import "./chunk-LDUL6X6Y.js";
import "./chunk-4CSZ42WN.js";
import {
  gitRefName
} from "./chunk-BAVTOFCZ.js";
import {
  SlipwayError
} from "./chunk-LWD5H3C4.js";
import "./chunk-X24BQQWF.js";

// src/cli/commands/demo.ts
import { resolve as resolve2 } from "node:path";

// src/adapters/demo/create-demo-fleet.ts
import { mkdir as mkdir2, mkdtemp, readdir } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join as join2, resolve } from "node:path";

// src/adapters/demo/demo-core-files.ts
function manifest(version) {
  const pkg = {
    name: "@demo/core",
    version,
    description: "The demo core: contexts and tasks that demo plugins plug into.",
    license: "MIT",
    type: "module",
    main: "index.js",
    exports: "./index.js"
  };
  return JSON.stringify(pkg, null, 2) + "\n";
}
function indexJs({ version, use, register }) {
  const useMethod = use ? `
    /** Adds every task a plugin brings. */
    use(plugin) {
      for (const [name, fn] of Object.entries(plugin.tasks ?? {})) tasks.set(name, fn);
      return ctx;
    },` : "";
  return `/** @demo/core: contexts run tasks that plugins bring. */
export const version = '${version}';

const globalTasks = new Map();

/** Registers a task that every context can run. */
export function ${register}(name, fn) {
  if (typeof fn !== 'function') throw new TypeError(\`task \${name} needs a function\`);
  globalTasks.set(name, fn);
}

export function createContext(options = {}) {
  const tasks = new Map();
  const ctx = {
    name: options.name ?? 'demo',${useMethod}
    run(name, input) {
      const fn = tasks.get(name) ?? globalTasks.get(name);
      if (!fn) throw new Error(\`unknown task: \${name}\`);
      return fn(input ?? {}, ctx);
    },
  };
  return ctx;
}
`;
}
var README = `# @demo/core

The core that demo plugins are built against. See index.js: \`createContext()\`, \`ctx.use(plugin)\`,
\`ctx.run(task, input)\`, \`registerTask(name, fn)\` and \`version\`.
`;
function coreFiles(source) {
  return { "package.json": manifest(source.version), "index.js": indexJs(source), "README.md": README };
}

// src/adapters/demo/demo-plugin-files.ts
var DEMO_SCOPE = "@demo";
var DEMO_PLUGINS = {
  http: { description: "HTTP requests as demo tasks.", keywords: ["http", "request"] },
  csv: { description: "Parse CSV text into rows.", keywords: ["csv", "parser"] },
  s3: { description: "Object storage on top of @demo/plugin-http.", keywords: ["s3", "storage"] },
  slack: { description: "Post messages to Slack channels.", keywords: ["slack", "chat"] },
  sql: { description: "Build SQL queries (experimental, 0.x).", keywords: ["sql", "query"] }
};
var CATALOG_MANIFESTS = {
  http: { title: "HTTP", categories: ["network"], task: "http.request", about: "Describe an HTTP request for the host to send." },
  csv: { title: "CSV", categories: ["data", "parsing"], task: "csv.parse", about: "Split CSV text into rows of fields." },
  s3: { title: "Amazon S3", categories: ["cloud", "storage"], task: "s3.put", about: "Store an object in a bucket." },
  slack: { title: "Slack", categories: ["chat", "notifications"], task: "slack.post", about: "Post a message to a channel." },
  sql: { title: "SQL", categories: ["data", "database"], task: "sql.query", about: "Build a SELECT statement." }
};
function catalogManifest(short) {
  const { title, categories, task, about } = CATALOG_MANIFESTS[short];
  return { title, group: DEMO_SCOPE, categories, elements: [{ kind: "task", name: task, description: about }] };
}
var demoPackageName = (short) => `${DEMO_SCOPE}/plugin-${short}`;
var demoPluginDir = (short) => `plugins/${short}`;
function pluginManifest(short, version, dependencies) {
  const pkg = {
    name: demoPackageName(short),
    version,
    description: DEMO_PLUGINS[short].description,
    license: "MIT",
    type: "module",
    main: "index.js",
    keywords: ["demo-plugin", ...DEMO_PLUGINS[short].keywords],
    repository: { type: "git", url: "git+https://github.com/slipway-demo/plugins.git", directory: demoPluginDir(short) },
    scripts: { test: "node --test" },
    ...dependencies ? { dependencies } : {},
    peerDependencies: { "@demo/core": "^1.4.0" },
    slipway: catalogManifest(short)
  };
  return { [`${demoPluginDir(short)}/package.json`]: JSON.stringify(pkg, null, 2) + "\n" };
}
var TEST_PREAMBLE = `import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import plugin from './index.js';

// The core under test: DEMO_CORE_DIR is a folder holding @demo/core (a checkout, or
// node_modules/@demo/core after installing a packed core); by default the core beside the fleet.
const coreDir = resolve(process.env.DEMO_CORE_DIR ?? fileURLToPath(new URL('../../../core', import.meta.url)));
const { main = 'index.js' } = JSON.parse(readFileSync(join(coreDir, 'package.json'), 'utf8'));
const core = await import(pathToFileURL(join(coreDir, main)).href);
`;
function files(short, entries) {
  return Object.fromEntries(Object.entries(entries).map(([file, text]) => [`${demoPluginDir(short)}/${file}`, text]));
}
function readme(short, extra = "") {
  return `# ${demoPackageName(short)}

${DEMO_PLUGINS[short].description}
${extra}`;
}
function httpFiles(stage) {
  const index = `/** @demo/plugin-http: describes HTTP requests; the host runs them. */
export default function httpPlugin(core) {
  const userAgent = \`demo-core/\${core.version}\`;
  return {
    name: '@demo/plugin-http',
    tasks: {
      'http.request': (req) => ({
        method: req.method ?? 'GET',
        url: req.url,
        headers: { 'user-agent': userAgent, ...req.headers },${stage.timeouts ? "\n        timeoutMs: req.timeoutMs ?? 30_000," : ""}${stage.retries ? "\n        retries: req.retries ?? 2," : ""}
      }),
    },
  };
}
`;
  let test = `${TEST_PREAMBLE}
test('http.request describes a GET carrying the core version in its user agent', () => {
  const ctx = core.createContext().use(plugin(core));
  const req = ctx.run('http.request', { url: 'https://example.test/' });
  assert.equal(req.method, 'GET');
  assert.equal(req.headers['user-agent'], \`demo-core/\${core.version}\`);
});
`;
  if (stage.timeouts) {
    test += `
test('requests time out after 30 s unless told otherwise', () => {
  const ctx = core.createContext().use(plugin(core));
  assert.equal(ctx.run('http.request', { url: 'https://example.test/' }).timeoutMs, 30_000);
  assert.equal(ctx.run('http.request', { url: 'https://example.test/', timeoutMs: 5 }).timeoutMs, 5);
});
`;
  }
  if (stage.retries) {
    test += `
test('failed requests are retried twice by default', () => {
  const ctx = core.createContext().use(plugin(core));
  assert.equal(ctx.run('http.request', { url: 'https://example.test/' }).retries, 2);
});
`;
  }
  return files("http", { "index.js": index, "index.test.js": test, "README.md": readme("http") });
}
function csvFiles(stage) {
  const splitLine = stage.quoted ? `function splitLine(line) {${stage.fastPath ? `
  if (!line.includes('"')) return line.split(',');` : ""}
  const fields = [];
  let field = '';
  let quoted = false;
  for (const ch of line) {
    if (ch === '"') quoted = !quoted;
    else if (ch === ',' && !quoted) {
      fields.push(field);
      field = '';
    } else field += ch;
  }
  fields.push(field);
  return fields;
}` : `function splitLine(line) {
  return line.split(',');
}`;
  const index = `/** @demo/plugin-csv: parses CSV text into rows of fields. */
${splitLine}

export default function csvPlugin() {
  return {
    name: '@demo/plugin-csv',
    tasks: {
      'csv.parse': ({ text }) => text.split(${stage.crlf ? "/\\r?\\n/" : "'\\n'"}).filter(Boolean).map(splitLine),
    },
  };
}
`;
  let test = `${TEST_PREAMBLE}
test('csv.parse splits lines and fields', () => {
  const ctx = core.createContext().use(plugin(core));
  assert.deepEqual(ctx.run('csv.parse', { text: 'a,b\\n1,2\\n' }), [['a', 'b'], ['1', '2']]);
});
`;
  if (stage.quoted) {
    test += `
test('a quoted field keeps its commas', () => {
  const ctx = core.createContext().use(plugin(core));
  assert.deepEqual(ctx.run('csv.parse', { text: '"a,b",c' }), [['a,b', 'c']]);
});
`;
  }
  if (stage.crlf) {
    test += `
test('Windows line endings do not leak into the last field', () => {
  const ctx = core.createContext().use(plugin(core));
  assert.deepEqual(ctx.run('csv.parse', { text: 'a,b\\r\\n1,2\\r\\n' }), [['a', 'b'], ['1', '2']]);
});
`;
  }
  return files("csv", { "index.js": index, "index.test.js": test, "README.md": readme("csv") });
}
function s3Files() {
  const index = `/** @demo/plugin-s3: object storage, built on the http.request task of @demo/plugin-http. */
export default function s3Plugin() {
  return {
    name: '@demo/plugin-s3',
    tasks: {
      's3.put': ({ bucket, key, body }, ctx) => ({
        ...ctx.run('http.request', { method: 'PUT', url: \`https://\${bucket}.s3.example/\${key}\` }),
        body,
      }),
    },
  };
}
`;
  const test = `${TEST_PREAMBLE}// The dependency is the sibling workspace folder, so the test needs no install.
import http from '../http/index.js';

test('s3.put is a PUT request made through @demo/plugin-http', () => {
  const ctx = core.createContext().use(http(core)).use(plugin(core));
  const req = ctx.run('s3.put', { bucket: 'logs', key: 'a.txt', body: 'hi' });
  assert.equal(req.method, 'PUT');
  assert.equal(req.url, 'https://logs.s3.example/a.txt');
  assert.equal(req.body, 'hi');
});
`;
  return files("s3", { "index.js": index, "index.test.js": test, "README.md": readme("s3") });
}
function slackFiles(stage) {
  const index = `/** @demo/plugin-slack: posts messages; written against core's registerTask(). */
export default function slackPlugin(core) {
  core.registerTask('slack.post', ({ channel, text }) => ({ channel: channel ?? '#general', text${stage.trim ? ": String(text).trim()" : ""} }));
  return { name: '@demo/plugin-slack', tasks: {} };
}
`;
  const test = `${TEST_PREAMBLE}
test('slack.post goes to #general unless a channel is given', () => {
  const ctx = core.createContext().use(plugin(core));
  assert.deepEqual(ctx.run('slack.post', { text: 'hi' }), { channel: '#general', text: 'hi' });
  assert.equal(ctx.run('slack.post', { channel: '#ops', text: 'hi' }).channel, '#ops');
});
`;
  const docs = stage.channelDocs ? "\n## Options\n\n- `channel`: where to post (default `#general`).\n- `text`: the message.\n" : "";
  return files("slack", { "index.js": index, "index.test.js": test, "README.md": readme("slack", docs) });
}
function sqlFiles(stage) {
  const index = `/** @demo/plugin-sql: builds SQL queries (experimental: 0.x, breaking changes bump the minor). */
export default function sqlPlugin() {
  return {
    name: '@demo/plugin-sql',
    tasks: {
      '${stage.task}': ({ table, columns = ['*']${stage.limit ? ", limit" : ""} }) =>
        \`SELECT \${columns.join(', ')} FROM \${table}\`${stage.limit ? " + (limit ? ` LIMIT ${limit}` : '')" : ""},
    },
  };
}
`;
  let test = `${TEST_PREAMBLE}
test('${stage.task} selects columns from a table', () => {
  const ctx = core.createContext().use(plugin(core));
  assert.equal(ctx.run('${stage.task}', { table: 't', columns: ['a', 'b'] }), 'SELECT a, b FROM t');
});
`;
  if (stage.limit) {
    test += `
test('a limit caps the rows', () => {
  const ctx = core.createContext().use(plugin(core));
  assert.equal(ctx.run('${stage.task}', { table: 't', limit: 5 }), 'SELECT * FROM t LIMIT 5');
});
`;
  }
  return files("sql", { "index.js": index, "index.test.js": test, "README.md": readme("sql") });
}

// src/adapters/demo/scripted-git.ts
import { mkdir, writeFile } from "node:fs/promises";
import { dirname, join } from "node:path";
var IDENTITY = { name: "Demo Maintainer", email: "maintainer@demo.example" };
var ScriptedGit = class _ScriptedGit {
  dir;
  clock;
  tickMs;
  constructor(dir, startMs, tickMs) {
    this.dir = dir;
    this.clock = startMs;
    this.tickMs = tickMs;
  }
  /** `git init` on branch main, with a local identity so later commits (the release job's) work too. */
  static async init(dir, options) {
    const repo = new _ScriptedGit(dir, options.start.getTime(), options.tickMs ?? 36e5);
    await mkdir(dir, { recursive: true });
    await repo.git("init", "-q", "-b", "main");
    await repo.git("config", "user.name", IDENTITY.name);
    await repo.git("config", "user.email", IDENTITY.email);
    await repo.git("config", "commit.gpgsign", "false");
    await repo.git("config", "tag.gpgsign", "false");
    return repo;
  }
  async git(...args) {
    const date = new Date(this.clock).toISOString();
    const { stdout } = await execa("git", args, {
      cwd: this.dir,
      env: {
        GIT_AUTHOR_NAME: IDENTITY.name,
        GIT_AUTHOR_EMAIL: IDENTITY.email,
        GIT_COMMITTER_NAME: IDENTITY.name,
        GIT_COMMITTER_EMAIL: IDENTITY.email,
        GIT_AUTHOR_DATE: date,
        GIT_COMMITTER_DATE: date,
        // A person's own git config (hooks, templates, autocrlf, signing) must not change the SHAs.
        GIT_CONFIG_NOSYSTEM: "1",
        GIT_CONFIG_GLOBAL: "/dev/null"
      }
    });
    return stdout;
  }
  async write(files2) {
    for (const [path, content] of Object.entries(files2)) {
      const full = join(this.dir, path);
      await mkdir(dirname(full), { recursive: true });
      await writeFile(full, content);
    }
  }
  /** Writes the files, stages everything and commits at the next tick. Returns the new SHA. */
  async commit(message, files2) {
    await this.write(files2);
    this.clock += this.tickMs;
    await this.git("add", "-A");
    await this.git("commit", "-q", "--no-verify", "-m", message);
    return this.git("rev-parse", "HEAD");
  }
  /** An annotated tag on HEAD; its tagger date is the last commit's tick. */
  async tag(name) {
    await this.git("tag", "-a", "-m", name, "--", name);
  }
  async checkout(branch, options = {}) {
    await this.git("checkout", "-q", ...options.create ? ["-b"] : [], gitRefName(branch, "demo branch"));
  }
  /** A real merge commit (`--no-ff`) of `branch` into the current branch, then the branch is deleted. */
  async merge(branch, message) {
    this.clock += this.tickMs;
    await this.git("merge", "-q", "--no-ff", "--no-edit", "-m", message, "--end-of-options", branch);
    await this.git("branch", "-q", "-d", "--", branch);
  }
};

// src/adapters/demo/create-demo-fleet.ts
async function createDemoFleet(dir) {
  const root = dir === void 0 ? await mkdtemp(join2(tmpdir(), "slipway-demo-")) : await emptyFolder(dir);
  const coreDir = join2(root, "core");
  const fleetDir = join2(root, "plugins");
  const remoteDir = join2(root, "remote.git");
  await buildCore(coreDir);
  await buildFleet(fleetDir);
  await execa("git", ["init", "-q", "--bare", "-b", "main", "--", remoteDir]);
  const fleet = ["-C", fleetDir];
  await execa("git", [...fleet, "remote", "add", "--", "origin", remoteDir]);
  await execa("git", [...fleet, "push", "-q", "-u", "origin", "main", "--tags"]);
  const plugins = Object.keys(DEMO_PLUGINS).map(demoPackageName);
  return { root, fleetDir, coreDir, remoteDir, plugins };
}
async function emptyFolder(dir) {
  const root = resolve(dir);
  await mkdir2(root, { recursive: true });
  if ((await readdir(root)).length > 0) {
    throw new SlipwayError("USAGE", "the demo fleet needs an empty folder", {
      subject: root,
      hint: "pass a new or empty folder, or none to build the demo in a temp folder"
    });
  }
  return root;
}
async function buildCore(dir) {
  const core = await ScriptedGit.init(dir, { start: /* @__PURE__ */ new Date("2025-01-06T09:00:00Z"), tickMs: 864e5 });
  await core.commit("feat: contexts and a task registry", coreFiles({ version: "1.3.0", use: false, register: "registerTask" }));
  await core.tag("v1.3.0");
  await core.commit("feat: plugins bring their tasks with ctx.use()", coreFiles({ version: "1.4.0", use: true, register: "registerTask" }));
  await core.tag("v1.4.0");
  await core.checkout("develop", { create: true });
  await core.commit(
    "feat!: rename registerTask to defineTask\n\nBREAKING CHANGE: registerTask(name, fn) is now defineTask(name, fn); plugins that call registerTask must switch.",
    coreFiles({ version: "2.0.0-dev", use: true, register: "defineTask" })
  );
  await core.checkout("main");
}
var ROOT_README = `# demo fleet

Plugins for @demo/core, one npm workspace each under plugins/. Run a plugin's tests with
\`node --test\` in its folder; set DEMO_CORE_DIR to test against another build of the core.
`;
var SLIPWAY_YML = `# slipway's settings for the demo fleet; every key is optional.
core:
  # The demo core beside the fleet. Its develop branch renames registerTask, which breaks @demo/plugin-slack.
  repository: ../core
  package: '@demo/core'
compat:
  # node's test runner also writes JUnit XML, so compat reports name the failing tests.
  test: node --test --test-reporter=spec --test-reporter-destination=stdout --test-reporter=junit --test-reporter-destination=junit.xml
  env:
    # The plugins' tests load the core from DEMO_CORE_DIR: here, the core built for the run.
    DEMO_CORE_DIR: '{coreDir}'
`;
function rootFiles(stage) {
  const pkg = {
    name: "demo-fleet",
    private: true,
    workspaces: ["plugins/*"],
    scripts: { test: "npm test --workspaces" },
    ...stage.tooling ? { engines: { node: ">=20" }, packageManager: "npm@10.9.0" } : {}
  };
  const files2 = {
    "package.json": JSON.stringify(pkg, null, 2) + "\n",
    ".gitignore": "node_modules/\njunit.xml\n",
    "slipway.yml": SLIPWAY_YML,
    "README.md": ROOT_README + (stage.layoutDocs ? "\nEach plugin folder holds package.json, index.js, index.test.js and README.md.\n" : "")
  };
  if (stage.tooling) files2[".editorconfig"] = "root = true\n\n[*]\nindent_style = space\nindent_size = 2\n";
  return files2;
}
async function buildFleet(dir) {
  const git = await ScriptedGit.init(dir, { start: /* @__PURE__ */ new Date("2025-02-03T09:00:00Z"), tickMs: 6 * 36e5 });
  const tagAll = async (releases) => {
    for (const [short, version] of Object.entries(releases)) await git.tag(`${demoPackageName(short)}@${version}`);
  };
  const httpRange = (range) => ({ [demoPackageName("http")]: range });
  await git.commit("feat: import the plugin fleet", {
    ...rootFiles({ layoutDocs: false, tooling: false }),
    ...httpFiles({ timeouts: false, retries: false }),
    ...csvFiles({ quoted: false, crlf: false, fastPath: false }),
    ...s3Files(),
    ...slackFiles({ channelDocs: false, trim: false }),
    ...sqlFiles({ limit: false, task: "sql.query" }),
    ...pluginManifest("http", "0.0.0"),
    ...pluginManifest("csv", "0.0.0"),
    ...pluginManifest("s3", "0.0.0", httpRange("^1.0.0")),
    ...pluginManifest("slack", "0.0.0"),
    ...pluginManifest("sql", "0.0.0")
  });
  const first = { http: "1.0.0", csv: "1.0.0", s3: "1.0.0", slack: "1.0.0", sql: "0.1.0" };
  await git.commit("chore(release): publish\n\n" + releaseBody(first), {
    ...pluginManifest("http", first.http),
    ...pluginManifest("csv", first.csv),
    ...pluginManifest("s3", first.s3, httpRange("^1.0.0")),
    ...pluginManifest("slack", first.slack),
    ...pluginManifest("sql", first.sql)
  });
  await tagAll(first);
  await git.commit("feat(http): support request timeouts", httpFiles({ timeouts: true, retries: false }));
  await git.commit("fix(csv): keep commas inside quoted fields", csvFiles({ quoted: true, crlf: false, fastPath: false }));
  await git.commit("feat(sql): add a limit to queries", sqlFiles({ limit: true, task: "sql.query" }));
  await git.commit("docs: describe the fleet layout", rootFiles({ layoutDocs: true, tooling: false }));
  const second = { http: "1.1.0", csv: "1.0.1", s3: "1.0.1", sql: "0.2.0" };
  await git.commit("chore(release): publish\n\n" + releaseBody(second), {
    ...pluginManifest("http", second.http),
    ...pluginManifest("csv", second.csv),
    ...pluginManifest("s3", second.s3, httpRange("^1.1.0")),
    ...pluginManifest("sql", second.sql)
  });
  await tagAll(second);
  await git.commit(
    "feat(http): retry failed requests\n\nRequests are retried twice by default; pass `retries` to change it.",
    httpFiles({ timeouts: true, retries: true })
  );
  await git.commit(
    "fix(csv): ignore carriage returns of Windows line endings",
    csvFiles({ quoted: true, crlf: true, fastPath: false })
  );
  await git.checkout("perf/csv-fast-path", { create: true });
  await git.commit("perf(csv): skip quote handling for lines without quotes", csvFiles({ quoted: true, crlf: true, fastPath: true }));
  await git.checkout("main");
  await git.commit(
    "feat(sql)!: rename the sql.query task to sql.select\n\nBREAKING CHANGE: run `sql.select` where you ran `sql.query`; the input is unchanged.",
    sqlFiles({ limit: true, task: "sql.select" })
  );
  await git.commit("docs(slack): document the channel option", slackFiles({ channelDocs: true, trim: false }));
  await git.commit("chore: update tooling", rootFiles({ layoutDocs: true, tooling: true }));
  await git.commit("update stuff", slackFiles({ channelDocs: true, trim: true }));
  await git.merge("perf/csv-fast-path", "Merge branch 'perf/csv-fast-path'");
}
function releaseBody(versions) {
  return Object.entries(versions).map(([short, version]) => `- ${demoPackageName(short)}@${version}`).join("\n");
}

// src/cli/commands/demo.ts
var usage = `usage: slipway demo [options]

Builds a demo fleet \u2014 a core project and a handful of npm plugins with a Conventional-Commit
history, release tags and a local bare remote \u2014 in a temp folder, and plans its release.
No token and no network are needed.

options:
  --dir DIR     build the demo in DIR instead of a new temp folder
  --json        print the plan as JSON`;
async function run(args, context) {
  const { values } = parseFlags(args, { dir: { type: "string" }, json: { type: "boolean" } }, "demo");
  const reporter = consoleReporter({ debug: context.debug });
  const demo = await createDemoFleet(values.dir ? resolve2(values.dir) : void 0);
  reporter.info(`demo fleet: ${demo.plugins.length} plugins in ${demo.fleetDir} (core: ${demo.coreDir}, remote: ${demo.remoteDir})`);
  const { plan } = await planRelease({ cwd: demo.fleetDir, reporter });
  process.stdout.write(values.json ? JSON.stringify(plan, null, 2) + "\n" : renderPlanText(plan));
  if (!values.json) {
    const planned = new Set(plan.releases.map((r) => r.name));
    const quiet = demo.plugins.filter((name) => !planned.has(name));
    if (quiet.length) {
      const one = quiet.length === 1;
      reporter.info(`
Not released: ${quiet.join(", ")}: ${one ? "its" : "their"} commits since ${one ? "its" : "their"} last release are docs, chore, test and the like, which release nothing (versioning.releaseTypes in slipway.yml, e.g. { docs: patch }, makes a type release).`);
    }
    reporter.info(`
Next: try \`${ownCommand()} plan --cwd ${shellWord(demo.fleetDir)}\` yourself.`);
  }
  return 0;
}
function ownCommand() {
  const script = process.argv[1] ?? "";
  return /[\\/]src[\\/]cli[\\/]main\.ts$/.test(script) ? "npm run slipway --" : "npx slipway";
}
function shellWord(path) {
  return /^[\w@%+=:,./-]+$/.test(path) ? path : `'${path.replace(/'/g, "'\\''")}'`;
}
export {
  run,
  usage
};
