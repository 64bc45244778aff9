/**
 * Where a plugin's file lives in the catalog. Plugin names carry characters a path or URL
 * should not (`@scope/name`, Maven's `group:artifact`), and the branch may be checked out on a
 * case-insensitive disk. So: lower-case letters, digits, '.', '_' and '-' stay; every other
 * byte (upper case included) becomes `~` + two hex digits. '~' is itself escaped, so two
 * names never share a file: `@demo/plugin-http` → `plugins/~40demo~2fplugin-http.json`.
 */
import { PLUGINS_DIR } from './catalog-schema.ts';

export function pluginFileName(name: string): string {
  let safe = '';
  for (const byte of new TextEncoder().encode(name)) {
    const ch = String.fromCharCode(byte);
    safe += /[a-z0-9._-]/.test(ch) ? ch : `~${byte.toString(16).padStart(2, '0')}`;
  }
  // '.' and '..' alone would be path segments, not names.
  if (/^\.+$/.test(safe)) safe = safe.replace(/\./g, '~2e');
  return `${PLUGINS_DIR}/${safe}.json`;
}
