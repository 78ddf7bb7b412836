/**
 * Người dùng: the accounts an administrator manages — list, create, edit roles and localities,
 * deactivate / reactivate, and issue a one-time password link to hand over (no e-mail).
 */
import { Alert, Button, Checkbox, CopyButton, Group, Modal, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { accountsApi, ASSIGNABLE_ROLES, useUserMutation, useUsers, type ManagedUser, type Role, type UserInput } from '../api/accounts.ts';
import { useSession } from '../api/hooks.ts';
import { Loading, QueryError, useErrorMessage } from '../components/QueryState.tsx';
import { usePageTitle } from '../components/usePageTitle.ts';
import { notifyDone, ScrollTable } from '../workflow/common.tsx';

const parseLocalities = (s: string) =>
  s
    .split(/[\s,;]+/)
    .map((x) => x.trim())
    .filter(Boolean);

function UserForm({ initial, onDone, onCancel }: { initial?: ManagedUser; onDone: (u: ManagedUser) => void; onCancel: () => void }) {
  const { t } = useTranslation();
  const message = useErrorMessage();
  const session = useSession();
  const national = session.data?.user.roles.includes('platform-admin') ?? false;
  const [email, setEmail] = useState(initial?.email ?? '');
  const [name, setName] = useState(initial?.name ?? '');
  const [roles, setRoles] = useState<Role[]>(initial ? ([...initial.roles] as Role[]) : ['commune-officer']);
  const [localities, setLocalities] = useState(initial ? initial.localities.join(', ') : (session.data?.user.localities.filter((l) => l.length === 2).join(', ') ?? ''));
  const save = useUserMutation((body: UserInput) =>
    initial ? accountsApi.updateUser(initial.id, { name: body.name, roles: body.roles, localities: body.localities }) : accountsApi.createUser(body),
  );
  const submit = (e: FormEvent) => {
    e.preventDefault();
    save.mutate({ email: email.normalize('NFC').trim(), name: name.normalize('NFC').trim(), roles, localities: parseLocalities(localities) }, { onSuccess: onDone });
  };
  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="sm">
        {save.error && <Alert color="red" variant="light" role="alert">{message(save.error)}</Alert>}
        <TextInput label={t('accounts.email')} type="email" required value={email} onChange={(e) => setEmail(e.currentTarget.value)} disabled={!!initial} data-testid="user-email" />
        <TextInput label={t('accounts.name')} required value={name} onChange={(e) => setName(e.currentTarget.value)} data-testid="user-name" />
        <Checkbox.Group label={t('accounts.roles')} value={roles} onChange={(v) => setRoles(v as Role[])} required>
          <Stack gap={6} mt={6}>
            {ASSIGNABLE_ROLES.filter((r) => national || r !== 'platform-admin').map((r) => (
              <Checkbox key={r} value={r} label={t(`accounts.role.${r}`)} data-testid={`role-${r}`} />
            ))}
          </Stack>
        </Checkbox.Group>
        <TextInput
          label={t('accounts.localities')}
          description={t('accounts.localitiesHint')}
          value={localities}
          onChange={(e) => setLocalities(e.currentTarget.value)}
          data-testid="user-localities"
        />
        <Group justify="flex-end">
          <Button variant="default" onClick={onCancel}>
            {t('accounts.cancel')}
          </Button>
          <Button type="submit" loading={save.isPending} data-testid="user-save">
            {t('accounts.save')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

function ResetLink({ user, link, onClose }: { user: ManagedUser; link: { url: string; expiresAt: string }; onClose: () => void }) {
  const { t } = useTranslation();
  const full = `${window.location.origin}${link.url}`;
  // Shown in Vietnam's time (UTC+7, no daylight saving): HH:MM dd/mm/yyyy.
  const local = new Date(Date.parse(link.expiresAt) + 7 * 3600_000);
  const pad = (n: number) => String(n).padStart(2, '0');
  const at = `${pad(local.getUTCHours())}:${pad(local.getUTCMinutes())} ${pad(local.getUTCDate())}/${pad(local.getUTCMonth() + 1)}/${local.getUTCFullYear()}`;
  return (
    <Modal opened onClose={onClose} title={t('accounts.resetLinkTitle', { email: user.email })} closeButtonProps={{ 'aria-label': t('accounts.close') }} size="lg" transitionProps={{ duration: 0 }}>
      <Stack gap="sm">
        <Text size="sm">{t('accounts.resetLinkText', { at })}</Text>
        <TextInput label={t('accounts.link')} readOnly value={full} data-testid="reset-link" onFocus={(e) => e.currentTarget.select()} />
        <Group justify="flex-end">
          <CopyButton value={full}>
            {({ copied, copy }) => (
              <Button variant="light" onClick={copy}>
                {copied ? t('accounts.copied') : t('accounts.copy')}
              </Button>
            )}
          </CopyButton>
          <Button onClick={onClose}>{t('accounts.close')}</Button>
        </Group>
      </Stack>
    </Modal>
  );
}

export function UsersPage() {
  const { t } = useTranslation();
  usePageTitle(t('nav.users'));
  const users = useUsers();
  const session = useSession();
  const message = useErrorMessage();
  const [editing, setEditing] = useState<ManagedUser | 'new' | null>(null);
  const [link, setLink] = useState<{ user: ManagedUser; url: string; expiresAt: string } | null>(null);
  const active = useUserMutation((v: { id: string; active: boolean }) => accountsApi.setActive(v.id, v.active));
  const reset = useUserMutation((u: ManagedUser) => accountsApi.resetLink(u.id).then((l) => ({ user: u, ...l })));
  const me = session.data?.user.id;
  const failure = active.error ?? reset.error;

  return (
    <Stack gap="md">
      <Group justify="space-between" align="flex-end">
        <Title order={1}>{t('nav.users')}</Title>
        <Button onClick={() => setEditing('new')} data-testid="user-create">
          {t('accounts.create')}
        </Button>
      </Group>
      <Text size="sm" maw={720}>
        {t('accounts.usersIntro')}
      </Text>
      {failure && <Alert color="red" variant="light" role="alert">{message(failure)}</Alert>}
      {users.isPending ? (
        <Loading />
      ) : users.isError ? (
        <QueryError error={users.error} onRetry={() => void users.refetch()} />
      ) : users.data.items.length === 0 ? (
        <Text>{t('accounts.none')}</Text>
      ) : (
        <>
          <Text size="sm" role="status">
            {t('accounts.count', { count: users.data.items.length })}
          </Text>
          <ScrollTable minWidth={900}>
            <Table striped data-testid="users-table">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('accounts.name')}</Table.Th>
                  <Table.Th>{t('accounts.email')}</Table.Th>
                  <Table.Th>{t('accounts.roles')}</Table.Th>
                  <Table.Th>{t('accounts.localities').split(' (')[0]}</Table.Th>
                  <Table.Th>{t('accounts.status')}</Table.Th>
                  <Table.Th>{t('accounts.totp')}</Table.Th>
                  <Table.Th>{t('accounts.actions')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {users.data.items.map((u) => (
                  <Table.Tr key={u.id} data-testid={`user-row-${u.email}`}>
                    <Table.Td>{u.name}</Table.Td>
                    <Table.Td>{u.email}</Table.Td>
                    <Table.Td>{u.roles.map((r) => t(`accounts.role.${r}`, { defaultValue: r })).join(', ')}</Table.Td>
                    <Table.Td>{u.localities.join(', ')}</Table.Td>
                    <Table.Td>
                      <Text size="sm" fw={600} c={u.active ? 'teal.9' : 'red.9'}>
                        {u.active ? t('accounts.active') : t('accounts.inactive')}
                      </Text>
                    </Table.Td>
                    <Table.Td>{u.totp ? t('accounts.totpOn') : t('accounts.totpOff')}</Table.Td>
                    <Table.Td>
                      <Group gap={6} wrap="nowrap">
                        <Button size="compact-sm" variant="default" onClick={() => setEditing(u)} aria-label={`${t('accounts.edit')} ${u.email}`}>
                          {t('accounts.edit')}
                        </Button>
                        {u.id !== me && (
                          <Button
                            size="compact-sm"
                            variant="default"
                            onClick={() => active.mutate({ id: u.id, active: !u.active })}
                            aria-label={`${u.active ? t('accounts.deactivate') : t('accounts.reactivate')} ${u.email}`}
                          >
                            {u.active ? t('accounts.deactivate') : t('accounts.reactivate')}
                          </Button>
                        )}
                        {u.active && (
                          <Button
                            size="compact-sm"
                            variant="light"
                            loading={reset.isPending && reset.variables?.id === u.id}
                            onClick={() => reset.mutate(u, { onSuccess: setLink })}
                            aria-label={`${t('accounts.resetLink')} ${u.email}`}
                            data-testid={`reset-${u.email}`}
                          >
                            {t('accounts.resetLink')}
                          </Button>
                        )}
                      </Group>
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </ScrollTable>
        </>
      )}
      {editing && (
        <Modal
          opened
          onClose={() => setEditing(null)}
          title={editing === 'new' ? t('accounts.create') : t('accounts.editTitle', { email: editing.email })}
          closeButtonProps={{ 'aria-label': t('accounts.close') }}
          transitionProps={{ duration: 0 }}
        >
          <UserForm
            {...(editing === 'new' ? {} : { initial: editing })}
            onCancel={() => setEditing(null)}
            onDone={(u) => {
              setEditing(null);
              notifyDone(editing === 'new' ? t('accounts.created', { email: u.email }) : t('accounts.saved'), t('accounts.close'));
            }}
          />
        </Modal>
      )}
      {link && <ResetLink user={link.user} link={link} onClose={() => setLink(null)} />}
    </Stack>
  );
}
