/** Nhóm: households, clans, communities and units in scope — search without diacritics, and a form to add one. */
import { Alert, Anchor, Button, Group as Row, NativeSelect, Pagination, Paper, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { useSession } from '../api/hooks.ts';
import { Loading, QueryError, useErrorMessage } from '../components/QueryState.tsx';
import { usePageTitle } from '../components/usePageTitle.ts';
import { NotFoundPage } from '../pages/NotFoundPage.tsx';
import { ScrollTable } from '../workflow/common.tsx';
import { GROUP_KINDS, groupPath, groupsPath, KIND_INFO, kindOfSlug, useCreateGroup, useGroups, type GroupKind, type GroupType } from './api.ts';

const PAGE = 20;

/** Links to the four kinds; the current one is marked for assistive technology. */
export function KindNav({ current }: { current: GroupKind }) {
  const { t } = useTranslation();
  return (
    <Row component="nav" aria-label={t('groups.kindsNav')} gap="xs" wrap="wrap">
      {GROUP_KINDS.map((k) => (
        <Button
          key={k}
          component={Link}
          to={groupsPath(k)}
          size="compact-sm"
          variant={k === current ? 'filled' : 'default'}
          aria-current={k === current ? 'page' : undefined}
        >
          {t(`groups.kind.${k}`)}
        </Button>
      ))}
    </Row>
  );
}

export function GroupsPage() {
  const { kind: slug } = useParams();
  const kind = kindOfSlug(slug);
  if (!kind) return <NotFoundPage />;
  return <GroupsOfKind key={kind} kind={kind} />;
}

function GroupsOfKind({ kind }: { kind: GroupKind }) {
  const { t } = useTranslation();
  usePageTitle(t(`groups.kind.${kind}`));
  const [q, setQ] = useState('');
  const [debounced] = useDebouncedValue(q.trim(), 250);
  const [page, setPage] = useState(1);
  const groups = useGroups(kind, debounced, (page - 1) * PAGE);
  const types = KIND_INFO[kind].types;
  return (
    <Stack gap="md">
      <Text size="sm" c="dimmed">
        {t('nav.groups')}
      </Text>
      <Title order={1} mt={-12}>
        {t(`groups.kind.${kind}`)}
      </Title>
      <KindNav current={kind} />
      <TextInput
        label={t('groups.search')}
        description={t('groups.searchHint')}
        placeholder={kind === 'household' ? 'ho nguyen van' : ''}
        value={q}
        onChange={(e) => {
          setQ(e.currentTarget.value);
          setPage(1);
        }}
        maw={420}
        type="search"
      />
      {groups.isPending ? (
        <Loading />
      ) : groups.isError ? (
        <QueryError error={groups.error} onRetry={() => void groups.refetch()} />
      ) : (
        <>
          <Text size="sm" role="status" data-testid="groups-count">
            {groups.data.total === 0 ? t('groups.none') : t('groups.count', { count: groups.data.total })}
          </Text>
          {groups.data.items.length > 0 && (
            <ScrollTable minWidth={320}>
              <Table striped data-testid="groups-table" style={{ opacity: groups.isFetching ? 0.6 : 1 }}>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>{t('groups.colName')}</Table.Th>
                    <Table.Th>{kind === 'household' ? t('groups.village') : types ? t('groups.typeLabel') : t('groups.colLocality')}</Table.Th>
                    <Table.Th>{t('groups.colMembers')}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {groups.data.items.map((g) => (
                    <Table.Tr key={g.id}>
                      <Table.Td>
                        <Anchor component={Link} to={groupPath(kind, g.id)} fw={600}>
                          {g.name}
                        </Anchor>
                      </Table.Td>
                      <Table.Td>
                        {kind === 'household'
                          ? (g.village ?? '')
                          : g.type
                            ? t(`groups.type.${g.type}`, { defaultValue: g.type })
                            : g.commune
                              ? t('groups.commune', { code: g.commune })
                              : t('groups.wholeProvince', { code: g.province })}
                      </Table.Td>
                      <Table.Td>{g.memberCount}</Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </ScrollTable>
          )}
          {groups.data.total > PAGE && (
            <Pagination
              total={Math.ceil(groups.data.total / PAGE)}
              value={page}
              onChange={setPage}
              getControlProps={(control) => ({ 'aria-label': t(`work.page_${control}`) })}
              getItemProps={(p) => ({ 'aria-label': t('work.pageN', { n: p }) })}
            />
          )}
        </>
      )}
      <CreateGroup kind={kind} />
    </Stack>
  );
}

/** Where the user may file a new group: the whole province (province scope) or one of their communes. */
function useLocalities(): { options: { value: string; label: string }[]; needsProvince: boolean } {
  const { t } = useTranslation();
  const user = useSession().data?.user;
  if (!user) return { options: [], needsProvince: false };
  const provinces = user.localities.filter((l) => /^\d{2}$/.test(l));
  const communes = user.localities.filter((l) => /^\d{5}$/.test(l));
  const provinceWide = user.roles.includes('province-admin') || user.roles.includes('platform-admin');
  return {
    options: [
      ...(provinceWide ? provinces.map((p) => ({ value: '', label: t('groups.wholeProvince', { code: p }) })) : []),
      ...communes.map((c) => ({ value: c, label: t('groups.commune', { code: c }) })),
    ],
    needsProvince: user.roles.includes('platform-admin'),
  };
}

function CreateGroup({ kind }: { kind: GroupKind }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const message = useErrorMessage();
  const create = useCreateGroup(kind);
  const { options, needsProvince } = useLocalities();
  const types = KIND_INFO[kind].types;
  const [name, setName] = useState('');
  const [village, setVillage] = useState('');
  const [type, setType] = useState<GroupType | undefined>(types?.[0]);
  const [locality, setLocality] = useState<string | undefined>(undefined);
  const [province, setProvince] = useState('');
  const [touched, setTouched] = useState(false);
  const commune = locality ?? options[0]?.value ?? '';
  const kindName = t(`groups.kindOne.${kind}`);

  const submit = (e: FormEvent) => {
    e.preventDefault();
    setTouched(true);
    if (!name.trim() || (needsProvince && !/^\d{2}$/.test(province))) return;
    create.mutate(
      {
        name: name.normalize('NFC').trim(),
        ...(commune ? { commune } : {}),
        ...(needsProvince ? { province } : {}),
        ...(kind === 'household' && village.trim() ? { village: village.normalize('NFC').trim() } : {}),
        ...(types && type ? { type } : {}),
      },
      { onSuccess: (g) => void navigate(groupPath(kind, g.id)) },
    );
  };

  return (
    <Paper withBorder p="md" maw={640} component="section" aria-labelledby="new-group">
      <Title order={2} size="h4" id="new-group" mb="sm">
        {t('groups.newTitle', { kind: kindName })}
      </Title>
      <form onSubmit={submit} noValidate>
        <Stack gap="sm">
          <TextInput label={t('groups.name')} required value={name} onChange={(e) => setName(e.currentTarget.value)} error={touched && !name.trim() ? t('groups.required') : undefined} data-testid="group-name" />
          {kind === 'household' && <TextInput label={t('groups.village')} value={village} onChange={(e) => setVillage(e.currentTarget.value)} />}
          {types && (
            <NativeSelect label={t('groups.typeLabel')} value={type ?? ''} onChange={(e) => setType(e.currentTarget.value as GroupType)} data={types.map((v) => ({ value: v, label: t(`groups.type.${v}`) }))} />
          )}
          {needsProvince && (
            <TextInput
              label={t('groups.province')}
              required
              value={province}
              onChange={(e) => setProvince(e.currentTarget.value.trim())}
              inputMode="numeric"
              maxLength={2}
              w={160}
              error={touched && !/^\d{2}$/.test(province) ? t('groups.provinceHint') : undefined}
            />
          )}
          {options.length > 1 && <NativeSelect label={t('groups.locality')} value={commune} onChange={(e) => setLocality(e.currentTarget.value)} data={options} />}
          {create.isError && (
            <Alert color="red" variant="light" role="alert" title={t('groups.createFailed')}>
              {message(create.error)}
            </Alert>
          )}
          <Row>
            <Button type="submit" loading={create.isPending}>
              {t('groups.create', { kind: kindName })}
            </Button>
          </Row>
        </Stack>
      </form>
    </Paper>
  );
}
