/**
 * The scoring form of a framework, shared by the editor's preview and the assessment form of a
 * registration: the group, the running total and titles scored live by the engine
 * (`evaluate(…, { explain: true })`) with what is missing, and per criterion and indicator an input
 * within the indicator's scale. What differs is passed in: the evidence slot of each indicator
 * (a tick in the preview, files in an assessment), reference scores, the test ids.
 */
import { Alert, Badge, Checkbox, Group, NativeSelect, NumberInput, Paper, Stack, Text } from '@mantine/core';
import { evaluate, explanationText, type EvaluationResult, type Model } from '@hoctap/core';
import { useMemo, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { formatPoints } from '../lib/format.ts';
import { buildScoringForm, formSubject, scoreProblem, type FormIndicator, type FormValues } from '../lib/scoring-form.ts';

/** The state of a scoring form: group, values, the built form and the engine's result. */
export function useScoring(model: Model, options: { initialGroup?: string | undefined; initial?: FormValues; evidence?: Readonly<Record<string, boolean>> } = {}) {
  const [group, setGroup] = useState<string | undefined>(options.initialGroup);
  const [values, setValues] = useState<FormValues>(() => options.initial ?? { scores: {}, evidence: {} });
  const form = useMemo(() => buildScoringForm(model, group), [model, group]);
  const extra = options.evidence;
  const subject = useMemo(() => {
    const s = formSubject(form, values);
    if (!extra) return s;
    return { ...s, evidence: { ...(s.evidence as Record<string, boolean>), ...Object.fromEntries(Object.entries(extra).filter(([, v]) => v)) } };
  }, [form, values, extra]);
  const result = useMemo(() => evaluate(model, subject, { explain: true }), [model, subject]);
  const setScore = (id: string, v: number | boolean | undefined) => setValues((s) => ({ ...s, scores: { ...s.scores, [id]: v } }));
  const setEvidence = (id: string, v: boolean) => setValues((s) => ({ ...s, evidence: { ...s.evidence, [id]: v } }));
  return { group, setGroup, values, setValues, setScore, setEvidence, form, subject, result };
}
export type Scoring = ReturnType<typeof useScoring>;

/** Test ids of the parts (the preview and the assessment form keep their own). */
export interface ScoringTestIds {
  readonly root: string;
  readonly result: string;
  readonly total: string;
  readonly missing: string;
}

export function ScoringForm({
  scoring,
  testIds,
  idPrefix,
  variant,
  heading,
  toolbar,
  reference,
  referenceLabel,
  evidenceSlot,
  belowIndicator,
  children,
}: {
  scoring: Scoring;
  testIds: ScoringTestIds;
  /** Prefix of the indicators' element ids (aria-describedby). */
  idPrefix: string;
  /** `full`: every title with its explanation; `compact`: a sticky total and the first title missed. */
  variant: 'full' | 'compact';
  heading?: ReactNode;
  toolbar?: ReactNode;
  reference?: Readonly<Record<string, number | boolean | null>> | undefined;
  referenceLabel?: string | undefined;
  /** The evidence control of an indicator, beside its input. */
  evidenceSlot?: (i: FormIndicator) => ReactNode;
  /** Shown under an indicator (e.g. its files). */
  belowIndicator?: (i: FormIndicator) => ReactNode;
  children?: ReactNode;
}) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language === 'en' ? 'en' : 'vi';
  const { form, result, values, setScore, setGroup } = scoring;
  const pts = (n: number) => formatPoints(n, lang);
  // What is being typed and is not a number yet ("7," on the way to "7,5"): shown as typed, never dropped.
  const [typing, setTyping] = useState<Record<string, string>>({});
  const shown = (id: string, v: unknown) => typing[id] ?? (typeof v === 'number' ? v : '');
  const typed = (id: string, x: number | string) => {
    if (typeof x === 'number') {
      setTyping(({ [id]: _, ...rest }) => rest);
      setScore(id, x);
    } else {
      setTyping((m) => ({ ...m, [id]: x }));
      if (x.trim() === '') setScore(id, undefined);
    }
  };
  const critPoints = new Map(result.criteria.map((c) => [c.id, c.points]));

  return (
    <Stack gap="sm" data-testid={testIds.root}>
      {heading}
      {(form.groups.length > 0 || toolbar) && (
        <Group gap="xs" align="flex-end">
          {form.groups.length > 0 && (
            <NativeSelect
              label={t('editor.group')}
              value={form.group ?? ''}
              onChange={(e) => setGroup(e.currentTarget.value)}
              data={form.groups.map((g) => ({ value: g.id, label: g.name }))}
              style={{ flex: '1 1 220px', maxWidth: 360 }}
            />
          )}
          {toolbar}
        </Group>
      )}
      <ResultPanel result={result} variant={variant} testIds={testIds} />
      {form.criteria.map((c) => (
        <Paper key={c.id} withBorder p="sm" component="fieldset" m={0}>
          <Text component="legend" fw={700} size="sm" px={4} className="wrap-anywhere">
            {c.id}. {c.text} — {pts(critPoints.get(c.id) ?? 0)}/{pts(c.max)}
          </Text>
          <Stack gap="xs">
            {c.indicators.map((i) => {
              const v = values.scores[i.id];
              const ref = reference?.[i.id];
              const described = `${idPrefix}ind-${i.id}`;
              const problemText = (x: unknown) => {
                const p = typeof x === 'number' ? scoreProblem(x, i) : undefined;
                if (!p) return undefined;
                return p.code === 'above-max' ? t('editor.scoreAboveMax', { max: pts(p.max) }) : p.code === 'off-step' ? t('editor.scoreOffStep', { step: pts(p.step) }) : t('editor.scoreNegative');
              };
              return (
                <Stack key={i.id} gap={4}>
                  <Text size="sm" className="wrap-anywhere" id={described}>
                    <strong>{i.id}</strong> {i.text}{' '}
                    <Text span size="xs">
                      ({t('editor.maxShort', { max: pts(i.max) })}
                      {i.step !== 1 ? `, ${t('editor.stepShort', { step: pts(i.step) })}` : ''})
                    </Text>
                  </Text>
                  <Group gap="md" align="center" wrap="wrap">
                    {reference && (
                      <Badge variant="outline" color="gray.9" tt="none" radius="sm" data-testid={`ref-${i.id}`}>
                        {referenceLabel}: {ref === null || ref === undefined ? '—' : typeof ref === 'boolean' ? (ref ? t('work.yes') : t('work.no')) : pts(ref)}
                      </Badge>
                    )}
                    {i.kind === 'points' && (
                      <NumberInput
                        size="xs"
                        w={120}
                        min={0}
                        max={i.max}
                        step={i.step}
                        // Nothing typed is changed: "7,5" and "7.5" are both 7,5, and "75" stays 75 with the reason beside it.
                        clampBehavior="none"
                        allowNegative={false}
                        decimalScale={3}
                        decimalSeparator={lang === 'vi' ? ',' : '.'}
                        allowedDecimalSeparators={[',', '.']}
                        error={problemText(v)}
                        aria-label={t('editor.scoreLabel', { id: i.id, max: pts(i.max) })}
                        aria-describedby={described}
                        value={shown(i.id, v)}
                        onChange={(x) => typed(i.id, x)}
                        data-testid={`score-${i.id}`}
                      />
                    )}
                    {i.kind === 'measured' && (
                      <NumberInput
                        size="xs"
                        w={130}
                        min={0}
                        allowNegative={false}
                        decimalScale={3}
                        decimalSeparator={lang === 'vi' ? ',' : '.'}
                        allowedDecimalSeparators={[',', '.']}
                        suffix={i.unit ? ` ${i.unit}` : undefined}
                        aria-label={t('editor.measuredLabel', { id: i.id })}
                        aria-describedby={described}
                        value={shown(i.id, v)}
                        onChange={(x) => typed(i.id, x)}
                        data-testid={`score-${i.id}`}
                      />
                    )}
                    {i.kind === 'yes-no' && (
                      <Checkbox label={t('editor.yesNo')} aria-describedby={described} checked={v === true} onChange={(e) => setScore(i.id, e.currentTarget.checked)} />
                    )}
                    {i.kind === 'member-ratio' && <Text size="xs">{t('editor.memberRatio')}</Text>}
                    {evidenceSlot?.(i)}
                  </Group>
                  {i.bands.length > 0 && <Text size="xs">{i.bands.join('; ')}</Text>}
                  {belowIndicator?.(i)}
                </Stack>
              );
            })}
          </Stack>
        </Paper>
      ))}
      {children}
    </Stack>
  );
}

