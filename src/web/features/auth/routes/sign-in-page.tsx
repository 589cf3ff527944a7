import { Center, Paper, Text, Title } from '@mantine/core';
import { SignInForm } from '../components/sign-in-form';

export function SignInPage() {
  return (
    <Center mih="100vh" p="md">
      <Paper component="main" withBorder shadow="sm" p="xl" w={420} maw="100%">
        <Title order={1} size="h2" mb="xs">
          ACE eManifest
        </Title>
        <Text c="dimmed" mb="lg">
          Sign in to file U.S.-bound highway manifests.
        </Text>
        <SignInForm />
      </Paper>
    </Center>
  );
}
