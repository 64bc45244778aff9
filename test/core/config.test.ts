import { describe, expect, it } from 'vitest';
import { parseConfig } from '../../src/core/config/parse-config.ts';
import { defaultConfig } from '../../src/core/config/schema.ts';

const errorOf = (text: string) => {
  try {
    parseConfig(text);
  } catch (error) {
    return error as Error & { subject?: string; code?: string };
  }
  throw new Error('expected parseConfig to throw');
};

describe('slipway.yml', () => {
  it('an empty file is the default configuration', () => {
    expect(parseConfig('')).toEqual(defaultConfig());
    expect(defaultConfig().fleet.ecosystem).toBe('auto');
    expect(defaultConfig().release.environment).toBe('release');
  });

  it('keeps given values and fills the rest with defaults', () => {
    const config = parseConfig('versioning:\n  tagFormat: "{name}/v{version}"\n  releaseTypes:\n    docs: patch\n');
    expect(config.versioning).toEqual({
      tagFormat: '{name}/v{version}',
      legacyTagFormats: [],
      releaseTypes: { docs: 'patch' },
      dependents: { runtime: 'patch', optional: 'patch', peer: 'patch', dev: 'range' },
      snapshot: 'auto',
      coreRaise: 'none',
    });
  });

  it('an unknown key is an error naming the key and its line', () => {
    const error = errorOf('fleet:\n  ecosystem: npm\n  plugin_paths: [a]\n');
    expect(error.code).toBe('CONFIG_INVALID');
    expect(error.message).toBe('slipway.yml:3: unknown key "fleet.plugin_paths"');
  });

  it('a wrong type names the key, the line and the expected type', () => {
    const error = errorOf('compat:\n  maxShards: many\n');
    expect(error.message).toMatch(/^slipway\.yml:2: compat\.maxShards: .*expected number/);
  });

  it('release.distTag is a name npm publishes to: not a version, not a semver range, nothing a shell reads', () => {
    expect(parseConfig('release:\n  distTag: latest-1\n').release.distTag).toBe('latest-1');
    expect(errorOf('release:\n  distTag: v1\n').message).toMatch(/slipway\.yml:2: release\.distTag: reads as a semver range, which npm refuses/);
    expect(errorOf('release:\n  distTag: "1.x"\n').message).toMatch(/release\.distTag: must be a dist-tag name/);
    expect(errorOf('release:\n  distTag: "next; rm -rf ~"\n').message).toMatch(/release\.distTag: must be a dist-tag name/);
  });

  it('a value out of range names the limit', () => {
    expect(errorOf('compat:\n  maxShards: 300\n').message).toMatch(/compat\.maxShards: .*256/);
  });

  it('a wrong enum value lists the allowed ones', () => {
    expect(errorOf('versioning:\n  dependents: minor\n').message).toMatch(/slipway\.yml:2: versioning\.dependents\.runtime: .*"patch"\|"range"\|"none"/);
  });

  it('invalid YAML names the line', () => {
    const error = errorOf('fleet:\n  paths: [a\n');
    expect(error.subject).toMatch(/^slipway\.yml:\d+$/);
    expect(error.message).toMatch(/not valid YAML/);
  });

  it('a tag format without {version} is rejected', () => {
    expect(errorOf('versioning:\n  tagFormat: "{name}"\n').message).toMatch(/versioning\.tagFormat: must contain \{version\}/);
  });
});
