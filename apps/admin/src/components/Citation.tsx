import { Text } from '@mantine/core';
import type { Citation as CitationT, Model } from '@hoctap/core';
import { useTranslation } from 'react-i18next';

/** A rule's `theo` citation, shown beside the rule: clause, and the basis it cites (full text on hover). */
export function Citation({ source, model }: { source: CitationT | undefined; model?: Model }) {
  const { t } = useTranslation();
  if (!source) return null;
  const basis = model?.bases.find((b) => b.id === source.basis);
  return (
    <Text size="xs" c="dimmed" title={basis?.text ?? source.text} className="wrap-anywhere" data-testid="citation">
      {t('detail.source')} <strong>{source.basis}</strong>
      {source.clause ? `: ${source.clause}` : ''}
    </Text>
  );
}
