import type { CliIo } from './io.js';

/** An in-memory CliIo for command tests: files are a map, output is collected. */
export function memoryIo(files: Record<string, string>, now = new Date('2026-11-28T12:00:00Z')) {
  const out: string[] = [];
  const err: string[] = [];
  const written = new Map<string, string>();
  const directories: string[] = [];
  const io: CliIo = {
    stdout: (text) => out.push(text),
    stderr: (text) => err.push(text),
    readFile: (path) => {
      const text = files[path];
      if (text === undefined) {
        return Promise.reject(Object.assign(new Error(`ENOENT: ${path}`), { code: 'ENOENT' }));
      }
      return Promise.resolve(text);
    },
    writeFile: (path, text) => {
      written.set(path, text);
      return Promise.resolve();
    },
    makeDirectory: (path) => {
      directories.push(path);
      return Promise.resolve();
    },
    clock: () => now,
    env: {},
  };
  return { io, stdout: () => out.join(''), stderr: () => err.join(''), written, directories };
}
