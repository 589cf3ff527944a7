/**
 * Output whose reader went away: `emanifest serve 2>&1 | head`, a log shipper restarted, a
 * terminal closed. A write to such a pipe fails with EPIPE, which Node emits on the stream;
 * unheard, it was an uncaught exception, and the exit that followed hung for ever in the
 * logger's last flush (pino's sonic-boom retries a failed write without end). What can no
 * longer be shown is dropped: the command goes on, and the service keeps serving.
 */
const GONE = new Set(['EPIPE', 'ERR_STREAM_DESTROYED']);

/** Listens once per stream; the writers below skip a stream that is gone. */
export function dropOutputOfClosedPipes(
  streams: readonly NodeJS.WriteStream[] = [process.stdout, process.stderr],
): void {
  for (const stream of streams) {
    stream.on('error', (error: NodeJS.ErrnoException) => {
      if (error.code !== undefined && GONE.has(error.code)) return;
      throw error;
    });
  }
}

/** Writes `text` unless the stream's reader went away (then it is dropped). */
export function writeUnlessClosed(stream: NodeJS.WriteStream, text: string): void {
  if (stream.writable) stream.write(text);
}
