import { createRequire as __slipwayCreateRequire } from 'node:module'; const require = __slipwayCreateRequire(import.meta.url);
import {
  byCodePoint,
  stableJson
} from "./chunk-Z7O4MYUZ.js";
import {
  elementSchema
} from "./chunk-TWRVX27L.js";
import {
  _enum,
  array,
  literal,
  strictObject,
  string
} from "./chunk-P343D4NB.js";
import {
  ECOSYSTEMS,
  require_semver
} from "./chunk-BAVTOFCZ.js";
import {
  SlipwayError
} from "./chunk-LWD5H3C4.js";
import {
  __toESM
} from "./chunk-X24BQQWF.js";

// src/core/catalog/catalog-schema.ts
var CATALOG_SCHEMA_VERSION = 1;
var catalogVersionSchema = strictObject({
  version: string(),
  /** A Maven artifact (one subproject/module of a Gradle/Maven release unit): its coordinate. */
  groupId: string().optional(),
  artifactId: string().optional(),
  /** The release unit the artifact ships with (its tag is the unit's), when it is not the artifact itself. */
  unit: string().optional(),
  /** The release tag; absent when the entry was made from a commit. */
  tag: string().optional(),
  commit: string(),
  /** When the version was released: the tag's date (tagger date, or commit date for a lightweight tag), ISO 8601 UTC. */
  releaseDate: string(),
  ecosystem: _enum(ECOSYSTEMS),
  title: string(),
  group: string().optional(),
  description: string(),
  license: string().optional(),
  homepage: string().optional(),
  repository: string().optional(),
  keywords: array(string()),
  categories: array(string()),
  /** A data: URI or an https URL. */
  icon: string().optional(),
  /** The core versions this version works with (a semver range). */
  coreRange: string().optional(),
  /** This version's section of the plugin's changelog (Markdown). */
  releaseNotes: string().optional(),
  elements: array(elementSchema)
});
var catalogEntrySchema = catalogVersionSchema.extend({ name: string() });
var pluginFileSchema = strictObject({
  schemaVersion: literal(CATALOG_SCHEMA_VERSION),
  name: string(),
  /** Newest first (semver order). */
  versions: array(catalogVersionSchema)
});
var indexedVersionSchema = strictObject({
  version: string(),
  coreRange: string().optional(),
  releaseDate: string()
});
var indexedPluginSchema = strictObject({
  name: string(),
  /** The plugin's file, relative to index.json. */
  file: string(),
  /** The highest stable version (the highest prerelease when there is no stable one). */
  latest: string(),
  groupId: string().optional(),
  artifactId: string().optional(),
  ecosystem: _enum(ECOSYSTEMS),
  title: string(),
  group: string().optional(),
  description: string(),
  keywords: array(string()),
  categories: array(string()),
  /** Newest first. */
  versions: array(indexedVersionSchema)
});
var catalogIndexSchema = strictObject({
  schemaVersion: literal(CATALOG_SCHEMA_VERSION),
  /** Sorted by name (code points). */
  plugins: array(indexedPluginSchema)
});
var INDEX_FILE = "index.json";
var PAGE_FILE = "index.html";
var NOJEKYLL_FILE = ".nojekyll";
var PLUGINS_DIR = "plugins";

// src/core/catalog/plugin-file-name.ts
function pluginFileName(name) {
  let safe = "";
  for (const byte of new TextEncoder().encode(name)) {
    const ch = String.fromCharCode(byte);
    safe += /[a-z0-9._-]/.test(ch) ? ch : `~${byte.toString(16).padStart(2, "0")}`;
  }
  if (/^\.+$/.test(safe)) safe = safe.replace(/\./g, "~2e");
  return `${PLUGINS_DIR}/${safe}.json`;
}

// src/core/catalog/merge-catalog.ts
var import_semver = __toESM(require_semver(), 1);

