/**
 * When the API answers 401 inside a session (it expired, or was signed out elsewhere), this
 * dialog asks the user to sign in again over the page, which stays mounted: whatever was
 * typed or shown is still there afterwards, and the failed requests are fetched again.
 */
import { getDefaultZIndex, Modal, Text } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { onSessionExpired } from '../../../lib/api-client';
import type { Session } from '../../../lib/api-types';
import { sessionKey } from '../api/session';
import { SignInForm } from './sign-in-form';

export function SessionExpiredDialog() {
  const client = useQueryClient();
  const [expired, setExpired] = useState(false);
  const [email, setEmail] = useState('');

  useEffect(
    () =>
      onSessionExpired(() => {
        setEmail(client.getQueryData<Session | null>(sessionKey)?.user.email ?? '');
        setExpired(true);
      }),
    [client],
  );

  return (
    <Modal
      opened={expired}
      // Closing without signing in would leave a page that can neither load nor save.
      onClose={() => undefined}
      withCloseButton={false}
      closeOnEscape={false}
      closeOnClickOutside={false}
      title="Your session has ended"
      centered
      // Above any dialog open on the page (an address-book entry being typed), which it keeps.
      zIndex={getDefaultZIndex('max')}
    >
      <Text mb="md" role="alert">
        For your security you were signed out. Sign in again to carry on: nothing on this page is
        lost.
      </Text>
      <SignInForm
        initialEmail={email}
        onSignedIn={() => {
          setExpired(false);
        }}
      />
    </Modal>
  );
}
