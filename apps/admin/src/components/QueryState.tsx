/** Loading and error states shared by the pages. */
import { Alert, Button, Center, Loader, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../api/client.ts';

export function Loading({ label }: { label?: string }) {
  const { t } = useTranslation();
  return (
    <Center py="xl" role="status" aria-live="polite">
      <Stack align="center" gap="xs">
        <Loader size="sm" aria-hidden />
        <Text size="sm">{label ?? t('app.loading')}</Text>
      </Stack>
    </Center>
  );
}

/** A readable message for an API error, in the portal's language. */
export function useErrorMessage() {
  const { t } = useTranslation();
  return (e: unknown): string => {
    if (e instanceof ApiError) {
      if (e.status === 0) return t('errors.network');
      if (e.status === 401) return t('errors.unauthorized');
      if (e.status === 403) return t('errors.forbidden');
      if (e.status === 404) return e.problem?.detail ?? t('errors.notFound');
      return e.problem?.detail ?? t('errors.server', { status: e.status });
    }
    return e instanceof Error ? e.message : String(e);
  };
}

export function QueryError({ error, onRetry }: { error: unknown; onRetry?: () => void }) {
  const { t } = useTranslation();
  const message = useErrorMessage();
  return (
    <Alert color="red" variant="light" title={message(error)} role="alert" my="md">
      {onRetry && (
        <Button size="xs" variant="outline" color="red.9" onClick={onRetry} mt="xs">
          {t('app.retry')}
        </Button>
      )}
    </Alert>
  );
}
