/** The frame of every signed-in page: who and where you are, and how to leave. */
import { AppShell, Button, Group, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import type { Session } from '../lib/api-types';
import { useSignOut } from '../features/auth/api/session';
import { CompanySwitcher } from '../features/auth/components/company-switcher';
import { MainNav } from './main-nav';

export function AppLayout({ session, children }: { session: Session; children: ReactNode }) {
  const signOut = useSignOut();
  return (
    <AppShell header={{ height: { base: 170, sm: 120, lg: 76 } }} padding="md">
      <AppShell.Header px="md">
        <Group h="100%" justify="space-between" wrap="wrap" gap="xs">
          <Group gap="lg" wrap="wrap">
            <Title order={2} size="h3">
              ACE eManifest
            </Title>
            <MainNav />
          </Group>
          <Group gap="md" align="end" wrap="wrap">
            <CompanySwitcher session={session} />
            <Text size="sm">
              {session.user.displayName || session.user.email}
              <br />
              <Text span c="dimmed" size="sm">
                {session.company.name} ({session.company.scac}) · {session.role}
              </Text>
            </Text>
            <Button
              variant="default"
              loading={signOut.isPending}
              onClick={() => {
                signOut.mutate();
              }}
            >
              Sign out
            </Button>
          </Group>
        </Group>
      </AppShell.Header>
      {/* AppShell.Main is the page's <main> landmark. */}
      <AppShell.Main>{children}</AppShell.Main>
    </AppShell>
  );
}
