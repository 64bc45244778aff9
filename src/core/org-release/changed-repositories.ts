/**
 * Which repositories need a closer look, decided from what one batched GraphQL page says about
 * each (its branch head and newest tags), so a repository with nothing new since its last
 * release costs no clone and no request of its own.
 *
 * A release commit carries the release tags, so a head that some tag points at has nothing new.
 * The tags are read newest commit first (TAG_COMMIT_DATE), so a tagged head's tags come first
 * even in a repository with hundreds of tags.
 */
import type { Sha } from '../types.ts';
import type { RepositoryName } from './org-plan.ts';

export interface RepositorySnapshot {
  repository: RepositoryName;
  name: string;
  archived: boolean;
  fork: boolean;
  topics: readonly string[];
  /** The default branch; null for an empty repository. */
  branch: string | null;
  head: Sha | null;
  /** The newest tags, newest commit first, each with the commit it points to (annotated tags peeled). */
  tags: ReadonlyArray<{ name: string; commit: Sha }>;
}

export type RepositoryStatus =
  | { kind: 'empty' }
  /** The head is a release commit. */
  | { kind: 'released'; tag: string }
  /** Commits since the newest tag (or no tag at all): clone and plan. */
  | { kind: 'changed'; branch: string; head: Sha; lastTag: string | null };

export function repositoryStatus(snapshot: RepositorySnapshot): RepositoryStatus {
  if (!snapshot.branch || !snapshot.head) return { kind: 'empty' };
  const onHead = snapshot.tags.find((tag) => tag.commit === snapshot.head);
  if (onHead) return { kind: 'released', tag: onHead.name };
  return { kind: 'changed', branch: snapshot.branch, head: snapshot.head, lastTag: snapshot.tags[0]?.name ?? null };
}
