/**
 * "Delete shipment" on the shipment page, in words that say what deleting keeps (the SCN, never
 * given out again) and what a filed trip needs next (its next Sync with CBP withdraws the
 * shipment at CBP: docs/edi.md, Sync with CBP). After arrival the service refuses
 * (FILING_SHIPMENT_AT_BORDER), said in the same dialog.
 */
import { DeleteOnPage } from '../../../components/delete-on-page';
import { useDeleteShipment } from '../api/shipment';

interface DeleteShipmentProps {
  readonly shipmentId: string;
  readonly scn: string;
  /** The version the page shows (as read, or as last saved here). */
  readonly version: number;
  /** The trip it is on, as saved: where the page goes once it is deleted. */
  readonly tripId: string | null;
  /** Called before leaving the page, so the unsaved-changes question is not asked. */
  readonly beforeLeaving: () => void;
}

export function DeleteShipment(props: DeleteShipmentProps) {
  return (
    <DeleteOnPage
      noun="shipment"
      name={props.scn}
      record={{ id: props.shipmentId, version: props.version }}
      useDelete={useDeleteShipment}
      deleted={`Shipment ${props.scn} is deleted.`}
      leaveTo={props.tripId === null ? '/' : `/trips/${props.tripId}`}
      beforeLeaving={props.beforeLeaving}
    >
      The shipment and its commodities are deleted. Its SCN stays used and is never given out again.
      If CBP has it on file with the trip, Sync with CBP afterwards: the sync withdraws it at CBP.
      Once CBP reports it arrived, released or on hold, it can no longer be deleted.
    </DeleteOnPage>
  );
}
