import { spawn, type ChildProcess } from 'node:child_process';

/**
 * Starts `entry` (a compiled service) with the current Node. The child gets
 * PASSERELLE_PARENT_PID so that it stops by itself if this process dies without cleaning up.
 */
export function spawnService(options: {
  entry: string;
  cwd: string;
  env: Record<string, string>;
  /** 'inherit' shows the service's logs (npm start); 'pipe' keeps them for error reports (tests). */
  output: 'inherit' | 'pipe';
}): ChildProcess {
  return spawn(process.execPath, [options.entry], {
    cwd: options.cwd,
    env: { ...process.env, ...options.env, PASSERELLE_PARENT_PID: String(process.pid) },
    stdio: ['ignore', options.output, options.output],
  });
}

/** SIGTERM, then SIGKILL after `graceMs`: resolves once the child has exited. */
export function terminate(child: ChildProcess, graceMs = 10_000): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const kill = setTimeout(() => child.kill('SIGKILL'), graceMs);
    child.once('exit', () => {
      clearTimeout(kill);
      resolve();
    });
    child.kill('SIGTERM');
  });
}

/** Rejects after `ms` unless `promise` settles first. */
export function withTimeout<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what} timed out after ${ms} ms`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}
