/**
 * "Delete trip" on the trip editor: asked first, in words that say what deleting keeps (the
 * shipments, unassociated; the number and SCNs, never given out again). A refusal stays in the
 * dialog: a colleague's newer version, or a trip CBP holds, whose filing must be cancelled
 * first (FILING_TRIP_ON_FILE).
 */
import { Button } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import { ConfirmDelete } from '../../../components/confirm-delete';
import { refusalOf } from '../../../lib/write-refusal';
import { useDeleteTrip } from '../api/trip';

export function DeleteTrip(props: {
  readonly tripId: string;
  readonly tripNumber: string;
  readonly version: number;
  /** Called before leaving the page, so the unsaved-changes question is not asked. */
  readonly beforeLeaving: () => void;
}) {
  const [asking, setAsking] = useState(false);
  const remove = useDeleteTrip(props.tripId);
  const navigate = useNavigate();
  const close = () => {
    setAsking(false);
    remove.reset();
  };
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
        <ConfirmDelete
          title={`Delete trip ${props.tripNumber}?`}
          noun="trip"
          pending={remove.isPending}
          error={remove.error}
          refusal={remove.isError ? refusalOf(remove.error) : undefined}
          seen="after this page was opened"
          onClose={close}
          onConfirm={() => {
            const anyway = remove.isError && refusalOf(remove.error) === 'changed-by-someone-else';
            remove.mutate(
              { version: props.version, anyway },
              {
                onSuccess: () => {
                  props.beforeLeaving();
                  notifications.show({
                    color: 'green',
                    title: 'Trip deleted',
                    message: `Trip ${props.tripNumber} is deleted; its shipments are in the unassociated list.`,
                  });
                  void navigate('/');
                },
              },
            );
          }}
        >
          Its shipments are not deleted: they move to the unassociated list, ready for another trip.
          The trip number and the SCNs stay used and are never given out again. A trip CBP has on
          file must have its filing cancelled first.
        </ConfirmDelete>
      )}
    </>
  );
}
