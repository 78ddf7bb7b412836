import { Badge } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { FrameworkStatus } from '../api/client.ts';

/** `Ban hành` (in force) or `Dự thảo` (draft), in colours that keep 4.5:1 contrast. */
export function StatusBadge({ status }: { status: FrameworkStatus }) {
  const { t } = useTranslation();
  return (
    <Badge variant="filled" color={status === 'in-force' ? 'teal.9' : 'violet.9'} autoContrast={false} c="white" radius="sm" tt="none">
      {t(`status.${status}`)}
    </Badge>
  );
}
