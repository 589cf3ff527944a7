/**
 * The sender ID the company's X12 interchanges carry (ISA06, GS02; docs/edi.md): the SCAC
 * until an admin types the one CBP assigned at certification. Checked before sending with the
 * service's own rule; a refusal (another company's ID) is shown under the field, and the
 * warning after a change once the company has filed stays on the page. Below it, the filing
 * mode: test (CBP certification) or production.
 */
import { Alert, Button, Group, Paper, Radio, Stack, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { senderIdProblem } from '../../../../rules/identifiers/company-settings.js';
import { ErrorAlert } from '../../../components/error-alert';
import { LoadState } from '../../../components/load-state';
import { problemsAt } from '../../../lib/problems-at';
import { useEdiIdentity, useSetFilingMode, useSetSenderId, type EdiIdentity } from '../api/company';
import { CodeInput } from '../../../components/code-input';

function SenderIdForm({ identity, admin }: { identity: EdiIdentity; admin: boolean }) {
  const save = useSetSenderId();
  const [senderId, setSenderId] = useState(identity.senderId);
  const [checked, setChecked] = useState<string | undefined>();
  const refused = problemsAt(save.error, '/senderId');
  const warnings = save.data?.issues.filter((issue) => issue.severity === 'warning') ?? [];
  return (
    <form
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        const problem = senderIdProblem(senderId);
        setChecked(problem === undefined ? undefined : `The sender ID ${problem}.`);
        if (problem !== undefined) return;
        save.mutate(
          { senderId, version: identity.version },
          {
            onSuccess: (result) => {
              if (result.issues.length === 0) {
                notifications.show({
                  color: 'green',
                  title: 'Sender ID saved',
                  message: `The next sync with CBP sends ${result.identity.senderId}.`,
                });
              }
            },
          },
        );
      }}
    >
      <Stack>
        <CodeInput
          label="Sender ID (ISA06)"
          description={
            identity.defaultedToScac
              ? 'Your SCAC until you type the ID CBP assigned at certification'
              : 'As CBP assigned it at certification: 2 to 15 capital letters, digits or X12 punctuation'
          }
          maw={360}
          maxLength={15}
          value={senderId}
          readOnly={!admin}
          error={checked ?? refused}
          onChange={(event) => {
            setSenderId(event.currentTarget.value);
            setChecked(undefined);
          }}
        />
        {identity.controlNumbersUsed > 0 && admin && (
          <Text size="sm" c="dimmed">
            The company has filed under {identity.senderId} ({identity.controlNumbersUsed}{' '}
            interchanges). Change it only when CBP has assigned you a new one.
          </Text>
        )}
        {warnings.map((warning) => (
          <Alert key={warning.code} color="yellow" title="Sender ID changed after filing">
            {warning.message}
          </Alert>
        ))}
        {refused === undefined && <ErrorAlert title="Sender ID not saved" error={save.error} />}
        {admin && (
          <Group>
            <Button type="submit" loading={save.isPending}>
              Save sender ID
            </Button>
          </Group>
        )}
      </Stack>
    </form>
  );
}

const MODE_WORDS = {
  test: 'Test: CBP certification (ISA15 T)',
  production: 'Production: filed for real (ISA15 P)',
} as const;

/**
 * Whether the company's interchanges go to CBP as tests or for real (docs/edi.md, the filing
 * mode): test while the filer certifies, production once CBP has certified it.
 */
function FilingModeForm({ identity, admin }: { identity: EdiIdentity; admin: boolean }) {
  const save = useSetFilingMode();
  const [mode, setMode] = useState(identity.filingMode);
  return (
    <form
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        save.mutate(
          { mode, version: identity.version },
          {
            onSuccess: (result) => {
              notifications.show({
                color: 'green',
                title: 'Filing mode saved',
                message:
                  result.filingMode === 'production'
                    ? 'From the next sync on, trips are filed with CBP for real.'
                    : "From the next sync on, trips go to CBP's certification environment as tests.",
              });
            },
          },
        );
      }}
    >
      <Stack gap="xs">
        <Radio.Group
          label="Filing mode"
          description="Test while CBP certifies you; production once CBP says you may file for real"
          value={mode}
          onChange={(value) => {
            setMode(value === 'production' ? 'production' : 'test');
          }}
        >
          <Stack gap={4} mt="xs">
            <Radio value="test" label={MODE_WORDS.test} disabled={!admin} />
            <Radio value="production" label={MODE_WORDS.production} disabled={!admin} />
          </Stack>
        </Radio.Group>
        <ErrorAlert title="Filing mode not saved" error={save.error} />
        {admin && mode !== identity.filingMode && (
          <Group>
            <Button
              type="submit"
              loading={save.isPending}
              color={mode === 'production' ? 'red' : undefined}
            >
              {mode === 'production'
                ? 'File for real from the next sync'
                : 'File as tests from the next sync'}
            </Button>
          </Group>
        )}
      </Stack>
    </form>
  );
}

export function SenderIdPanel({ admin }: { readonly admin: boolean }) {
  const identity = useEdiIdentity();
  return (
    <Paper component="section" withBorder p="md" aria-labelledby="sender-id-title">
      <Stack>
        <Title order={2} size="h3" id="sender-id-title">
          Filing with CBP
        </Title>
        <LoadState
          error={identity.error}
          pending={identity.isPending}
          failedTitle="The sender ID could not be loaded"
          loadingLabel="Loading the sender ID"
        />
        {identity.data !== undefined && (
          <>
            <SenderIdForm identity={identity.data} admin={admin} />
            <FilingModeForm identity={identity.data} admin={admin} />
          </>
        )}
      </Stack>
    </Paper>
  );
}
