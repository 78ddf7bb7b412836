/**
 * The scoring form the file produces, live: per criterion and indicator, an input within the
 * indicator's scale; the running total, the titles achieved and what is missing, explained by the
 * engine (`evaluate(…, { explain: true })` and `explanationText`).
 */
import { Alert, Badge, Button, Checkbox, Group, NativeSelect, NumberInput, Paper, Stack, Text, Title } from '@mantine/core';
import { evaluate, explanationText, type Model } from '@hoctap/core';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatPoints } from '../lib/format.ts';
import { buildScoringForm, formSubject, type FormValues } from '../lib/scoring-form.ts';

export function ScoringPreview({ model, count }: { model: Model; count: number }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language === 'en' ? 'en' : 'vi';
  const [group, setGroup] = useState<string | undefined>(undefined);
  const [values, setValues] = useState<FormValues>({ scores: {}, evidence: {} });
  const form = useMemo(() => buildScoringForm(model, group), [model, group]);
  const result = useMemo(() => evaluate(model, formSubject(form, values), { explain: true }), [model, form, values]);
  const pts = (n: number) => formatPoints(n, lang);
  const critPoints = new Map(result.criteria.map((c) => [c.id, c.points]));

  const setScore = (id: string, v: number | boolean | undefined) => setValues((s) => ({ ...s, scores: { ...s.scores, [id]: v } }));
  const setEvidence = (id: string, v: boolean) => setValues((s) => ({ ...s, evidence: { ...s.evidence, [id]: v } }));
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
    <Stack gap="sm" data-testid="scoring-preview">
      <Title order={3} size="h5" className="wrap-anywhere">
        {t('editor.previewOf', { title: model.title })}
      </Title>
      {count > 1 && <Text size="xs">{t('editor.previewFirstOnly', { count })}</Text>}
      <Group gap="xs" align="flex-end">
        {form.groups.length > 0 && (
          <NativeSelect
            label={t('editor.group')}
            value={form.group ?? ''}
            onChange={(e) => setGroup(e.currentTarget.value)}
            data={form.groups.map((g) => ({ value: g.id, label: g.name }))}
            style={{ flex: '1 1 220px' }}
          />
        )}
        <Button size="xs" variant="default" onClick={fillMax}>
          {t('editor.fillMax')}
        </Button>
        <Button size="xs" variant="default" onClick={() => setValues({ scores: {}, evidence: {} })}>
          {t('editor.reset')}
        </Button>
      </Group>

      <Paper withBorder p="sm" bg="gray.0" aria-live="polite" data-testid="preview-result">
        <Group justify="space-between" wrap="wrap">
          <Text fw={700}>
            {t('editor.total')}: <span data-testid="preview-total">{pts(result.total)}</span> / {pts(result.max)}
          </Text>
          {result.level && <Text>{t('editor.level', { level: result.level })}</Text>}
        </Group>
        {result.errors ? (
          <Alert color="red" variant="light" mt="xs" title={t('editor.cannotScore')}>
            {result.errors.map((e) => (
              <Text key={`${e.code}-${e.field ?? ''}`} size="sm">
                {lang === 'en' ? e.messageEn : e.message}
              </Text>
            ))}
          </Alert>
        ) : (
          <Stack gap={4} mt="xs">
            <Text size="sm" fw={600}>
              {t('editor.titlesAchieved')}: {result.titles.join(', ') || t('editor.noTitle')}
            </Text>
            {result.titleResults.map((tr) => (
              <div key={tr.id}>
                <Group gap={6}>
                  <Badge size="sm" variant="filled" color={tr.achieved ? 'teal.9' : 'gray.7'} autoContrast={false} c="white" tt="none">
                    {tr.achieved ? t('editor.achieved') : t('editor.notAchieved')}
                  </Badge>
                  <Text size="sm">{tr.name}</Text>
                </Group>
                {!tr.achieved && tr.explanation && (
                  <>
                    <Text size="xs" fw={600} mt={2}>
                      {t('editor.whatIsMissing')}
                    </Text>
                    <Text component="pre" size="xs" m={0} style={{ whiteSpace: 'pre-wrap' }} data-testid="missing">
                      {explanationText(tr.explanation)}
                    </Text>
                  </>
                )}
              </div>
            ))}
          </Stack>
        )}
      </Paper>

      {form.criteria.map((c) => (
        <Paper key={c.id} withBorder p="sm" component="fieldset" m={0}>
          <Text component="legend" fw={700} size="sm" px={4} className="wrap-anywhere">
            {c.id}. {c.text} — {pts(critPoints.get(c.id) ?? 0)}/{pts(c.max)}
          </Text>
          <Stack gap="xs">
            {c.indicators.map((i) => {
              const v = values.scores[i.id];
              return (
                <Stack key={i.id} gap={4}>
                  <Text size="sm" className="wrap-anywhere" id={`ind-${i.id}`}>
                    <strong>{i.id}</strong> {i.text}{' '}
                    <Text span size="xs">
                      ({t('editor.maxShort', { max: pts(i.max) })}
                      {i.step !== 1 ? `, ${t('editor.stepShort', { step: pts(i.step) })}` : ''})
                    </Text>
                  </Text>
                  <Group gap="md" align="center" wrap="wrap">
                    {i.kind === 'points' && (
                      <NumberInput
                        size="xs"
                        w={110}
                        min={0}
                        max={i.max}
                        step={i.step}
                        clampBehavior="strict"
                        allowNegative={false}
                        decimalScale={3}
                        decimalSeparator={lang === 'vi' ? ',' : '.'}
                        aria-label={t('editor.scoreLabel', { id: i.id, max: pts(i.max) })}
                        aria-describedby={`ind-${i.id}`}
                        value={typeof v === 'number' ? v : ''}
                        onChange={(x) => setScore(i.id, typeof x === 'number' ? x : undefined)}
                        data-testid={`score-${i.id}`}
                      />
                    )}
                    {i.kind === 'measured' && (
                      <NumberInput
                        size="xs"
                        w={130}
                        min={0}
                        allowNegative={false}
                        decimalSeparator={lang === 'vi' ? ',' : '.'}
                        suffix={i.unit ? ` ${i.unit}` : undefined}
                        aria-label={t('editor.measuredLabel', { id: i.id })}
                        value={typeof v === 'number' ? v : ''}
                        onChange={(x) => setScore(i.id, typeof x === 'number' ? x : undefined)}
                      />
                    )}
                    {i.kind === 'yes-no' && (
                      <Checkbox
                        label={t('editor.yesNo')}
                        aria-describedby={`ind-${i.id}`}
                        checked={v === true}
                        onChange={(e) => setScore(i.id, e.currentTarget.checked)}
                      />
                    )}
                    {i.kind === 'member-ratio' && <Text size="xs">{t('editor.memberRatio')}</Text>}
                    {i.needsEvidence && (
                      <Checkbox
                        label={t('editor.evidence')}
                        aria-describedby={`ind-${i.id}`}
                        checked={values.evidence[i.id] === true}
                        onChange={(e) => setEvidence(i.id, e.currentTarget.checked)}
                        data-testid={`evidence-${i.id}`}
                      />
                    )}
                  </Group>
                  {i.bands.length > 0 && <Text size="xs">{i.bands.join('; ')}</Text>}
                </Stack>
              );
            })}
          </Stack>
        </Paper>
      ))}
    </Stack>
  );
}