// src/core/catalog/catalog-page.ts
function catalogPage() {
  return PAGE;
}
var PAGE = `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Plugin catalog</title>
<style>
  :root { --fg: #1f2328; --muted: #59636e; --line: #d1d9e0; --bg: #f6f8fa; --accent: #0969da; --chip: #ddf4ff; }
  * { box-sizing: border-box; }
  [hidden] { display: none !important; }
  body { margin: 0; font: 15px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: var(--fg); background: #fff; }
  header { padding: 20px 32px 16px; border-bottom: 1px solid var(--line); background: var(--bg); }
  h1 { margin: 0 0 12px; font-size: 22px; }
  .controls { display: flex; gap: 12px; flex-wrap: wrap; align-items: center; }
  input[type=search], select { font: inherit; padding: 7px 10px; border: 1px solid var(--line); border-radius: 6px; background: #fff; }
  input[type=search] { flex: 1 1 320px; max-width: 520px; }
  #count { color: var(--muted); }
  main { padding: 16px 32px 40px; max-width: 1100px; }
  ul.plugins { list-style: none; margin: 0; padding: 0; display: grid; grid-template-columns: repeat(auto-fill, minmax(320px, 1fr)); gap: 12px; }
  li.plugin a { display: flex; gap: 12px; padding: 12px 14px; border: 1px solid var(--line); border-radius: 8px; color: inherit; text-decoration: none; height: 100%; }
  li.plugin a:hover { border-color: var(--accent); box-shadow: 0 1px 3px rgba(9,105,218,.15); }
  .badge { flex: 0 0 40px; width: 40px; height: 40px; border-radius: 8px; background: var(--chip); color: var(--accent); display: grid; place-items: center; font-weight: 700; font-size: 18px; overflow: hidden; }
  .badge img { width: 40px; height: 40px; object-fit: contain; }
  .title { font-weight: 600; }
  .name, .meta { color: var(--muted); font-size: 13px; }
  .desc { margin: 2px 0 6px; }
  .chips { display: flex; gap: 6px; flex-wrap: wrap; }
  .chip { background: var(--chip); color: #0550ae; border-radius: 12px; padding: 0 8px; font-size: 12px; }
  .version { font-family: ui-monospace, SFMono-Regular, Menlo, monospace; font-size: 13px; }
  #detail h2 { margin: 8px 0 4px; display: flex; gap: 12px; align-items: center; }
  #detail section { margin-top: 20px; }
  #detail h3 { font-size: 16px; margin: 0 0 8px; border-bottom: 1px solid var(--line); padding-bottom: 4px; }
  table { border-collapse: collapse; width: 100%; }
  th, td { text-align: left; padding: 6px 10px; border-bottom: 1px solid var(--line); vertical-align: top; }
  th { background: var(--bg); font-weight: 600; font-size: 13px; }
  details { margin: 4px 0; }
  .notes { padding: 4px 12px; border-left: 3px solid var(--line); }
  .notes h4 { margin: 8px 0 4px; font-size: 14px; }
  .notes ul { margin: 4px 0; padding-left: 20px; }
  a { color: var(--accent); }
  .back { display: inline-block; margin-bottom: 8px; }
  .empty, .error { color: var(--muted); padding: 24px 0; }
  .error { color: #cf222e; }
  code { background: var(--bg); padding: 0 4px; border-radius: 4px; }
</style>
</head>
<body>
<header>
  <h1>Plugin catalog</h1>
  <div class="controls" id="controls">
    <input type="search" id="search" placeholder="Search plugins by name, description, keyword or category" aria-label="Search plugins">
    <select id="category" aria-label="Category"><option value="">All categories</option></select>
    <span id="count"></span>
  </div>
</header>
<main>
  <div id="list-view">
    <ul class="plugins" id="plugins"></ul>
    <p class="empty" id="empty" hidden>No plugin matches.</p>
  </div>
  <div id="detail" hidden></div>
  <p class="error" id="error" hidden></p>
</main>
<script type="module">
const $ = (id) => document.getElementById(id);
const el = (tag, props = {}, ...children) => {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(props)) {
    if (key === 'className') node.className = value;
    else if (key === 'text') node.textContent = value;
    else node.setAttribute(key, value);
  }
  for (const child of children) if (child != null) node.append(child);
  return node;
};
const safeUrl = (url) => (typeof url === 'string' && /^https?:\\/\\//.test(url) ? url : null);
const safeIcon = (icon) => (typeof icon === 'string' && (/^data:image\\//.test(icon) || /^https:\\/\\//.test(icon)) ? icon : null);

let plugins = [];

function showError(message) {
  $('error').textContent = message;
  $('error').hidden = false;
}

async function getJson(path) {
  const response = await fetch(path, { cache: 'no-cache' });
  if (!response.ok) throw new Error(path + ': HTTP ' + response.status);
  return response.json();
}

function badge(plugin, icon) {
  const node = el('span', { className: 'badge', 'aria-hidden': 'true' });
  const src = safeIcon(icon);
  if (src) node.append(el('img', { src, alt: '' }));
  else node.textContent = (plugin.title || plugin.name).replace(/^[^A-Za-z0-9]+/, '').charAt(0).toUpperCase();
  return node;
}

function matches(plugin, words, category) {
  if (category && !plugin.categories.includes(category)) return false;
  const haystack = [plugin.name, plugin.title, plugin.description, plugin.group || '', ...plugin.keywords, ...plugin.categories].join(' ').toLowerCase();
  return words.every((word) => haystack.includes(word));
}

function renderList() {
  const words = $('search').value.toLowerCase().split(/\\s+/).filter(Boolean);
  const category = $('category').value;
  const shown = plugins.filter((plugin) => matches(plugin, words, category));
  const list = $('plugins');
  list.replaceChildren(
    ...shown.map((plugin) =>
      el('li', { className: 'plugin', 'data-name': plugin.name },
        el('a', { href: '#plugin=' + encodeURIComponent(plugin.name) },
          badge(plugin),
          el('div', {},
            el('div', {}, el('span', { className: 'title', text: plugin.title }), ' ', el('span', { className: 'version', text: plugin.latest })),
            el('div', { className: 'name', text: plugin.name }),
            el('div', { className: 'desc', text: plugin.description }),
            el('div', { className: 'chips' }, ...plugin.categories.map((c) => el('span', { className: 'chip', text: c }))),
          ),
        ),
      ),
    ),
  );
  $('empty').hidden = shown.length > 0;
  $('count').textContent = shown.length === plugins.length ? plugins.length + ' plugins' : shown.length + ' of ' + plugins.length + ' plugins';
}

/** A little Markdown, safely: escape everything, then add headings, lists, bold, code and http(s) links. */
function markdown(text) {
  const escape = (s) => s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]);
  const inline = (s) =>
    escape(s)
      .replace(/\`([^\`]+)\`/g, '<code>$1</code>')
      .replace(/\\*\\*([^*]+)\\*\\*/g, '<strong>$1</strong>')
      .replace(/\\[([^\\]]+)\\]\\((https?:\\/\\/[^\\s)]+)\\)/g, '<a href="$2" rel="nofollow noopener">$1</a>');
  let html = '';
  let inList = false;
  for (const line of text.split('\\n')) {
    const item = /^\\s*[*-]\\s+(.*)$/.exec(line);
    if (item) {
      if (!inList) html += '<ul>';
      inList = true;
      html += '<li>' + inline(item[1]) + '</li>';
      continue;
    }
    if (inList) html += '</ul>';
    inList = false;
    const heading = /^#{1,6}\\s+(.*)$/.exec(line);
    if (heading) html += '<h4>' + inline(heading[1]) + '</h4>';
    else if (line.trim()) html += '<p>' + inline(line) + '</p>';
  }
  return html + (inList ? '</ul>' : '');
}

async function renderDetail(name) {
  const summary = plugins.find((plugin) => plugin.name === name);
  const detail = $('detail');
  if (!summary) {
    detail.replaceChildren(el('a', { href: '#', className: 'back', text: '\u2190 All plugins' }), el('p', { className: 'error', text: 'No plugin named ' + name + ' in this catalog.' }));
    return;
  }
  const file = await getJson(summary.file);
  const latest = file.versions.find((v) => v.version === summary.latest) || file.versions[0];
  const links = [['homepage', latest.homepage], ['repository', latest.repository]]
    .filter(([, url]) => safeUrl(url))
    .map(([label, url]) => el('a', { href: safeUrl(url), rel: 'nofollow noopener', text: label }));
  const facts = [
    ['Latest', summary.latest],
    ['Core', latest.coreRange || 'not declared'],
    ['License', latest.license || '\u2014'],
    ['Group', latest.group || '\u2014'],
    ['Ecosystem', latest.ecosystem],
  ];
  const elements = el('table', { id: 'elements' },
    el('thead', {}, el('tr', {}, el('th', { text: 'Kind' }), el('th', { text: 'Name' }), el('th', { text: 'Description' }))),
    el('tbody', {}, ...latest.elements.map((e) => el('tr', {}, el('td', { text: e.kind }), el('td', { className: 'version', text: e.name }), el('td', { text: e.description || '' })))),
  );
  const versions = el('table', { id: 'versions' },
    el('thead', {}, el('tr', {}, el('th', { text: 'Version' }), el('th', { text: 'Released' }), el('th', { text: 'Core range' }), el('th', { text: 'Release notes' }))),
    el('tbody', {}, ...file.versions.map((v) => {
      const notes = v.releaseNotes ? el('details', {}, el('summary', { text: 'notes' }), el('div', { className: 'notes' })) : el('span', { className: 'meta', text: '\u2014' });
      if (v.releaseNotes) notes.lastChild.innerHTML = markdown(v.releaseNotes);
      return el('tr', { 'data-version': v.version },
        el('td', { className: 'version', text: v.version }),
        el('td', { text: v.releaseDate.slice(0, 10) }),
        el('td', { className: 'version', text: v.coreRange || '\u2014' }),
        el('td', {}, notes));
    })),
  );
  detail.replaceChildren(
    el('a', { href: '#', className: 'back', text: '\u2190 All plugins' }),
    el('h2', {}, badge(summary, latest.icon), el('span', { text: latest.title })),
    el('div', { className: 'name', text: file.name }),
    el('p', { text: latest.description }),
    el('div', { className: 'chips' }, ...latest.categories.map((c) => el('span', { className: 'chip', text: c })), ...latest.keywords.map((k) => el('span', { className: 'chip', text: '#' + k }))),
    el('p', { className: 'meta' }, ...facts.flatMap(([label, value], i) => [i ? ' \xB7 ' : '', label + ': ', el('span', { className: 'version', text: value })]), ...links.flatMap((a) => [' \xB7 ', a])),
    el('section', {}, el('h3', { text: 'Elements' }), elements),
    el('section', {}, el('h3', { text: 'Versions' }), versions),
  );
}

async function route() {
  const match = /^#plugin=(.+)$/.exec(location.hash);
  $('list-view').hidden = Boolean(match);
  $('controls').hidden = Boolean(match);
  $('detail').hidden = !match;
  if (match) await renderDetail(decodeURIComponent(match[1])).catch((error) => showError(String(error.message || error)));
  else renderList();
}

async function start() {
  if (location.protocol === 'file:') {
    showError('Open this page over http(s) (GitHub Pages, or any static server): browsers do not let a file:// page fetch index.json.');
    return;
  }
  const index = await getJson('index.json');
  plugins = index.plugins;
  const categories = [...new Set(plugins.flatMap((p) => p.categories))].sort();
  $('category').append(...categories.map((c) => el('option', { value: c, text: c })));
  $('search').addEventListener('input', renderList);
  $('category').addEventListener('change', renderList);
  addEventListener('hashchange', route);
  await route();
  document.body.dataset.ready = 'true';
}

start().catch((error) => showError('The catalog could not be loaded: ' + (error.message || error)));
</script>
</body>
</html>
`;

