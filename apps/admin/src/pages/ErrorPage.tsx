/**
 * The portal's error boundary: any error thrown while a page renders or loads shows this page, in
 * the portal's language, instead of the router's English developer screen.
 */
import { Alert, Button, Group, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { isRouteErrorResponse, Link, useRouteError } from 'react-router';
import { usePageTitle } from '../components/usePageTitle.ts';
import { paths } from '../paths.ts';
import { NotFoundPage } from './NotFoundPage.tsx';

/** A lazily loaded page whose chunk could not be fetched (a weak connection or a new deployment). */
function isChunkError(e: unknown): boolean {
  return e instanceof Error && /dynamically imported module|Importing a module script failed|Failed to fetch/i.test(e.message);
}

export function ErrorPage() {
  const { t } = useTranslation();
  const error = useRouteError();
  usePageTitle(t('errors.pageFailed'));
  if (isRouteErrorResponse(error) && error.status === 404) return <NotFoundPage />;
  // The details go to the console for whoever is asked to help; the page shows no stack trace.
  console.error(error);
  return (
    <Stack gap="sm" align="flex-start" p="md" data-testid="error-page">
      <Title order={1}>{t('errors.pageFailed')}</Title>
      <Alert color="red" maw={640}>
        <Text>{isChunkError(error) ? t('errors.chunkFailed') : t('errors.pageFailedText')}</Text>
      </Alert>
      <Group>
        <Button onClick={() => window.location.reload()}>{t('errors.reload')}</Button>
        <Button variant="default" component={Link} to={paths.dashboard}>
          {t('errors.goHome')}
        </Button>
      </Group>
    </Stack>
  );
}
