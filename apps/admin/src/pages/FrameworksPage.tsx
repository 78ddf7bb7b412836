import { Anchor, Box, Button, Card, Group, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import type { FrameworkSummary } from '../api/client.ts';
import { useFrameworks } from '../api/hooks.ts';
import { Loading, QueryError } from '../components/QueryState.tsx';
import { StatusBadge } from '../components/StatusBadge.tsx';
import { usePageTitle } from '../components/usePageTitle.ts';
import { formatPeriod } from '../lib/format.ts';
import { searchItems } from '../lib/search.ts';
import { paths } from '../paths.ts';

/** The fields the list search looks in. */
export const frameworkSearchFields = (f: FrameworkSummary) => [f.title, f.id, f.plugin, f.ref];

export function FrameworksPage() {
  const { t, i18n } = useTranslation();
  usePageTitle(t('frameworks.title'));
  const [params, setParams] = useSearchParams();
  const query = params.get('q') ?? '';
  const frameworks = useFrameworks();
  const lang = i18n.language === 'en' ? 'en' : 'vi';
  const rows = useMemo(() => searchItems(frameworks.data ?? [], query, frameworkSearchFields), [frameworks.data, query]);

  const setQuery = (q: string) => setParams(q ? { q } : {}, { replace: true });

  return (
    <Stack gap="md">
      <Group justify="space-between" align="flex-end">
        <Title order={1}>{t('frameworks.title')}</Title>
        <Group gap="sm">
          <Button component={Link} to={paths.versions} variant="default">
            {t('versions.link')}
          </Button>
          <Button component={Link} to={paths.editor}>
            {t('frameworks.newFramework')}
          </Button>
        </Group>
      </Group>
      <TextInput
        label={t('frameworks.search')}
        placeholder={t('frameworks.searchPlaceholder')}
        description={t('frameworks.searchHint')}
        type="search"
        value={query}
        onChange={(e) => setQuery(e.currentTarget.value)}
        maw={520}
      />
      {frameworks.isPending ? (
        <Loading />
      ) : frameworks.isError ? (
        <QueryError error={frameworks.error} onRetry={() => void frameworks.refetch()} />
      ) : (
        <>
          <Text size="sm" role="status" aria-live="polite">
            {rows.length === 0
              ? frameworks.data.length === 0
                ? t('frameworks.none')
                : t('frameworks.empty', { query })
              : t('frameworks.count', { count: rows.length })}
          </Text>
          {rows.length > 0 && (
            <>
              <Box visibleFrom="sm">
                <Table striped highlightOnHover verticalSpacing="sm" data-testid="frameworks-table">
                  <Table.Thead>
                    <Table.Tr>
                      <Table.Th>{t('frameworks.colTitle')}</Table.Th>
                      <Table.Th>{t('frameworks.colSubject')}</Table.Th>
                      <Table.Th>{t('frameworks.colEffective')}</Table.Th>
                      <Table.Th>{t('frameworks.colStatus')}</Table.Th>
                    </Table.Tr>
                  </Table.Thead>
                  <Table.Tbody>
                    {rows.map((f) => (
                      <Table.Tr key={f.ref}>
                        <Table.Td>
                          <Anchor component={Link} to={paths.framework(f.plugin, f.id)} fw={600}>
                            {f.title}
                          </Anchor>
                          <Text size="xs" c="dimmed">
                            {f.ref}
                          </Text>
                        </Table.Td>
                        <Table.Td>{t(`subject.${f.subject}`)}</Table.Td>
                        <Table.Td className="nowrap">{formatPeriod(f.effective ?? undefined, lang)}</Table.Td>
                        <Table.Td>
                          <StatusBadge status={f.status} />
                        </Table.Td>
                      </Table.Tr>
                    ))}
                  </Table.Tbody>
                </Table>
              </Box>
              <Stack hiddenFrom="sm" gap="sm" component="ul" p={0} m={0} style={{ listStyle: 'none' }}>
                {rows.map((f) => (
                  <Card key={f.ref} withBorder component="li" padding="sm">
                    <Anchor component={Link} to={paths.framework(f.plugin, f.id)} fw={600} className="wrap-anywhere">
                      {f.title}
                    </Anchor>
                    <Text size="xs" c="dimmed" className="wrap-anywhere">
                      {f.ref}
                    </Text>
                    <Group gap="xs" mt={6}>
                      <StatusBadge status={f.status} />
                      <Text size="sm">{t(`subject.${f.subject}`)}</Text>
                      <Text size="sm">{formatPeriod(f.effective ?? undefined, lang)}</Text>
                    </Group>
                  </Card>
                ))}
              </Stack>
            </>
          )}
        </>
      )}
    </Stack>
  );
}
