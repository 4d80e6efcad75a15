/** Runs a command-line task, turning any failure into one clear line and a non-zero exit. */
export function runCli(task: () => Promise<void>) {
  task().then(
    () => process.exit(0),
    (error: unknown) => {
      process.stderr.write(`${error instanceof Error ? error.message.split('\n')[0] : String(error)}\n`);
      if (process.env.DEBUG) console.error(error);
      process.exit(1);
    },
  );
}
