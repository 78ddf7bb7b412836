/**
 * Báo cáo: the campaigns in the caller's scope, by year. A summary across the chosen campaigns
 * (recognised over the stated denominator, per campaign and per year, as a chart and a table), then
 * each campaign's full report (shares by title, target group and area kind against the framework's
 * targets, as charts and tables, with the yearly report as Excel and PDF).
 */
import { Alert, Checkbox, Group, NativeSelect, Paper, Stack, Table, Text, Title } from '@mantine/core';
import { useQueries } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, type Campaign, type Denominator } from '../api/client.ts';
import { keys, useCampaigns } from '../api/hooks.ts';
import { Loading, QueryError } from '../components/QueryState.tsx';
import { usePageTitle } from '../components/usePageTitle.ts';
import { ScrollTable } from './common.tsx';
import { ReportCard } from './ReportCard.tsx';
import { BarFigure, DenominatorControl, recognisedShare, registeredOf, usePct, useValuesText } from './report-parts.tsx';

export function ReportsPage() {
  const { t } = useTranslation();
  usePageTitle(t('reports.title'));
  const campaigns = useCampaigns();
  const all = campaigns.data?.items ?? [];
  const years = [...new Set(all.map((c) => c.year))].sort((a, b) => b - a);
  const [year, setYear] = useState('');
  const inYear = all.filter((c) => !year || String(c.year) === year);
  const [unchecked, setUnchecked] = useState<ReadonlySet<string>>(new Set());
  const chosen = inYear.filter((c) => !unchecked.has(c.id));
  const [denominator, setDenominator] = useState<Denominator>('registered');
  const name = (c: Campaign) => `${t(`titleKind.${c.title}`, { defaultValue: c.title })} ${c.year}`;
  const where = (c: Campaign) => (c.commune ? t('work.commune', { code: c.commune }) : t('work.province', { code: c.province }));

  return (
    <Stack gap="lg">
      <div>
        <Title order={1}>{t('reports.title')}</Title>
        <Text mt={4}>{t('reports.intro')}</Text>
      </div>
      {campaigns.isPending ? (
        <Loading />
      ) : campaigns.isError ? (
        <QueryError error={campaigns.error} onRetry={() => void campaigns.refetch()} />
      ) : all.length === 0 ? (
        <Alert color="gray" variant="light">
          {t('work.noCampaigns')}
        </Alert>
      ) : (
        <>
          <Paper withBorder p="md" component="section" aria-labelledby="reports-choice">
            <Title order={2} size="h4" id="reports-choice">
              {t('reports.choose')}
            </Title>
            <Group align="flex-start" mt="xs" gap="xl" wrap="wrap">
              <NativeSelect
                label={t('reports.year')}
                value={year}
                onChange={(e) => setYear(e.currentTarget.value)}
                data={[{ value: '', label: t('reports.allYears') }, ...years.map((y) => ({ value: String(y), label: String(y) }))]}
                w={200}
              />
              <Checkbox.Group label={t('reports.campaigns')} value={chosen.map((c) => c.id)} onChange={(ids) => setUnchecked(new Set(inYear.filter((c) => !ids.includes(c.id)).map((c) => c.id)))}>
                <Stack gap={6} mt={6}>
                  {inYear.map((c) => (
                    <Checkbox key={c.id} value={c.id} label={`${name(c)} — ${where(c)}`} />
                  ))}
                </Stack>
              </Checkbox.Group>
            </Group>
          </Paper>
          {chosen.length === 0 ? (
            <Text>{t('reports.noneChosen')}</Text>
          ) : (
            <>
              <Summary campaigns={chosen} denominator={denominator} setDenominator={setDenominator} name={name} where={where} />
              <Stack gap="md">
                {chosen.map((c) => (
                  <ReportCard key={c.id} campaign={c} charts headingLevel={3} />
                ))}
              </Stack>
            </>
          )}
        </>
      )}
    </Stack>
  );
}

