/** Stops cleanly on SIGTERM/SIGINT: no new requests, running jobs finish or go back to the queue. */
export function runUntilSignalled(start: () => Promise<{ stop(): Promise<void> }>) {
  start()
    .then(({ stop }) => {
      let stopping = false;
      const shutdown = (signal: string) => {
        if (stopping) return;
        stopping = true;
        console.error(JSON.stringify({ level: 30, msg: 'shutting down', signal }));
        stop()
          .then(() => process.exit(0))
          .catch((error) => {
            console.error(error);
            process.exit(1);
          });
      };
      process.once('SIGTERM', () => shutdown('SIGTERM'));
      process.once('SIGINT', () => shutdown('SIGINT'));
    })
    .catch((error) => {
      console.error(error instanceof Error ? error.message : error);
      process.exit(1);
    });
}
