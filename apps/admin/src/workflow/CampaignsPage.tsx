/**
 * Đợt đánh giá: the campaigns in the user's scope, and a form to open a new one — a plugin's
 * framework or a version published from the editor; what the server asks to confirm (a draft, a
 * framework not in force that year, a campaign already open for the same title, year and locality)
 * is listed with the frameworks in force, and opened only when confirmed.
 */
import { Alert, Anchor, Button, Group, List, NativeSelect, NumberInput, Paper, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useMutation, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { api, campaignFrameworkRef } from '../api/client.ts';
import { useCampaigns, useFrameworks, useInvalidateWork } from '../api/hooks.ts';
import { Loading, QueryError, useErrorMessage } from '../components/QueryState.tsx';
import { ScrollTable } from './common.tsx';
import { usePageTitle } from '../components/usePageTitle.ts';
import { formatDate } from '../lib/format.ts';
import { campaignBody, campaignConfirmationOf, campaignPlace } from './decision-stage.ts';

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
  const [name, setName] = useState('');
  const [communes, setCommunes] = useState('');
  const published = useQuery({ queryKey: ['frameworks', 'published'], queryFn: api.publishedFrameworks });
  const create = useMutation({
    mutationFn: (confirm: boolean) => api.createCampaign(campaignBody(framework, Number(year), confirm, { ...(name.trim() ? { name } : {}), communes })),
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
                      <Anchor component={Link} to={`/dot-danh-gia/${c.id}`} fw={600} className="wrap-anywhere" data-testid="campaign-name">
                        {c.name}
                      </Anchor>
                      <Text size="xs" className="wrap-anywhere">
                        {t(`titleKind.${c.title}`, { defaultValue: c.title })} · {titleOf(fw.ref)} · <code>{fw.ref}</code>
                      </Text>
                    </Table.Td>
                    <Table.Td>{c.year}</Table.Td>
                    <Table.Td className="wrap-anywhere" data-testid="campaign-communes">
                      {campaignPlace(c, { commune: (code) => t('work.commune', { code }), province: (code) => t('work.province', { code }) })}
                    </Table.Td>
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
            if (framework) create.mutate(false);
          }}
        >
          <Stack gap="sm">
            <NativeSelect
              label={t('work.framework')}
              required
              value={framework}
              onChange={(e) => setFramework(e.currentTarget.value)}
              data={[
                { value: '', label: t('work.chooseFramework') },
                ...(frameworks.data ?? []).map((f) => ({ value: f.ref, label: `${f.title} (${f.ref})` })),
                ...(published.data ?? []).map((f) => ({ value: `pub:${f.id}`, label: t('stage.publishedVersion', { title: f.title, version: f.version }) })),
              ]}
              data-testid="new-campaign-framework"
            />
            <TextInput
              label={t('work.campaignName')}
              description={t('work.campaignNameHelp')}
              maxLength={200}
              value={name}
              onChange={(e) => setName(e.currentTarget.value)}
              data-testid="new-campaign-name"
            />
            <TextInput
              label={t('work.campaignCommunes')}
              description={t('work.campaignCommunesHelp')}
              value={communes}
              onChange={(e) => setCommunes(e.currentTarget.value)}
              placeholder="07900, 07901"
              data-testid="new-campaign-communes"
            />
            <NumberInput label={t('work.year')} required min={2000} max={2200} value={year} onChange={setYear} w={140} thousandSeparator="" data-testid="new-campaign-year" />
            {create.isError &&
              (() => {
                const ask = campaignConfirmationOf(create.error);
                if (!ask)
                  return (
                    <Alert color="red" variant="light" role="alert">
                      {message(create.error)}
                    </Alert>
                  );
                return (
                  <Alert color="yellow.9" variant="light" role="alert" title={t('stage.confirmTitle')} data-testid="campaign-warnings">
                    <List size="sm">
                      {ask.warnings.map((w) => (
                        <List.Item key={w.code}>{w.message}</List.Item>
                      ))}
                    </List>
                    <Text size="sm" mt="xs">
                      {ask.current.length ? t('stage.currentFrameworks', { list: ask.current.join(', ') }) : t('stage.noCurrentFramework')}
                    </Text>
                    <Button mt="sm" color="yellow.9" onClick={() => create.mutate(true)} loading={create.isPending} data-testid="confirm-campaign">
                      {t('stage.openAnyway')}
                    </Button>
                  </Alert>
                );
              })()}
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
