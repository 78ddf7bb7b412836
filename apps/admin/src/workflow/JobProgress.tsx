/** Background jobs on the portal: a job's progress, polled until it is done or failed; the recompute and certificates buttons. */
import { Alert, Anchor, Button, Group, Progress, Stack, Text } from '@mantine/core';
import { useMutation, useQuery } from '@tanstack/react-query';
import { useEffect, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { api, type Job } from '../api/client.ts';
import { useInvalidateWork, useSession } from '../api/hooks.ts';
import { QueryError, useErrorMessage } from '../components/QueryState.tsx';
import { downloads } from '../lib/downloads.ts';

export function JobProgress({ job, done, onDone, testId }: { job: Job; done: (job: Job) => ReactNode; onDone?: (job: Job) => void; testId?: string }) {
  const { t } = useTranslation();
  const q = useQuery({
    queryKey: ['jobs', job.id],
    queryFn: () => api.job(job.id),
    initialData: job,
    refetchInterval: (query) => (query.state.data && (query.state.data.status === 'done' || query.state.data.status === 'failed') ? false : 1000),
  });
  const finished = q.data?.status === 'done';
  useEffect(() => {
    if (finished && q.data) onDone?.(q.data);
    // once, when the job is done
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [finished]);
  if (q.isError) return <QueryError error={q.error} />;
  const j = q.data;
  if (j.status === 'done') return <div data-testid={testId}>{done(j)}</div>;
  if (j.status === 'failed')
    return (
      <Alert color="red" variant="light" data-testid={testId}>
        {t('work.jobFailed', { error: j.error ?? '' })}
      </Alert>
    );
  return (
    <Stack gap={4} data-testid={testId}>
      <Text size="sm" role="status">
        {j.status === 'queued' ? t('work.jobQueued') : t('work.jobRunning', { done: j.progress.done, total: j.progress.total ?? '?' })}
      </Text>
      <Progress value={j.progress.percent} aria-label={t('work.jobRunning', { done: j.progress.done, total: j.progress.total ?? '?' })} />
    </Stack>
  );
}

/** A button that queues a background job, then the job's error or progress and outcome. */
function JobButton(props: {
  label: string;
  title?: string;
  testId: string;
  start: () => Promise<Job>;
  onDone?: () => void;
  done: (job: Job) => ReactNode;
  mt?: string;
}) {
  const message = useErrorMessage();
  const start = useMutation({ mutationFn: props.start });
  return (
    <Stack gap="xs" {...(props.mt ? { mt: props.mt } : {})} data-testid={props.testId}>
      <Group gap="xs">
        <Button size="xs" variant="default" onClick={() => start.mutate()} loading={start.isPending} {...(props.title ? { title: props.title } : {})} data-testid={`${props.testId}-start`}>
          {props.label}
        </Button>
      </Group>
      {start.isError && (
        <Alert color="red" variant="light" role="alert">
          {message(start.error)}
        </Alert>
      )}
      {start.data && <JobProgress key={start.data.id} job={start.data} testId={`${props.testId}-progress`} {...(props.onDone ? { onDone: props.onDone } : {})} done={props.done} />}
    </Stack>
  );
}

/** "Tính lại": queues the campaign's recompute and shows its progress and outcome. */
export function RecomputeJob({ campaignId }: { campaignId: string }) {
  const { t } = useTranslation();
  const invalidate = useInvalidateWork();
  // Those who may write campaigns (the server checks the campaign's locality too).
  const roles = useSession().data?.user.roles ?? [];
  if (!roles.some((r) => r === 'platform-admin' || r === 'province-admin' || r === 'commune-officer')) return null;
  return (
    <JobButton
      label={t('work.recompute')}
      title={t('work.recomputeHint')}
      testId="recompute"
      start={() => api.recompute(campaignId)}
      onDone={() => void invalidate()}
      done={(j) => {
        const r = (j.result ?? {}) as { recomputed?: number; changed?: number; failed?: number };
        return (
          <Text size="sm" role="status">
            {t('work.recomputeDone', { recomputed: r.recomputed ?? 0, changed: r.changed ?? 0, failed: r.failed ?? 0 })}
          </Text>
        );
      }}
    />
  );
}

/** "Tạo giấy công nhận (nền)": queues the decision's certificates PDF, shows progress, then the download link. */
export function CertificatesJob({ decisionId }: { decisionId: string }) {
  const { t } = useTranslation();
  return (
    <JobButton
      label={t('work.certificatesJob')}
      testId="certificates-job"
      mt="xs"
      start={() => api.certificatesJob(decisionId)}
      done={(j) => (
        <Anchor href={downloads.jobFile(j.id)} download>
          {t('work.certificatesJobFile', { pages: (j.result as { pages?: number } | null)?.pages ?? j.progress.done })}
        </Anchor>
      )}
    />
  );
}
