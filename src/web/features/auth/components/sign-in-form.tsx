/**
 * E-mail and password with visible labels, checked before sending (plain-word messages), the
 * server's refusal shown in words. Used by the sign-in page and the session-expired dialog.
 */
import { Alert, Button, PasswordInput, Stack, TextInput } from '@mantine/core';
import { schemaResolver, useForm } from '@mantine/form';
import { z } from 'zod';
import { ApiError } from '../../../lib/api-client';
import { useSignIn } from '../api/session';

const credentialsSchema = z.object({
  email: z.string().trim().min(1, 'Enter the e-mail address you sign in with.'),
  password: z.string().min(1, 'Enter your password.'),
});

function refusal(error: unknown): string {
  if (error instanceof ApiError && error.status === 401) {
    return 'That e-mail and password do not match an account. Check them and try again.';
  }
  if (error instanceof ApiError && error.status === 400) {
    return 'Enter your e-mail address and password.';
  }
  return error instanceof Error ? error.message : 'Signing in failed. Try again.';
}

export function SignInForm(props: { initialEmail?: string; onSignedIn?: () => void }) {
  const signIn = useSignIn();
  const form = useForm({
    mode: 'uncontrolled',
    initialValues: { email: props.initialEmail ?? '', password: '' },
    validate: schemaResolver(credentialsSchema, { sync: true }),
  });

  return (
    <form
      noValidate
      onSubmit={form.onSubmit((values) => {
        signIn.mutate(
          { email: values.email.trim(), password: values.password },
          { onSuccess: () => props.onSignedIn?.() },
        );
      })}
    >
      <Stack>
        {signIn.isError && (
          <Alert color="red" title="Not signed in" role="alert">
            {refusal(signIn.error)}
          </Alert>
        )}
        <TextInput
          label="E-mail"
          type="email"
          autoComplete="username"
          required
          key={form.key('email')}
          {...form.getInputProps('email')}
        />
        <PasswordInput
          label="Password"
          autoComplete="current-password"
          required
          key={form.key('password')}
          {...form.getInputProps('password')}
        />
        <Button type="submit" loading={signIn.isPending}>
          Sign in
        </Button>
      </Stack>
    </form>
  );
}
