/**
 * The end of the year on a registration's page: công bố (publish), rút đăng ký (withdraw), khiếu nại
 * (appeal) and thu hồi (revoke the certificate), each behind a confirmation; the API writes the
 * audit entry of each.
 */
import { Alert, Button, Group, Modal, Stack, Text, Textarea } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, call, client, type RegistrationStatus } from '../api/client.ts';
import { useInvalidateWork, useSession } from '../api/hooks.ts';
import { useErrorMessage } from '../components/QueryState.tsx';
import { notifyDone } from './common.tsx';
import { actionsFor, type RecordAction } from './decision-stage.ts';

/** The buttons a registration in this state offers to this account, and the confirmation of the one chosen. */
export function RecordActions({ registrationId, status, credential }: { registrationId: string; status: RegistrationStatus; credential: { id: string; revokedAt: string | null } | undefined }) {
  const { t } = useTranslation();
  const session = useSession();
  const message = useErrorMessage();
  const invalidate = useInvalidateWork();
  const [open, setOpen] = useState<RecordAction | null>(null);
  const [reason, setReason] = useState('');
  const roles = session.data?.user.roles ?? [];
  const offered = actionsFor(status, roles, credential);
  const act = useMutation({
    mutationFn: async (a: RecordAction) => {
      if (a === 'revoke') await call(client.POST('/api/credentials/{id}/revoke', { params: { path: { id: credential!.id } } }));
      else await api.step(registrationId, a, reason.trim() || undefined);
      return a;
    },
    onSuccess: async (a) => {
      setOpen(null);
      setReason('');
      await invalidate();
      notifyDone(t(`actions.${a}Done`), t('work.closeNotice'));
    },
  });
  if (offered.length === 0) return null;
  return (
    <section aria-labelledby="record-actions">
      <Text fw={700} id="record-actions" mb={4}>
        {t('actions.title')}
      </Text>
      <Group gap="sm">
        {offered.map((a) => (
          <Button key={a} variant={a === 'publish' ? 'filled' : 'outline'} color={a === 'publish' || a === 'appeal' ? undefined : 'red.9'} onClick={() => setOpen(a)} data-testid={`action-${a}`}>
            {t(`actions.${a}`)}
          </Button>
        ))}
      </Group>
      {open && (
        <Modal opened onClose={() => setOpen(null)} title={t(`actions.${open}Confirm`)} closeButtonProps={{ 'aria-label': t('accounts.close') }} transitionProps={{ duration: 0 }}>
          <Stack gap="sm">
            <Text size="sm">{t(`actions.${open}Explain`)}</Text>
            {open !== 'publish' && <Textarea label={t('actions.reason')} value={reason} onChange={(e) => setReason(e.currentTarget.value)} autosize minRows={2} data-testid="action-reason" />}
            {act.isError && (
              <Alert color="red" variant="light" role="alert">
                {message(act.error)}
              </Alert>
            )}
            <Group justify="flex-end">
              <Button variant="default" onClick={() => setOpen(null)}>
                {t('actions.cancel')}
              </Button>
              <Button color={open === 'publish' || open === 'appeal' ? undefined : 'red.9'} loading={act.isPending} onClick={() => act.mutate(open)} data-testid="action-confirm">
                {t(`actions.${open}`)}
              </Button>
            </Group>
          </Stack>
        </Modal>
      )}
    </section>
  );
}
