/**
 * Instruments of international traffic declared on the trip: reusable racks, pallets and
 * containers (19 CFR 10.41a), by bond type, quantity and description.
 */
import { Button, Fieldset, Group, Select, SimpleGrid, TextInput } from '@mantine/core';
import { memo } from 'react';
import { IIT_TYPES } from '../../../../codes/trade-codes.js';
import { NumberField } from '../../../components/number-field';
import type { Issue, TripDocument } from '../../../lib/api-types';
import { fieldId } from '../../../lib/field-id';
import { removeAt } from '../../../lib/set-in';
import { bindPart, samePart, type SetAt } from '../../../lib/use-draft';

const iitTypes = Object.entries(IIT_TYPES).map(([code, name]) => ({
  value: code,
  label: `${name} (${code})`,
}));

const at = '/instrumentsOfInternationalTraffic';

/** Memoised: typing elsewhere in the trip does not redraw the instruments. */
export const IitFields = memo(function IitFields(props: {
  readonly value: TripDocument['instrumentsOfInternationalTraffic'];
  /** The issues at or under `/instrumentsOfInternationalTraffic`. */
  readonly issues: readonly Issue[] | undefined;
  readonly set: SetAt;
  readonly readOnly: boolean;
}) {
  const { set, readOnly } = props;
  const items = props.value ?? [];
  const b = bindPart(at, items, props.issues, set);
  return (
    <Fieldset legend="Instruments of international traffic" id={fieldId(at)} tabIndex={-1}>
      {items.map((item, index) => {
        const here = `${at}/${String(index)}`;
        return (
          <Group key={index} align="end" mb="xs">
            <SimpleGrid cols={{ base: 1, sm: 3 }} style={{ flex: 1 }}>
              <Select
                id={fieldId(`${here}/type`)}
                label={`Instrument ${String(index + 1)}: type`}
                data={iitTypes}
                value={item.type ?? null}
                {...b.issues(`${here}/type`)}
                readOnly={readOnly}
                onChange={(value) => {
                  set(`${here}/type`, value ?? undefined);
                }}
              />
              <NumberField
                label="Quantity"
                whole
                {...b.number(`${here}/quantity`)}
                readOnly={readOnly}
              />
              <TextInput
                label="Description"
                description="e.g. empty returnable racks"
                {...b.text(`${here}/description`)}
                readOnly={readOnly}
              />
            </SimpleGrid>
            {!readOnly && (
              <Button
                variant="default"
                onClick={() => {
                  set(at, removeAt(items, index));
                }}
              >
                Remove instrument {index + 1}
              </Button>
            )}
          </Group>
        );
      })}
      {!readOnly && (
        <Button
          variant="default"
          onClick={() => {
            set(at, [...items, {}]);
          }}
        >
          Add an instrument
        </Button>
      )}
    </Fieldset>
  );
}, samePart);
