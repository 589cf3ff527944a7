/**
 * "Save mine over theirs" (SaveError, after STALE_VERSION): the record is read as saved now and
 * handed on, so the caller saves the form on top of that version (If-Match). When it cannot be
 * read, a notice says the save did not happen. The one way every editor does it: the trip, a
 * shipment, a commodity line, the company's settings.
 */
import { notifications } from '@mantine/notifications';

export function saveOverTheirs<R extends { readonly version: number }>(
  /** Reads the record as saved now: `() => api<TripRecord>('GET', `/trips/${id}`)`. */
  latest: () => Promise<R>,
  /** The notice's title when it cannot be read: "The trip was not saved". */
  notSavedTitle: string,
  save: (latest: R) => void,
): void {
  latest().then(save, (error: unknown) => {
    notifications.show({
      color: 'red',
      title: notSavedTitle,
      message: error instanceof Error ? error.message : String(error),
    });
  });
}
