/**
 * Where a pyproject.toml declares requirements, and what kind each place is:
 * `[project] dependencies` (runtime), `[project.optional-dependencies]` (optional, except the
 * groups named like development groups: dev, test, docs, lint…), PEP 735 `[dependency-groups]`
 * and uv's `[tool.uv] dev-dependencies` (dev). Paths are key paths as ./toml-strings.ts gives
 * them, ending in the array index.
 */
import type { DependencyKind } from '../../../core/types.ts';
import { tableAt, type Toml } from './pyproject.ts';

/** optional-dependencies groups that hold development tools by convention, not features for users. */
const DEV_GROUPS = new Set(['dev', 'develop', 'development', 'test', 'tests', 'testing', 'doc', 'docs', 'lint', 'linting', 'typing', 'type', 'types', 'check', 'ci']);

const groupKind = (group: string): DependencyKind => (DEV_GROUPS.has(group.toLowerCase()) ? 'dev' : 'optional');

/** The kind of the requirement string at `path`, or undefined when the path holds no requirement. */
export function requirementKindAt(path: readonly string[]): DependencyKind | undefined {
  const at = (...keys: string[]) => path.length === keys.length + 1 && keys.every((key, i) => key === '*' || path[i] === key);
  if (at('project', 'dependencies')) return 'runtime';
  if (at('project', 'optional-dependencies', '*')) return groupKind(path[2]!);
  if (at('dependency-groups', '*')) return 'dev';
  if (at('tool', 'uv', 'dev-dependencies')) return 'dev';
  return undefined;
}

/** Every requirement string of the document with its kind; non-strings (a PEP 735 include-group) are skipped. */
export function declaredRequirements(toml: Toml): { field: string; kind: DependencyKind; values: unknown }[] {
  const lists: { field: string; kind: DependencyKind; values: unknown }[] = [];
  const project = tableAt(toml, 'project');
  if (project?.dependencies !== undefined) lists.push({ field: '[project] dependencies', kind: 'runtime', values: project.dependencies });
  for (const [group, values] of Object.entries(tableAt(toml, 'project', 'optional-dependencies') ?? {})) {
    lists.push({ field: `[project.optional-dependencies] ${group}`, kind: groupKind(group), values });
  }
  for (const [group, values] of Object.entries(tableAt(toml, 'dependency-groups') ?? {})) {
    lists.push({ field: `[dependency-groups] ${group}`, kind: 'dev', values: Array.isArray(values) ? values.filter((v) => typeof v === 'string') : values });
  }
  const uv = tableAt(toml, 'tool', 'uv');
  if (uv?.['dev-dependencies'] !== undefined) lists.push({ field: '[tool.uv] dev-dependencies', kind: 'dev', values: uv['dev-dependencies'] });
  return lists;
}
