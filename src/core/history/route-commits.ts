/**
 * Routes changed paths to plugins: a path belongs to the plugin whose folder is its longest
 * matching prefix (plugins/a/b/x.js → plugins/a/b when both plugins/a and plugins/a/b are
 * plugins). A plugin at the repository root ('') owns every path no deeper plugin owns.
 */
import type { PluginName, RepoPath } from '../types.ts';

export interface PathRouter {
  pluginFor(path: string): PluginName | undefined;
}

export function pathRouter(plugins: ReadonlyArray<{ name: PluginName; path: RepoPath }>): PathRouter {
  const byFolder = new Map<string, PluginName>();
  let rootPlugin: PluginName | undefined;
  for (const plugin of plugins) {
    if (plugin.path === '') rootPlugin = plugin.name;
    else byFolder.set(plugin.path, plugin.name);
  }
  // Walking a path's parent folders is O(depth) per file with one Map lookup each, which keeps
  // routing 20,000 commits × files across 1,300 plugins linear.
  return {
    pluginFor(path) {
      let end = path.lastIndexOf('/');
      while (end > 0) {
        const owner = byFolder.get(path.slice(0, end));
        if (owner !== undefined) return owner;
        end = path.lastIndexOf('/', end - 1);
      }
      return rootPlugin;
    },
  };
}
