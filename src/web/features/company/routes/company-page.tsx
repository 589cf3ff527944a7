/**
 * The company's settings: who the company is (as the session knows it) and the logo its lead
 * sheets carry. The name, default port and trip-number prefix are changed through the API
 * (PATCH /company, docs/api.md) for now.
 */
import { Paper, Stack, Table, Title } from '@mantine/core';
import type { Session } from '../../../lib/api-types';
import { CompanyLogoPanel } from '../components/company-logo-panel';

export function CompanyPage({ session }: { session: Session }) {
  const { company } = session;
  return (
    <Stack>
      <Title order={1} size="h2">
        Company settings
      </Title>
      <Paper component="section" withBorder p="md" aria-label="The company">
        <Table variant="vertical" withTableBorder={false} maw={560}>
          <Table.Tbody>
            <Table.Tr>
              <Table.Th w={200}>Carrier name</Table.Th>
              <Table.Td>{company.name}</Table.Td>
            </Table.Tr>
            <Table.Tr>
              <Table.Th>SCAC</Table.Th>
              <Table.Td>{company.scac}</Table.Td>
            </Table.Tr>
            <Table.Tr>
              <Table.Th>Trip-number prefix</Table.Th>
              <Table.Td>{company.tripNumberPrefix}</Table.Td>
            </Table.Tr>
            <Table.Tr>
              <Table.Th>Your role</Table.Th>
              <Table.Td>{session.role}</Table.Td>
            </Table.Tr>
          </Table.Tbody>
        </Table>
      </Paper>
      <CompanyLogoPanel admin={session.role === 'admin'} />
    </Stack>
  );
}
