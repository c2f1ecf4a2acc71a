/**
 * Ends the process once everything written to stdout and stderr has been handed over. `process.exit()` right
 * after `console.error()` cuts a long report at 64 KiB when the output is a pipe (a CI log, `| less`), because
 * Node writes to pipes asynchronously.
 */
export async function exitWhenFlushed(status: number): Promise<never> {
  await Promise.all(
    [process.stdout, process.stderr].map((stream) => new Promise<void>((resolve) => stream.write('', () => resolve()))),
  );
  process.exit(status);
}
