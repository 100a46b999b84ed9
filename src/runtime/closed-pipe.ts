/**
 * A reader that goes away early (`credence rules | head`, quitting `less`) closes the pipe; the
 * next write fails with EPIPE, which Node raises as an unhandled error with a stack trace. A command
 * line tool stops writing there instead, quietly, and lets the run finish its files.
 */
export function quietOnClosedPipe(stream: NodeJS.WriteStream): void {
  stream.on('error', (err: NodeJS.ErrnoException) => {
    if (err.code === 'EPIPE' || err.code === 'ERR_STREAM_DESTROYED') return;
    throw err;
  });
}
