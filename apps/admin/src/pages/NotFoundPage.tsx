import { Button, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { usePageTitle } from '../components/usePageTitle.ts';
import { paths } from '../paths.ts';

export function NotFoundPage() {
  const { t } = useTranslation();
  usePageTitle(t('errors.pageNotFound'));
  return (
    <Stack gap="sm" align="flex-start">
      <Title order={1}>{t('errors.pageNotFound')}</Title>
      <Text>{t('errors.pageNotFoundText')}</Text>
      <Button component={Link} to={paths.dashboard}>
        {t('errors.goHome')}
      </Button>
    </Stack>
  );
}
