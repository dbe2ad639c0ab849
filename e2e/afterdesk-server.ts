import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export const root = new URL('..', import.meta.url).pathname;

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer().listen(0, '127.0.0.1', () => {
      const address = s.address();
      s.close(() =>
        typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port')),
      );
    });
  });
}

export interface RunningAfterdesk {
  child: ChildProcess;
  url: string;
  apiKey: string;
  dir: string;
  output: () => string;
  stop: () => Promise<void>;
}

/**
 * Starts `npm start` as a new user would, in a fresh data directory on a free port, and
 * resolves with what its banner printed. `stop` ends it and removes the directory.
 */
export async function startAfterdesk(env: NodeJS.ProcessEnv = {}): Promise<RunningAfterdesk> {
  const dir = await mkdtemp(join(tmpdir(), 'afterdesk-e2e-'));
  const port = await freePort();
  const child = spawn('npm', ['start'], {
    cwd: root,
    env: {
      ...process.env,
      AFTERDESK_DATA_DIR: join(dir, 'data'),
      AFTERDESK_PORT: String(port),
      AFTERDESK_SMTP_PORT: '-1',
      CI: 'true',
      ...env,
    },
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  // Waits for the server to exit before removing its data directory: the embedded
  // database may still be writing files into it while it shuts down.
  const stop = async () => {
    if (child.pid && child.exitCode === null) {
      const exited = new Promise((resolve) => {
        child.once('exit', resolve);
        setTimeout(resolve, 15_000);
      });
      try {
        process.kill(-child.pid, 'SIGTERM');
        await exited;
      } catch {
        // already gone
      }
    }
    await rm(dir, { recursive: true, force: true, maxRetries: 5 });
  };
  let output = '';
  return new Promise((resolve, reject) => {
    const timer = setTimeout(
      () => reject(new Error(`npm start printed no banner in time:\n${output}`)),
      200_000,
    );
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const url = /Afterdesk is running at (\S+)/.exec(output)?.[1];
      const apiKey = /API key:\s+(afd_\S+)/.exec(output)?.[1];
      if (url && apiKey && output.includes('Customer:')) {
        clearTimeout(timer);
        resolve({ child, url, apiKey, dir, output: () => output, stop });
      }
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', onData);
    child.on('exit', (code) => reject(new Error(`npm start exited with ${code}:\n${output}`)));
  });
}

/** The API as an integration with the demo key sees it. */
export function apiOf(server: Pick<RunningAfterdesk, 'url' | 'apiKey'>) {
  return async (method: string, path: string, body?: unknown) => {
    const response = await fetch(`${server.url}${path}`, {
      method,
      headers: {
        authorization: `Bearer ${server.apiKey}`,
        ...(body ? { 'content-type': 'application/json' } : {}),
      },
      body: body ? JSON.stringify(body) : undefined,
    });
    const text = await response.text();
    return { status: response.status, body: (text ? JSON.parse(text) : null) as any };
  };
}
