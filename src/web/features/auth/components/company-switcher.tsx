/**
 * For users in several companies (service providers filing for many carriers): the company
 * they work in, switched server-side (PUT /session/company) so the role follows the company.
 */
import { NativeSelect } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import type { Session } from '../../../lib/api-types';
import { useSwitchCompany } from '../api/session';

export function CompanySwitcher({ session }: { session: Session }) {
  const switchCompany = useSwitchCompany();
  if (session.companies.length < 2) return null;
  return (
    <NativeSelect
      label="Company"
      value={session.company.id}
      disabled={switchCompany.isPending}
      data={session.companies.map((choice) => ({
        value: choice.companyId,
        label: `${choice.name} (${choice.scac}) — ${choice.role}`,
      }))}
      onChange={(event) => {
        switchCompany.mutate(event.currentTarget.value, {
          onError: (error) =>
            notifications.show({
              color: 'red',
              title: 'Company not switched',
              message: error.message,
            }),
        });
      }}
    />
  );
}
