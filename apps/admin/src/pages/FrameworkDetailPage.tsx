import type { ReactNode } from 'react';
import { Anchor, Badge, Box, Breadcrumbs, Button, Code, Group, Paper, SimpleGrid, Stack, Table, Tabs, Text, Title } from '@mantine/core';
import { STEP_NAMES_VI, type Model } from '@hoctap/core';
import { conditionText } from '@hoctap/criteria-dsl';
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import { Link, useParams } from 'react-router';
import type { FrameworkDetail } from '../api/client.ts';
import { useFramework } from '../api/hooks.ts';
import { Citation } from '../components/Citation.tsx';
import { Loading, QueryError } from '../components/QueryState.tsx';
import { StatusBadge } from '../components/StatusBadge.tsx';
import { usePageTitle } from '../components/usePageTitle.ts';
import { downloads } from '../lib/downloads.ts';
import { formatDate, formatPeriod, formatPoints } from '../lib/format.ts';
import { paths } from '../paths.ts';

export function FrameworkDetailPage() {
  const { plugin, id } = useParams();
  const { t } = useTranslation();
  const q = useFramework(plugin, id);
  usePageTitle(q.data?.model.title ?? t('frameworks.title'));
  return (
    <Stack gap="md">
      <Breadcrumbs>
        <Anchor component={Link} to={paths.frameworks}>
          {t('nav.frameworks')}
        </Anchor>
        <Text size="sm" className="wrap-anywhere">
          {id}
        </Text>
      </Breadcrumbs>
      {q.isPending ? <Loading /> : q.isError ? <QueryError error={q.error} onRetry={() => void q.refetch()} /> : <Detail data={q.data} />}
    </Stack>
  );
}

function Detail({ data }: { data: FrameworkDetail }) {
  const { t, i18n } = useTranslation();
  const m = data.model;
  const lang = i18n.language === 'en' ? 'en' : 'vi';
  const pts = (n: number) => formatPoints(n, lang);
  return (
    <Stack gap="md">
      <Group justify="space-between" align="flex-start" wrap="wrap">
        <Stack gap={4} style={{ flex: '1 1 320px', minWidth: 0 }}>
          <Title order={1} size="h2" className="wrap-anywhere">
            {m.title}
          </Title>
          <Group gap="xs">
            <StatusBadge status={m.status} />
            <Text size="sm" c="dimmed" className="wrap-anywhere">
              {data.ref}
            </Text>
          </Group>
        </Stack>
        <Group gap="xs">
          <Button component="a" href={downloads.scoreSheetPdf(data.plugin, m.id)} download variant="default">
            {t('detail.scoreSheetPdf')}
          </Button>
          <Button component={Link} to={paths.editFramework(data.plugin, m.id)}>
            {t('detail.edit')}
          </Button>
        </Group>
      </Group>

      <Paper withBorder p="md">
        <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }} spacing="sm" component="dl" m={0}>
          <Field label={t('detail.id')} value={<Code>{m.id}</Code>} />
          <Field label={t('detail.subject')} value={t(`subject.${m.subject}`)} />
          <Field label={t('detail.effective')} value={formatPeriod(m.effective, lang) || '—'} />
          <Field label={t('detail.locality')} value={m.locality ? `${m.locality.name ?? ''} (${m.locality.code})` : '—'} />
          <Field label={t('detail.maxTotal')} value={pts(m.max)} />
          {m.basedOn && <Field label={t('detail.basedOn')} value={<Code>{m.basedOn}</Code>} />}
          <Field label={t('detail.rules')} value={rulesText(m, t)} />
          <Field label={t('detail.file')} value={<Text size="sm" className="wrap-anywhere">{data.file}</Text>} />
          {m.groups.length > 0 && <Field label={t('detail.groups')} value={m.groups.map((g) => g.name).join('; ')} />}
        </SimpleGrid>
      </Paper>

      <Tabs defaultValue="criteria" keepMounted={false}>
        <Tabs.List style={{ flexWrap: 'wrap' }}>
          <Tabs.Tab value="criteria">{t('detail.tabCriteria')}</Tabs.Tab>
          <Tabs.Tab value="titles">{t('detail.tabTitles')}</Tabs.Tab>
          <Tabs.Tab value="targets">{t('detail.tabTargets')}</Tabs.Tab>
          <Tabs.Tab value="calendar">{t('detail.tabCalendar')}</Tabs.Tab>
          <Tabs.Tab value="bases">{t('detail.tabBases')}</Tabs.Tab>
          <Tabs.Tab value="source">{t('detail.tabSource')}</Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="criteria" pt="md">
          <CriteriaTable model={m} />
        </Tabs.Panel>
        <Tabs.Panel value="titles" pt="md">
          <TitlesTable model={m} />
        </Tabs.Panel>
        <Tabs.Panel value="targets" pt="md">
          <TargetsTable model={m} />
        </Tabs.Panel>
        <Tabs.Panel value="calendar" pt="md">
          <CalendarTable model={m} />
        </Tabs.Panel>
        <Tabs.Panel value="bases" pt="md">
          <BasesTable model={m} />
        </Tabs.Panel>
        <Tabs.Panel value="source" pt="md">
          <Paper withBorder p="sm" bg="gray.0">
            <pre className="source-text" tabIndex={0} aria-label={t('detail.tabSource')} data-testid="source-text">
              {data.source}
            </pre>
          </Paper>
        </Tabs.Panel>
      </Tabs>
    </Stack>
  );
}

