import { Alert, Button, Card, Group, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useCampaigns, useFrameworks, useSession } from '../api/hooks.ts';
import { ReportCard } from '../workflow/ReportCard.tsx';
import { YearDashboard } from '../dashboard/YearDashboard.tsx';
import { Loading, QueryError } from '../components/QueryState.tsx';
import { usePageTitle } from '../components/usePageTitle.ts';
import { paths } from '../paths.ts';

export function DashboardPage() {
  const { t } = useTranslation();
  usePageTitle(t('dashboard.title'));
  const session = useSession();
  const frameworks = useFrameworks();
  const campaigns = useCampaigns();
  const user = session.data?.user;
  const inForce = frameworks.data?.filter((f) => f.status === 'in-force').length ?? 0;
  const drafts = frameworks.data?.filter((f) => f.status === 'draft').length ?? 0;
  return (
    <Stack gap="lg">
      <div>
        <Title order={1}>{t('dashboard.title')}</Title>
        {user && <Text mt={4}>{t('dashboard.welcome', { name: user.name })}</Text>}
      </div>
      {frameworks.isPending ? (
        <Loading />
      ) : frameworks.isError ? (
        <QueryError error={frameworks.error} onRetry={() => void frameworks.refetch()} />
      ) : (
        <SimpleGrid cols={{ base: 1, xs: 2 }} maw={720}>
          <Card withBorder>
            <Text size="sm">{t('dashboard.frameworksInForce')}</Text>
            <Text fz={32} fw={700} data-testid="count-in-force">
              {inForce}
            </Text>
          </Card>
          <Card withBorder>
            <Text size="sm">{t('dashboard.frameworksDraft')}</Text>
            <Text fz={32} fw={700} data-testid="count-draft">
              {drafts}
            </Text>
          </Card>
        </SimpleGrid>
      )}
      <Group gap="sm">
        <Button component={Link} to={paths.frameworks}>
          {t('dashboard.openFrameworks')}
        </Button>
        <Button component={Link} to={paths.editor} variant="default">
          {t('dashboard.openEditor')}
        </Button>
      </Group>
      {campaigns.isPending ? (
        <Loading />
      ) : campaigns.isError ? (
        <QueryError error={campaigns.error} onRetry={() => void campaigns.refetch()} />
      ) : campaigns.data.items.length === 0 ? (
        <Alert color="gray" variant="light" maw={720}>
          {t('work.noCampaigns')}
        </Alert>
      ) : (
        <Stack gap="md">
          <YearDashboard campaigns={campaigns.data.items} national={(user?.localities.length ?? 0) === 0} />
          {campaigns.data.items.map((c) => (
            <ReportCard key={c.id} campaign={c} />
          ))}
        </Stack>
      )}
      {user && (
        <Text size="sm" c="dimmed">
          {t('dashboard.roles')}: {user.roles.join(', ') || t('dashboard.none')} · {t('dashboard.localities')}:{' '}
          {user.localities.join(', ') || t('dashboard.none')}
        </Text>
      )}
    </Stack>
  );
}
