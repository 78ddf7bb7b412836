/** Người và tổ chức: people in scope, searched by name with or without diacritics; identity numbers masked. */
import { Pagination, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { usePeople } from '../api/hooks.ts';
import { Loading, QueryError } from '../components/QueryState.tsx';
import { ScrollTable } from './common.tsx';
import { usePageTitle } from '../components/usePageTitle.ts';
import { formatDate } from '../lib/format.ts';

const PAGE = 20;

export function PeoplePage() {
  const { t } = useTranslation();
  usePageTitle(t('nav.people'));
  const [q, setQ] = useState('');
  const [debounced] = useDebouncedValue(q.trim(), 250);
  const [page, setPage] = useState(1);
  const people = usePeople(debounced, (page - 1) * PAGE);
  return (
    <Stack gap="md">
      <Title order={1}>{t('nav.people')}</Title>
      <TextInput
        label={t('work.searchPeople')}
        description={t('frameworks.searchHint')}
        placeholder="nguyen thi"
        value={q}
        onChange={(e) => {
          setQ(e.currentTarget.value);
          setPage(1);
        }}
        maw={420}
        type="search"
      />
      {people.isPending ? (
        <Loading />
      ) : people.isError ? (
        <QueryError error={people.error} onRetry={() => void people.refetch()} />
      ) : (
        <>
          <Text size="sm" role="status" data-testid="people-count">
            {people.data.total === 0 ? t('work.noPeople') : t('work.peopleCount', { count: people.data.total })}
          </Text>
          {people.data.items.length > 0 && (
            <ScrollTable minWidth={520}>
              <Table striped data-testid="people-table" style={{ opacity: people.isFetching ? 0.6 : 1 }}>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>{t('work.fullName')}</Table.Th>
                    <Table.Th>{t('work.birthDate')}</Table.Th>
                    <Table.Th>{t('work.village')}</Table.Th>
                    <Table.Th>{t('work.citizenId')}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {people.data.items.map((p) => (
                    <Table.Tr key={p.id}>
                      <Table.Td>{p.fullName}</Table.Td>
                      <Table.Td>{formatDate(p.birthDate)}</Table.Td>
                      <Table.Td>{p.village ?? ''}</Table.Td>
                      <Table.Td>
                        <code>{p.citizenIdMasked ?? '—'}</code>
                      </Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </ScrollTable>
          )}
          {people.data.total > PAGE && (
            <Pagination
              total={Math.ceil(people.data.total / PAGE)}
              value={page}
              onChange={setPage}
              getControlProps={(control) => ({ 'aria-label': t(`work.page_${control}`) })}
              getItemProps={(p) => ({ 'aria-label': t('work.pageN', { n: p }) })}
            />
          )}
        </>
      )}
    </Stack>
  );
}
