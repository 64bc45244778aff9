/**
 * The plugin manifest: what a plugin tells the catalog about itself that its package manifest
 * cannot — a display title, a group, categories, an icon and its *elements* (the tasks,
 * triggers, conditions… it provides). It lives in a `slipway` field of package.json (npm) or in
 * `slipway-plugin.json` / `slipway-plugin.yml` in the plugin's folder (every ecosystem).
 * Documented for plugin authors in docs/plugin-manifest.md; keep the two in step.
 *
 * Strict objects: a misspelt key (`titel`) is an error naming it, not a silently ignored field.
 */
import semver from 'semver';
import * as z from 'zod';

export const ELEMENT_KINDS = ['task', 'trigger', 'condition', 'action', 'connection', 'storage', 'other'] as const;
export type ElementKind = (typeof ELEMENT_KINDS)[number];

/** The files a plugin may hold its manifest in, in the order they are looked for. */
export const MANIFEST_FILES = ['slipway-plugin.json', 'slipway-plugin.yml', 'slipway-plugin.yaml'] as const;
/** The package.json field that holds the manifest of an npm plugin. */
export const PACKAGE_JSON_FIELD = 'slipway';

const text = (max: number) => z.string().trim().min(1, 'must not be empty').max(max, `must be at most ${max} characters`);
/** Lower-case words joined by '-': stable keys for filtering on the catalog page. */
const slug = z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'must be lower-case words joined by "-" (e.g. "data-storage")');
const webUrl = z.url({ protocol: /^https?$/, error: 'must be an http(s) URL' });

export const elementSchema = z.strictObject({
  kind: z.enum(ELEMENT_KINDS, { error: `must be one of ${ELEMENT_KINDS.join(', ')}` }),
  name: text(200),
  description: text(1000).optional(),
});

export const pluginManifestSchema = z
  .strictObject({
    /** The name people read ("HTTP requests"); the package name stays the catalog key. */
    title: text(100),
    /** A family of plugins shown together (e.g. "io.kestra.plugin.aws", "storage"). */
    group: text(100).optional(),
    categories: z.array(slug).max(20, 'at most 20 categories').default([]),
    /** A path inside the plugin folder (svg/png/jpeg/gif/webp), a data: URI, or an https URL. */
    icon: text(2_000_000).optional(),
    elements: z.array(elementSchema).min(1, 'must list at least one element (a task, trigger, condition, …)'),
    // Overrides for what the package manifest says, and the only source for ecosystems whose
    // manifest has no such field (Gradle, generic).
    description: text(1000).optional(),
    license: text(100).optional(),
    homepage: webUrl.optional(),
    repository: webUrl.optional(),
    keywords: z.array(text(50)).max(50, 'at most 50 keywords').optional(),
    /** The core versions this plugin works with, as a semver range (e.g. "^1.4.0"). */
    coreRange: z
      .string()
      .refine((range) => semver.validRange(range) !== null, 'must be a semver range such as "^1.4.0" or ">=1.2 <2"')
      .optional(),
  })
  .superRefine((manifest, ctx) => {
    const seen = new Set<string>();
    manifest.elements.forEach((element, index) => {
      const key = `${element.kind} ${element.name}`;
      if (seen.has(key)) ctx.addIssue({ code: 'custom', path: ['elements', index, 'name'], message: `repeats the ${element.kind} "${element.name}"` });
      seen.add(key);
    });
  });

export type PluginManifest = z.infer<typeof pluginManifestSchema>;
export type CatalogElement = z.infer<typeof elementSchema>;

/** One problem with a manifest: the field as a path (`elements[0].kind`) and what is wrong. */
export interface FieldProblem {
  field: string;
  message: string;
}

export type ManifestCheck = { ok: true; manifest: PluginManifest } | { ok: false; problems: FieldProblem[] };

/** Validates a manifest value; `prefix` names where it sits (`slipway` inside package.json, '' in its own file). */
export function checkPluginManifest(value: unknown, prefix = ''): ManifestCheck {
  const result = pluginManifestSchema.safeParse(value);
  if (result.success) return { ok: true, manifest: result.data };
  const problems = result.error.issues.map((issue) => {
    // An unknown key is reported on its parent; name the key itself, which is what to fix.
    const keys = issue.code === 'unrecognized_keys' ? issue.keys : [undefined];
    return keys.map((key) => ({
      field: fieldPath(prefix, key === undefined ? issue.path : [...issue.path, key]),
      message: issue.code === 'unrecognized_keys' ? `is not a manifest field (known: ${knownKeys(issue.path)})` : issue.message,
    }));
  });
  return { ok: false, problems: problems.flat() };
}

function knownKeys(path: readonly PropertyKey[]): string {
  const shape = path.length === 0 ? pluginManifestSchema.shape : elementSchema.shape;
  return Object.keys(shape).join(', ');
}

/** `['elements', 0, 'kind']` with prefix `slipway` → `slipway.elements[0].kind`. */
export function fieldPath(prefix: string, path: readonly PropertyKey[]): string {
  let out = prefix;
  for (const part of path) out += typeof part === 'number' ? `[${part}]` : `${out ? '.' : ''}${String(part)}`;
  return out || '(the manifest)';
}
