/**
 * A Node process of this repository (the built CLI `bin/emanifest.js`, or a test script), as an
 * operator or a second machine runs it: its output collected, a line waited for, stopped with
 * a signal. The CLI needs `npm run build` (dist/).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));

export interface NodeProcess {
  readonly child: ChildProcess;
  /** The exit code; null when a signal ended it. */
  readonly exited: Promise<number | null>;
  readonly stdout: () => string;
  readonly stderr: () => string;
  /** Resolves on the first match of `pattern` in the stream; rejects if the process ends first. */
  readonly waitFor: (pattern: RegExp, stream?: 'stdout' | 'stderr') => Promise<RegExpExecArray>;
  /** Sends `signal` (SIGTERM: finish and exit) and resolves with the exit code. */
  readonly stop: (signal?: NodeJS.Signals) => Promise<number | null>;
}

/** `node <args>` in the repository's root, with `env` over this process's environment. */
export function spawnNode(args: readonly string[], env: Record<string, string> = {}): NodeProcess {
  const child = spawn(process.execPath, args, {
    cwd: root,
    env: { ...process.env, ...env },
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  const output = { stdout: '', stderr: '' };
  child.stdout.on('data', (chunk: Buffer) => (output.stdout += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (output.stderr += chunk.toString()));
  const exited = new Promise<number | null>((resolve) =>
    child.on('exit', (code) => {
      resolve(code);
    }),
  );
  return {
    child,
    exited,
    stdout: () => output.stdout,
    stderr: () => output.stderr,
    waitFor: (pattern, stream = 'stdout') =>
      new Promise<RegExpExecArray>((resolve, reject) => {
        const look = () => {
          const match = pattern.exec(output[stream]);
          if (match !== null) resolve(match);
        };
        child[stream].on('data', look);
        look();
        void exited.then(() => {
          look();
          reject(new Error(`the process ended first:\n${output.stdout}\n${output.stderr}`));
        });
      }),
    stop: async (signal = 'SIGTERM') => {
      child.kill(signal);
      return exited;
    },
  };
}

/** `emanifest <args>` (the built CLI) on a free port: resolves once it says where it listens. */
export async function startListeningCli(
  args: readonly string[],
  env: Record<string, string> = {},
): Promise<NodeProcess & { readonly url: string }> {
  const cli = spawnNode(['bin/emanifest.js', ...args], env);
  const [, url = ''] = await cli.waitFor(/listening on (http:\/\/\S+)/, 'stderr');
  return { ...cli, url };
}

/**
 * `emanifest serve` on a free port and the SQLite file `sqlitePath` (`npm start` with a fresh
 * database): its URL and the demo admin's password it prints.
 */
export async function startServeProcess(
  sqlitePath: string,
  env: Record<string, string> = {},
): Promise<NodeProcess & { readonly url: string; readonly password: string }> {
  const serve = await startListeningCli(['serve'], {
    PORT: '0',
    SQLITE_PATH: sqlitePath,
    NODE_ENV: 'development',
    LOG_LEVEL: 'warn',
    ...env,
  });
  const password = /password: (\S+)/.exec(serve.stderr())?.[1];
  if (password === undefined) throw new Error(`no demo password printed:\n${serve.stderr()}`);
  return { ...serve, password };
}
