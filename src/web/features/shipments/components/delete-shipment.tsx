/**
 * "Delete shipment" on the shipment page: asked first, in words that say what deleting keeps
 * (the SCN, never given out again) and what a filed trip needs next (its next Sync with CBP
 * withdraws the shipment at CBP: docs/edi.md, Sync with CBP). A refusal stays in the dialog, in
 * the API's words with its issues' messages; after a colleague's save it offers Delete anyway.
 * Mounted only while open, so each opening starts without the last one's refusal.
 */
import { Button } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import { ConfirmDelete } from '../../../components/confirm-delete';
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
  const [asking, setAsking] = useState(false);
  return (
    <>
      <Button
        variant="outline"
        color="red"
        onClick={() => {
          setAsking(true);
        }}
      >
        Delete shipment
      </Button>
      {asking && (
        <DeleteShipmentDialog
          {...props}
          onClose={() => {
            setAsking(false);
          }}
        />
      )}
    </>
  );
}

function DeleteShipmentDialog(props: DeleteShipmentProps & { readonly onClose: () => void }) {
  const remove = useDeleteShipment({ id: props.shipmentId, version: props.version });
  const navigate = useNavigate();
  return (
    <ConfirmDelete
      title={`Delete shipment ${props.scn}?`}
      noun="shipment"
      pending={remove.pending}
      error={remove.error}
      refusal={remove.refusal}
      seen="after this page was opened"
      onClose={props.onClose}
      onConfirm={() => {
        remove.remove(() => {
          props.beforeLeaving();
          notifications.show({
            color: 'green',
            title: 'Shipment deleted',
            message: `Shipment ${props.scn} is deleted.`,
          });
          void navigate(props.tripId === null ? '/' : `/trips/${props.tripId}`);
        });
      }}
    >
      The shipment and its commodities are deleted. Its SCN stays used and is never given out again.
      If CBP has it on file with the trip, Sync with CBP afterwards: the sync withdraws it at CBP.
    </ConfirmDelete>
  );
}
