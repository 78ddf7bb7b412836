/**
 * "Các phiên bản đã ban hành": the criteria versions published through the editor
 * (`GET /api/frameworks/published`), each with its effective period, content hash, who published it
 * and when; its source text on request; and the differences between two versions, computed in the
 * browser with the engine's own `diffModels` (bases resolved from the registered frameworks).
 */
import { Anchor, Box, Button, Code, Group, NativeSelect, Paper, Stack, Table, Text, Title } from '@mantine/core';
import type { Model } from '@hoctap/core';
import { useQueries } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { api, type PublishedFramework } from '../api/client.ts';
import { keys, useFrameworks } from '../api/hooks.ts';
import { usePublishedFramework, usePublishedFrameworks } from '../api/public.ts';
import { Loading, QueryError } from '../components/QueryState.tsx';
import { usePageTitle } from '../components/usePageTitle.ts';
import { DiffTable } from '../editor/DiffPanel.tsx';
import { analyze } from '../editor/analyze.ts';
import { formatDate, formatPeriod } from '../lib/format.ts';
import { paths } from '../paths.ts';
import { ScrollTable } from '../workflow/common.tsx';

const time = (iso: string | null) => {
  if (!iso) return '';
  const d = new Date(iso);
  return `${formatDate(d)} ${String(d.getHours()).padStart(2, '0')}:${String(d.getMinutes()).padStart(2, '0')}`;
};

/** Compiles two published sources, resolving `dựa trên` through the registered frameworks. */
function useCompared(a: string | undefined, b: string | undefined): { models?: [Model, Model]; pending: boolean; failed: boolean } {
  const left = usePublishedFramework(a);
  const right = usePublishedFramework(b);
  const registered = useFrameworks();
  const first = useMemo(() => (left.data && right.data ? [analyze(left.data.source), analyze(right.data.source)] : undefined), [left.data, right.data]);
  const names = [...new Set((first ?? []).flatMap((x) => x.bases))];
  const bases = useQueries({
    queries: names.map((name) => {
      const f = registered.data?.find((x) => x.id === name);
      return { queryKey: keys.framework(f?.plugin ?? '', name), queryFn: () => api.framework(f!.plugin, name), enabled: !!f, staleTime: 5 * 60_000 };
    }),
  });
  const baseModels = useMemo(() => new Map(bases.flatMap((q) => (q.data ? [[q.data.model.id, q.data.model] as const] : []))), [bases.map((q) => q.dataUpdatedAt).join('|')]); // eslint-disable-line react-hooks/exhaustive-deps
  const second = useMemo(
    () => (left.data && right.data && baseModels.size >= names.filter((n) => registered.data?.some((x) => x.id === n)).length ? [analyze(left.data.source, baseModels), analyze(right.data.source, baseModels)] : undefined),
    [left.data, right.data, baseModels], // eslint-disable-line react-hooks/exhaustive-deps
  );
  if (!a || !b) return { pending: false, failed: false };
  if (!second) return { pending: !left.isError && !right.isError, failed: left.isError || right.isError };
  const [x, y] = second as [ReturnType<typeof analyze>, ReturnType<typeof analyze>];
  if (!x.models[0] || !y.models[0]) return { pending: false, failed: true };
  return { models: [x.models[0], y.models[0]], pending: false, failed: false };
}

function SourceView({ version }: { version: PublishedFramework }) {
  const { t } = useTranslation();
  const one = usePublishedFramework(version.id);
  if (one.isPending) return <Loading />;
  if (one.isError) return <QueryError error={one.error} onRetry={() => void one.refetch()} />;
  return (
    <Box
      component="pre"
      tabIndex={0}
      role="region"
      aria-label={t('versions.sourceOf', { version: version.version })}
      data-testid="version-source"
      m={0}
      p="sm"
      bg="gray.0"
      style={{ overflow: 'auto', maxHeight: 480, fontSize: 13, whiteSpace: 'pre', border: '1px solid var(--mantine-color-gray-3)', borderRadius: 4 }}
    >
      {one.data.source}
    </Box>
  );
}

