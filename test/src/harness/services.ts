import type { ChildProcess } from 'node:child_process';
import path from 'node:path';
import { spawnService } from '@passerelle/shared/process';
import { freePort, waitForHttp } from '@passerelle/shared/testing';

export const REPOSITORY_ROOT = path.resolve(__dirname, '../../..');

/** A service process started for the end-to-end tests, with its output kept for error reports. */
export interface RunningService {
  name: string;
  url: string;
  child: ChildProcess;
  output: () => string;
}

/** Starts a compiled service on a free port and waits until `/ready` answers. */
export async function startService(options: {
  name: string;
  entry: string;
  portVariable: string;
  env: Record<string, string>;
}): Promise<RunningService> {
  const port = await freePort();
  const child = spawnService({
    entry: path.join(REPOSITORY_ROOT, options.entry),
    cwd: REPOSITORY_ROOT,
    env: {
      NODE_ENV: 'test',
      LOG_LEVEL: 'warn',
      HOST: '127.0.0.1',
      ...options.env,
      [options.portVariable]: String(port),
    },
    output: 'pipe',
  });
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const base = `http://127.0.0.1:${port}`;
  try {
    await waitForHttp(`${base}/ready`, 60_000);
  } catch (error) {
    child.kill('SIGKILL');
    throw new Error(`${options.name} did not start: ${String(error)}\n${output}`);
  }
  return { name: options.name, url: `${base}/graphql`, child, output: () => output };
}