function rulesText(m: Model, t: TFunction): string {
  const parts: string[] = [];
  if (m.rules.evidenceForAll) parts.push(t('detail.evidenceForAll'));
  if (m.rules.floor !== undefined) parts.push(t('detail.floor', { n: m.rules.floor }));
  if (m.rules.round !== undefined) parts.push(t('detail.round', { n: m.rules.round }));
  parts.push(t('detail.examplesCount', { count: m.examples.length }));
  return parts.join('; ');
}

function Field({ label, value }: { label: string; value: ReactNode }) {
  return (
    <Box>
      <Text component="dt" size="xs" c="dimmed" fw={600} tt="uppercase">
        {label}
      </Text>
      <Text component="dd" m={0} size="sm">
        {value}
      </Text>
    </Box>
  );
}

export function CriteriaTable({ model: m }: { model: Model }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language === 'en' ? 'en' : 'vi';
  const byId = new Map(m.indicators.map((i) => [i.id, i]));
  const groupName = (g: string) => m.groups.find((x) => x.id === g)?.name ?? g;
  const competencyOf = new Map(m.competencies.flatMap((c) => c.criteria.map((cr) => [cr, c] as const)));
  let lastCompetency: string | undefined;
  return (
    <Table verticalSpacing="xs" data-testid="criteria-table" layout="fixed">
      <Table.Thead>
        <Table.Tr>
          <Table.Th w={64}>{t('detail.number')}</Table.Th>
          <Table.Th>{t('detail.content')}</Table.Th>
          <Table.Th w={72} ta="right">
            {t('detail.max')}
          </Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {m.criteria.flatMap((c) => {
          const rows = [];
          const comp = competencyOf.get(c.id);
          if (comp && comp.id !== lastCompetency) {
            lastCompetency = comp.id;
            rows.push(
              <Table.Tr key={`comp-${comp.id}`} bg="blue.0">
                <Table.Td colSpan={3}>
                  <Text fw={700} size="sm">
                    {comp.id}. {comp.text}
                  </Text>
                </Table.Td>
              </Table.Tr>,
            );
          }
          rows.push(
            <Table.Tr key={`c-${c.id}`} bg="gray.1">
              <Table.Td fw={700}>{c.id}</Table.Td>
              <Table.Td>
                <Text fw={700} size="sm" className="wrap-anywhere">
                  {c.text}
                </Text>
                {c.statedTotal !== undefined && c.statedTotal !== c.max && (
                  <Text size="xs">{t('detail.statedTotal', { n: c.statedTotal })}</Text>
                )}
                <Citation source={c.source} model={m} />
              </Table.Td>
              <Table.Td ta="right" fw={700}>
                {formatPoints(c.max, lang)}
              </Table.Td>
            </Table.Tr>,
          );
          for (const id of c.indicators) {
            const i = byId.get(id);
            if (!i) continue;
            rows.push(
              <Table.Tr key={`i-${i.id}`}>
                <Table.Td>{i.id}</Table.Td>
                <Table.Td>
                  <Text size="sm" className="wrap-anywhere">
                    {i.text}
                  </Text>
                  <Group gap={6} mt={2}>
                    {i.needsEvidence && (
                      <Badge size="xs" variant="outline" color="violet.9" tt="none">
                        {t('detail.needsEvidence')}
                      </Badge>
                    )}
                    {i.onlyFor.length > 0 && (
                      <Badge size="xs" variant="outline" color="gray.8" tt="none">
                        {t('detail.onlyFor', { groups: i.onlyFor.map(groupName).join(', ') })}
                      </Badge>
                    )}
                  </Group>
                  {Object.entries(i.variants).map(([g, v]) => (
                    <Text key={g} size="xs">
                      <strong>{groupName(g)}:</strong> {v.text}
                      {v.max !== undefined ? ` (${formatPoints(v.max, lang)})` : ''}
                    </Text>
                  ))}
                  {i.bands.length > 0 && (
                    <Text size="xs">{i.bands.map((b) => `${b.op} ${b.value} → ${formatPoints(b.points, lang)}`).join('; ')}</Text>
                  )}
                  <Citation source={i.source} model={m} />
                </Table.Td>
                <Table.Td ta="right">{formatPoints(i.max, lang)}</Table.Td>
              </Table.Tr>,
            );
          }
          return rows;
        })}
        <Table.Tr>
          <Table.Td />
          <Table.Td fw={700}>{t('detail.maxTotal')}</Table.Td>
          <Table.Td ta="right" fw={700}>
            {formatPoints(m.max, lang)}
          </Table.Td>
        </Table.Tr>
      </Table.Tbody>
    </Table>
  );
}

