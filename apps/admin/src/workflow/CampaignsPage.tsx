/** Đợt đánh giá: the campaigns in the user's scope, and a form to open a new one. */
import { Alert, Anchor, Button, Group, NativeSelect, NumberInput, Paper, Stack, Table, Text, Title } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { api, campaignFrameworkRef } from '../api/client.ts';
import { useCampaigns, useFrameworks, useInvalidateWork } from '../api/hooks.ts';
import { Loading, QueryError, useErrorMessage } from '../components/QueryState.tsx';
import { ScrollTable } from './common.tsx';
import { usePageTitle } from '../components/usePageTitle.ts';
import { formatDate } from '../lib/format.ts';

export function CampaignsPage() {
  const { t } = useTranslation();
  usePageTitle(t('nav.campaigns'));
  const campaigns = useCampaigns();
  const frameworks = useFrameworks();
  const navigate = useNavigate();
  const invalidate = useInvalidateWork();
  const message = useErrorMessage();
  const [framework, setFramework] = useState('');
  const [year, setYear] = useState<number | string>(new Date().getFullYear());
  const create = useMutation({
    mutationFn: () => api.createCampaign({ framework, year: Number(year) }),
    onSuccess: async (c) => {
      await invalidate();
      void navigate(`/dot-danh-gia/${c.id}`);
    },
  });
  const titleOf = (ref: string) => frameworks.data?.find((f) => f.ref === ref)?.title ?? ref;

  return (
    <Stack gap="lg">
      <Title order={1}>{t('nav.campaigns')}</Title>
      {campaigns.isPending ? (
        <Loading />
      ) : campaigns.isError ? (
        <QueryError error={campaigns.error} onRetry={() => void campaigns.refetch()} />
      ) : campaigns.data.items.length === 0 ? (
        <Text role="status">{t('work.noCampaigns')}</Text>
      ) : (
        <ScrollTable minWidth={520}>
          <Table striped data-testid="campaigns-table">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('work.colCampaign')}</Table.Th>
                <Table.Th>{t('work.colYear')}</Table.Th>
                <Table.Th>{t('work.colLocality')}</Table.Th>
                <Table.Th>{t('work.colCreated')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {campaigns.data.items.map((c) => {
                const fw = campaignFrameworkRef(c);
                return (
                  <Table.Tr key={c.id}>
                    <Table.Td>
                      <Anchor component={Link} to={`/dot-danh-gia/${c.id}`} fw={600}>
                        {t(`titleKind.${c.title}`, { defaultValue: c.title })}
                      </Anchor>
                      <Text size="xs" className="wrap-anywhere">
                        {titleOf(fw.ref)} · <code>{fw.ref}</code>
                      </Text>
                    </Table.Td>
                    <Table.Td>{c.year}</Table.Td>
                    <Table.Td>{c.commune ? t('work.commune', { code: c.commune }) : t('work.province', { code: c.province })}</Table.Td>
                    <Table.Td>{formatDate(c.createdAt)}</Table.Td>
                  </Table.Tr>
                );
              })}
            </Table.Tbody>
          </Table>
        </ScrollTable>
      )}

      <Paper withBorder p="md" maw={640} component="section" aria-labelledby="new-campaign">
        <Title order={2} size="h4" id="new-campaign" mb="sm">
          {t('work.newCampaign')}
        </Title>
        <form
          onSubmit={(e) => {
            e.preventDefault();
            if (framework) create.mutate();
          }}
        >
          <Stack gap="sm">
            <NativeSelect
              label={t('work.framework')}
              required
              value={framework}
              onChange={(e) => setFramework(e.currentTarget.value)}
              data={[{ value: '', label: t('work.chooseFramework') }, ...(frameworks.data ?? []).map((f) => ({ value: f.ref, label: `${f.title} (${f.ref})` }))]}
              data-testid="new-campaign-framework"
            />
            <NumberInput label={t('work.year')} required min={2000} max={2200} value={year} onChange={setYear} w={140} thousandSeparator="" data-testid="new-campaign-year" />
            {create.isError && (
              <Alert color="red" variant="light" role="alert">
                {message(create.error)}
              </Alert>
            )}
            <Group>
              <Button type="submit" loading={create.isPending} disabled={!framework}>
                {t('work.openCampaign')}
              </Button>
            </Group>
          </Stack>
        </form>
      </Paper>
    </Stack>
  );
}
