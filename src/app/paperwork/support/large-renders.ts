/**
 * Large lead sheets are rendered one at a time in a process. The PDF is built whole in memory
 * (documents/lead-sheet.ts): a 10,000-shipment sheet holds about 500 MB while it is drawn, so
 * two or three at once would exhaust the 1 GiB heap `npm start` gives the service, and every
 * tenant's requests would fail with it. A sheet of fewer shipments (nearly every trip) renders
 * at once; a large one waits for the large one before it.
 */
export const LARGE_RENDER_SHIPMENTS = 1_000;

let last: Promise<unknown> = Promise.resolve();

/** Runs `render` now, or after the large renders before it when `shipments` make it large. */
export function renderInTurn<T>(shipments: number, render: () => Promise<T>): Promise<T> {
  if (shipments < LARGE_RENDER_SHIPMENTS) return render();
  const turn = last.then(render);
  // A failed render ends its turn like a finished one; its caller sees the failure.
  last = turn.catch(() => undefined);
  return turn;
}