export function PublishedVersionsPage() {
  const { t, i18n } = useTranslation();
  const lang = i18n.language === 'en' ? 'en' : 'vi';
  usePageTitle(t('versions.title'));
  const list = usePublishedFrameworks();
  const [shown, setShown] = useState<string | undefined>();
  const [older, setOlder] = useState('');
  const [newer, setNewer] = useState('');
  const rows = list.data ?? [];
  const olderId = older || rows[1]?.id;
  const newerId = newer || rows[0]?.id;
  const compared = useCompared(rows.length > 1 ? olderId : undefined, rows.length > 1 ? newerId : undefined);
  const label = (f: PublishedFramework) => `${f.version} — ${time(f.publishedAt)}`;

  return (
    <Stack gap="md">
      <div>
        <Anchor component={Link} to={paths.frameworks} size="sm">
          ← {t('frameworks.title')}
        </Anchor>
        <Title order={1} mt={4}>
          {t('versions.title')}
        </Title>
        <Text mt={4}>{t('versions.intro')}</Text>
      </div>
      {list.isPending ? (
        <Loading />
      ) : list.isError ? (
        <QueryError error={list.error} onRetry={() => void list.refetch()} />
      ) : rows.length === 0 ? (
        <Text data-testid="versions-none">{t('versions.none')}</Text>
      ) : (
        <>
          <ScrollTable minWidth={760}>
            <Table striped verticalSpacing="sm" data-testid="versions-table" aria-label={t('versions.title')}>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">{t('versions.colVersion')}</Table.Th>
                  <Table.Th scope="col">{t('versions.colEffective')}</Table.Th>
                  <Table.Th scope="col">{t('versions.colHash')}</Table.Th>
                  <Table.Th scope="col">{t('versions.colPublished')}</Table.Th>
                  <Table.Th scope="col">{t('versions.colSource')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {rows.map((f) => (
                  <Table.Tr key={f.id}>
                    <Table.Td>
                      <Text fw={600} size="sm">
                        {f.title}
                      </Text>
                      <Text size="xs" className="wrap-anywhere">
                        {f.version} · {t(`versions.status.${f.status}`)}
                      </Text>
                    </Table.Td>
                    <Table.Td className="nowrap">{formatPeriod({ from: f.effective.from, ...(f.effective.to ? { to: f.effective.to } : {}) }, lang)}</Table.Td>
                    <Table.Td>
                      <Code title={f.contentHash}>{f.contentHash.slice(0, 12)}</Code>
                    </Table.Td>
                    <Table.Td>
                      <Text size="sm">{f.publishedBy.name ?? '—'}</Text>
                      <Text size="xs">{time(f.publishedAt)}</Text>
                    </Table.Td>
                    <Table.Td>
                      <Button size="xs" variant="default" aria-expanded={shown === f.id} onClick={() => setShown(shown === f.id ? undefined : f.id)} aria-label={t(shown === f.id ? 'versions.hideSourceOf' : 'versions.showSourceOf', { version: f.version })}>
                        {shown === f.id ? t('versions.hideSource') : t('versions.showSource')}
                      </Button>
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </ScrollTable>
          {shown && rows.find((f) => f.id === shown) && <SourceView version={rows.find((f) => f.id === shown)!} />}
          {rows.length > 1 && (
            <Paper withBorder p="md" component="section" aria-labelledby="versions-diff">
              <Title order={2} size="h4" id="versions-diff">
                {t('versions.diffTitle')}
              </Title>
              <Group grow align="flex-end" mt="xs" wrap="wrap">
                <NativeSelect label={t('versions.older')} value={olderId ?? ''} onChange={(e) => setOlder(e.currentTarget.value)} data={rows.map((f) => ({ value: f.id, label: label(f) }))} miw={240} />
                <NativeSelect label={t('versions.newer')} value={newerId ?? ''} onChange={(e) => setNewer(e.currentTarget.value)} data={rows.map((f) => ({ value: f.id, label: label(f) }))} miw={240} />
              </Group>
              <Box mt="sm">
                {compared.models ? (
                  <DiffTable base={compared.models[0]} draft={compared.models[1]} caption={t('versions.diffCaption', { older: compared.models[0].id, newer: compared.models[1].id })} />
                ) : compared.failed ? (
                  <Text size="sm">{t('versions.diffUnavailable')}</Text>
                ) : (
                  <Loading />
                )}
              </Box>
            </Paper>
          )}
        </>
      )}
    </Stack>
  );
}
