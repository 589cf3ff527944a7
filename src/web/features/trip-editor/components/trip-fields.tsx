/** The trip's own fields: its number, port of arrival and ETA in the port's clock. */
import { Fieldset, SimpleGrid, TextInput } from '@mantine/core';
import { memo, useCallback } from 'react';
import type { Issue } from '../../../lib/api-types';
import { fieldId } from '../../../lib/field-id';
import { bindPart, samePart, type SetAt } from '../../../lib/use-draft';
import { PortChooser } from '../../../components/port-chooser';
import { EtaInput } from './eta-input';

/**
 * Memoised, as the other parts of the trip: typing in the crew does not redraw it, and the
 * port chooser (every land port in its list) and the ETA are not drawn again while the trip
 * number is typed.
 */
export const TripFields = memo(function TripFields(props: {
  readonly tripNumber: string | undefined;
  readonly port: string | undefined;
  readonly eta: string | undefined;
  /** The issues at these three fields. */
  readonly issues: readonly Issue[] | undefined;
  readonly set: SetAt;
  readonly readOnly: boolean;
  readonly scac: string;
}) {
  const { set, readOnly, issues } = props;
  const b = bindPart('', { tripNumber: props.tripNumber }, issues, set);
  const setPort = useCallback(
    (code: string | undefined) => {
      set('/usPortOfArrival', code);
    },
    [set],
  );
  const setEta = useCallback(
    (eta: string | undefined) => {
      set('/estimatedArrivalDateTime', eta);
    },
    [set],
  );
  return (
    <Fieldset legend="Trip" disabled={readOnly}>
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <TextInput
          label="Trip number"
          description={`Your next number from the company sequence; starts with ${props.scac}`}
          {...b.text('/tripNumber')}
        />
        <PortChooser
          id={fieldId('/usPortOfArrival')}
          value={props.port}
          {...b.issues('/usPortOfArrival')}
          readOnly={readOnly}
          onChange={setPort}
        />
      </SimpleGrid>
      <EtaInput
        id={fieldId('/estimatedArrivalDateTime')}
        value={props.eta}
        portCode={props.port}
        {...b.issues('/estimatedArrivalDateTime')}
        readOnly={readOnly}
        onChange={setEta}
      />
    </Fieldset>
  );
}, samePart);
