/**
 * A saved informal shipment's papers (Section 321, intangibles, the CBP-form types) as PDF: the
 * browser downloads them with the session cookie (GET /shipments/{id}/papers.pdf, docs/paperwork.md).
 * PAPS and in-bond shipments have none: they travel on the trip's lead sheet, and the button
 * says so instead. The saved type decides, since the papers print what is stored.
 */
import { Button, Group, Text } from '@mantine/core';
import { useId } from 'react';
import { isInformal } from '../../../../domain/shipment.js';
import type { ShipmentRecord } from '../../../lib/api-types';
import { shipmentPapersUrl } from '../api/paperwork';

export function ShipmentPapersButton(props: {
  readonly record: ShipmentRecord;
  /** The type chosen in the form, which may not be saved yet. */
  readonly draftType: string | undefined;
}) {
  const hintId = useId();
  const saved = props.record.shipment;
  const scn = saved.shipmentControlNumber ?? '';
  const informal = isInformal(saved);
  const hint = !informal
    ? "PAPS and in-bond shipments have no papers of their own: they travel on the trip's lead sheet."
    : props.draftType !== saved.type
      ? 'The papers print the shipment as saved: save the new type first.'
      : undefined;
  return (
    <Group gap="sm" wrap="wrap">
      {informal ? (
        <Button
          component="a"
          href={shipmentPapersUrl(props.record.id)}
          download={`${scn.replace(/[^A-Za-z0-9-]/g, '') || 'shipment'}-papers.pdf`}
          variant="outline"
          aria-describedby={hint === undefined ? undefined : hintId}
        >
          Shipment papers
        </Button>
      ) : (
        <Button variant="outline" disabled aria-describedby={hintId}>
          Shipment papers
        </Button>
      )}
      {hint !== undefined && (
        <Text id={hintId} size="sm" c="dimmed">
          {hint}
        </Text>
      )}
    </Group>
  );
}