function ResultPanel({ result, variant, testIds }: { result: EvaluationResult; variant: 'full' | 'compact'; testIds: ScoringTestIds }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language === 'en' ? 'en' : 'vi';
  const pts = (n: number) => formatPoints(n, lang);
  const compact = variant === 'compact';
  const errors = result.errors && (
    <Alert color="red" variant="light" mt="xs" title={t('editor.cannotScore')}>
      {result.errors.map((e) => (
        <Text key={`${e.code}-${e.field ?? ''}`} size="sm">
          {lang === 'en' ? e.messageEn : e.message}
        </Text>
      ))}
    </Alert>
  );
  return (
    <Paper withBorder p="sm" bg="gray.0" aria-live="polite" data-testid={testIds.result} {...(compact ? { style: { position: 'sticky', top: 64, zIndex: 2 } } : {})}>
      <Group justify="space-between" wrap="wrap">
        <Text fw={700}>
          {t('editor.total')}: <span data-testid={testIds.total}>{pts(result.total)}</span> / {pts(result.max)}
        </Text>
        {compact ? (
          <Text size="sm" fw={600}>
            {t('editor.titlesAchieved')}: {result.titles.join(', ') || t('editor.noTitle')}
          </Text>
        ) : (
          result.level && <Text>{t('editor.level', { level: result.level })}</Text>
        )}
      </Group>
      {errors ||
        (compact ? (
          result.titleResults
            .filter((tr) => !tr.achieved && tr.explanation)
            .slice(0, 1)
            .map((tr) => (
              <details key={tr.id}>
                <summary>
                  <Text span size="xs" fw={600}>
                    {t('editor.whatIsMissing')} ({tr.name})
                  </Text>
                </summary>
                <Text component="pre" size="xs" m={0} style={{ whiteSpace: 'pre-wrap' }} data-testid={testIds.missing}>
                  {explanationText(tr.explanation!)}
                </Text>
              </details>
            ))
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
                    <Text component="pre" size="xs" m={0} style={{ whiteSpace: 'pre-wrap' }} data-testid={testIds.missing}>
                      {explanationText(tr.explanation)}
                    </Text>
                  </>
                )}
              </div>
            ))}
          </Stack>
        ))}
    </Paper>
  );
}

export type { FormIndicator, FormValues };
