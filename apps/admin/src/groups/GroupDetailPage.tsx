/** One household, clan, community or unit: its members today and before, add a member found by name, end a membership on a date. */
import { Alert, Anchor, Button, Group as Row, NativeSelect, Paper, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useMutation } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { usePeople } from '../api/hooks.ts';
import { Loading, QueryError, useErrorMessage } from '../components/QueryState.tsx';
import { usePageTitle } from '../components/usePageTitle.ts';
import { formatDate } from '../lib/format.ts';
import { NotFoundPage } from '../pages/NotFoundPage.tsx';
import { notifyDone, ScrollTable } from '../workflow/common.tsx';
import { groupsApi, groupsPath, isoFromVi, KIND_INFO, kindOfSlug, todayVi, useCanWrite, useGroup, useInvalidateGroups, type GroupDetail, type GroupKind, type GroupType, type Membership } from './api.ts';
import { KindNav } from './GroupsPage.tsx';

export function GroupDetailPage() {
  const { kind: slug, id } = useParams();
  const kind = kindOfSlug(slug);
  if (!kind || !id) return <NotFoundPage />;
  return <Detail kind={kind} id={id} />;
}

function Detail({ kind, id }: { kind: GroupKind; id: string }) {
  const { t } = useTranslation();
  const [asOf, setAsOf] = useState('');
  const asOfIso = isoFromVi(asOf);
  const group = useGroup(kind, id, asOfIso);
  const canWrite = useCanWrite();
  usePageTitle(group.data?.name ?? t(`groups.kind.${kind}`));
  return (
    <Stack gap="md">
      <KindNav current={kind} />
      <Anchor component={Link} to={groupsPath(kind)} size="sm">
        ← {t('groups.back', { kind: t(`groups.kindOne.${kind}`) })}
      </Anchor>
      {group.isPending ? (
        <Loading />
      ) : group.isError ? (
        <QueryError error={group.error} onRetry={() => void group.refetch()} />
      ) : (
        <>
          <Title order={1} className="wrap-anywhere">
            {group.data.name}
          </Title>
          <Text size="sm">
            {t(`groups.kind.${kind}`)}
            {group.data.village ? ` · ${group.data.village}` : ''}
            {group.data.type ? ` · ${t(`groups.type.${group.data.type}`, { defaultValue: group.data.type })}` : ''}
            {' · '}
            {group.data.commune ? t('groups.commune', { code: group.data.commune }) : t('groups.wholeProvince', { code: group.data.province })}
          </Text>
          <TextInput
            label={t('groups.asOfLabel')}
            description={t('groups.asOfHint')}
            value={asOf}
            onChange={(e) => setAsOf(e.currentTarget.value)}
            placeholder="dd/mm/yyyy"
            inputMode="numeric"
            w={220}
            error={asOf.trim() && !asOfIso ? t('groups.badDate') : undefined}
          />
          <Members kind={kind} group={group.data} canWrite={canWrite} />
          <History kind={kind} group={group.data} />
          {canWrite && <AddMember kind={kind} group={group.data} />}
          {canWrite && <EditGroup kind={kind} group={group.data} />}
        </>
      )}
    </Stack>
  );
}

function RoleText({ kind, role }: { kind: GroupKind; role: string }) {
  const { t } = useTranslation();
  return <>{role === 'head' ? t(`groups.head.${kind}`) : t('groups.member')}</>;
}

/** A membership's cells — who, role, from, to — in the members table and in the history. */
function MemberCells({ kind, m }: { kind: GroupKind; m: Membership }) {
  const { t } = useTranslation();
  return (
    <>
      <Table.Td>{m.fullName ?? t('groups.outOfScope')}</Table.Td>
      <Table.Td>
        <RoleText kind={kind} role={m.role} />
      </Table.Td>
      <Table.Td>{formatDate(m.validFrom)}</Table.Td>
      <Table.Td>{m.validTo ? formatDate(m.validTo) : ''}</Table.Td>
    </>
  );
}

