/**
 * The demo core, `@demo/core`: a tiny host API that the demo plugins are written against.
 *
 *   createContext(options) → ctx with ctx.use(plugin) and ctx.run(task, input)
 *   registerTask(name, fn)   a task every context sees (the imperative API)
 *   version
 *
 * Its `develop` branch renames registerTask to defineTask (2.0.0-dev), so a plugin that calls
 * registerTask really fails against develop while plugins that only use ctx.use() keep passing.
 */
import type { Files } from './scripted-git.ts';

function manifest(version: string): string {
  const pkg = {
    name: '@demo/core',
    version,
    description: 'The demo core: contexts and tasks that demo plugins plug into.',
    license: 'MIT',
    type: 'module',
    main: 'index.js',
    exports: './index.js',
  };
  return JSON.stringify(pkg, null, 2) + '\n';
}

interface CoreSource {
  version: string;
  /** Whether contexts accept plugins through ctx.use() (added in 1.4.0). */
  use: boolean;
  /** The name of the global task registration function. */
  register: 'registerTask' | 'defineTask';
}

function indexJs({ version, use, register }: CoreSource): string {
  const useMethod = use
    ? `
    /** Adds every task a plugin brings. */
    use(plugin) {
      for (const [name, fn] of Object.entries(plugin.tasks ?? {})) tasks.set(name, fn);
      return ctx;
    },`
    : '';
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

const README = `# @demo/core

The core that demo plugins are built against. See index.js: \`createContext()\`, \`ctx.use(plugin)\`,
\`ctx.run(task, input)\`, \`registerTask(name, fn)\` and \`version\`.
`;

export function coreFiles(source: CoreSource): Files {
  return { 'package.json': manifest(source.version), 'index.js': indexJs(source), 'README.md': README };
}
