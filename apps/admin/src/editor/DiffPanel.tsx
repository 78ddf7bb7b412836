/** What changed against a base framework, side by side: the base's value and the draft's. */
import { Badge, Table, Text } from '@mantine/core';
import { diffModels, type Model } from '@hoctap/core';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { changeSides } from '../lib/diff-sides.ts';

const KIND_COLOR = { added: 'teal.9', removed: 'red.9', changed: 'blue.9' } as const;

export function DiffTable({ base, draft, caption }: { base: Model; draft: Model; caption: string }) {
  const { t } = useTranslation();
  const changes = useMemo(() => diffModels(base, draft), [base, draft]);
  return (
    <div data-testid="diff">
      <Text fw={600} size="sm" mb={4}>
        {caption}
      </Text>
      {changes.length === 0 ? (
        <Text size="sm">{t('editor.diffEmpty')}</Text>
      ) : (
        <Table withTableBorder withColumnBorders layout="fixed" fz="xs" verticalSpacing={4}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th w="34%">{t('editor.diffWhat')}</Table.Th>
              <Table.Th>{t('editor.diffBefore')}</Table.Th>
              <Table.Th>{t('editor.diffAfter')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {changes.map((c, k) => {
              const [before, after] = changeSides(c, base, draft);
              return (
              <Table.Tr key={k}>
                <Table.Td className="wrap-anywhere">
                  <Badge size="xs" variant="filled" color={KIND_COLOR[c.kind]} autoContrast={false} c="white" tt="none" mr={4}>
                    {t(`editor.${c.kind}`)}
                  </Badge>
                  {c.text.split(':')[0]!.replace(/^(Thêm|Bỏ|Sửa) /, '')}
                  {c.field ? ` · ${c.field}` : ''}
                </Table.Td>
                <Table.Td className="wrap-anywhere" bg={c.kind === 'removed' || c.kind === 'changed' ? 'red.0' : undefined}>
                  {before}
                </Table.Td>
                <Table.Td className="wrap-anywhere" bg={c.kind === 'added' || c.kind === 'changed' ? 'teal.0' : undefined}>
                  {after}
                </Table.Td>
              </Table.Tr>
              );
            })}
          </Table.Tbody>
        </Table>
      )}
    </div>
  );
}
