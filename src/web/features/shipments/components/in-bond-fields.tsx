/**
 * A carrier-filed ACE in-bond movement (19 CFR 18): shown when the shipment type is ACE
 * In-Bond; the rule engine says which of these each in-bond type needs.
 */
import { Fieldset, Select, SimpleGrid, TextInput } from '@mantine/core';
import { IN_BOND_TYPES } from '../../../../codes/trade-codes.js';
import type { Shipment } from '../../../lib/api-types';
import { fieldId } from '../../../lib/field-id';
import type { Binder, Draft } from '../../../lib/use-draft';
import { CodeInput } from '../../../components/code-input';

const inBondTypes = Object.entries(IN_BOND_TYPES).map(([code, name]) => ({
  value: code,
  label: `${code} ${name}`,
}));

export function InBondFields(props: {
  readonly draft: Draft<Shipment>;
  readonly b: Binder;
  readonly readOnly: boolean;
}) {
  const { draft, b, readOnly } = props;
  return (
    <Fieldset legend="In-Bond" id={fieldId('/inBond')} tabIndex={-1} disabled={readOnly}>
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <TextInput label="In-bond number" description="9 digits" {...b.text('/inBond/number')} />
        <Select
          id={fieldId('/inBond/type')}
          label="In-bond type"
          data={inBondTypes}
          value={draft.value.inBond?.type ?? null}
          {...b.issues('/inBond/type')}
          clearable
          onChange={(value) => {
            draft.set('/inBond/type', value ?? undefined);
          }}
        />
        <TextInput
          label="U.S. destination port"
          description="Schedule D code, 4 digits"
          {...b.text('/inBond/destinationPort')}
        />
        <CodeInput
          label="Foreign destination"
          description="Country code, for 62 and 63"
          {...b.text('/inBond/foreignDestination')}
        />
        <CodeInput
          label="Destination FIRMS code"
          description="The bonded facility at destination"
          {...b.text('/inBond/firmsCode')}
        />
      </SimpleGrid>
    </Fieldset>
  );
}
