/**
 * A release's notes as one ordered list, each line labelled with its type: what every
 * renderer lists under a release, most important first.
 */
import type { ReleaseNotes } from './release-notes.ts';

export type NoteType = 'breaking' | 'feature' | 'fix' | 'performance' | 'revert' | 'other' | 'dependency';

export interface NoteLine {
  type: NoteType;
  scope: string | null;
  /** Markdown as written in the changelog. */
  text: string;
}

export const NOTE_LABELS: Record<NoteType, string> = {
  breaking: 'Breaking',
  feature: 'Feature',
  fix: 'Fix',
  performance: 'Performance',
  revert: 'Revert',
  other: 'Other',
  dependency: 'Dependency',
};

export function noteLines(notes: ReleaseNotes | null): NoteLine[] {
  if (!notes) return [];
  return [
    ...notes.breaking.map((n) => ({ type: 'breaking' as const, ...n })),
    ...notes.features.map((n) => ({ type: 'feature' as const, ...n })),
    ...notes.fixes.map((n) => ({ type: 'fix' as const, ...n })),
    ...notes.performance.map((n) => ({ type: 'performance' as const, ...n })),
    ...notes.reverts.map((n) => ({ type: 'revert' as const, ...n })),
    ...notes.other.map((n) => ({ type: 'other' as const, ...n })),
    ...notes.dependencies.map((d) => ({
      type: 'dependency' as const,
      scope: null,
      text: d.from !== null || d.to !== null ? `${d.name} ${d.from ?? '?'} → ${d.to ?? '?'}` : d.name,
    })),
  ];
}
