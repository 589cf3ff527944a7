/**
 * The company's settings — carrier name, default port of arrival, trip-number prefix — as a
 * form for admins and read-only for everyone else. Checked before sending with the rule the
 * service applies (src/rules/identifiers/company-settings.ts); the service's own refusals are
 * shown under the field they name. When another admin saved first, nothing typed is lost: the
 * admin keeps theirs or loads the other version (the trip editor's SaveError).
 */
import { Button, Group, Paper, SimpleGrid, Stack, Text, TextInput, Title } from '@mantine/core';
import { schemaResolver, useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { z } from 'zod';
import { isTripNumberPrefix } from '../../../../rules/identifiers/company-settings.js';
import { PortChooser } from '../../../components/port-chooser';
import { SaveError } from '../../../components/save-conflict';
import { isConflict } from '../../../lib/save-error';
import { problemsAt } from '../../../lib/problems-at';
import { api } from '../../../lib/api-client';
import { saveOverTheirs } from '../../../lib/save-over-theirs';
import { useUpdateCompany, type Company, type CompanyChanges } from '../api/company';
import { CodeInput } from '../../../components/code-input';

function settingsSchema(scac: string) {
  return z.object({
    name: z.string().trim().min(1, 'Give the carrier name.').max(200, 'At most 200 characters.'),
    defaultPortOfArrival: z.string().nullable(),
    tripNumberPrefix: z
      .string()
      .refine(
        (prefix) => isTripNumberPrefix(prefix, scac),
        `Start with ${scac}, then letters or digits: 4 to 19 in all.`,
      ),
  });
}

/** The settings' names on this form, for what differs from another admin's save. */
const SETTING_LABELS: Readonly<Record<string, string>> = {
  '/name': 'Carrier name',
  '/defaultPortOfArrival': 'Default port of arrival',
  '/tripNumberPrefix': 'Trip-number prefix',
};

const valuesOf = (company: Company): CompanyChanges => ({
  name: company.name,
  defaultPortOfArrival: company.defaultPortOfArrival,
  tripNumberPrefix: company.tripNumberPrefix,
});

export function CompanySettingsForm(props: {
  readonly company: Company;
  readonly admin: boolean;
  /** Fetches the company again (after "Load the other version"); resolves with it. */
  readonly reload: () => Promise<Company | undefined>;
}) {
  const { company, admin } = props;
  const save = useUpdateCompany();
  const form = useForm<CompanyChanges>({
    initialValues: valuesOf(company),
    validate: schemaResolver(settingsSchema(company.scac), { sync: true }),
  });
  const fieldError = (field: keyof CompanyChanges): string | undefined => {
    const checked = form.errors[field];
    return typeof checked === 'string' ? checked : problemsAt(save.error, `/${field}`);
  };
  const located =
    save.error !== null &&
    (['name', 'defaultPortOfArrival', 'tripNumberPrefix'] as const).some(
      (field) => problemsAt(save.error, `/${field}`) !== undefined,
    );
  const submit = (version: number) =>
    form.onSubmit((values) => {
      save.mutate(
        { changes: { ...values, name: values.name.trim() }, version },
        {
          onSuccess: (saved) => {
            form.setInitialValues(valuesOf(saved));
            form.setValues(valuesOf(saved));
            notifications.show({
              color: 'green',
              title: 'Company settings saved',
              message: 'New trips use them from now on.',
            });
          },
        },
      );
    });

  return (
    <Paper component="section" withBorder p="md" aria-labelledby="company-settings-title">
      <form noValidate onSubmit={submit(company.version)}>
        <Stack>
          <Title order={2} size="h3" id="company-settings-title">
            The company
          </Title>
          {!admin && (
            <Text size="sm" c="dimmed">
              Only an admin of the company changes these.
            </Text>
          )}
          {save.error !== null && !located && (
            <SaveError
              error={save.error}
              what="company"
              busy={save.isPending}
              onOverwrite={() => {
                saveOverTheirs(
                  () => api<Company>('GET', '/company'),
                  'The company settings were not saved',
                  (latest) => {
                    submit(latest.version)();
                  },
                );
              }}
              compare={{
                key: 'company',
                mine: form.getValues(),
                theirs: () => api<Company>('GET', '/company').then(valuesOf),
                label: (pointer) => SETTING_LABELS[pointer] ?? pointer,
              }}
              onReload={() => {
                void props.reload().then((latest) => {
                  if (latest === undefined) return;
                  form.setInitialValues(valuesOf(latest));
                  form.setValues(valuesOf(latest));
                  save.reset();
                });
              }}
            />
          )}
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <TextInput
              label="Carrier name"
              required={admin}
              readOnly={!admin}
              autoComplete="organization"
              {...form.getInputProps('name')}
              error={fieldError('name')}
            />
            <TextInput label="SCAC" value={company.scac} readOnly description="Fixed at sign-up" />
            <PortChooser
              id="company-default-port"
              label="Default port of arrival"
              value={form.values.defaultPortOfArrival ?? undefined}
              readOnly={!admin}
              error={fieldError('defaultPortOfArrival')}
              onChange={(code) => {
                form.setFieldValue('defaultPortOfArrival', code ?? null);
              }}
            />
            <CodeInput
              label="Trip-number prefix"
              description={`New trip numbers start with it; it starts with ${company.scac}`}
              readOnly={!admin}
              maxLength={19}
              {...form.getInputProps('tripNumberPrefix')}
              error={fieldError('tripNumberPrefix')}
            />
          </SimpleGrid>
          {admin && (
            <Group>
              <Button type="submit" loading={save.isPending && !isConflict(save.error)}>
                Save company settings
              </Button>
            </Group>
          )}
        </Stack>
      </form>
    </Paper>
  );
}
