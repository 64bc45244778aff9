/**
 * Which of an organisation's repositories hold plugins (org mode of compat, digest and the org
 * release): a topic and/or a name pattern; archived repositories and forks never do — an
 * archived plugin ships nothing and a fork is someone else's plugin.
 */
export interface RepositorySelection {
  org: string;
  /** Only repositories with this topic. */
  topic?: string | undefined;
  /** Only repositories whose name matches, `*` as any characters (`plugin-*`). */
  pattern?: string | undefined;
}

/** What the selection looks at, as both the REST listing and GraphQL give it. */
export interface RepositoryFacts {
  name: string;
  archived: boolean;
  fork: boolean;
  topics: readonly string[];
}

/**
 * `plugin-*` → a whole-name match with `*` as any characters. Hand-written: a full glob
 * library is more than repository names (no slashes, no braces) need.
 */
export function namePattern(pattern: string): (name: string) => boolean {
  const source = pattern.split('*').map((part) => part.replace(/[.+?^${}()|[\]\\]/g, '\\$&')).join('.*');
  const regex = new RegExp(`^${source}$`, 'i');
  return (name) => regex.test(name);
}

/** A predicate over repositories for the selection (build it once, apply it to thousands). */
export function repositoryFilter(selection: Omit<RepositorySelection, 'org'>): (repo: RepositoryFacts) => boolean {
  const matches = selection.pattern ? namePattern(selection.pattern) : () => true;
  return (repo) => !repo.archived && !repo.fork && (!selection.topic || repo.topics.includes(selection.topic)) && matches(repo.name);
}
