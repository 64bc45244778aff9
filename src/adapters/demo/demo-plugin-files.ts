/**
 * The demo plugins' files, at each point of the demo history.
 *
 * A plugin's index.js exports `default (core) => ({ name, tasks })`: the host hands the core's
 * API to the plugin (as Babel hands its API to plugins), so nothing needs installing. Each
 * plugin's `index.test.js` runs with plain `node --test` and finds the core through
 * DEMO_CORE_DIR — a folder holding @demo/core: a checkout, a worktree of the core's develop
 * branch, or `node_modules/@demo/core` after `npm install <packed core>.tgz` — and falls back
 * to the core checkout beside the fleet (`<root>/core`, i.e. `../../../core` from the test file).
 */
import type { Files } from './scripted-git.ts';

export const DEMO_SCOPE = '@demo';

/** Short name → what the plugin is; the folder is plugins/<short>, the package @demo/plugin-<short>. */
export const DEMO_PLUGINS = {
  http: { description: 'HTTP requests as demo tasks.', keywords: ['http', 'request'] },
  csv: { description: 'Parse CSV text into rows.', keywords: ['csv', 'parser'] },
  s3: { description: 'Object storage on top of @demo/plugin-http.', keywords: ['s3', 'storage'] },
  slack: { description: 'Post messages to Slack channels.', keywords: ['slack', 'chat'] },
  sql: { description: 'Build SQL queries (experimental, 0.x).', keywords: ['sql', 'query'] },
} as const;

/** Each plugin's catalog manifest (package.json's `slipway` field; see docs/plugin-manifest.md). */
const CATALOG_MANIFESTS: Record<keyof typeof DEMO_PLUGINS, { title: string; categories: string[]; task: string; about: string }> = {
  http: { title: 'HTTP', categories: ['network'], task: 'http.request', about: 'Describe an HTTP request for the host to send.' },
  csv: { title: 'CSV', categories: ['data', 'parsing'], task: 'csv.parse', about: 'Split CSV text into rows of fields.' },
  s3: { title: 'Amazon S3', categories: ['cloud', 'storage'], task: 's3.put', about: 'Store an object in a bucket.' },
  slack: { title: 'Slack', categories: ['chat', 'notifications'], task: 'slack.post', about: 'Post a message to a channel.' },
  sql: { title: 'SQL', categories: ['data', 'database'], task: 'sql.query', about: 'Build a SELECT statement.' },
};

function catalogManifest(short: DemoPlugin) {
  const { title, categories, task, about } = CATALOG_MANIFESTS[short];
  return { title, group: DEMO_SCOPE, categories, elements: [{ kind: 'task', name: task, description: about }] };
}

export type DemoPlugin = keyof typeof DEMO_PLUGINS;

export const demoPackageName = (short: DemoPlugin) => `${DEMO_SCOPE}/plugin-${short}`;
export const demoPluginDir = (short: DemoPlugin) => `plugins/${short}`;

export function pluginManifest(short: DemoPlugin, version: string, dependencies?: Record<string, string>): Files {
  const pkg = {
    name: demoPackageName(short),
    version,
    description: DEMO_PLUGINS[short].description,
    license: 'MIT',
    type: 'module',
    main: 'index.js',
    keywords: ['demo-plugin', ...DEMO_PLUGINS[short].keywords],
    repository: { type: 'git', url: 'git+https://github.com/slipway-demo/plugins.git', directory: demoPluginDir(short) },
    scripts: { test: 'node --test' },
    ...(dependencies ? { dependencies } : {}),
    peerDependencies: { '@demo/core': '^1.4.0' },
    slipway: catalogManifest(short),
  };
  return { [`${demoPluginDir(short)}/package.json`]: JSON.stringify(pkg, null, 2) + '\n' };
}

const TEST_PREAMBLE = `import { test } from 'node:test';
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

function files(short: DemoPlugin, entries: Record<string, string>): Files {
  return Object.fromEntries(Object.entries(entries).map(([file, text]) => [`${demoPluginDir(short)}/${file}`, text]));
}

function readme(short: DemoPlugin, extra = ''): string {
  return `# ${demoPackageName(short)}\n\n${DEMO_PLUGINS[short].description}\n${extra}`;
}

// ---- http ------------------------------------------------------------------------------

export function httpFiles(stage: { timeouts: boolean; retries: boolean }): Files {
  const index = `/** @demo/plugin-http: describes HTTP requests; the host runs them. */
export default function httpPlugin(core) {
  const userAgent = \`demo-core/\${core.version}\`;
  return {
    name: '@demo/plugin-http',
    tasks: {
      'http.request': (req) => ({
        method: req.method ?? 'GET',
        url: req.url,
        headers: { 'user-agent': userAgent, ...req.headers },${stage.timeouts ? '\n        timeoutMs: req.timeoutMs ?? 30_000,' : ''}${stage.retries ? '\n        retries: req.retries ?? 2,' : ''}
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
  return files('http', { 'index.js': index, 'index.test.js': test, 'README.md': readme('http') });
}

// ---- csv -------------------------------------------------------------------------------

export function csvFiles(stage: { quoted: boolean; crlf: boolean; fastPath: boolean }): Files {
  const splitLine = stage.quoted
    ? `function splitLine(line) {${stage.fastPath ? "\n  if (!line.includes('\"')) return line.split(',');" : ''}
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
}`
    : `function splitLine(line) {
  return line.split(',');
}`;
  const index = `/** @demo/plugin-csv: parses CSV text into rows of fields. */
${splitLine}

export default function csvPlugin() {
  return {
    name: '@demo/plugin-csv',
    tasks: {
      'csv.parse': ({ text }) => text.split(${stage.crlf ? '/\\r?\\n/' : "'\\n'"}).filter(Boolean).map(splitLine),
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
  return files('csv', { 'index.js': index, 'index.test.js': test, 'README.md': readme('csv') });
}

// ---- s3 (depends on http) --------------------------------------------------------------

export function s3Files(): Files {
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
  return files('s3', { 'index.js': index, 'index.test.js': test, 'README.md': readme('s3') });
}

// ---- slack (uses the imperative registerTask API: breaks against core develop) ---------

export function slackFiles(stage: { channelDocs: boolean; trim: boolean }): Files {
  const index = `/** @demo/plugin-slack: posts messages; written against core's registerTask(). */
export default function slackPlugin(core) {
  core.registerTask('slack.post', ({ channel, text }) => ({ channel: channel ?? '#general', text${stage.trim ? ': String(text).trim()' : ''} }));
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
  const docs = stage.channelDocs
    ? '\n## Options\n\n- `channel`: where to post (default `#general`).\n- `text`: the message.\n'
    : '';
  return files('slack', { 'index.js': index, 'index.test.js': test, 'README.md': readme('slack', docs) });
}

// ---- sql (0.x) -------------------------------------------------------------------------

export function sqlFiles(stage: { limit: boolean; task: 'sql.query' | 'sql.select' }): Files {
  const index = `/** @demo/plugin-sql: builds SQL queries (experimental: 0.x, breaking changes bump the minor). */
export default function sqlPlugin() {
  return {
    name: '@demo/plugin-sql',
    tasks: {
      '${stage.task}': ({ table, columns = ['*']${stage.limit ? ', limit' : ''} }) =>
        \`SELECT \${columns.join(', ')} FROM \${table}\`${stage.limit ? " + (limit ? ` LIMIT ${limit}` : '')" : ''},
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
  return files('sql', { 'index.js': index, 'index.test.js': test, 'README.md': readme('sql') });
}
