/**
 * The parts of a PEP 508 requirement slipway needs: the distribution name and the version
 * specifier (`requests[socks]>=2.8,<3; python_version>"3.8"` → `requests`, `>=2.8,<3`).
 * A small regex rather than a library: no PEP 508 parser is installed, and only the name and
 * the specifier's position are used (markers and extras are kept as written).
 */
export interface Requirement {
  name: string;
  /** The specifier as written (parentheses dropped), or a direct reference `@ url`; '' when none. */
  specifier: string;
  /** Offsets of the specifier within the requirement string (for rewriting it in place). */
  specifierStart: number;
  specifierEnd: number;
}

const REQUIREMENT = /^(\s*)([A-Za-z0-9](?:[A-Za-z0-9._-]*[A-Za-z0-9])?)(\s*\[[^\]]*\])?(\s*)([^;]*?)(\s*)(;.*)?$/s;

export function parseRequirement(requirement: string): Requirement | undefined {
  const match = REQUIREMENT.exec(requirement);
  if (!match) return undefined;
  const [, lead = '', name = '', extras = '', gap = '', spec = ''] = match;
  let specifierStart = lead.length + name.length + extras.length + gap.length;
  let specifierEnd = specifierStart + spec.length;
  let specifier = spec;
  const parenthesised = /^\(\s*(.*?)\s*\)$/s.exec(spec);
  if (parenthesised) {
    specifier = parenthesised[1]!;
    specifierStart += spec.indexOf(specifier);
    specifierEnd = specifierStart + specifier.length;
  }
  return { name, specifier, specifierStart, specifierEnd };
}

/** PEP 503 normalisation: names compare case-insensitively with runs of `-_.` as one `-`. */
export const normaliseName = (name: string) => name.toLowerCase().replace(/[-_.]+/g, '-');
