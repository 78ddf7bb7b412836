/** Bình xét: the registrations waiting for the committee (submitted or appealed), per campaign. */
import { Stack, Table, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useRegistrations } from '../api/hooks.ts';
import { Loading, QueryError } from '../components/QueryState.tsx';
import { usePageTitle } from '../components/usePageTitle.ts';
import { formatDate } from '../lib/format.ts';
import { CampaignPicker, useChosenCampaign } from './CampaignPicker.tsx';
import { RegistrationLink, RegStatusBadge, ScrollTable } from './common.tsx';

export function ReviewPage() {
  const { t } = useTranslation();
  usePageTitle(t('nav.review'));
  const chosen = useChosenCampaign();
  const submitted = useRegistrations(chosen.campaign?.id, { status: 'submitted', limit: 200 });
  const appealed = useRegistrations(chosen.campaign?.id, { status: 'appealed', limit: 200 });
  const items = [...(submitted.data?.items ?? []), ...(appealed.data?.items ?? [])];
  return (
    <Stack gap="lg">
      <Title order={1}>{t('nav.review')}</Title>
      <Text>{t('work.reviewIntro')}</Text>
      {chosen.isPending ? (
        <Loading />
      ) : chosen.error ? (
        <QueryError error={chosen.error} />
      ) : chosen.campaigns.length === 0 ? (
        <Text role="status">{t('work.noCampaigns')}</Text>
      ) : (
        <>
          <CampaignPicker value={chosen.campaign?.id} campaigns={chosen.campaigns} onChange={chosen.choose} />
          {submitted.isPending || appealed.isPending ? (
            <Loading />
          ) : submitted.isError ? (
            <QueryError error={submitted.error} />
          ) : items.length === 0 ? (
            <Text role="status" data-testid="review-empty">
              {t('work.reviewEmpty')}
            </Text>
          ) : (
            <ScrollTable minWidth={420}>
              <Table striped data-testid="review-queue">
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>{t('work.colPerson')}</Table.Th>
                    <Table.Th>{t('work.colStatus')}</Table.Th>
                    <Table.Th>{t('work.colUpdated')}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {items.map((r) => (
                    <Table.Tr key={r.id}>
                      <Table.Td>
                        <RegistrationLink registration={r} />
                      </Table.Td>
                      <Table.Td>
                        <RegStatusBadge status={r.status} />
                      </Table.Td>
                      <Table.Td>{formatDate(r.updatedAt)}</Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </ScrollTable>
          )}
        </>
      )}
    </Stack>
  );
}
