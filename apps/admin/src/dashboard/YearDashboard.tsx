/**
 * The dashboard's year view (`GET /api/reports/dashboard`): a year and title selector, each title's
 * registered, assessed and recognised per commune and village with the denominator written out
 * ("1.234 / 5.678 hộ (tất cả hộ trong xã …)"), the framework's targets of that year (target,
 * achieved, gap) and the roll-ups from members. Tables of four columns at most, so that they read
 * on a 360 px phone.
 */
import { Alert, Badge, Group, NativeSelect, Paper, Stack, Table, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { call, client, type Answer, type Campaign, type Denominator } from '../api/client.ts';
import { Loading, QueryError } from '../components/QueryState.tsx';
import { formatDate } from '../lib/format.ts';
import { ScrollTable } from '../workflow/common.tsx';
import { DenominatorControl, usePct } from '../workflow/report-parts.tsx';

type Dashboard = Answer<'/api/reports/dashboard', 'get'>;
type DashboardTitle = Dashboard['titles'][number];
type Area = DashboardTitle['area'];
type Rollup = Dashboard['rollups']['clans'][number];
type TitleCode = DashboardTitle['title'];

const TITLES: TitleCode[] = ['learning-citizen', 'learning-family', 'learning-clan', 'learning-community', 'learning-unit'];

/** Whole numbers as the language writes them: 1.234 in Vietnamese, 1,234 in English. */
function useCount() {
  const { i18n } = useTranslation();
  const f = new Intl.NumberFormat(i18n.language === 'en' ? 'en-GB' : 'vi-VN');
  return (n: number) => f.format(n);
}

export function YearDashboard({ campaigns, national }: { campaigns: readonly Campaign[]; national: boolean }) {
  const { t } = useTranslation();
  const years = useMemo(() => [...new Set(campaigns.map((c) => c.year))].sort((a, b) => b - a), [campaigns]);
  const [year, setYear] = useState<number | undefined>(undefined);
  const [title, setTitle] = useState<TitleCode | ''>('');
  const [denominator, setDenominator] = useState<Denominator>('all');
  const y = year ?? years[0];
  const provinces = useMemo(() => [...new Set(campaigns.filter((c) => c.year === y).map((c) => c.province))].sort(), [campaigns, y]);
  const [provinceChoice, setProvince] = useState<string>('');
  const province = national ? provinceChoice || provinces[0] : undefined;
  const query = useQuery({
    queryKey: ['year-dashboard', y, title, denominator, province ?? ''],
    queryFn: () => call(client.GET('/api/reports/dashboard', { params: { query: { year: y!, denominator, ...(title ? { title } : {}), ...(province ? { province } : {}) } } })),
    enabled: y !== undefined,
    placeholderData: (prev) => prev,
  });
  if (y === undefined) return null;
  const titlesOfYear = new Set(campaigns.filter((c) => c.year === y).map((c) => c.title));
  return (
    <Stack gap="md" component="section" aria-labelledby="year-dashboard-heading" data-testid="year-dashboard">
      <div>
        <Title order={2} size="h3" id="year-dashboard-heading">
          {t('yearDashboard.heading')}
        </Title>
        <Text size="sm">{t('yearDashboard.intro')}</Text>
      </div>
      <Group gap="sm" align="flex-end" wrap="wrap">
        <NativeSelect label={t('yearDashboard.year')} value={String(y)} onChange={(e) => setYear(Number(e.currentTarget.value))} data={years.map((x) => String(x))} data-testid="year-dashboard-year" />
        <NativeSelect
          label={t('yearDashboard.title')}
          value={title}
          onChange={(e) => setTitle(e.currentTarget.value as TitleCode | '')}
          data={[{ value: '', label: t('yearDashboard.allTitles') }, ...TITLES.filter((x) => titlesOfYear.has(x)).map((x) => ({ value: x, label: t(`titleKind.${x}`) }))]}
          data-testid="year-dashboard-title"
        />
        {national && provinces.length > 1 && <NativeSelect label={t('yearDashboard.province')} value={province} onChange={(e) => setProvince(e.currentTarget.value)} data={provinces} />}
        <DenominatorControl value={denominator} onChange={setDenominator} />
      </Group>
      {query.isPending ? (
        <Loading />
      ) : query.isError ? (
        <QueryError error={query.error} onRetry={() => void query.refetch()} />
      ) : query.data.titles.length === 0 ? (
        <Alert color="gray" variant="light">
          {t('yearDashboard.noCampaigns', { year: y })}
        </Alert>
      ) : (
        <Stack gap="md" style={{ opacity: query.isFetching ? 0.6 : 1 }} aria-busy={query.isFetching}>
          <Text size="sm" data-testid="year-dashboard-denominator">
            {query.data.denominator.description}
          </Text>
          {query.data.titles.map((x) => (
            <TitleFigures key={x.title} figures={x} year={query.data.year} kind={query.data.denominator.kind} />
          ))}
          <Rollups rollups={query.data.rollups} />
        </Stack>
      )}
    </Stack>
  );
}

/** "2 / 4 hộ (tất cả hộ trong xã Minh Quân)" in the portal's language. */
function useAreaText(kind: Denominator, noun: string) {
  const { t } = useTranslation();
  const count = useCount();
  return (a: Area) => {
    const place =
      a.level === 'village' ? (a.village ?? t('yearDashboard.villageMissing')) : a.level === 'commune' ? (a.communeName ?? (a.commune ? a.commune : t('yearDashboard.provinceLevel'))) : t('yearDashboard.placeArea');
    return t(kind === 'all' ? 'yearDashboard.denAllText' : 'yearDashboard.denRegisteredText', { n: count(a.recognised), d: count(a.denominator), noun, place });
  };
}

function TitleFigures({ figures, year, kind }: { figures: DashboardTitle; year: number; kind: Denominator }) {
  const { t } = useTranslation();
  const pct = usePct();
  const count = useCount();
  const noun = t(`yearDashboard.nouns.${figures.subjectKind}`);
  const areaText = useAreaText(kind, noun);
  const headingId = `year-dashboard-${figures.title}`;
  const row = (a: Area, label: string, indent: boolean, key: string) => (
    <Table.Tr key={key} data-testid="year-dashboard-row" data-level={a.level}>
      <Table.Td style={{ paddingLeft: indent ? 24 : undefined }} fw={a.level === 'village' ? undefined : 600}>
        {label}
        <Text size="xs" c="dimmed">
          {areaText(a)}
        </Text>
      </Table.Td>
      <Table.Td ta="right">{count(a.registered)}</Table.Td>
      <Table.Td ta="right">{count(a.assessed)}</Table.Td>
      <Table.Td ta="right">
        {count(a.recognised)}
        <Text size="xs">{pct(a.share)}</Text>
      </Table.Td>
    </Table.Tr>
  );
  return (
    <Paper withBorder p="sm" component="section" aria-labelledby={headingId} data-testid="year-dashboard-title-card" data-title={figures.title}>
      <Title order={3} size="h4" id={headingId}>
        {figures.name} {year}
      </Title>
      <Text size="sm" fw={600} data-testid="year-dashboard-area-text">
        {areaText(figures.area)}
      </Text>
      <Text size="xs" c="dimmed" className="wrap-anywhere">
        {t('yearDashboard.frameworks', { list: figures.frameworks.join(', ') })}
      </Text>
      <Targets area={figures.area} year={year} />
      {figures.unmeasuredTargets.map((u, i) => (
        <Text key={i} size="xs" c="dimmed">
          {t('yearDashboard.unmeasured', { text: u.text, reason: u.reason })}
        </Text>
      ))}
      <ScrollTable minWidth={280}>
        <Table verticalSpacing={4} horizontalSpacing={4} fz="sm" data-testid="year-dashboard-table">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('yearDashboard.area')}</Table.Th>
              <Table.Th ta="right">{t('yearDashboard.registered')}</Table.Th>
              <Table.Th ta="right">{t('yearDashboard.assessed')}</Table.Th>
              <Table.Th ta="right">{t('yearDashboard.recognised')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {figures.communes.flatMap((c) => [
              row(c, c.communeName ?? c.commune ?? t('yearDashboard.provinceLevel'), false, `c-${c.commune ?? ''}`),
              ...c.villages.map((v) => row(v, v.village ?? t('yearDashboard.villageMissing'), true, `v-${c.commune ?? ''}-${v.village ?? ''}`)),
            ])}
            {figures.communes.length > 1 && row(figures.area, t('yearDashboard.wholeArea'), false, 'area')}
          </Table.Tbody>
        </Table>
      </ScrollTable>
      {figures.communes.some((c) => c.targets.length > 0) && figures.communes.length > 1 && (
        <Stack gap={4} mt="xs">
          {figures.communes.map((c) => (
            <div key={c.commune ?? ''}>
              <Text size="sm" fw={600}>
                {c.communeName ?? c.commune}
              </Text>
              <Targets area={c} year={year} compact />
            </div>
          ))}
        </Stack>
      )}
    </Paper>
  );
}

function Targets({ area, year, compact = false }: { area: Area; year: number; compact?: boolean }) {
  const { t } = useTranslation();
  const pct = usePct();
  const count = useCount();
  if (area.targets.length === 0) return compact ? null : <Text size="xs">{t('yearDashboard.noTargets')}</Text>;
  return (
    <ScrollTable minWidth={300}>
      <Table verticalSpacing={2} horizontalSpacing={6} fz="sm" data-testid="year-dashboard-targets" aria-label={t('yearDashboard.targets', { year })}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('yearDashboard.target')}</Table.Th>
            <Table.Th ta="right">{t('yearDashboard.achieved')}</Table.Th>
            <Table.Th ta="right">{t('yearDashboard.gap')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {area.targets.map((x, i) => (
            <Table.Tr key={i}>
              <Table.Td>
                {pct(x.required)} {x.title}
                {(x.population || x.condition) && (
                  <Text size="xs" c="dimmed">
                    {[x.population, x.condition].filter(Boolean).join(' · ')}
                  </Text>
                )}
              </Table.Td>
              <Table.Td ta="right">
                {pct(x.achieved)}
                <Text size="xs">
                  {count(x.numerator)} / {count(x.denominator)}
                </Text>
              </Table.Td>
              <Table.Td ta="right">
                <Badge color={x.met ? 'teal' : 'orange'} variant="light" size="sm">
                  {x.met ? t('yearDashboard.met') : t('yearDashboard.notMet', { n: count(x.shortBy) })}
                </Badge>
                <Text size="xs">{`${x.gap > 0 ? '+' : ''}${pct(x.gap)}`}</Text>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </ScrollTable>
  );
}

function Rollups({ rollups }: { rollups: Dashboard['rollups'] }) {
  const { t } = useTranslation();
  const pct = usePct();
  const count = useCount();
  const part = (label: string, rows: readonly Rollup[], testId: string) => (
    <div>
      <Title order={4} size="h5">
        {label}
      </Title>
      {rows.length === 0 ? (
        <Text size="sm">{t('yearDashboard.noGroups')}</Text>
      ) : (
        <ScrollTable minWidth={300}>
          <Table verticalSpacing={2} horizontalSpacing={6} fz="sm" data-testid={testId}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('yearDashboard.group')}</Table.Th>
                <Table.Th ta="right">{t('yearDashboard.holders')}</Table.Th>
                <Table.Th ta="right">{t('yearDashboard.missing')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {rows.map((r) => (
                <Table.Tr key={r.id}>
                  <Table.Td>
                    {r.name}
                    <Text size="xs" c="dimmed">
                      {[r.communeName ?? r.commune, r.title].filter(Boolean).join(' · ')}
                    </Text>
                  </Table.Td>
                  <Table.Td ta="right">
                    {count(r.holders)} / {count(r.members)}
                    <Text size="xs">{pct(r.share)}</Text>
                  </Table.Td>
                  <Table.Td ta="right">{count(r.missing)}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </ScrollTable>
      )}
    </div>
  );
  return (
    <Paper withBorder p="sm" component="section" aria-labelledby="year-dashboard-rollups">
      <Title order={3} size="h4" id="year-dashboard-rollups">
        {t('yearDashboard.rollups', { date: formatDate(rollups.date) })}
      </Title>
      <Text size="xs" mb="xs">
        {t('yearDashboard.rollupsIntro')}
      </Text>
      <Stack gap="sm">
        {part(t('yearDashboard.clans'), rollups.clans, 'rollup-clans')}
        {part(t('yearDashboard.villages'), rollups.villages, 'rollup-villages')}
        {part(t('yearDashboard.units'), rollups.units, 'rollup-units')}
      </Stack>
    </Paper>
  );
}
