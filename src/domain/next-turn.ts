/**
 * Lets timers and I/O waiting on the event loop run before long work goes on: a Ctrl-C, a
 * client that went away, or another tenant's request. Between the steps of an import or of a
 * large document, so that no one of them holds the process for seconds. setImmediate where the
 * runtime has it (Node: no delay; browsers have none), else a timer.
 */
export function nextTurn(): Promise<void> {
  const immediate = (globalThis as { setImmediate?: (callback: () => void) => unknown })
    .setImmediate;
  return new Promise((resolve) => {
    if (immediate === undefined) setTimeout(resolve, 0);
    else immediate(resolve);
  });
}
