/**
 * Links to the trip's driver's page: make one (its address shown, with Copy, and when it
 * expires), the active ones listed, each revocable at once. Dispatchers and admins only.
 */
import { Alert, Anchor, Button, CopyButton, Group, List, Stack, Text, Title } from '@mantine/core';
import {
  useCreateDriverLink,
  useDriverLinks,
  useRevokeDriverLink,
  type DriverLink,
} from '../api/trip-paperwork';
import { instantText } from '../../../lib/port-time';

function expiry(link: DriverLink): string {
  return instantText(link.expiresAt);
}

function LinkLine({ link, tripId }: { readonly link: DriverLink; readonly tripId: string }) {
  const revoke = useRevokeDriverLink(tripId);
  return (
    <List.Item>
      <Stack gap={2}>
        <Anchor
          href={link.url}
          target="_blank"
          rel="noopener"
          size="sm"
          style={{ wordBreak: 'break-all' }}
        >
          {link.url}
        </Anchor>
        <Group gap="xs">
          <Text size="xs">Works until {expiry(link)}</Text>
          <CopyButton value={link.url}>
            {({ copied, copy }) => (
              <Button size="compact-xs" variant="default" onClick={copy}>
                {copied ? 'Copied' : 'Copy link'}
              </Button>
            )}
          </CopyButton>
          <Button
            size="compact-xs"
            variant="outline"
            color="red"
            loading={revoke.isPending}
            aria-label={`Revoke the link made ${instantText(link.createdAt)}`}
            onClick={() => {
              revoke.mutate(link.id);
            }}
          >
            Revoke
          </Button>
        </Group>
        {revoke.isError && (
          <Text size="xs" c="red.9" role="alert">
            {revoke.error.message}
          </Text>
        )}
      </Stack>
    </List.Item>
  );
}

export function DriverLinks({ tripId }: { readonly tripId: string }) {
  const links = useDriverLinks(tripId);
  const create = useCreateDriverLink(tripId);
  // Expired as of the list's reading (rendering stays pure); the server refuses them anyway.
  const now = links.dataUpdatedAt;
  const active = (links.data?.items ?? []).filter(
    (link) => link.revokedAt === null && Date.parse(link.expiresAt) > now,
  );
  return (
    <Stack gap="xs">
      <Title order={3} size="h5">
        Driver&apos;s page
      </Title>
      <Text size="sm">
        A link the driver opens on a phone without an account: the QR code, port and ETA, the
        shipments and the lead sheet.
      </Text>
      <Group>
        <Button
          variant="outline"
          loading={create.isPending}
          onClick={() => {
            create.mutate();
          }}
        >
          Create a driver&apos;s page link
        </Button>
      </Group>
      {create.isError && (
        <Text size="sm" c="red.9" role="alert">
          {create.error.message}
        </Text>
      )}
      {create.data !== undefined && (
        <Text size="sm" role="status">
          New link, works until {expiry(create.data)}. Send it to the driver.
        </Text>
      )}
      {links.isError && (
        <Alert color="red" role="alert" title="The links could not be read">
          {links.error.message}
        </Alert>
      )}
      {active.length > 0 ? (
        <List aria-label="Active driver's page links" listStyleType="none" m={0} p={0} spacing="xs">
          {active.map((link) => (
            <LinkLine key={link.id} link={link} tripId={tripId} />
          ))}
        </List>
      ) : (
        links.isSuccess && <Text size="sm">No active link.</Text>
      )}
    </Stack>
  );
}
