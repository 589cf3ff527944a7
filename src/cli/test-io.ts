import type { CliIo } from './io.js';

/** An in-memory CliIo for command tests: files are a map, output is collected. */
export function memoryIo(
  files: Record<string, string | Uint8Array>,
  now = new Date('2026-11-28T12:00:00Z'),
) {
  const out: string[] = [];
  const err: string[] = [];
  const written = new Map<string, string | Uint8Array>();
  const directories: string[] = [];
  const missing = (path: string) =>
    Promise.reject(Object.assign(new Error(`ENOENT: ${path}`), { code: 'ENOENT' }));
  const io: CliIo = {
    stdout: (text) => out.push(text),
    stderr: (text) => err.push(text),
    readFile: (path) => {
      const content = files[path];
      if (content === undefined) return missing(path);
      return Promise.resolve(
        typeof content === 'string' ? content : Buffer.from(content).toString('utf8'),
      );
    },
    readBytes: (path) => {
      const content = files[path];
      if (content === undefined) return missing(path);
      return Promise.resolve(typeof content === 'string' ? Buffer.from(content) : content);
    },
    writeFile: async (path, data) => {
      if (path.startsWith('/nonexistent/')) return missing(path);
      if (typeof data === 'string' || data instanceof Uint8Array) {
        written.set(path, data);
        return;
      }
      const chunks: Uint8Array[] = [];
      for await (const chunk of data) chunks.push(chunk);
      written.set(path, Buffer.concat(chunks));
    },
    checkWritable: (path) => (path.startsWith('/nonexistent/') ? missing(path) : Promise.resolve()),
    makeDirectory: (path) => {
      directories.push(path);
      return Promise.resolve();
    },
    clock: () => now,
    env: {},
  };
  return { io, stdout: () => out.join(''), stderr: () => err.join(''), written, directories };
}