function Members({ kind, group, canWrite }: { kind: GroupKind; group: GroupDetail; canWrite: boolean }) {
  const { t } = useTranslation();
  const [ending, setEnding] = useState<string | null>(null);
  return (
    <section aria-labelledby="members-title">
      <Title order={2} size="h3" id="members-title" mb="xs">
        {t('groups.members')}
      </Title>
      <Text size="sm" mb="xs">
        {t('groups.asOf', { date: formatDate(group.date) })}
      </Text>
      {group.members.length === 0 ? (
        <Text size="sm" role="status">
          {t('groups.noMembers')}
        </Text>
      ) : (
        <ScrollTable minWidth={520}>
          <Table striped data-testid="members-table">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('groups.colPerson')}</Table.Th>
                <Table.Th>{t('groups.colRole')}</Table.Th>
                <Table.Th>{t('groups.colFrom')}</Table.Th>
                <Table.Th>{t('groups.colTo')}</Table.Th>
                {canWrite && <Table.Th>{t('groups.colActions')}</Table.Th>}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {group.members.map((m) => (
                <Table.Tr key={m.id}>
                  <MemberCells kind={kind} m={m} />
                  {canWrite && (
                    <Table.Td>
                      {m.validTo ? null : ending === m.id ? (
                        <EndMember kind={kind} group={group} membership={m} onDone={() => setEnding(null)} />
                      ) : (
                        <Button size="compact-sm" variant="default" onClick={() => setEnding(m.id)} aria-label={t('groups.endLabel', { name: m.fullName ?? '' })}>
                          {t('groups.end')}
                        </Button>
                      )}
                    </Table.Td>
                  )}
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </ScrollTable>
      )}
    </section>
  );
}

function EndMember({ kind, group, membership, onDone }: { kind: GroupKind; group: GroupDetail; membership: Membership; onDone: () => void }) {
  const { t } = useTranslation();
  const message = useErrorMessage();
  const invalidate = useInvalidateGroups();
  const [date, setDate] = useState(todayVi());
  const [touched, setTouched] = useState(false);
  const iso = isoFromVi(date);
  const end = useMutation({
    mutationFn: () => groupsApi.endMember(kind, group.id, membership.id, iso!),
    onSuccess: async () => {
      notifyDone(t('groups.ended'), t('groups.close'));
      await invalidate();
      onDone();
    },
  });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    setTouched(true);
    if (iso) end.mutate();
  };
  return (
    <form onSubmit={submit} noValidate aria-label={t('groups.endLabel', { name: membership.fullName ?? '' })}>
      <Stack gap={6}>
        <TextInput
          size="xs"
          label={t('groups.endDate')}
          value={date}
          onChange={(e) => setDate(e.currentTarget.value)}
          placeholder="dd/mm/yyyy"
          inputMode="numeric"
          w={150}
          data-autofocus
          autoFocus
          error={touched && !iso ? t('groups.badDate') : undefined}
        />
        {end.isError && (
          <Text size="xs" c="red.9" role="alert">
            {message(end.error)}
          </Text>
        )}
        <Row gap={6}>
          <Button size="compact-sm" type="submit" loading={end.isPending}>
            {t('groups.endConfirm')}
          </Button>
          <Button size="compact-sm" variant="default" onClick={onDone}>
            {t('groups.cancel')}
          </Button>
        </Row>
      </Stack>
    </form>
  );
}

function History({ kind, group }: { kind: GroupKind; group: GroupDetail }) {
  const { t } = useTranslation();
  return (
    <section aria-labelledby="history-title">
      <Title order={2} size="h3" id="history-title" mb="xs">
        {t('groups.history')}
      </Title>
      {group.history.length === 0 ? (
        <Text size="sm">{t('groups.noHistory')}</Text>
      ) : (
        <ScrollTable minWidth={520}>
          <Table striped data-testid="history-table">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('groups.colPerson')}</Table.Th>
                <Table.Th>{t('groups.colRole')}</Table.Th>
                <Table.Th>{t('groups.colFrom')}</Table.Th>
                <Table.Th>{t('groups.colTo')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {group.history.map((m) => (
                <Table.Tr key={m.id}>
                  <MemberCells kind={kind} m={m} />
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </ScrollTable>
      )}
    </section>
  );
}

function AddMember({ kind, group }: { kind: GroupKind; group: GroupDetail }) {
  const { t } = useTranslation();
  const message = useErrorMessage();
  const invalidate = useInvalidateGroups();
  const [q, setQ] = useState('');
  const [debounced] = useDebouncedValue(q.trim(), 250);
  const people = usePeople(debounced, 0);
  const [chosen, setChosen] = useState<{ id: string; name: string } | null>(null);
  const [role, setRole] = useState<'member' | 'head'>('member');
  const [from, setFrom] = useState(todayVi());
  const [touched, setTouched] = useState(false);
  const iso = isoFromVi(from);
  const current = new Set(group.members.map((m) => m.personId));
  const candidates = debounced ? (people.data?.items ?? []).filter((p) => !current.has(p.id)).slice(0, 6) : [];
  const add = useMutation({
    mutationFn: () => groupsApi.addMember(kind, group.id, { personId: chosen!.id, role, validFrom: iso! }),
    onSuccess: async () => {
      notifyDone(t('groups.added', { name: chosen?.name ?? '' }), t('groups.close'));
      setChosen(null);
      setQ('');
      setTouched(false);
      await invalidate();
    },
  });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    setTouched(true);
    if (chosen && iso) add.mutate();
  };
  return (
    <Paper withBorder p="md" maw={640} component="section" aria-labelledby="add-member-title">
      <Title order={2} size="h4" id="add-member-title" mb="sm">
        {t('groups.addTitle')}
      </Title>
      <form onSubmit={submit} noValidate>
        <Stack gap="sm">
          <TextInput label={t('groups.findPerson')} description={t('groups.searchHint')} type="search" value={q} onChange={(e) => setQ(e.currentTarget.value)} />
          {debounced && !people.isPending && candidates.length === 0 && (
            <Text size="sm" role="status">
              {t('groups.noPeople')}
            </Text>
          )}
          {candidates.length > 0 && (
            <Stack gap={4} component="ul" style={{ listStyle: 'none', padding: 0, margin: 0 }} aria-label={t('groups.candidates')} data-testid="person-candidates">
              {candidates.map((p) => (
                <li key={p.id}>
                  <Button
                    size="compact-sm"
                    variant={chosen?.id === p.id ? 'filled' : 'default'}
                    aria-pressed={chosen?.id === p.id}
                    onClick={() => setChosen({ id: p.id, name: p.fullName })}
                    styles={{ label: { whiteSpace: 'normal', textAlign: 'left' } }}
                    h="auto"
                    py={4}
                  >
                    {p.fullName}
                    {p.birthDate ? ` (${formatDate(p.birthDate)})` : ''}
                  </Button>
                </li>
              ))}
            </Stack>
          )}
          <Text size="sm" role="status" data-testid="chosen-person">
            {chosen ? t('groups.chosen', { name: chosen.name }) : touched ? t('groups.choosePerson') : ''}
          </Text>
          <Row align="flex-start" gap="sm" wrap="wrap">
            <NativeSelect
              label={t('groups.colRole')}
              value={role}
              onChange={(e) => setRole(e.currentTarget.value as 'member' | 'head')}
              data={[
                { value: 'member', label: t('groups.member') },
                { value: 'head', label: t(`groups.head.${kind}`) },
              ]}
              w={200}
            />
            <TextInput
              label={t('groups.colFrom')}
              value={from}
              onChange={(e) => setFrom(e.currentTarget.value)}
              placeholder="dd/mm/yyyy"
              inputMode="numeric"
              w={160}
              error={touched && !iso ? t('groups.badDate') : undefined}
            />
          </Row>
          {add.isError && (
            <Alert color="red" variant="light" role="alert" title={t('groups.addFailed')}>
              {message(add.error)}
            </Alert>
          )}
          <Row>
            <Button type="submit" loading={add.isPending} data-testid="add-member">
              {t('groups.add')}
            </Button>
          </Row>
        </Stack>
      </form>
    </Paper>
  );
}

/** Rename (and for households the village, for communities and units the type), or delete the group. */
function EditGroup({ kind, group }: { kind: GroupKind; group: GroupDetail }) {
  const { t } = useTranslation();
  const message = useErrorMessage();
  const navigate = useNavigate();
  const invalidate = useInvalidateGroups();
  const types = KIND_INFO[kind].types;
  const [name, setName] = useState(group.name);
  const [village, setVillage] = useState(group.village ?? '');
  // The answer's `type` is a bare string in the API's schema; it is one of the kind's types.
  const [type, setType] = useState<GroupType | undefined>((group.type as GroupType | null) ?? types?.[0]);
  const [confirming, setConfirming] = useState(false);
  const kindName = t(`groups.kindOne.${kind}`);
  const save = useMutation({
    mutationFn: () =>
      groupsApi.update(kind, group.id, {
        name: name.normalize('NFC').trim(),
        ...(kind === 'household' ? { village: village.trim() ? village.normalize('NFC').trim() : null } : {}),
        ...(types && type ? { type } : {}),
      }),
    onSuccess: async () => {
      notifyDone(t('groups.saved'), t('groups.close'));
      await invalidate();
    },
  });
  const remove = useMutation({
    mutationFn: () => groupsApi.remove(kind, group.id),
    onSuccess: async () => {
      notifyDone(t('groups.deleted', { name: group.name }), t('groups.close'));
      await invalidate();
      void navigate(groupsPath(kind));
    },
  });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (name.trim()) save.mutate();
  };
  return (
    <Paper withBorder p="md" maw={640} component="section" aria-labelledby="edit-group-title">
      <Title order={2} size="h4" id="edit-group-title" mb="sm">
        {t('groups.editTitle', { kind: kindName })}
      </Title>
      <form onSubmit={submit} noValidate>
        <Stack gap="sm">
          <TextInput label={t('groups.name')} required value={name} onChange={(e) => setName(e.currentTarget.value)} error={!name.trim() ? t('groups.required') : undefined} />
          {kind === 'household' && <TextInput label={t('groups.village')} value={village} onChange={(e) => setVillage(e.currentTarget.value)} />}
          {types && <NativeSelect label={t('groups.typeLabel')} value={type ?? ''} onChange={(e) => setType(e.currentTarget.value as GroupType)} data={types.map((v) => ({ value: v, label: t(`groups.type.${v}`) }))} />}
          {save.isError && (
            <Alert color="red" variant="light" role="alert" title={t('groups.saveFailed')}>
              {message(save.error)}
            </Alert>
          )}
          <Row gap="sm" wrap="wrap">
            <Button type="submit" loading={save.isPending}>
              {t('groups.save')}
            </Button>
            {confirming ? (
              <>
                <Button color="red.9" onClick={() => remove.mutate()} loading={remove.isPending} data-testid="confirm-delete">
                  {t('groups.deleteConfirm', { kind: kindName })}
                </Button>
                <Button variant="default" onClick={() => setConfirming(false)}>
                  {t('groups.cancel')}
                </Button>
              </>
            ) : (
              <Button variant="outline" color="red.9" onClick={() => setConfirming(true)}>
                {t('groups.delete', { kind: kindName })}
              </Button>
            )}
          </Row>
          {confirming && (
            <Text size="sm" role="status">
              {t('groups.deleteWarning')}
            </Text>
          )}
          {remove.isError && (
            <Alert color="red" variant="light" role="alert" title={t('groups.deleteFailed')}>
              {message(remove.error)}
            </Alert>
          )}
        </Stack>
      </form>
    </Paper>
  );
}
