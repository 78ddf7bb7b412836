/**
 * The scoring form the file produces, live: per criterion and indicator, an input within the
 * indicator's scale; the running total, the titles achieved and what is missing, explained by the
 * engine. The form itself is the shared `ScoringForm`; here evidence is a tick.
 */
import { Button, Checkbox, Text, Title } from '@mantine/core';
import type { Model } from '@hoctap/core';
import { useTranslation } from 'react-i18next';
import { ScoringForm, useScoring } from '../components/ScoringForm.tsx';

export function ScoringPreview({ model, count }: { model: Model; count: number }) {
  const { t } = useTranslation();
  const scoring = useScoring(model);
  const { form, values, setValues, setEvidence } = scoring;
  const fillMax = () => {
    const scores: Record<string, number | boolean> = {};
    const evidence: Record<string, boolean> = {};
    for (const c of form.criteria)
      for (const i of c.indicators) {
        if (i.kind === 'points') scores[i.id] = i.max;
        if (i.kind === 'yes-no') scores[i.id] = true;
        if (i.needsEvidence) evidence[i.id] = true;
      }
    setValues({ scores, evidence });
  };

  return (
    <ScoringForm
      scoring={scoring}
      testIds={{ root: 'scoring-preview', result: 'preview-result', total: 'preview-total', missing: 'missing' }}
      idPrefix=""
      variant="full"
      heading={
        <>
          <Title order={3} size="h5" className="wrap-anywhere">
            {t('editor.previewOf', { title: model.title })}
          </Title>
          {count > 1 && <Text size="xs">{t('editor.previewFirstOnly', { count })}</Text>}
        </>
      }
      toolbar={
        <>
          <Button size="xs" variant="default" onClick={fillMax}>
            {t('editor.fillMax')}
          </Button>
          <Button size="xs" variant="default" onClick={() => setValues({ scores: {}, evidence: {} })}>
            {t('editor.reset')}
          </Button>
        </>
      }
      evidenceSlot={(i) =>
        i.needsEvidence && (
          <Checkbox
            label={t('editor.evidence')}
            aria-describedby={`ind-${i.id}`}
            checked={values.evidence[i.id] === true}
            onChange={(e) => setEvidence(i.id, e.currentTarget.checked)}
            data-testid={`evidence-${i.id}`}
          />
        )
      }
    />
  );
}
