/**
 * Section 321 refused for this arrival (suspended since 2025-08-29 by EO 14324, CSMS
 * #66065494; repealed from 2027-07-01 by Pub. L. 119-21): the rule's own explanation and
 * source, and the way out in one click, PAPS with a broker's entry.
 */
import { Alert, Button, Text } from '@mantine/core';
import type { Issue } from '../../../lib/api-types';

const REFUSALS = new Set(['SECTION_321_SUSPENDED', 'SECTION_321_REPEALED']);

export function section321Refusal(issues: readonly Issue[] | undefined): Issue | undefined {
  return issues?.find((issue) => REFUSALS.has(issue.code) && issue.path === '/type');
}

export function Section321Notice(props: {
  readonly refusal: Issue;
  readonly canEdit: boolean;
  readonly onConvert: () => void;
}) {
  return (
    <Alert color="red" role="alert" title="Section 321 is not available for this arrival">
      <Text size="sm">{props.refusal.message}</Text>
      {props.refusal.source !== undefined && (
        <Text size="sm" mt={4}>
          Source: {props.refusal.source}
        </Text>
      )}
      {props.canEdit && (
        <Button mt="sm" color="red.9" onClick={props.onConvert}>
          Convert to PAPS and choose a broker
        </Button>
      )}
    </Alert>
  );
}
