/** An honest page for what the server cannot do yet: no fake data. */
import { Alert, Badge, Group, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { usePageTitle } from '../components/usePageTitle.ts';

export type PendingPage = 'campaigns' | 'people' | 'decisions' | 'reports';

export function UnderConstructionPage({ page }: { page: PendingPage }) {
  const { t } = useTranslation();
  const name = t(`nav.${page}`);
  usePageTitle(name);
  return (
    <Stack gap="md" maw={760}>
      <Group gap="sm">
        <Title order={1}>{name}</Title>
        <Badge color="gray.8" variant="filled" tt="none" radius="sm">
          {t('construction.badge')}
        </Badge>
      </Group>
      <Text>{t(`construction.${page}`)}</Text>
      <Alert color="blue" variant="light" title={t('construction.badge')}>
        {t('construction.text', { page: name })}
      </Alert>
    </Stack>
  );
}
