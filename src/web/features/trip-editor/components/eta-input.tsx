/**
 * The ETA is entered in the port's own clock (ADR 0004: stored without offset). The zone is
 * named, and the user's own time is shown beside it when their clock differs.
 */
import { Group, Text, TextInput } from '@mantine/core';
import { DateTime } from 'luxon';
import { memo, useState } from 'react';
import { findPort } from '../../../../codes/ports.js';
import { portLocalTime } from '../../../lib/port-time';

function userTime(eta: string, zone: string | undefined): string | undefined {
  if (zone === undefined) return undefined;
  const here = Intl.DateTimeFormat().resolvedOptions().timeZone;
  const local = DateTime.fromFormat(eta, 'yyyy-MM-dd HH:mm:ss', { zone });
  if (!local.isValid) return undefined;
  const mine = local.setZone(here);
  if (mine.offset === local.offset) return undefined;
  return `${mine.toFormat('yyyy-MM-dd HH:mm ZZZZ')} your time`;
}

/** Memoised: drawn again only when the ETA, the port or its issues change. */
export const EtaInput = memo(function EtaInput(props: {
  readonly value: string | undefined;
  readonly portCode: string | undefined;
  readonly onChange: (eta: string | undefined) => void;
  readonly error?: string | undefined;
  /** A warning (FieldIssues in src/web/lib/field-id.ts). */
  readonly success?: string | undefined;
  readonly id: string;
  readonly readOnly?: boolean;
}) {
  // A day the calendar does not have (02/30): the browser gives the field no value and blocks
  // the form's submit with a bubble of its own; said here, under the field, in words.
  const [impossible, setImpossible] = useState(false);
  const eta = props.value ?? '';
  const date = eta.slice(0, 10);
  const time = eta.slice(11, 16);
  const zone = props.portCode === undefined ? undefined : findPort(props.portCode)?.timeZone;
  const zoneWords = zone === undefined ? 'port time' : `port time, ${zone}`;
  const set = (nextDate: string, nextTime: string) => {
    if (nextDate === '' && nextTime === '') props.onChange(undefined);
    else props.onChange(`${nextDate} ${nextTime === '' ? '00:00' : nextTime}:00`);
  };
  const shown = portLocalTime(props.value, props.portCode);
  const mine = eta === '' ? undefined : userTime(eta, zone);
  return (
    <div>
      <Group align="start" gap="sm">
        <TextInput
          id={props.id}
          type="date"
          label={`ETA date (${zoneWords})`}
          value={date}
          readOnly={props.readOnly}
          error={
            impossible ? 'This date does not exist: check the day and the month.' : props.error
          }
          success={props.success}
          // Every keystroke: React's onChange skips one that leaves the value '' as it was.
          onInput={(event) => {
            setImpossible(event.currentTarget.validity.badInput);
          }}
          onChange={(event) => {
            set(event.currentTarget.value, time);
          }}
        />
        <TextInput
          type="time"
          label="ETA time (port time)"
          value={time}
          readOnly={props.readOnly}
          onChange={(event) => {
            set(date, event.currentTarget.value);
          }}
        />
      </Group>
      <Text size="sm" mt={4} aria-live="polite" data-testid="eta-shown">
        Arrives {shown.text}
        {mine === undefined ? '' : ` (${mine})`}
      </Text>
    </div>
  );
});
