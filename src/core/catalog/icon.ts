/**
 * Plugin icons in the catalog are self-contained: a path in the plugin folder is read at the
 * tag and stored as a data: URI, because the catalog is served on its own (GitHub Pages of
 * another branch or repository) where the plugin's files are not. Kept small: the page loads
 * the icon with the plugin's entry.
 */
export const MAX_ICON_BYTES = 100 * 1024;

const MIME_BY_EXTENSION: Record<string, string> = {
  svg: 'image/svg+xml',
  png: 'image/png',
  jpg: 'image/jpeg',
  jpeg: 'image/jpeg',
  gif: 'image/gif',
  webp: 'image/webp',
};

export type IconSource = { kind: 'inline'; uri: string } | { kind: 'file'; path: string };

/** How a manifest's `icon` is to be resolved, or a problem (as text) when it cannot be. */
export function iconSource(icon: string): IconSource | { problem: string } {
  if (/^data:image\/(svg\+xml|png|jpeg|gif|webp)(;[^,]*)?,/.test(icon)) return { kind: 'inline', uri: icon };
  if (icon.startsWith('data:')) return { problem: 'is a data: URI but not of an svg, png, jpeg, gif or webp image' };
  if (/^https:\/\//.test(icon)) return { kind: 'inline', uri: icon };
  if (/^[a-z][a-z0-9+.-]*:/i.test(icon)) return { problem: 'must be a path in the plugin folder, a data:image/… URI or an https URL' };
  const path = icon.replace(/^\.\//, '');
  if (path.startsWith('/') || path.split('/').includes('..')) return { problem: 'must be a path inside the plugin folder (no leading "/", no "..")' };
  if (!mimeOf(path)) return { problem: `must name an image file (${Object.keys(MIME_BY_EXTENSION).join(', ')})` };
  return { kind: 'file', path };
}

export function mimeOf(path: string): string | undefined {
  const extension = /\.([a-z0-9]+)$/i.exec(path)?.[1]?.toLowerCase();
  return extension ? MIME_BY_EXTENSION[extension] : undefined;
}

/** The data: URI of an icon file, or a problem when it is too large. */
export function iconDataUri(path: string, bytes: Uint8Array): { uri: string } | { problem: string } {
  if (bytes.length > MAX_ICON_BYTES) {
    return { problem: `${path} is ${Math.ceil(bytes.length / 1024)} KiB; icons must be at most ${MAX_ICON_BYTES / 1024} KiB (an SVG, or a 128×128 PNG)` };
  }
  return { uri: `data:${mimeOf(path)};base64,${Buffer.from(bytes).toString('base64')}` };
}
