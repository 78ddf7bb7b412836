/** One campaign: its framework and calendar, its registrations (paged, by status), bulk registration and a scores import from Excel or CSV. */
import { Alert, Anchor, Button, FileInput, Group, NativeSelect, Pagination, Paper, Progress, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { api, campaignFrameworkRef, REGISTRATION_STATUSES, type BulkResult, type GroupsResult, type RegistrationStatus, type ImportRowError, type ScoresImportResult } from '../api/client.ts';
import { useCampaign, useInvalidateWork, useRegistrations } from '../api/hooks.ts';
import { BulkSubmit } from './BulkSubmit.tsx';
import { Loading, QueryError, useErrorMessage } from '../components/QueryState.tsx';
import { usePageTitle } from '../components/usePageTitle.ts';
import { downloads } from '../lib/downloads.ts';
import { formatDate } from '../lib/format.ts';
import { RegistrationLink, RegStatusBadge, todayIso, ScrollTable } from './common.tsx';
import { RecomputeJob } from './JobProgress.tsx';

const PAGE = 25;

export function CampaignDetailPage() {
  const { t } = useTranslation();
  const { id } = useParams();
  const campaign = useCampaign(id);
  const [status, setStatus] = useState<RegistrationStatus | ''>('');
  const [page, setPage] = useState(1);
  const regs = useRegistrations(id, { ...(status ? { status } : {}), offset: (page - 1) * PAGE, limit: PAGE });
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
        <RecomputeJob campaignId={c.id} />
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
          {GROUP_TITLES[c.title] && (
            <Anchor href={downloads.template(GROUP_TEMPLATES[GROUP_TITLES[c.title]!])} download>
              {t(`work.${GROUP_TEMPLATE_LABELS[GROUP_TITLES[c.title]!]}`)}
            </Anchor>
          )}
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

      {GROUP_TITLES[c.title] ? <GroupsUpload campaignId={c.id} kind={GROUP_TITLES[c.title]!} /> : <BulkUpload campaignId={c.id} />}
      <ScoresImport campaignId={c.id} framework={fw.ref} />
      <BulkSubmit campaignId={c.id} />

      <section aria-labelledby="registrations">
        <Group justify="space-between" align="flex-end" mb="xs">
          <Title order={2} size="h4" id="registrations">
            {t('work.registrations')} {regs.data ? <span data-testid="registrations-total">({regs.data.total})</span> : null}
          </Title>
          <NativeSelect
            label={t('work.filterStatus')}
            value={status}
            onChange={(e) => {
              setStatus(e.currentTarget.value as RegistrationStatus | '');
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

/** An Idempotency-Key from the file's bytes: sending the same file again replays the first answer. */
async function keyOf(scope: string, file: File): Promise<string> {
  const bytes = new Uint8Array(await file.arrayBuffer());
  const prefix = new TextEncoder().encode(`${scope}\n`);
  const all = new Uint8Array(prefix.length + bytes.length);
  all.set(prefix);
  all.set(bytes, prefix.length);
  const digest = await crypto.subtle.digest('SHA-256', all);
  return [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, '0')).join('');
}

const ACCEPT = '.xlsx,.csv,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** The row-by-row report of an import: what was kept, and each bad row with its column and message. */
function ImportReport({ prefix, kept, summary, errors, keptRows }: { prefix: string; kept: number; summary: string; errors: readonly ImportRowError[]; keptRows: readonly number[] }) {
  const { t } = useTranslation();
  return (
    <Stack gap="xs" mt="sm" data-testid={`${prefix}-report`} aria-live="polite">
      <SimpleGrid cols={{ base: 1, xs: 3 }}>
        <Text fw={700} data-testid={`${prefix}-kept`}>
          {t('work.bulkKept', { count: kept })}
        </Text>
        <Text size="sm">{summary}</Text>
        <Text fw={700} c={errors.length ? 'red.9' : undefined} data-testid={`${prefix}-errors-count`}>
          {t('work.bulkErrors', { count: new Set(errors.map((e) => e.row)).size })}
        </Text>
      </SimpleGrid>
      {errors.length > 0 && (
        <ScrollTable minWidth={360}>
          <Table data-testid={`${prefix}-errors`}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('work.row')}</Table.Th>
                <Table.Th>{t('work.field')}</Table.Th>
                <Table.Th>{t('work.problem')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {errors.map((e, i) => (
                <Table.Tr key={`${e.row}-${i}`}>
                  <Table.Td>{e.row}</Table.Td>
                  <Table.Td>{e.column ? `${e.column} (${e.header ?? ''})` : (e.field ?? '')}</Table.Td>
                  <Table.Td>{e.message}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </ScrollTable>
      )}
      <details>
        <summary>{t('work.bulkKeptRows')}</summary>
        <Text size="xs" data-testid={`${prefix}-kept-rows`}>
          {keptRows.join(', ')}
        </Text>
      </details>
    </Stack>
  );
}

/** The upload form of an import: file picker (.xlsx or .csv), template link, upload progress, errors. */
function ImportForm({ id, title, help, template, submit, pending, progress, error, onSubmit, children }: {
  id: string;
  title: string;
  help: string;
  template: { href: string; label: string };
  submit: string;
  pending: boolean;
  progress: number;
  error: unknown;
  onSubmit: (file: File) => void;
  children?: ReactNode;
}) {
  const { t } = useTranslation();
  const message = useErrorMessage();
  const [file, setFile] = useState<File | null>(null);
  return (
    <>
      <Title order={2} size="h4" id={id} mb="xs">
        {title}
      </Title>
      <Text size="sm" mb="xs">
        {help}
      </Text>
      <Anchor href={template.href} download size="sm" data-testid={`${id}-template`}>
        {template.label}
      </Anchor>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          if (file) onSubmit(file);
        }}
      >
        <Group align="flex-end" gap="sm" mt="sm">
          {children}
          <FileInput label={t('work.tableFile')} accept={ACCEPT} value={file} onChange={setFile} clearable clearButtonProps={{ 'aria-label': t('work.clearFile') }} w={280} data-testid={`${id}-file`} />
          <Button type="submit" disabled={!file} loading={pending}>
            {submit}
          </Button>
        </Group>
      </form>
      {pending && <Progress value={progress > 0 && progress < 1 ? progress * 100 : 100} animated mt="sm" aria-label={progress > 0 && progress < 1 ? t('work.uploadingPercent', { percent: Math.round(progress * 100) }) : t('work.uploading')} />}
      {error ? (
        <Alert color="red" variant="light" role="alert" mt="sm">
          {message(error)}
        </Alert>
      ) : null}
    </>
  );
}

function BulkUpload({ campaignId }: { campaignId: string }) {
  const { t } = useTranslation();
  const invalidate = useInvalidateWork();
  const [progress, setProgress] = useState(0);
  const upload = useMutation({
    mutationFn: async (file: File): Promise<BulkResult> => {
      setProgress(0);
      return api.bulkRegister(campaignId, file, await keyOf(`people:${campaignId}`, file), setProgress);
    },
    onSuccess: () => void invalidate(),
  });
  const r = upload.data;
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="bulk">
      <ImportForm
        id="bulk"
        title={t('work.bulkTitle')}
        help={t('work.bulkHelp')}
        template={{ href: downloads.template('people'), label: t('work.templatePeople') }}
        submit={t('work.bulkSubmit')}
        pending={upload.isPending}
        progress={progress}
        error={upload.isError ? upload.error : undefined}
        onSubmit={(f) => upload.mutate(f)}
      />
      {r && <ImportReport prefix="bulk" kept={r.rows.length} summary={t('work.bulkCreatedExisting', { created: r.created, existing: r.existing })} errors={r.errors} keptRows={r.rows.map((x) => x.row)} />}
    </Paper>
  );
}

/** The titles whose subjects are registered from a groups sheet, and their kind. */
const GROUP_TITLES: Partial<Record<string, 'clan' | 'community' | 'unit'>> = { 'learning-clan': 'clan', 'learning-community': 'community', 'learning-unit': 'unit' };
const GROUP_TEMPLATES = { clan: 'clans', community: 'communities', unit: 'units' } as const;
const GROUP_TEMPLATE_LABELS = { clan: 'templateClans', community: 'templateCommunities', unit: 'templateUnits' } as const;

/** Clans, communities or units in bulk: the groups file (Excel with its members sheet, or CSV) and an optional members CSV. */
function GroupsUpload({ campaignId, kind }: { campaignId: string; kind: 'clan' | 'community' | 'unit' }) {
  const { t } = useTranslation();
  const invalidate = useInvalidateWork();
  const [progress, setProgress] = useState(0);
  const [members, setMembers] = useState<File | null>(null);
  const upload = useMutation({
    mutationFn: async (file: File): Promise<GroupsResult> => {
      setProgress(0);
      const key = await keyOf(`groups:${campaignId}:${members ? await keyOf('members', members) : ''}`, file);
      return api.bulkRegisterGroups(campaignId, file, members, key, setProgress);
    },
    onSuccess: () => void invalidate(),
  });
  const r = upload.data;
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="groups-bulk">
      <ImportForm
        id="groups-bulk"
        title={t('work.groupsTitle', { kind: t(`groups.kindOne.${kind}`) })}
        help={t('work.groupsHelp')}
        template={{ href: downloads.template(GROUP_TEMPLATES[kind]), label: t(`work.${GROUP_TEMPLATE_LABELS[kind]}`) }}
        submit={t('work.groupsSubmit')}
        pending={upload.isPending}
        progress={progress}
        error={upload.isError ? upload.error : undefined}
        onSubmit={(f) => upload.mutate(f)}
      >
        <FileInput label={t('work.membersFile')} accept=".csv,text/csv" value={members} onChange={setMembers} clearable clearButtonProps={{ 'aria-label': t('work.clearFile') }} w={240} data-testid="groups-bulk-members" />
      </ImportForm>
      {r && (
        <ImportReport
          prefix="groups"
          kept={r.rows.length}
          summary={t('work.groupsSummary', { created: r.created, existing: r.existing, members: r.membersAdded })}
          errors={r.errors}
          keptRows={r.rows.map((x) => x.row)}
        />
      )}
    </Paper>
  );
}

function ScoresImport({ campaignId, framework }: { campaignId: string; framework: string }) {
  const { t } = useTranslation();
  const invalidate = useInvalidateWork();
  const [kind, setKind] = useState<'self' | 'committee'>('self');
  const [progress, setProgress] = useState(0);
  const upload = useMutation({
    mutationFn: async (file: File): Promise<ScoresImportResult> => {
      setProgress(0);
      return api.importScores(campaignId, kind, file, await keyOf(`scores:${kind}:${campaignId}`, file), setProgress);
    },
    onSuccess: () => void invalidate(),
  });
  const r = upload.data;
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="scores-import">
      <ImportForm
        id="scores-import"
        title={t('work.scoresImportTitle')}
        help={t('work.scoresImportHelp')}
        template={{ href: downloads.template('scores', framework), label: t('work.templateScores') }}
        submit={t('work.scoresImportSubmit')}
        pending={upload.isPending}
        progress={progress}
        error={upload.isError ? upload.error : undefined}
        onSubmit={(f) => upload.mutate(f)}
      >
        <NativeSelect
          label={t('work.scoresImportKind')}
          value={kind}
          onChange={(e) => setKind(e.currentTarget.value as 'self' | 'committee')}
          data={[
            { value: 'self', label: t('work.scoresImportSelf') },
            { value: 'committee', label: t('work.scoresImportCommittee') },
          ]}
          data-testid="scores-import-kind"
        />
      </ImportForm>
      {r && <ImportReport prefix="scores" kept={r.rows.length} summary={t('work.scoresImportSummary', { recorded: r.recorded, unchanged: r.unchanged })} errors={r.errors} keptRows={r.rows.map((x) => x.row)} />}
    </Paper>
  );
}
