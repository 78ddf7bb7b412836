/**
 * The public list of recognised subjects (no sign-in): what the published recognition decisions make
 * public — name, commune and village, title, year, the decision's number, date and signer. Filters
 * and the name search (without diacritics) live in the address, so a result can be shared.
 */
import { Alert, Anchor, Box, Card, Group, NativeSelect, Pagination, SimpleGrid, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { usePublicList, type PublicFilter, type PublicRecognition } from '../api/public.ts';
import { LanguageSwitch } from '../components/Layout.tsx';
import { Loading, QueryError } from '../components/QueryState.tsx';
import { usePageTitle } from '../components/usePageTitle.ts';
import { formatDate } from '../lib/format.ts';
import { paths } from '../paths.ts';

const PAGE = 20;

export function PublicListPage() {
  const { t } = useTranslation();
  usePageTitle(t('publicList.title'));
  const [params, setParams] = useSearchParams();
  const get = (k: string) => params.get(k) ?? '';
  const [q, setQ] = useState(get('q'));
  const [debounced] = useDebouncedValue(q, 300);
  const page = Math.max(1, Number(get('trang')) || 1);
  const filter: PublicFilter = { province: get('tinh'), commune: get('xa'), year: get('nam'), title: get('danh-hieu'), q: debounced.normalize('NFC').trim(), offset: (page - 1) * PAGE, limit: PAGE };
  const list = usePublicList(filter);

  const set = (k: string, v: string) => {
    const next = new URLSearchParams(params);
    if (v) next.set(k, v);
    else next.delete(k);
    if (k === 'tinh') next.delete('xa');
    if (k !== 'trang') next.delete('trang');
    setParams(next, { replace: true });
  };
  useEffect(() => {
    if (debounced !== get('q')) set('q', debounced.normalize('NFC').trim());
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [debounced]);

  const facets = list.data?.facets;
  const titleName = (code: string) => t(`titleKind.${code}`, { defaultValue: code });
  const place = (r: PublicRecognition) => [r.village, r.commune?.name, r.province.name ?? r.province.code].filter(Boolean).join(', ');
  const pages = list.data ? Math.max(1, Math.ceil(list.data.total / PAGE)) : 1;

  return (
    <Box component="main" mih="100vh" px={{ base: 'xs', sm: 'md' }} pb="xl" maw={1200} mx="auto">
      <Group justify="space-between" py="sm" wrap="wrap" gap="xs">
        <Group gap="xs" wrap="nowrap">
          <img src="/favicon.svg" width={32} height={32} alt="" />
          <Text fw={700}>{t('app.name')}</Text>
        </Group>
        <Group gap="sm">
          <LanguageSwitch />
          <Anchor component={Link} to={paths.login} size="sm">
            {t('publicList.staffSignIn')}
          </Anchor>
        </Group>
      </Group>
      <Stack gap="md">
        <div>
          <Title order={1}>{t('publicList.title')}</Title>
          <Text mt={4}>{t('publicList.intro')}</Text>
        </div>
        <Box component="form" role="search" aria-label={t('publicList.filters')} onSubmit={(e) => e.preventDefault()}>
          <SimpleGrid cols={{ base: 1, xs: 2, md: 5 }} spacing="sm">
            <TextInput
              label={t('publicList.search')}
              description={t('publicList.searchHint')}
              type="search"
              value={q}
              onChange={(e) => setQ(e.currentTarget.value)}
              data-testid="public-search"
            />
            <NativeSelect
              label={t('publicList.year')}
              value={get('nam')}
              onChange={(e) => set('nam', e.currentTarget.value)}
              data={[{ value: '', label: t('publicList.all') }, ...(facets?.years ?? []).map((y) => ({ value: String(y), label: String(y) }))]}
            />
            <NativeSelect
              label={t('publicList.titleFilter')}
              value={get('danh-hieu')}
              onChange={(e) => set('danh-hieu', e.currentTarget.value)}
              data={[{ value: '', label: t('publicList.all') }, ...(facets?.titles ?? []).map((x) => ({ value: x, label: titleName(x) }))]}
            />
            <NativeSelect
              label={t('publicList.province')}
              value={get('tinh')}
              onChange={(e) => set('tinh', e.currentTarget.value)}
              data={[{ value: '', label: t('publicList.all') }, ...(facets?.provinces ?? []).map((p) => ({ value: p.code, label: p.name ?? p.code }))]}
            />
            <NativeSelect
              label={t('publicList.commune')}
              value={get('xa')}
              onChange={(e) => set('xa', e.currentTarget.value)}
              data={[
                { value: '', label: t('publicList.all') },
                ...(facets?.communes ?? []).filter((c) => !get('tinh') || c.province === get('tinh')).map((c) => ({ value: c.code, label: c.name ?? c.code })),
              ]}
            />
          </SimpleGrid>
        </Box>
        {list.isPending ? (
          <Loading />
        ) : list.isError ? (
          <QueryError error={list.error} onRetry={() => void list.refetch()} />
        ) : (
          <>
            <Text size="sm" role="status" aria-live="polite" data-testid="public-count">
              {list.data.total === 0 ? t('publicList.none') : t('publicList.count', { count: list.data.total })}
            </Text>
            {list.data.items.length > 0 && (
              <>
                <Box visibleFrom="sm" style={{ opacity: list.isFetching ? 0.6 : 1 }}>
                  <Table striped verticalSpacing="sm" data-testid="public-table" aria-label={t('publicList.title')}>
                    <Table.Thead>
                      <Table.Tr>
                        <Table.Th scope="col">{t('publicList.colName')}</Table.Th>
                        <Table.Th scope="col">{t('publicList.colPlace')}</Table.Th>
                        <Table.Th scope="col">{t('publicList.colTitle')}</Table.Th>
                        <Table.Th scope="col">{t('publicList.colDecision')}</Table.Th>
                        <Table.Th scope="col">{t('publicList.colSigner')}</Table.Th>
                      </Table.Tr>
                    </Table.Thead>
                    <Table.Tbody>
                      {list.data.items.map((r, i) => (
                        <Table.Tr key={`${r.decision.number}-${r.name}-${i}`}>
                          <Table.Td fw={600}>{r.name}</Table.Td>
                          <Table.Td>{place(r)}</Table.Td>
                          <Table.Td>
                            {titleName(r.title)} {r.year}
                          </Table.Td>
                          <Table.Td className="nowrap">
                            {t('publicList.decisionLine', { number: r.decision.number, date: formatDate(r.decision.date) })}
                          </Table.Td>
                          <Table.Td>{r.decision.signer}</Table.Td>
                        </Table.Tr>
                      ))}
                    </Table.Tbody>
                  </Table>
                </Box>
                <Stack hiddenFrom="sm" gap="sm" component="ul" p={0} m={0} style={{ listStyle: 'none' }} aria-label={t('publicList.title')}>
                  {list.data.items.map((r, i) => (
                    <Card key={`${r.decision.number}-${r.name}-${i}`} withBorder component="li" padding="sm">
                      <Text fw={600} className="wrap-anywhere">
                        {r.name}
                      </Text>
                      <Text size="sm" className="wrap-anywhere">
                        {place(r)}
                      </Text>
                      <Text size="sm">
                        {titleName(r.title)} {r.year}
                      </Text>
                      <Text size="sm" className="wrap-anywhere">
                        {t('publicList.decisionLine', { number: r.decision.number, date: formatDate(r.decision.date) })} — {r.decision.signer}
                      </Text>
                    </Card>
                  ))}
                </Stack>
                {pages > 1 && (
                  <Pagination
                    total={pages}
                    value={page}
                    onChange={(p) => set('trang', p > 1 ? String(p) : '')}
                    getControlProps={(c) => ({ 'aria-label': t(`publicList.page.${c}`) })}
                    getItemProps={(p) => ({ 'aria-label': t('publicList.pageN', { page: p }) })}
                    size="sm"
                  />
                )}
              </>
            )}
          </>
        )}
        <Alert color="gray" variant="light" title={t('publicList.privacyTitle')}>
          {t('publicList.privacy')}
        </Alert>
      </Stack>
    </Box>
  );
}
