/** One campaign: its framework and calendar, its registrations (paged, by status) and bulk registration from CSV. */
import { Alert, Anchor, Button, FileInput, Group, NativeSelect, Pagination, Paper, Progress, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { api, campaignFrameworkRef, REGISTRATION_STATUSES, type BulkResult } from '../api/client.ts';
import { useCampaign, useInvalidateWork, useRegistrations } from '../api/hooks.ts';
import { Loading, QueryError, useErrorMessage } from '../components/QueryState.tsx';
import { usePageTitle } from '../components/usePageTitle.ts';
import { downloads } from '../lib/downloads.ts';
import { formatDate } from '../lib/format.ts';
import { RegistrationLink, RegStatusBadge, todayIso, ScrollTable } from './common.tsx';

const PAGE = 25;

export function CampaignDetailPage() {
  const { t } = useTranslation();
  const { id } = useParams();
  const campaign = useCampaign(id);
  const [status, setStatus] = useState('');
  const [page, setPage] = useState(1);
  const regs = useRegistrations(id, { status, offset: (page - 1) * PAGE, limit: PAGE });
  const title = campaign.data ? `${t(`titleKind.${campaign.data.title}`, { defaultValue: campaign.data.title })} ${campaign.data.year}` : t('nav.campaigns');
  usePageTitle(title);
  if (campaign.isPending) return <Loading />;
  if (campaign.isError) return <QueryError error={campaign.error} onRetry={() => void campaign.refetch()} />;
  const c = campaign.data;
  const fw = campaignFrameworkRef(c);
  const today = todayIso();

  return (
    <Stack gap="lg">
      <div>
        <Anchor component={Link} to="/dot-danh-gia" size="sm">
          ← {t('nav.campaigns')}
        </Anchor>
        <Title order={1}>{title}</Title>
        <Text size="sm" className="wrap-anywhere">
          <Anchor component={Link} to={`/bo-tieu-chi/${fw.plugin}/${fw.id}`}>
            {fw.ref}
          </Anchor>{' '}
          · {t('work.version')} <code>{c.framework.contentHash.slice(0, 12)}</code> · {c.commune ? t('work.commune', { code: c.commune }) : t('work.province', { code: c.province })}
        </Text>
        <Group gap="xs" mt="xs">
          <Button component={Link} to={`/binh-xet?dot=${c.id}`} size="xs" variant="default">
            {t('nav.review')}
          </Button>
          <Button component={Link} to={`/quyet-dinh?dot=${c.id}`} size="xs" variant="default">
            {t('nav.decisions')}
          </Button>
          <Button component={Link} to={`/?dot=${c.id}`} size="xs" variant="default">
            {t('work.report')}
          </Button>
        </Group>
      </div>

      <section aria-labelledby="downloads">
        <Title order={2} size="h4" id="downloads" mb="xs">
          {t('work.downloads')}
        </Title>
        <Group gap="md" wrap="wrap" data-testid="campaign-downloads">
          <Anchor href={downloads.template('people')} download>
            {t('work.templatePeople')}
          </Anchor>
          <Anchor href={downloads.template('households')} download>
            {t('work.templateHouseholds')}
          </Anchor>
          <Anchor href={downloads.template('scores', fw.ref)} download>
            {t('work.templateScores')}
          </Anchor>
          <Anchor href={downloads.yearlyReport(c.id, 'xlsx')} download>
            {t('work.yearlyXlsx')}
          </Anchor>
          <Anchor href={downloads.yearlyReport(c.id, 'pdf')} download>
            {t('work.yearlyPdf')}
          </Anchor>
        </Group>
      </section>

      <section aria-labelledby="calendar">
        <Title order={2} size="h4" id="calendar" mb="xs">
          {t('work.calendar')}
        </Title>
        <ScrollTable minWidth={420}>
          <Table data-testid="campaign-calendar">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('work.step')}</Table.Th>
                <Table.Th>{t('work.window')}</Table.Th>
                <Table.Th>{t('work.state')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {c.calendar.map((w) => (
                <Table.Tr key={w.name}>
                  <Table.Td>
                    <Text size="sm" className="wrap-anywhere">
                      {w.label ?? w.name}
                    </Text>
                  </Table.Td>
                  <Table.Td style={{ whiteSpace: 'nowrap' }}>{w.from ? `${formatDate(w.from)} – ${formatDate(w.to)}` : t('work.before', { date: formatDate(w.to) })}</Table.Td>
                  <Table.Td>{today > w.to ? t('work.windowPassed') : w.from && today < w.from ? t('work.windowNotOpen') : t('work.windowOpen')}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </ScrollTable>
      </section>

      <BulkUpload campaignId={c.id} />

      <section aria-labelledby="registrations">
        <Group justify="space-between" align="flex-end" mb="xs">
          <Title order={2} size="h4" id="registrations">
            {t('work.registrations')} {regs.data ? <span data-testid="registrations-total">({regs.data.total})</span> : null}
          </Title>
          <NativeSelect
            label={t('work.filterStatus')}
            value={status}
            onChange={(e) => {
              setStatus(e.currentTarget.value);
              setPage(1);
            }}
            data={[{ value: '', label: t('work.allStatuses') }, ...REGISTRATION_STATUSES.map((s) => ({ value: s, label: t(`regStatus.${s}`) }))]}
            size="xs"
          />
        </Group>
        {regs.isPending ? (
          <Loading />
        ) : regs.isError ? (
          <QueryError error={regs.error} onRetry={() => void regs.refetch()} />
        ) : regs.data.items.length === 0 ? (
          <Text role="status">{t('work.noRegistrations')}</Text>
        ) : (
          <>
            <ScrollTable minWidth={480}>
              <Table striped data-testid="registrations-table">
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>{t('work.colPerson')}</Table.Th>
                    <Table.Th>{t('work.colStatus')}</Table.Th>
                    <Table.Th>{t('work.colRegistered')}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {regs.data.items.map((r) => (
                    <Table.Tr key={r.id}>
                      <Table.Td>
                        <RegistrationLink registration={r} />
                      </Table.Td>
                      <Table.Td>
                        <RegStatusBadge status={r.status} /> {r.late && <Text span size="xs">({t('work.late')})</Text>}
                      </Table.Td>
                      <Table.Td>{formatDate(r.registeredAt)}</Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </ScrollTable>
            {regs.data.total > PAGE && (
              <Pagination
                mt="sm"
                total={Math.ceil(regs.data.total / PAGE)}
                value={page}
                onChange={setPage}
                getControlProps={(control) => ({ 'aria-label': t(`work.page_${control}`) })}
                getItemProps={(p) => ({ 'aria-label': t('work.pageN', { n: p }) })}
              />
            )}
          </>
        )}
      </section>
    </Stack>
  );
}

function BulkUpload({ campaignId }: { campaignId: string }) {
  const { t } = useTranslation();
  const message = useErrorMessage();
  const invalidate = useInvalidateWork();
  const [file, setFile] = useState<File | null>(null);
  const upload = useMutation({
    mutationFn: async (): Promise<BulkResult> => {
      const text = await file!.text();
      const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(`${campaignId}\n${text}`));
      const key = [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, '0')).join('');
      return api.bulkRegister(campaignId, text, key);
    },
    onSuccess: () => void invalidate(),
  });
  const r = upload.data;
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="bulk">
      <Title order={2} size="h4" id="bulk" mb="xs">
        {t('work.bulkTitle')}
      </Title>
      <Text size="sm" mb="sm">
        {t('work.bulkHelp')}
      </Text>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          if (file) upload.mutate();
        }}
      >
        <Group align="flex-end" gap="sm">
          <FileInput label={t('work.csvFile')} accept=".csv,text/csv" value={file} onChange={setFile} clearable clearButtonProps={{ 'aria-label': t('work.clearFile') }} w={280} data-testid="bulk-file" />
          <Button type="submit" disabled={!file} loading={upload.isPending}>
            {t('work.bulkSubmit')}
          </Button>
        </Group>
      </form>
      {upload.isPending && <Progress value={100} animated mt="sm" aria-label={t('work.uploading')} />}
      {upload.isError && (
        <Alert color="red" variant="light" role="alert" mt="sm">
          {message(upload.error)}
        </Alert>
      )}
      {r && (
        <Stack gap="xs" mt="sm" data-testid="bulk-report" aria-live="polite">
          <SimpleGrid cols={{ base: 1, xs: 3 }}>
            <Text fw={700} data-testid="bulk-kept">
              {t('work.bulkKept', { count: r.rows.length })}
            </Text>
            <Text size="sm">{t('work.bulkCreatedExisting', { created: r.created, existing: r.existing })}</Text>
            <Text fw={700} c={r.errors.length ? 'red.9' : undefined} data-testid="bulk-errors-count">
              {t('work.bulkErrors', { count: r.errors.length })}
            </Text>
          </SimpleGrid>
          {r.errors.length > 0 && (
            <ScrollTable minWidth={360}>
              <Table data-testid="bulk-errors">
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>{t('work.row')}</Table.Th>
                    <Table.Th>{t('work.field')}</Table.Th>
                    <Table.Th>{t('work.problem')}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {r.errors.map((e, i) => (
                    <Table.Tr key={`${e.row}-${i}`}>
                      <Table.Td>{e.row}</Table.Td>
                      <Table.Td>{e.field ?? ''}</Table.Td>
                      <Table.Td>{e.message}</Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </ScrollTable>
          )}
          <details>
            <summary>{t('work.bulkKeptRows')}</summary>
            <Text size="xs" data-testid="bulk-kept-rows">
              {r.rows.map((x) => x.row).join(', ')}
            </Text>
          </details>
        </Stack>
      )}
    </Paper>
  );
}
