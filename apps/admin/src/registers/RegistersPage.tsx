/**
 * Sổ theo dõi: the 1-, 3- and 5-year registers of a title (Yên Bái KH 86/KH-UBND 2016, nhiệm vụ 3) in
 * the account's locality — who registered and was recognised this year, 3 or 5 years running up to
 * it, groups with their representative; paged as the API pages it (the total stated), dates
 * dd/mm/yyyy, the three registers as Excel and PDF.
 */
import { Alert, Anchor, Group, NativeSelect, Pagination, Paper, SegmentedControl, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { call, client } from '../api/client.ts';
import { Loading, QueryError } from '../components/QueryState.tsx';
import { usePageTitle } from '../components/usePageTitle.ts';
import { formatDate } from '../lib/format.ts';
import { ScrollTable } from '../workflow/common.tsx';
import './messages.ts';
import { communeOk, REGISTER_TITLES, registerQuery, registersDownload, registerYears, yearsText, type RegisterChoice, type RegisterSpan, type RegisterTitle } from './registers.ts';

const PAGE_SIZE = 50;

export function RegistersPage() {
  const { t } = useTranslation();
  usePageTitle(t('registers.heading'));
  const years = registerYears(new Date());
  const [choice, setChoice] = useState<RegisterChoice>({ title: 'learning-family', year: years[0]!, span: 1, commune: '' });
  const [page, setPage] = useState(1);
  const change = (patch: Partial<RegisterChoice>) => {
    setChoice((c) => ({ ...c, ...patch }));
    setPage(1);
  };
  const communeValid = communeOk(choice.commune);
  const query = registerQuery(choice, page, PAGE_SIZE);
  const register = useQuery({
    queryKey: ['registers', query],
    queryFn: () => call(client.GET('/api/registers', { params: { query } })),
    enabled: communeValid,
    placeholderData: keepPreviousData,
  });
  const data = register.data;
  const pages = data ? Math.max(1, Math.ceil(data.total / PAGE_SIZE)) : 1;
  const groups = choice.title !== 'learning-citizen';

  return (
    <Stack gap="lg">
      <div>
        <Title order={1}>{t('registers.heading')}</Title>
        <Text mt={4}>{t('registers.intro')}</Text>
      </div>
      <Paper withBorder p="md" component="section" aria-label={t('registers.heading')}>
        <Group align="flex-end" gap="lg" wrap="wrap">
          <NativeSelect
            label={t('registers.title')}
            data-testid="registers-title"
            value={choice.title}
            onChange={(e) => change({ title: e.currentTarget.value as RegisterTitle })}
            data={REGISTER_TITLES.map((x) => ({ value: x, label: t(`titleKind.${x}`, { defaultValue: x }) }))}
            w={220}
          />
          <NativeSelect label={t('registers.year')} data-testid="registers-year" value={String(choice.year)} onChange={(e) => change({ year: Number(e.currentTarget.value) })} data={years.map((y) => String(y))} w={120} />
          <div>
            <Text size="sm" fw={500} id="register-span-label" mb={4}>
              {t('registers.span')}
            </Text>
            <SegmentedControl
              aria-labelledby="register-span-label"
              value={String(choice.span)}
              onChange={(v) => change({ span: Number(v) as RegisterSpan })}
              data={(['1', '3', '5'] as const).map((v) => ({ value: v, label: t(`registers.spans.${v}`) }))}
            />
          </div>
          <TextInput
            label={t('registers.commune')}
            description={t('registers.communeHint')}
            value={choice.commune}
            onChange={(e) => change({ commune: e.currentTarget.value.trim() })}
            error={communeValid ? undefined : t('registers.communeInvalid')}
            inputMode="numeric"
            maxLength={5}
            w={220}
          />
        </Group>
        <Group mt="md" gap="md">
          <Text size="sm" fw={500}>
            {t('registers.download')}:
          </Text>
          <Anchor href={registersDownload(choice, 'xlsx')} download size="sm">
            {t('registers.xlsx')}
          </Anchor>
          <Anchor href={registersDownload(choice, 'pdf')} download size="sm">
            {t('registers.pdf')}
          </Anchor>
        </Group>
      </Paper>
      {!communeValid ? null : register.isPending ? (
        <Loading />
      ) : register.isError ? (
        <QueryError error={register.error} onRetry={() => void register.refetch()} />
      ) : data ? (
        <Stack gap="sm" component="section" aria-labelledby="register-heading">
          <Title order={2} size="h3" id="register-heading">
            {data.titleName} — {data.description}
          </Title>
          <Text data-testid="registers-total">{t('registers.total', { n: data.total })}</Text>
          <Text size="sm" c="dimmed">
            {t('registers.sortNote')}
          </Text>
          {data.total === 0 ? (
            <Alert color="gray" variant="light">
              {t('registers.empty')}
            </Alert>
          ) : (
            <ScrollTable minWidth={groups ? 1100 : 900}>
              <Table striped withTableBorder aria-label={t('registers.tableLabel', { title: data.titleName, description: data.description })}>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th scope="col">{t('registers.no')}</Table.Th>
                    <Table.Th scope="col">{groups ? t('registers.name.group') : t('registers.name.person')}</Table.Th>
                    {groups && <Table.Th scope="col">{t('registers.representative')}</Table.Th>}
                    <Table.Th scope="col">{t('registers.village')}</Table.Th>
                    <Table.Th scope="col">{t('registers.communeCol')}</Table.Th>
                    <Table.Th scope="col">{t('registers.years')}</Table.Th>
                    <Table.Th scope="col">{t('registers.consecutive')}</Table.Th>
                    <Table.Th scope="col">{t('registers.decision', { year: data.year })}</Table.Th>
                    <Table.Th scope="col">{t('registers.certificate')}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {data.items.map((x, i) => (
                    <Table.Tr key={x.registrationId}>
                      <Table.Td>{(page - 1) * PAGE_SIZE + i + 1}</Table.Td>
                      <Table.Td>{x.subject.name}</Table.Td>
                      {groups && <Table.Td>{x.representative ? `${x.representative.role}: ${x.representative.name}` : '—'}</Table.Td>}
                      <Table.Td>{x.village ?? ''}</Table.Td>
                      <Table.Td>{x.commune ? (x.commune.name ?? x.commune.code) : ''}</Table.Td>
                      <Table.Td>{yearsText(x.years)}</Table.Td>
                      <Table.Td>{x.consecutive}</Table.Td>
                      <Table.Td>{t('registers.decisionText', { number: x.decision.number, date: formatDate(x.decision.date) })}</Table.Td>
                      <Table.Td>
                        <Anchor href={x.certificatePdf} download size="sm" aria-label={`PDF — ${t('registers.certificateLink')}: ${x.subject.name}`}>
                          PDF
                        </Anchor>
                      </Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </ScrollTable>
          )}
          {pages > 1 && (
            <Pagination
              total={pages}
              value={page}
              onChange={setPage}
              getControlProps={(control) => ({ 'aria-label': t(`work.page_${control}`) })}
              getItemProps={(p) => ({ 'aria-label': t('work.pageN', { n: p }) })}
            />
          )}
        </Stack>
      ) : null}
    </Stack>
  );
}
