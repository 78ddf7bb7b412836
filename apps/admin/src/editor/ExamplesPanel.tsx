import { Group, Paper, Stack, Table, Text, UnstyledButton } from '@mantine/core';
import type { ExampleResult } from '@hoctap/core';
import { useTranslation } from 'react-i18next';
import { formatPoints } from '../lib/format.ts';

/** The file's worked examples, run on every change: ✓ / ✗, and expected against actual. */
export function ExamplesPanel({
  examples,
  blocked,
  onGoTo,
}: {
  examples: readonly ExampleResult[];
  blocked: boolean;
  onGoTo: (line: number, column: number) => void;
}) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language === 'en' ? 'en' : 'vi';
  if (blocked) return <Text>{t('editor.examplesBlocked')}</Text>;
  if (examples.length === 0) return <Text>{t('editor.examplesNone')}</Text>;
  const passed = examples.filter((e) => e.passed).length;
  return (
    <Stack gap="sm" data-testid="examples">
      <Text fw={600} role="status" data-testid="examples-summary">
        {t('editor.examplesSummary', { passed, total: examples.length })}
      </Text>
      {examples.map((e, k) => (
        <Paper key={k} withBorder p="xs" data-testid="example" data-passed={e.passed}>
          <UnstyledButton onClick={() => onGoTo(e.range.start.line, e.range.start.column)} w="100%">
            <Group gap={8} wrap="nowrap" align="flex-start">
              <Text
                component="span"
                fw={700}
                c={e.passed ? 'teal.9' : 'red.9'}
                aria-label={e.passed ? t('editor.examplePassed') : t('editor.exampleFailed')}
              >
                {e.passed ? '✓' : '✗'}
              </Text>
              <div style={{ minWidth: 0 }}>
                <Text size="sm" fw={600} className="wrap-anywhere">
                  {e.name}
                </Text>
                <Text size="xs">
                  {e.result.errors
                    ? e.result.errors.map((x) => (lang === 'en' ? x.messageEn : x.message)).join('; ')
                    : t('editor.exampleResult', {
                        total: formatPoints(e.result.total, lang),
                        max: formatPoints(e.result.max, lang),
                        titles: e.result.titles.join(', ') || t('editor.noTitle'),
                      })}
                </Text>
              </div>
            </Group>
          </UnstyledButton>
          {e.failures.length > 0 && (
            <Table mt={6} withTableBorder fz="xs" verticalSpacing={4} layout="fixed">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('editor.expected')}</Table.Th>
                  <Table.Th>{t('editor.actual')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {e.failures.map((f, j) => (
                  <Table.Tr key={j}>
                    <Table.Td className="wrap-anywhere">{f.expected}</Table.Td>
                    <Table.Td className="wrap-anywhere">{f.actual}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          )}
        </Paper>
      ))}
    </Stack>
  );
}