function Summary({
  campaigns,
  denominator,
  setDenominator,
  name,
  where,
}: {
  campaigns: readonly Campaign[];
  denominator: Denominator;
  setDenominator: (d: Denominator) => void;
  name: (c: Campaign) => string;
  where: (c: Campaign) => string;
}) {
  const { t } = useTranslation();
  const pct = usePct();
  const values = useValuesText();
  const reports = useQueries({ queries: campaigns.map((c) => ({ queryKey: keys.report(c.id, denominator), queryFn: () => api.report(c.id, denominator) })) });
  const rows = campaigns.map((c, i) => ({ c, r: reports[i]!.data }));
  const byYear = useMemo(() => {
    const m = new Map<number, { recognised: number; denominator: number }>();
    for (const { c, r } of rows) {
      if (!r) continue;
      const y = m.get(c.year) ?? { recognised: 0, denominator: 0 };
      y.recognised += r.recognised;
      y.denominator += r.denominator.count;
      m.set(c.year, y);
    }
    return [...m].sort((a, b) => a[0] - b[0]).map(([year, v]) => ({ name: String(year), value: v.denominator > 0 ? Math.round((v.recognised * 10000) / v.denominator) / 100 : 0, ...v }));
  }, [rows.map((x) => x.r?.recognised ?? -1).join('|'), denominator]); // eslint-disable-line react-hooks/exhaustive-deps
  const failed = reports.find((q) => q.isError);
  const description = rows.find((x) => x.r)?.r?.denominator.description;

  return (
    <Paper withBorder p="md" component="section" aria-labelledby="reports-summary" data-testid="reports-summary">
      <Group justify="space-between" align="flex-start" wrap="wrap" gap="xs">
        <Title order={2} size="h4" id="reports-summary">
          {t('reports.summary')}
        </Title>
        <DenominatorControl value={denominator} onChange={setDenominator} />
      </Group>
      {description && (
        <Text size="sm" mt="xs" data-testid="reports-denominator">
          {description}
        </Text>
      )}
      {failed && <QueryError error={failed.error} onRetry={() => void failed.refetch()} />}
      <Stack gap="sm" mt="sm">
        <BarFigure data={byYear} ariaLabel={t('reports.byYearChart', { list: values(byYear, '%') })} valueName={t('work.recognisedShare')} unit="%" testId="reports-by-year-chart" />
        <ScrollTable minWidth={560}>
          <Table data-testid="reports-by-campaign">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('reports.campaign')}</Table.Th>
                <Table.Th>{t('reports.locality')}</Table.Th>
                <Table.Th ta="right">{t('work.registered')}</Table.Th>
                <Table.Th ta="right">{t('work.recognisedCount')}</Table.Th>
                <Table.Th ta="right">{t('work.denominator')}</Table.Th>
                <Table.Th ta="right">{t('work.recognisedShare')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {rows.map(({ c, r }) => (
                <Table.Tr key={c.id}>
                  <Table.Td>{name(c)}</Table.Td>
                  <Table.Td>{where(c)}</Table.Td>
                  <Table.Td ta="right">{r ? registeredOf(r) : '…'}</Table.Td>
                  <Table.Td ta="right">{r ? r.recognised : '…'}</Table.Td>
                  <Table.Td ta="right">{r ? r.denominator.count : '…'}</Table.Td>
                  <Table.Td ta="right">{r ? pct(recognisedShare(r)) : '…'}</Table.Td>
                </Table.Tr>
              ))}
              {byYear.length > 1 &&
                byYear.map((y) => (
                  <Table.Tr key={`y${y.name}`} fw={600}>
                    <Table.Td colSpan={3}>{t('reports.yearTotal', { year: y.name })}</Table.Td>
                    <Table.Td ta="right">{y.recognised}</Table.Td>
                    <Table.Td ta="right">{y.denominator}</Table.Td>
                    <Table.Td ta="right">{pct(y.value)}</Table.Td>
                  </Table.Tr>
                ))}
            </Table.Tbody>
          </Table>
        </ScrollTable>
      </Stack>
    </Paper>
  );
}
