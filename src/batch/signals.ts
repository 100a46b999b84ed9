/**
 * Ctrl-C (SIGINT) or SIGTERM stops a run cleanly: the first one aborts the controller (nothing new
 * starts, running files are stopped, what finished is written and marked interrupted); a second
 * one exits at once. Returns a function that removes the handlers.
 */
export function stopOnSignals(controller: AbortController, say: (line: string) => void = () => {}): () => void {
  const handler = (signal: NodeJS.Signals) => {
    if (controller.signal.aborted) {
      say(`credence: ${signal} again: exiting without writing results\n`);
      process.exit(130);
    }
    say(`credence: ${signal}: stopping; writing what finished (send it again to exit at once)\n`);
    controller.abort(signal);
  };
  process.on('SIGINT', handler);
  process.on('SIGTERM', handler);
  return () => {
    process.off('SIGINT', handler);
    process.off('SIGTERM', handler);
  };
}
