import { Badge, Group, Stack, Text, UnstyledButton } from '@mantine/core';
import type { Diagnostic } from '@hoctap/criteria-dsl';
import { useTranslation } from 'react-i18next';
import { position } from './analyze.ts';

/** `dòng:cột mã thông điệp`, one line per diagnostic; a click moves the cursor there. */
export function ProblemsPanel({
  diagnostics,
  onGoTo,
}: {
  diagnostics: readonly Diagnostic[];
  onGoTo: (d: Diagnostic) => void;
}) {
  const { t, i18n } = useTranslation();
  const en = i18n.language === 'en';
  if (diagnostics.length === 0) return <Text data-testid="no-problems">{t('editor.noProblems')}</Text>;
  return (
    <Stack gap={4} component="ul" p={0} m={0} style={{ listStyle: 'none' }} data-testid="problems">
      {diagnostics.map((d, k) => (
        <li key={`${d.code}-${d.range.start.offset}-${k}`}>
          <UnstyledButton
            className="diagnostic-row"
            onClick={() => onGoTo(d)}
            w="100%"
            p={6}
            style={{ borderRadius: 4 }}
            title={t('editor.goTo', { line: d.range.start.line })}
          >
            <Group gap={8} wrap="nowrap" align="flex-start">
              <Badge
                size="sm"
                variant="filled"
                color={d.severity === 'error' ? 'red.9' : 'yellow.9'}
                autoContrast={false}
                c="white"
                tt="none"
                style={{ flexShrink: 0 }}
              >
                {d.severity === 'error' ? t('editor.error') : t('editor.warning')}
              </Badge>
              <Text size="sm" ff="monospace" className="wrap-anywhere" data-testid="problem-line">
                <strong>{position(d)}</strong> {d.code} {en ? d.messageEn : d.message}
              </Text>
            </Group>
          </UnstyledButton>
          {d.suggestion && (
            <Text size="sm" pl={6} pb={4} data-testid="problem-suggestion">
              {t('editor.suggestion', { s: `“${d.suggestion}”` })}
            </Text>
          )}
        </li>
      ))}
    </Stack>
  );
}
