/**
 * "Delete trip" on the trip editor, in words that say what deleting keeps (the shipments,
 * unassociated; the number and SCNs, never given out again). A trip CBP holds is refused until
 * its filing is cancelled (FILING_TRIP_ON_FILE), in the dialog.
 */
import { DeleteOnPage } from '../../../components/delete-on-page';
import { useDeleteTrip } from '../api/trip';

interface DeleteTripProps {
  readonly tripId: string;
  readonly tripNumber: string;
  readonly version: number;
  /** Called before leaving the page, so the unsaved-changes question is not asked. */
  readonly beforeLeaving: () => void;
}

export function DeleteTrip(props: DeleteTripProps) {
  return (
    <DeleteOnPage
      noun="trip"
      name={props.tripNumber}
      record={{ id: props.tripId, version: props.version }}
      useDelete={useDeleteTrip}
      deleted={`Trip ${props.tripNumber} is deleted; its shipments are in the unassociated list.`}
      leaveTo="/"
      beforeLeaving={props.beforeLeaving}
    >
      Its shipments are not deleted: they move to the unassociated list, ready for another trip. The
      trip number and the SCNs stay used and are never given out again. A trip CBP has on file must
      have its filing cancelled first.
    </DeleteOnPage>
  );
}
