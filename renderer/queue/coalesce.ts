// Runs a refresh at most once at a time: calls that arrive while it runs fold into one more
// run after it, so a burst of change events costs two runs, not one per event.
export function coalesced(task: () => Promise<void>, pauseMs = 0): () => Promise<void> {
  let running: Promise<void> | null = null;
  let again = false;
  const pendingAgain = (): boolean => again;
  const loop = async (): Promise<void> => {
    do {
      again = false;
      await task().catch(() => undefined);
      if (pauseMs > 0) await new Promise((resolve) => setTimeout(resolve, pauseMs));
    } while (pendingAgain());
    running = null;
  };
  return () => {
    if (running !== null) {
      again = true;
      return running;
    }
    running = loop();
    return running;
  };
}
