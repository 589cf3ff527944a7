/**
 * The logo printed at the top left of every lead sheet of the company's trips (docs/paperwork.md):
 * shown to everyone, uploaded, replaced and removed by an admin. PNG or JPEG, at most 512 KiB;
 * the service reads the file's bytes and says what is wrong with one it refuses.
 */
import { Alert, Button, Group, Image, List, Paper, Stack, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useRef } from 'react';
import { ErrorAlert } from '../../../components/error-alert';
import { LoadState } from '../../../components/load-state';
import { ApiError } from '../../../lib/api-client';
import { useObjectUrl } from '../../../lib/use-object-url';
import { useCompanyLogo, useRemoveCompanyLogo, useSetCompanyLogo } from '../api/company-logo';

function Refusal({ title, error }: { readonly title: string; readonly error: Error | null }) {
  if (error instanceof ApiError && error.issues.length > 0) {
    return (
      <Alert color="red" role="alert" title={title}>
        <List size="sm">
          {error.issues.map((issue) => (
            <List.Item key={issue.code}>{issue.message}</List.Item>
          ))}
        </List>
      </Alert>
    );
  }
  return <ErrorAlert title={title} error={error} />;
}

export function CompanyLogoPanel({ admin }: { readonly admin: boolean }) {
  const logo = useCompanyLogo();
  const upload = useSetCompanyLogo();
  const remove = useRemoveCompanyLogo();
  const input = useRef<HTMLInputElement>(null);
  const url = useObjectUrl(logo.data);

  return (
    <Paper component="section" withBorder p="md" aria-labelledby="company-logo-title">
      <Stack>
        <Title order={2} size="h3" id="company-logo-title">
          Logo on the lead sheets
        </Title>
        <Text size="sm">
          Printed at the top left of every lead sheet of the company&apos;s trips (downloaded,
          e-mailed or opened from the driver&apos;s page). PNG or JPEG, at most 512 KiB.
        </Text>
        <LoadState
          error={logo.error}
          pending={logo.isPending}
          failedTitle="The logo could not be loaded"
          loadingLabel="Loading the logo"
        />
        {logo.data === null && <Text>No logo: the lead sheets print without one.</Text>}
        {url !== undefined && (
          <Paper withBorder p="xs" w="fit-content">
            <Image src={url} alt="The company logo" mah={96} maw={320} fit="contain" />
          </Paper>
        )}
        <Refusal title="Logo not saved" error={upload.error} />
        <ErrorAlert title="Logo not removed" error={remove.error} />
        {admin ? (
          <Group>
            <Button
              loading={upload.isPending}
              disabled={logo.isPending}
              onClick={() => input.current?.click()}
            >
              {typeof url === 'string' ? 'Replace the logo' : 'Upload a logo'}
            </Button>
            <input
              ref={input}
              type="file"
              accept="image/png,image/jpeg"
              aria-label="Logo picture (PNG or JPEG)"
              hidden
              onChange={(event) => {
                const file = event.currentTarget.files?.[0];
                // Cleared so that choosing the same (fixed) file again uploads it again.
                event.currentTarget.value = '';
                if (file === undefined) return;
                remove.reset();
                upload.mutate(file, {
                  onSuccess: (facts) => {
                    notifications.show({
                      color: 'green',
                      title: 'Logo saved',
                      message: `${facts.width} × ${facts.height} pixels; the lead sheets carry it from now on.`,
                    });
                  },
                });
              }}
            />
            {url !== undefined && (
              <Button
                variant="outline"
                color="red"
                loading={remove.isPending}
                onClick={() => {
                  upload.reset();
                  remove.mutate(undefined, {
                    onSuccess: () => {
                      notifications.show({
                        color: 'green',
                        title: 'Logo removed',
                        message: 'The lead sheets print without a logo.',
                      });
                    },
                  });
                }}
              >
                Remove the logo
              </Button>
            )}
          </Group>
        ) : (
          <Text size="sm" c="dimmed">
            Only an admin of the company can change the logo.
          </Text>
        )}
      </Stack>
    </Paper>
  );
}
