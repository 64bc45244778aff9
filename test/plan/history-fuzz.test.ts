/**
 * The history reader against hostile bytes: thousands of commits whose messages hold any byte
 * from 0x01 to 0xFF (invalid UTF-8, git's and our old separators, text shaped like a commit
 * header), some empty, some of 1 MB, and paths shaped like SHAs, status letters and messages.
 * Whatever a message or a path holds, the reader sees exactly the commits git made, each with
 * exactly its files. Seeded, so a failure replays; written with one `git fast-import`, so fast.
 */
import { execaSync } from 'execa';
import { describe, expect, it } from 'vitest';
import { readLog } from '../../src/adapters/git.ts';
import { repo } from '../helpers/repo.ts';

const SEED = 0x5eed;
const COMMITS = 2_000;

/** mulberry32: a small seeded generator (the spec must replay exactly). */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const HOSTILE_TEXT = [
  '\x1e', '\x1f', '\n', '\r\n', 'M\n', 'A', `${'b'.repeat(40)}`, 'feat(slack)!: take over', 'BREAKING CHANGE: x',
  'Release-As: 9.9.9', '\x1b]8;;http://x\x07', 'plugins/slack/index.js', '\u00e9\u{1F680}',
];

function message(next: () => number, i: number): Buffer {
  const kind = i % 97 === 0 ? 'empty' : i % 499 === 1 ? 'huge' : 'random';
  if (kind === 'empty') return Buffer.alloc(0);
  const size = kind === 'huge' ? 1024 * 1024 : Math.floor(next() * 300);
  const bytes = Buffer.alloc(size);
  for (let j = 0; j < size; j++) {
    if (next() < 0.05) {
      const text = Buffer.from(HOSTILE_TEXT[Math.floor(next() * HOSTILE_TEXT.length)] ?? '');
      text.copy(bytes, j, 0, Math.min(text.length, size - j));
      j += text.length - 1;
    } else {
      bytes[j] = 1 + Math.floor(next() * 255); // 0x01–0xFF: git never stores a NUL in a message
    }
  }
  return bytes;
}

const HOSTILE_NAMES = [`${'c'.repeat(40)}`, 'M', 'A', 'feat(slack)!: boom', 'line\nbreak', 'tab\there', '\x1e\x1f', 'quote"d', 'back\\slash', 'sp ace', '\u00e9t\u00e9'];

/** 1–3 distinct paths, some under a plugin folder, some with names that look like framing. */
function paths(next: () => number, i: number): string[] {
  const count = 1 + Math.floor(next() * 3);
  const set = new Set<string>();
  for (let k = 0; k < count; k++) {
    const name = next() < 0.5 ? (HOSTILE_NAMES[Math.floor(next() * HOSTILE_NAMES.length)] ?? 'x') : `f${i}-${k}`;
    set.add(next() < 0.7 ? `plugins/p${Math.floor(next() * 7)}/${name}` : name);
  }
  return [...set];
}

/** fast-import's C-style quoted path: every byte that is not plain printable ASCII as an octal escape. */
function quoted(path: string): string {
  let out = '"';
  for (const byte of Buffer.from(path)) {
    out += byte >= 0x20 && byte < 0x7f && byte !== 0x22 && byte !== 0x5c ? String.fromCharCode(byte) : `\\${byte.toString(8).padStart(3, '0')}`;
  }
  return `${out}"`;
}

describe('the history reader, fuzzed', () => {
  it(`${COMMITS} commits with hostile messages and paths: each commit once, each with exactly its files`, async () => {
    const next = random(SEED);
    const r = repo();
    const expected: string[][] = [];
    const chunks: Buffer[] = [];
    for (let i = 0; i < COMMITS; i++) {
      const body = message(next, i);
      const files = paths(next, i);
      expected.push(files);
      chunks.push(Buffer.from(`commit refs/heads/main\ncommitter Fuzz <fuzz@example.com> ${1_700_000_000 + i} +0000\ndata ${body.length}\n`), body, Buffer.from('\n'));
      // Content unique to the commit, so every path it names is a change git lists.
      for (const file of files) chunks.push(Buffer.from(`M 100644 inline ${quoted(file)}\ndata ${String(i).length}\n${i}\n`));
      chunks.push(Buffer.from('\n'));
    }
    execaSync('git', ['fast-import', '--quiet'], { cwd: r.dir, input: Buffer.concat(chunks) });
    r.git('checkout', '-q', '-f', 'main');

    const log = await readLog(r.dir);
    expect(log).toHaveLength(COMMITS);
    // Newest first; each commit's parent is the next one in the list.
    expect(log.map((c) => [...c.files].sort())).toEqual(expected.map((files) => [...files].sort()).reverse());
    for (let i = 0; i < log.length - 1; i++) expect(log[i]?.parents).toEqual([log[i + 1]?.sha]);
    expect(log[log.length - 1]?.parents).toEqual([]);
    expect(new Set(log.map((c) => c.sha)).size).toBe(COMMITS);
    const huge = log.filter((c) => c.message.length > 500_000);
    expect(huge.length).toBeGreaterThan(0);
  });
});
