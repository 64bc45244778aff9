/**
 * Reading files as they are at a commit, without a checkout: one long-lived
 * `git cat-file --batch` answers `<commit>:<path>` requests in order. Hand-written over execa
 * because no installed library speaks cat-file's batch protocol, and it matters: a rebuild
 * reads a handful of files for every tag of the fleet, and one `git show` process per file
 * would be thousands of processes (design principle 3: never one git process per item).
 *
 * Protocol (git-cat-file(1), BATCH OUTPUT): per request line, either
 * `<oid> <type> <size>\n<contents>\n` or `<request> missing\n`.
 */
import { execa, type ResultPromise } from 'execa';
import { SlipwayError } from '../../core/errors.ts';

interface Pending {
  spec: string;
  resolve: (value: Buffer | undefined) => void;
  reject: (error: unknown) => void;
}

export class GitObjectReader {
  private readonly child: ResultPromise<{ cwd: string; stdin: 'pipe'; stdout: 'pipe'; buffer: false; encoding: 'buffer' }>;
  private readonly pending: Pending[] = [];
  private buffer: Buffer = Buffer.alloc(0);
  private failed: unknown;
  private closed = false;

  constructor(cwd: string) {
    this.child = execa('git', ['cat-file', '--batch'], { cwd, stdin: 'pipe', stdout: 'pipe', buffer: false, encoding: 'buffer' });
    // A write after git exited fails with EPIPE; the exit itself is reported below.
    this.child.stdin.on('error', () => undefined);
    this.child.stdout.on('data', (chunk: Buffer) => {
      this.buffer = this.buffer.length ? Buffer.concat([this.buffer, chunk]) : chunk;
      this.drain();
    });
    this.child.catch((error: unknown) => {
      if (this.closed) return;
      this.failed = new SlipwayError('GIT_FAILED', `git cat-file stopped: ${(error as Error).message}`, { subject: cwd, cause: error });
      for (const request of this.pending.splice(0)) request.reject(this.failed);
    });
  }

  /** The blob at `<rev>:<path>`, or undefined when there is no such file (or it is a folder). */
  read(rev: string, path: string): Promise<Buffer | undefined> {
    const spec = `${rev}:${path}`;
    if (this.failed) return Promise.reject(this.failed);
    if (/[\n\r]/.test(spec)) return Promise.resolve(undefined); // cannot be asked, so cannot exist
    return new Promise((resolve, reject) => {
      this.pending.push({ spec, resolve, reject });
      this.child.stdin.write(`${spec}\n`);
    });
  }

  async readText(rev: string, path: string): Promise<string | undefined> {
    return (await this.read(rev, path))?.toString('utf8');
  }

  /** Ends the process (pending reads are answered first). */
  async close(): Promise<void> {
    this.closed = true;
    this.child.stdin.end();
    await this.child.catch(() => undefined);
  }

  private drain(): void {
    while (this.pending.length) {
      const newline = this.buffer.indexOf(0x0a);
      if (newline < 0) return;
      const header = this.buffer.subarray(0, newline).toString('utf8');
      const request = this.pending[0]!;
      if (header.endsWith(' missing') || header.endsWith(' ambiguous')) {
        this.buffer = this.buffer.subarray(newline + 1);
        this.pending.shift();
        request.resolve(undefined);
        continue;
      }
      const [, type, sizeText] = header.split(' ');
      const size = Number(sizeText);
      if (!Number.isInteger(size)) {
        this.pending.shift();
        request.reject(new SlipwayError('GIT_FAILED', `git cat-file answered "${header}" for ${request.spec}`));
        continue;
      }
      const end = newline + 1 + size;
      if (this.buffer.length < end + 1) return; // contents (and their trailing newline) not all here yet
      const contents = Buffer.from(this.buffer.subarray(newline + 1, end));
      this.buffer = this.buffer.subarray(end + 1);
      this.pending.shift();
      request.resolve(type === 'blob' ? contents : undefined);
    }
  }
}
