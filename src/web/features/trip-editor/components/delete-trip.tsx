/**
 * "Delete trip" on the trip editor: asked first, in words that say what deleting keeps (the
 * shipments, unassociated; the number and SCNs, never given out again). A refusal stays in the
 * dialog: a colleague's newer version (Delete anyway), or a trip CBP holds, whose filing must
 * be cancelled first (FILING_TRIP_ON_FILE). The dialog is mounted only while open, so each
 * opening starts without the last one's refusal.
 */
import { Button } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import { ConfirmDelete } from '../../../components/confirm-delete';
import { useDeleteTrip } from '../api/trip';

interface DeleteTripProps {
  readonly tripId: string;
  readonly tripNumber: string;
  readonly version: number;
  /** Called before leaving the page, so the unsaved-changes question is not asked. */
  readonly beforeLeaving: () => void;
}

export function DeleteTrip(props: DeleteTripProps) {
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
        Delete trip
      </Button>
      {asking && (
        <DeleteTripDialog
          {...props}
          onClose={() => {
            setAsking(false);
          }}
        />
      )}
    </>
  );
}

function DeleteTripDialog(props: DeleteTripProps & { readonly onClose: () => void }) {
  const remove = useDeleteTrip({ id: props.tripId, version: props.version });
  const navigate = useNavigate();
  return (
    <ConfirmDelete
      title={`Delete trip ${props.tripNumber}?`}
      noun="trip"
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
            title: 'Trip deleted',
            message: `Trip ${props.tripNumber} is deleted; its shipments are in the unassociated list.`,
          });
          void navigate('/');
        });
      }}
    >
      Its shipments are not deleted: they move to the unassociated list, ready for another trip. The
      trip number and the SCNs stay used and are never given out again. A trip CBP has on file must
      have its filing cancelled first.
    </ConfirmDelete>
  );
}
