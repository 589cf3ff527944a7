/**
 * The company's settings: who the company is (name, SCAC, default port of arrival, trip-number
 * prefix), the sender ID its interchanges with CBP carry, and the logo its lead sheets carry.
 * Admins change them; dispatchers and viewers read them.
 */
import { Stack, Text, Title } from '@mantine/core';
import { LoadState } from '../../../components/load-state';
import type { Session } from '../../../lib/api-types';
import { useCompany } from '../api/company';
import { CompanyLogoPanel } from '../components/company-logo-panel';
import { CompanySettingsForm } from '../components/company-settings-form';
import { SenderIdPanel } from '../components/sender-id-panel';

export function CompanyPage({ session }: { session: Session }) {
  const admin = session.role === 'admin';
  const company = useCompany();
  return (
    <Stack>
      <Title order={1} size="h2">
        Company settings
      </Title>
      <Text size="sm">Your role: {session.role}</Text>
      <LoadState
        error={company.error}
        pending={company.isPending}
        failedTitle="The company could not be loaded"
        loadingLabel="Loading the company"
      />
      {company.data !== undefined && (
        <CompanySettingsForm
          // A new form when the company changes (a company switch), not when it is saved.
          key={company.data.id}
          company={company.data}
          admin={admin}
          reload={async () => (await company.refetch()).data}
        />
      )}
      <SenderIdPanel admin={admin} />
      <CompanyLogoPanel admin={admin} />
    </Stack>
  );
}
