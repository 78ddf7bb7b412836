/**
 * One campaign's report (`GET /api/reports/campaigns/{id}`): statuses as a chart and a table, shares
 * by title, target group and area kind against the framework's targets, the denominator stated and
 * switchable, and who is late by the campaign's calendar.
 */
import { Anchor, Group, Paper, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { REGISTRATION_STATUSES, type Campaign, type Denominator, type RegistrationStatus, type Share } from '../api/client.ts';
import { useReport } from '../api/hooks.ts';
import { Loading, QueryError } from '../components/QueryState.tsx';
import { formatDate } from '../lib/format.ts';
import { NOT_DONE, todayIso, ScrollTable } from './common.tsx';
import { BarFigure, DenominatorControl, recognisedShare, registeredOf, ReportDownloads, SharesTable, TargetsTable, usePct, useValuesText } from './report-parts.tsx';

/** `charts`: also draw the shares by title, target group and area kind (the Reports page). */
export function ReportCard({ campaign, charts = false, headingLevel = 2 }: { campaign: Campaign; charts?: boolean; headingLevel?: 2 | 3 }) {
  const { t } = useTranslation();
  const [denominator, setDenominator] = useState<Denominator>('registered');
  const report = useReport(campaign.id, denominator);
  const name = `${t(`titleKind.${campaign.title}`, { defaultValue: campaign.title })} ${campaign.year}`;
  const pct = usePct();
  const values = useValuesText();
  const today = todayIso();
  const headingId = `report-${campaign.id}`;

  const shares = (label: string, rows: readonly Share[], testId: string) =>
    rows.length > 0 && (
      <>
        {charts && (() => {
          const d = rows.map((r) => ({ name: r.key, value: r.share }));
          return <BarFigure data={d} ariaLabel={t('reports.shareChart', { what: label, list: values(d, '%') })} valueName={t('work.share')} unit="%" testId={`${testId}-chart`} />;
        })()}
        <SharesTable label={label} rows={rows} testId={testId} />
      </>
    );

  return (
    <Paper withBorder p="md" component="section" aria-labelledby={headingId} data-testid={`report-card`} data-campaign={campaign.id}>
      <Group justify="space-between" align="flex-start" wrap="wrap" gap="xs">
        <div>
          <Title order={headingLevel} size="h4" id={headingId}>
            <Anchor component={Link} to={`/dot-danh-gia/${campaign.id}`}>
              {name}
            </Anchor>
          </Title>
          <Text size="xs" className="wrap-anywhere">
            {campaign.framework.version.split('@')[0]} · {campaign.id.slice(0, 8)}
          </Text>
        </div>
        <DenominatorControl value={denominator} onChange={setDenominator} />
      </Group>
      {/* The yearly report as files, with the denominator chosen above; described by the card's heading so each card's links are told apart. */}
      <ReportDownloads campaignId={campaign.id} denominator={denominator} describedBy={headingId} />
      {report.isPending ? (
        <Loading />
      ) : report.isError ? (
        <QueryError error={report.error} onRetry={() => void report.refetch()} />
      ) : (
        (() => {
          const r = report.data;
          const registered = registeredOf(r);
          const data = REGISTRATION_STATUSES.filter((s) => (r.statuses[s] ?? 0) > 0).map((s) => ({ status: t(`regStatus.${s}`), count: r.statuses[s] ?? 0 }));
          const late = campaign.calendar
            .filter((w) => NOT_DONE[w.name] && today > w.to)
            .map((w) => ({ w, count: NOT_DONE[w.name]!.reduce((n, s) => n + (r.statuses[s as RegistrationStatus] ?? 0), 0) }))
            .filter((x) => x.count > 0);
          return (
            <Stack gap="sm" mt="sm" style={{ opacity: report.isFetching ? 0.6 : 1 }} aria-busy={report.isFetching}>
              <SimpleGrid cols={{ base: 2, sm: 4 }}>
                <div>
                  <Text size="xs">{t('work.registered')}</Text>
                  <Text fz={26} fw={700} data-testid="report-registered">
                    {registered}
                  </Text>
                </div>
                <div>
                  <Text size="xs">{t('work.recognisedCount')}</Text>
                  <Text fz={26} fw={700} data-testid="report-recognised">
                    {r.recognised}
                  </Text>
                </div>
                <div>
                  <Text size="xs">{t('work.denominator')}</Text>
                  <Text fz={26} fw={700} data-testid="report-denominator">
                    {r.denominator.count}
                  </Text>
                </div>
                <div>
                  <Text size="xs">{t('work.recognisedShare')}</Text>
                  <Text fz={26} fw={700} data-testid="report-share">
                    {pct(recognisedShare(r))}
                  </Text>
                </div>
              </SimpleGrid>
              <Text size="sm" data-testid="report-denominator-text">
                {r.denominator.description} ({r.denominator.count})
              </Text>
              <BarFigure data={data.map((d) => ({ name: d.status, value: d.count }))} ariaLabel={t('work.chartLabel', { list: data.map((d) => `${d.status}: ${d.count}`).join('; ') })} valueName={t('work.count')} />
              <ScrollTable minWidth={300}>
                <Table data-testid="report-statuses">
                  <Table.Thead>
                    <Table.Tr>
                      <Table.Th>{t('work.colStatus')}</Table.Th>
                      <Table.Th ta="right">{t('work.count')}</Table.Th>
                    </Table.Tr>
                  </Table.Thead>
                  <Table.Tbody>
                    {REGISTRATION_STATUSES.filter((s) => (r.statuses[s] ?? 0) > 0).map((s) => (
                      <Table.Tr key={s}>
                        <Table.Td>{t(`regStatus.${s}`)}</Table.Td>
                        <Table.Td ta="right">{r.statuses[s]}</Table.Td>
                      </Table.Tr>
                    ))}
                  </Table.Tbody>
                </Table>
              </ScrollTable>
              {shares(t('work.byTitle'), r.titles, 'report-titles')}
              {shares(t('work.byGroup'), r.groups, 'report-groups')}
              {shares(t('work.byArea'), r.areaKinds, 'report-areas')}
              <TargetsTable targets={r.targets} chart={charts} />
              <div data-testid="report-late">
                <Text fw={600} size="sm">
                  {t('work.lateTitle')}
                </Text>
                {late.length === 0 ? (
                  <Text size="sm">{t('work.nobodyLate')}</Text>
                ) : (
                  late.map(({ w, count }) => (
                    <Text size="sm" key={w.name}>
                      ✗ {t('work.lateLine', { step: w.label ?? w.name, date: formatDate(w.to), count })}
                    </Text>
                  ))
                )}
              </div>
            </Stack>
          );
        })()
      )}
    </Paper>
  );
}
