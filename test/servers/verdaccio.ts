/**
 * A real npm registry for tests: Verdaccio 6 on 127.0.0.1, with its storage, users and config in
 * a temp folder and no uplinks, so nothing a test publishes or reads ever leaves the machine.
 *
 *   const registry = await startVerdaccio();
 *   // registry.url, registry.token (a real token of a real user), registry.userconfig (.npmrc)
 *   await registry.close();
 *
 * Verdaccio runs in a child Node process that calls its programmatic `runServer()` and listens on
 * port 0, then reports the port over IPC. Why a child and not in-process (which starts ~0.5 s
 * faster): an in-process registry shares the test's event loop, so any synchronous call that talks
 * to it (`execaSync('npm', ['view', …])`) would deadlock; and why `runServer()` and not the CLI:
 * the CLI needs a port chosen up front (a race with other workers) and starts ~0.7 s slower.
 * The child exits by itself when its IPC channel closes, so a killed test worker leaves no registry.
 */
import { execa } from 'execa';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { stringify } from 'yaml';

export interface LocalRegistry {
  /** `http://127.0.0.1:<port>/` — with the trailing slash npm's own config uses. */
  url: string;
  port: number;
  /** The user the token belongs to (created through the registry's own adduser endpoint). */
  username: string;
  /** A real token that Verdaccio issued for `username`; it may publish any package. */
  token: string;
  /** A temp `.npmrc` with `registry=` and `//127.0.0.1:<port>/:_authToken=` for `npm --userconfig`. */
  userconfig: string;
  /** Verdaccio's package storage folder (temp). */
  storage: string;
  /** How long startup took, from spawn to a user with a token, in milliseconds. */
  startedInMs: number;
  /** Stops the registry (SIGTERM, SIGKILL after 5 s) and removes its temp folder. */
  close(): Promise<void>;
}

export interface VerdaccioOptions {
  username?: string;
  /** How long to wait for the registry to listen and answer `/-/ping`; default 30 s. */
  startTimeoutMs?: number;
}

const PING_TRIES = 50;
const PING_INTERVAL_MS = 100;

// Runs inside the child: start Verdaccio on an OS-chosen loopback port and report it to the parent.
// If the parent dies without close() (a killed worker), the IPC channel closes: clean up and go.
const CHILD_SCRIPT = `
const { rmSync } = await import('node:fs');
const { runServer } = await import(process.env.SLIPWAY_VERDACCIO_ENTRY);
const app = await runServer(process.env.SLIPWAY_VERDACCIO_CONFIG);
process.on('disconnect', () => {
  rmSync(process.cwd(), { recursive: true, force: true });
  process.exit(0);
});
app.listen(0, '127.0.0.1', () => process.send({ port: app.address().port }));
`;

export async function startVerdaccio(options: VerdaccioOptions = {}): Promise<LocalRegistry> {
  const started = performance.now();
  const startTimeoutMs = options.startTimeoutMs ?? 30_000;
  const root = mkdtempSync(join(tmpdir(), 'slipway-verdaccio-'));
  const storage = join(root, 'storage');
  const configFile = join(root, 'config.yaml');
  writeFileSync(configFile, stringify(verdaccioConfig(root, storage)));

  const child = execa(process.execPath, ['--input-type=module', '-e', CHILD_SCRIPT], {
    ipc: true,
    cwd: root,
    env: {
      SLIPWAY_VERDACCIO_ENTRY: createRequire(import.meta.url).resolve('verdaccio'),
      SLIPWAY_VERDACCIO_CONFIG: configFile,
    },
    stdin: 'ignore',
    // Kept only to explain a failed start; Verdaccio logs at `warn`, so this stays tiny.
    all: true,
    reject: false,
    forceKillAfterDelay: 5_000,
  });

  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
    await child;
    rmSync(root, { recursive: true, force: true });
  };

  try {
    const { port } = await withTimeout(
      child.getOneMessage() as Promise<{ port: number }>,
      startTimeoutMs,
      () => `Verdaccio did not report a port within ${startTimeoutMs} ms`,
    );
    const url = `http://127.0.0.1:${port}/`;
    await waitForPing(url, startTimeoutMs);
    const username = options.username ?? 'slipway-test';
    const token = await addUser(url, username, randomBytes(12).toString('hex'));
    const userconfig = join(root, '.npmrc');
    writeFileSync(userconfig, `registry=${url}\n//127.0.0.1:${port}/:_authToken=${token}\n`, { mode: 0o600 });
    return {
      url,
      port,
      username,
      token,
      userconfig,
      storage,
      startedInMs: Math.round(performance.now() - started),
      close: stop,
    };
  } catch (error) {
    await stop();
    const output = (await child).all?.trim();
    throw new Error(`Verdaccio failed to start: ${(error as Error).message}${output ? `\n${output}` : ''}`, { cause: error });
  }
}

function verdaccioConfig(root: string, storage: string) {
  return {
    storage,
    // sha1 instead of the default bcrypt: these are throwaway users, and Verdaccio's legacy tokens
    // re-check the password on every request, so bcrypt would cost ~100 ms per authenticated call.
    auth: { htpasswd: { file: join(root, 'htpasswd'), max_users: 100, algorithm: 'sha1' } },
    // No `uplinks` and no `proxy:` on any package: the registry never reaches out to npmjs.
    uplinks: {},
    packages: {
      '@*/*': { access: '$all', publish: '$authenticated', unpublish: '$authenticated' },
      '**': { access: '$all', publish: '$authenticated', unpublish: '$authenticated' },
    },
    // No `middlewares.audit`: that plugin forwards `npm audit` to npmjs.
    web: { enable: false },
    max_body_size: '200mb',
    server: { keepAliveTimeout: 1 },
    log: { type: 'stdout', format: 'pretty', level: 'error' },
  };
}

async function waitForPing(url: string, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let last = 'no answer';
  for (let attempt = 0; attempt < PING_TRIES && Date.now() < deadline; attempt++) {
    try {
      const res = await fetch(new URL('-/ping', url), { signal: AbortSignal.timeout(2_000) });
      if (res.ok) return;
      last = `HTTP ${res.status}`;
    } catch (error) {
      last = (error as Error).message;
    }
    await new Promise((resolve) => setTimeout(resolve, PING_INTERVAL_MS));
  }
  throw new Error(`${url}-/ping did not answer OK after ${PING_TRIES} tries (${last})`);
}

/** Creates a user the way `npm adduser` does and returns the token Verdaccio issues for it. */
async function addUser(url: string, name: string, password: string): Promise<string> {
  const res = await fetch(new URL(`-/user/org.couchdb.user:${encodeURIComponent(name)}`, url), {
    method: 'PUT',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ _id: `org.couchdb.user:${name}`, name, password, type: 'user', roles: [] }),
    signal: AbortSignal.timeout(10_000),
  });
  const body = (await res.json()) as { token?: string; error?: string };
  if (res.status !== 201 || !body.token) throw new Error(`adduser ${name}: HTTP ${res.status} ${body.error ?? ''}`);
  return body.token;
}

async function withTimeout<T>(promise: Promise<T>, ms: number, message: () => string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  try {
    return await Promise.race([
      promise,
      new Promise<never>((_, reject) => {
        timer = setTimeout(() => reject(new Error(message())), ms);
      }),
    ]);
  } finally {
    clearTimeout(timer);
  }
}
