/**
 * A page behind the signed-in gate (router.tsx), loaded on demand (React.lazy): the app's
 * frame with the session, and a spinner while the page's code arrives.
 */
import { Center, Loader } from '@mantine/core';
import { Suspense, type ComponentType } from 'react';
import { AppLayout } from '../components/app-layout';
import { useSession } from '../features/auth/api/session';
import type { Session } from '../lib/api-types';

export function SignedInPage({
  page: Page,
}: {
  readonly page: ComponentType<{ session: Session }>;
}) {
  const session = useSession().data;
  if (session == null) return null;
  return (
    <AppLayout session={session}>
      <Suspense
        fallback={
          <Center p="xl">
            <Loader aria-label="Loading the page" />
          </Center>
        }
      >
        <Page session={session} />
      </Suspense>
    </AppLayout>
  );
}