// src/core/catalog/merge-catalog.ts
function staticFiles() {
  return /* @__PURE__ */ new Map([
    [PAGE_FILE, catalogPage()],
    [NOJEKYLL_FILE, ""]
  ]);
}
function filesToRead(entries) {
  const plugins = new Set(entries.map((entry) => pluginFileName(entry.name)));
  return [INDEX_FILE, ...staticFiles().keys(), ...[...plugins].sort(byCodePoint)];
}
function mergeCatalog(current, entries) {
  const next = staticFiles();
  const index = readIndex(current.get(INDEX_FILE));
  const summaries = new Map(index.plugins.map((plugin) => [plugin.name, plugin]));
  for (const [name, versions] of byPlugin(entries)) {
    const path = pluginFileName(name);
    const existing = readPluginFile(current.get(path), path, name);
    const merged = new Map(existing.versions.map((v) => [v.version, v]));
    for (const version of versions) merged.set(version.version, version);
    const file = pluginFile(name, [...merged.values()]);
    next.set(path, stableJson(file));
    summaries.set(name, summarise(file, path));
  }
  next.set(INDEX_FILE, indexText([...summaries.values()]));
  return next;
}
function buildCatalog(entries, keep = /* @__PURE__ */ new Map()) {
  const next = staticFiles();
  const summaries = [];
  const built = /* @__PURE__ */ new Set();
  for (const [name, versions] of byPlugin(entries)) {
    const path = pluginFileName(name);
    const file = pluginFile(name, versions);
    next.set(path, stableJson(file));
    summaries.push(summarise(file, path));
    built.add(path);
  }
  for (const [path, text] of keep) {
    if (built.has(path)) continue;
    const file = readPluginFile(text, path);
    next.set(path, text);
    summaries.push(summarise(file, path));
  }
  next.set(INDEX_FILE, indexText(summaries));
  return next;
}
function changedFiles(current, next, options = {}) {
  const changes = /* @__PURE__ */ new Map();
  for (const [path, text] of next) if (current.get(path) !== text) changes.set(path, text);
  if (options.prune) {
    for (const [path, text] of current) {
      if (text !== void 0 && path.startsWith(`${PLUGINS_DIR}/`) && !next.has(path)) changes.set(path, null);
    }
  }
  return new Map([...changes].sort(([a], [b]) => byCodePoint(a, b)));
}
function readIndex(text) {
  if (text === void 0) return { schemaVersion: CATALOG_SCHEMA_VERSION, plugins: [] };
  return parseCatalogFile(text, INDEX_FILE, catalogIndexSchema);
}
function readPluginFile(text, path, name) {
  if (text === void 0) return { schemaVersion: CATALOG_SCHEMA_VERSION, name: name ?? "", versions: [] };
  const file = parseCatalogFile(text, path, pluginFileSchema);
  if (name !== void 0 && file.name !== name) {
    throw catalogInvalid(path, `holds plugin "${file.name}", but this path belongs to "${name}"`);
  }
  for (const version of file.versions) {
    if (import_semver.default.valid(version.version) !== version.version) throw catalogInvalid(path, `version "${version.version}" is not semver`);
  }
  return file;
}
function parseCatalogFile(text, path, schema) {
  let value;
  try {
    value = JSON.parse(text);
  } catch (error) {
    throw catalogInvalid(path, `is not valid JSON: ${error.message}`);
  }
  const result = schema.safeParse(value);
  if (!result.success) {
    const issue = result.error.issues[0];
    throw catalogInvalid(path, `does not fit catalog schema ${CATALOG_SCHEMA_VERSION}: ${issue.path.join(".") || "(root)"} ${issue.message}`);
  }
  return result.data;
}
function catalogInvalid(path, message) {
  return new SlipwayError("CATALOG_INVALID", message, {
    subject: path,
    hint: "catalog files are generated: if it was edited by hand, run `slipway index --rebuild` to make the catalog again from the tags"
  });
}
function byPlugin(entries) {
  const groups = /* @__PURE__ */ new Map();
  for (const { name, ...version } of entries) {
    const list = groups.get(name) ?? [];
    const same = list.findIndex((v) => v.version === version.version);
    if (same >= 0) list.splice(same, 1);
    list.push(version);
    groups.set(name, list);
  }
  return groups;
}
function pluginFile(name, versions) {
  return { schemaVersion: CATALOG_SCHEMA_VERSION, name, versions: [...versions].sort((a, b) => import_semver.default.rcompare(a.version, b.version)) };
}
function latestVersion(newestFirst) {
  return newestFirst.find((v) => import_semver.default.prerelease(v.version) === null) ?? newestFirst[0];
}
function summarise(file, path) {
  const latest = latestVersion(file.versions);
  if (!latest) throw catalogInvalid(path, "lists no versions");
  return {
    name: file.name,
    file: path,
    latest: latest.version,
    ...latest.groupId === void 0 ? {} : { groupId: latest.groupId },
    ...latest.artifactId === void 0 ? {} : { artifactId: latest.artifactId },
    ecosystem: latest.ecosystem,
    title: latest.title,
    group: latest.group,
    description: latest.description,
    keywords: latest.keywords,
    categories: latest.categories,
    versions: file.versions.map((v) => ({ version: v.version, coreRange: v.coreRange, releaseDate: v.releaseDate }))
  };
}
function indexText(plugins) {
  const index = { schemaVersion: CATALOG_SCHEMA_VERSION, plugins: [...plugins].sort((a, b) => byCodePoint(a.name, b.name)) };
  return stableJson(index);
}

export {
  catalogEntrySchema,
  INDEX_FILE,
  PLUGINS_DIR,
  pluginFileName,
  staticFiles,
  filesToRead,
  mergeCatalog,
  buildCatalog,
  changedFiles,
  readIndex
};
