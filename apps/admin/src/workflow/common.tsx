/** Small pieces shared by the campaign pages: status badges, a person's name, the explanation tree. */
import { Anchor, Badge, List, Text } from '@mantine/core';
import { Link } from 'react-router';
import { notifications } from '@mantine/notifications';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { ExplanationNode, RegistrationStatus } from '../api/client.ts';
import { usePerson } from '../api/hooks.ts';

/** Dark shades only: white text keeps 4.5:1. */
const STATUS_COLOUR: Record<RegistrationStatus, string> = {
  registered: 'gray.8',
  'self-assessed': 'blue.9',
  submitted: 'indigo.9',
  returned: 'cyan.9',
  reviewed: 'violet.9',
  proposed: 'grape.9',
  recognised: 'teal.9',
  'not-recognised': 'red.9',
  published: 'dark.7',
  withdrawn: 'dark.6',
  appealed: 'pink.9',
  assessed: 'gray.8',
  refused: 'red.9',
};

export function RegStatusBadge({ status }: { status: RegistrationStatus }) {
  const { t } = useTranslation();
  return (
    <Badge variant="filled" color={STATUS_COLOUR[status] ?? 'gray.8'} autoContrast={false} c="white" radius="sm" tt="none" data-testid="reg-status">
      {t(`regStatus.${status}`, { defaultValue: status })}
    </Badge>
  );
}

/** The registered person's name, fetched (and cached) by id. */
export function PersonName({ id }: { id: string }) {
  const { t } = useTranslation();
  const p = usePerson(id);
  if (p.isPending) return <Text span size="sm">{t('app.loading')}</Text>;
  if (p.isError) return <Text span size="sm">{id.slice(0, 8)}</Text>;
  return <>{p.data.fullName}</>;
}

/** A registration's person, linking to the registration's page: the first cell of every workflow table. */
export function RegistrationLink({ registration }: { registration: { id: string; subject: { id: string } } }) {
  return (
    <Anchor component={Link} to={`/ho-so/${registration.id}`}>
      <PersonName id={registration.subject.id} />
    </Anchor>
  );
}

/** The engine's stored explanation as a nested list with ✓ / ✗. */
export function ExplanationTree({ node }: { node: ExplanationNode }) {
  const { t } = useTranslation();
  const item = (n: ExplanationNode, key: string) => (
    <List.Item key={key} data-ok={n.ok === undefined ? undefined : String(n.ok)}>
      <Text size="sm" span c={n.ok === false ? 'red.9' : n.ok === true ? 'teal.9' : undefined}>
        {n.ok !== undefined && (
          <span aria-label={n.ok ? t('work.ok') : t('work.notOk')} role="img">
            {n.ok ? '✓' : '✗'}{' '}
          </span>
        )}
      </Text>
      <Text size="sm" span className="wrap-anywhere">
        {n.text}
      </Text>
      {n.children && n.children.length > 0 && (
        <List listStyleType="none" spacing={2} mt={2} style={{ paddingLeft: 14, borderLeft: '1px solid var(--mantine-color-gray-4)', marginLeft: 4 }}>
          {n.children.map((c, i) => item(c, `${key}.${i}`))}
        </List>
      )}
    </List.Item>
  );
  return (
    <List listStyleType="none" spacing={2} data-testid="explanation">
      {item(node, '0')}
    </List>
  );
}

/** Today as an ISO date in the browser's time zone. */
export function todayIso(): string {
  const d = new Date();
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

/** Which statuses have not yet done a calendar step (used to say who is late). */
export const NOT_DONE: Record<string, readonly RegistrationStatus[]> = {
  'self-assessment': ['registered', 'returned'],
  review: ['registered', 'self-assessed', 'submitted', 'returned', 'appealed'],
  recognition: ['registered', 'self-assessed', 'submitted', 'returned', 'appealed', 'reviewed', 'proposed'],
};

/** A table wrapper that scrolls sideways on narrow screens and can be scrolled from the keyboard. */
export function ScrollTable({ minWidth, children }: { minWidth: number; children: ReactNode }) {
  const { t } = useTranslation();
  return (
    <div role="region" aria-label={t('work.scrollTable')} tabIndex={0} style={{ overflowX: 'auto', maxWidth: '100%' }}>
      <div style={{ minWidth }}>{children}</div>
    </div>
  );
}

/** A short success notice whose close button has a name (axe: button-name). */
export function notifyDone(message: string, closeLabel: string): void {
  notifications.show({ message, color: 'teal', closeButtonProps: { 'aria-label': closeLabel } });
}
