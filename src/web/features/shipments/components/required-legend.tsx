/**
 * The required-field legend of the ACE eManifest commodity page. Each kind has a colour AND
 * its words, in the label itself, so it never depends on colour alone (WCAG 1.4.1).
 */
import { Group, Text } from '@mantine/core';

export type Requirement = 'required' | 'hazmat' | 'section321OrInBond' | 'section321';

// Shade 9 of each colour (orange 9 is 4.3:1, so a darker orange): 4.5:1 on white (WCAG 1.4.3).
const looks: Record<Requirement, { words: string; colour: string }> = {
  required: { words: 'Required', colour: 'red.9' },
  hazmat: { words: 'Required if Hazmat', colour: '#8a3c00' },
  section321OrInBond: {
    words: 'Required when Shipment is Section 321 or In-Bond',
    colour: 'violet.9',
  },
  section321: { words: 'Required when Shipment is Section 321', colour: 'blue.9' },
};

export function RequiredMark({ kind }: { readonly kind: Requirement }) {
  const look = looks[kind];
  return (
    <Text span size="xs" fw={700} c={look.colour}>
      ({look.words})
    </Text>
  );
}

/** A label with its requirement: "Description (Required)". */
export function labelWith(text: string, kind: Requirement) {
  return (
    <>
      {text} <RequiredMark kind={kind} />
    </>
  );
}

export function RequiredLegend() {
  return (
    <Group
      gap="md"
      component="ul"
      aria-label="Required-field legend"
      style={{ listStyle: 'none', padding: 0, margin: 0 }}
    >
      {(Object.keys(looks) as Requirement[]).map((kind) => (
        <li key={kind}>
          <RequiredMark kind={kind} />
        </li>
      ))}
    </Group>
  );
}
