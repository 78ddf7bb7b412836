/**
 * One campaign's report (`GET /api/reports/campaigns/{id}`): statuses as a chart and a table, shares
 * by title, target group and area kind against the framework's targets, the denominator stated and
 * switchable, and who is late by the campaign's calendar.
 */
import { Anchor, Group, Paper, SegmentedControl, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { Bar, BarChart, CartesianGrid, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { REGISTRATION_STATUSES, type Campaign, type RegistrationStatus, type Share } from '../api/client.ts';
import { useReport } from '../api/hooks.ts';
import { Loading, QueryError } from '../components/QueryState.tsx';
import { downloads } from '../lib/downloads.ts';
import { formatDate, formatPoints } from '../lib/format.ts';
import { NOT_DONE, todayIso, ScrollTable } from './common.tsx';

export function ReportCard({ campaign }: { campaign: Campaign }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language === 'en' ? 'en' : 'vi';
  const [denominator, setDenominator] = useState<'registered' | 'all'>('registered');
  const report = useReport(campaign.id, denominator);
  const name = `${t(`titleKind.${campaign.title}`, { defaultValue: campaign.title })} ${campaign.year}`;
  const pct = (n: number) => `${formatPoints(n, lang)} %`;
  const today = todayIso();
  const headingId = `report-${campaign.id}`;

  const shares = (label: string, rows: readonly Share[], testId: string) =>
    rows.length > 0 && (
      <ScrollTable minWidth={300}>
        <Table data-testid={testId}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{label}</Table.Th>
              <Table.Th ta="right">{t('work.count')}</Table.Th>
              <Table.Th ta="right">{t('work.share')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {rows.map((r) => (
              <Table.Tr key={r.key}>
                <Table.Td>{r.key}</Table.Td>
                <Table.Td ta="right">{r.count}</Table.Td>
                <Table.Td ta="right">{pct(r.share)}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </ScrollTable>
    );

  return (
    <Paper withBorder p="md" component="section" aria-labelledby={headingId} data-testid={`report-card`} data-campaign={campaign.id}>
      <Group justify="space-between" align="flex-start" wrap="wrap" gap="xs">
        <div>
          <Title order={2} size="h4" id={headingId}>
            <Anchor component={Link} to={`/dot-danh-gia/${campaign.id}`}>
              {name}
            </Anchor>
          </Title>
          <Text size="xs" className="wrap-anywhere">
            {campaign.framework.version.split('@')[0]} · {campaign.id.slice(0, 8)}
          </Text>
        </div>
        <SegmentedControl
          size="xs"
          aria-label={t('work.denominator')}
          value={denominator}
          onChange={(v) => setDenominator(v as 'registered' | 'all')}
          data={[
            { value: 'registered', label: t('work.denRegistered') },
            { value: 'all', label: t('work.denAll') },
          ]}
        />
      </Group>
      {/* The yearly report as files, with the denominator chosen above; described by the card's heading so each card's links are told apart. */}
      <Group gap="md" mt="xs" data-testid="report-downloads">
        <Anchor href={downloads.yearlyReport(campaign.id, 'xlsx', denominator)} download size="sm" aria-describedby={headingId}>
          {t('work.yearlyXlsx')}
        </Anchor>
        <Anchor href={downloads.yearlyReport(campaign.id, 'pdf', denominator)} download size="sm" aria-describedby={headingId}>
          {t('work.yearlyPdf')}
        </Anchor>
      </Group>
      {report.isPending ? (
        <Loading />
      ) : report.isError ? (
        <QueryError error={report.error} onRetry={() => void report.refetch()} />
      ) : (
        (() => {
          const r = report.data;
          const registered = Object.entries(r.statuses).reduce((n, [s, k]) => (s === 'withdrawn' ? n : n + k), 0);
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
                    {pct(r.denominator.count > 0 ? Math.round((r.recognised * 10000) / r.denominator.count) / 100 : 0)}
                  </Text>
                </div>
              </SimpleGrid>
              <Text size="sm" data-testid="report-denominator-text">
                {r.denominator.description} ({r.denominator.count})
              </Text>
              {data.length > 0 && (
                <div role="img" aria-label={t('work.chartLabel', { list: data.map((d) => `${d.status}: ${d.count}`).join('; ') })} style={{ width: '100%', height: 220 }}>
                  <ResponsiveContainer width="100%" height="100%">
                    <BarChart data={data} margin={{ top: 8, right: 8, bottom: 8, left: 0 }}>
                      <CartesianGrid strokeDasharray="3 3" />
                      <XAxis dataKey="status" tick={{ fontSize: 11, fill: '#212529' }} interval={0} />
                      <YAxis allowDecimals={false} tick={{ fontSize: 11, fill: '#212529' }} width={36} />
                      <Tooltip />
                      <Bar dataKey="count" name={t('work.count')} fill="#0b7285" isAnimationActive={false} />
                    </BarChart>
                  </ResponsiveContainer>
                </div>
              )}
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
              {r.targets.length > 0 && (
                <ScrollTable minWidth={420}>
                  <Table data-testid="report-targets">
                    <Table.Thead>
                      <Table.Tr>
                        <Table.Th>{t('work.target')}</Table.Th>
                        <Table.Th ta="right">{t('work.required')}</Table.Th>
                        <Table.Th ta="right">{t('work.reached')}</Table.Th>
                        <Table.Th>{t('work.state')}</Table.Th>
                      </Table.Tr>
                    </Table.Thead>
                    <Table.Tbody>
                      {r.targets.map((x) => (
                        <Table.Tr key={x.text}>
                          <Table.Td>{x.text}</Table.Td>
                          <Table.Td ta="right">{pct(x.required)}</Table.Td>
                          <Table.Td ta="right">
                            {pct(x.share)} ({x.numerator}/{x.denominator})
                          </Table.Td>
                          <Table.Td>{x.met ? `✓ ${t('work.met')}` : `✗ ${t('work.shortBy', { count: x.shortBy })}`}</Table.Td>
                        </Table.Tr>
                      ))}
                    </Table.Tbody>
                  </Table>
                </ScrollTable>
              )}
              {r.targets.length === 0 && <Text size="sm">{t('work.noTargets')}</Text>}
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