function TitlesTable({ model: m }: { model: Model }) {
  const { t } = useTranslation();
  if (m.titles.length === 0) return <Text>{t('detail.noTitles')}</Text>;
  return (
    <Stack gap="sm">
      {m.titles.map((ti) => (
        <Paper key={ti.id} withBorder p="sm">
          <Text fw={700}>{ti.name}</Text>
          {ti.when && (
            <Text size="sm">
              {t('detail.titleRule')}: <Code className="wrap-anywhere">{conditionText(ti.when)}</Code>
            </Text>
          )}
          {ti.cases.map((c, k) => (
            <Text key={k} size="sm" className="wrap-anywhere">
              • <Code>nếu {conditionText(c.guard)}</Code> → <Code>{conditionText(c.then)}</Code>
            </Text>
          ))}
          {ti.dependsOn.length > 0 && <Text size="xs">{t('detail.dependsOn', { titles: ti.dependsOn.join(', ') })}</Text>}
          <Citation source={ti.source} model={m} />
        </Paper>
      ))}
      {m.grading && (
        <Paper withBorder p="sm">
          <Text fw={700}>{t('detail.grading')}</Text>
          {m.grading.levels.map((l) => (
            <Text key={l.name} size="sm" className="wrap-anywhere">
              • {l.name}
              {l.when ? (
                <>
                  : <Code>{conditionText(l.when)}</Code>
                </>
              ) : null}
            </Text>
          ))}
          <Citation source={m.grading.source} model={m} />
        </Paper>
      )}
    </Stack>
  );
}

function TargetsTable({ model: m }: { model: Model }) {
  const { t } = useTranslation();
  if (m.targets.length === 0) return <Text>{t('detail.noTargets')}</Text>;
  const what = (w: Model['targets'][number]['what']) => (w.kind === 'title' ? w.title : w.fact);
  return (
    <Table.ScrollContainer minWidth={480}>
      <Table verticalSpacing="xs">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('detail.targetWhat')}</Table.Th>
            <Table.Th>{t('detail.targetYear')}</Table.Th>
            <Table.Th ta="right">{t('detail.targetShare')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {m.targets.map((x, k) => (
            <Table.Tr key={k}>
              <Table.Td>
                <Text size="sm">
                  {what(x.what)}
                  {x.among ? ` / ${what(x.among)}` : ''}
                  {x.population ? ` (${x.population})` : ''}
                </Text>
                {x.guard && <Code>{conditionText(x.guard)}</Code>}
                <Citation source={x.source} model={m} />
              </Table.Td>
              <Table.Td>{x.year ?? '—'}</Table.Td>
              <Table.Td ta="right">
                {x.share}%{x.perYearIncrease ? ` (${t('detail.perYear')})` : ''}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

function CalendarTable({ model: m }: { model: Model }) {
  const { t } = useTranslation();
  if (m.calendar.length === 0) return <Text>{t('detail.noCalendar')}</Text>;
  return (
    <Table verticalSpacing="xs" layout="fixed">
      <Table.Thead>
        <Table.Tr>
          <Table.Th w="30%">{t('detail.step')}</Table.Th>
          <Table.Th>{t('detail.window')}</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {m.calendar.map((s, k) => (
          <Table.Tr key={k}>
            <Table.Td>
              <Text fw={600} size="sm">
                {STEP_NAMES_VI[s.step]}
              </Text>
              {s.label && (
                <Text size="xs" className="wrap-anywhere">
                  {s.label}
                </Text>
              )}
            </Table.Td>
            <Table.Td>
              <Text size="sm">{s.description}</Text>
              <Text size="xs">
                {t('detail.late')}: {s.late === 'refuse' ? t('detail.lateRefuse') : t('detail.lateFlag')}
              </Text>
              <Citation source={s.source} model={m} />
            </Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}

function BasesTable({ model: m }: { model: Model }) {
  const { t } = useTranslation();
  if (m.bases.length === 0) return <Text>{t('detail.noBases')}</Text>;
  return (
    <Stack gap="sm" component="ul" p={0} m={0} style={{ listStyle: 'none' }}>
      {m.bases.map((b) => (
        <Paper key={b.id} withBorder p="sm" component="li">
          <Code>{b.id}</Code>
          <Text size="sm" mt={4} className="wrap-anywhere">
            {b.text}
          </Text>
          {b.from && (
            <Text size="xs">
              {t('detail.basisFrom')}: {formatDate(b.from)}
            </Text>
          )}
        </Paper>
      ))}
    </Stack>
  );
}

