/** "Nộp" for the committee's batch: every self-assessed registration of a campaign submitted at once (all or none), after a confirmation. */
import { Alert, Button, Group, Modal, Paper, Stack, Text, Title } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { call, client } from '../api/client.ts';
import { useInvalidateWork } from '../api/hooks.ts';
import { Loading, QueryError, useErrorMessage } from '../components/QueryState.tsx';
import { notifyDone } from './common.tsx';
import { useAllRegistrations } from './queries.ts';

/** The batch submit of a campaign: how many are self-assessed, and one button for all of them. */
export function BulkSubmit({ campaignId }: { campaignId: string }) {
  const { t } = useTranslation();
  const message = useErrorMessage();
  const invalidate = useInvalidateWork();
  const ready = useAllRegistrations(campaignId, 'self-assessed');
  const [open, setOpen] = useState(false);
  const ids = (ready.data?.items ?? []).map((r) => r.id);
  const submit = useMutation({
    mutationFn: () => call(client.POST('/api/campaigns/{id}/submissions', { params: { path: { id: campaignId } }, body: { registrationIds: ids } })),
    onSuccess: async (r) => {
      setOpen(false);
      await invalidate();
      notifyDone(t('stage.submittedDone', { count: r.submitted.length }), t('work.closeNotice'));
    },
  });
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="bulk-submit">
      <Title order={2} size="h4" id="bulk-submit" mb="xs">
        {t('stage.submitTitle')}
      </Title>
      {ready.isPending ? (
        <Loading />
      ) : ready.isError ? (
        <QueryError error={ready.error} />
      ) : (
        <Group gap="sm">
          <Text size="sm" data-testid="bulk-submit-count">
            {t('stage.submitReady', { count: ids.length })}
          </Text>
          <Button onClick={() => setOpen(true)} disabled={ids.length === 0} data-testid="bulk-submit">
            {t('stage.submitAll', { count: ids.length })}
          </Button>
        </Group>
      )}
      {open && (
        <Modal opened onClose={() => setOpen(false)} title={t('stage.submitConfirm', { count: ids.length })} closeButtonProps={{ 'aria-label': t('accounts.close') }} transitionProps={{ duration: 0 }}>
          <Stack gap="sm">
            <Text size="sm">{t('stage.submitExplain')}</Text>
            {submit.isError && (
              <Alert color="red" variant="light" role="alert">
                {message(submit.error)}
              </Alert>
            )}
            <Group justify="flex-end">
              <Button variant="default" onClick={() => setOpen(false)}>
                {t('actions.cancel')}
              </Button>
              <Button loading={submit.isPending} onClick={() => submit.mutate()} data-testid="bulk-submit-confirm">
                {t('stage.submitAll', { count: ids.length })}
              </Button>
            </Group>
          </Stack>
        </Modal>
      )}
    </Paper>
  );
}
