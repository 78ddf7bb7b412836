/**
 * The scoring form of a framework for one registration (self-assessment or committee review):
 * built by `buildScoringForm` (the editor's preview uses the same), scored live in the browser by
 * the engine, with the running total and what is missing; evidence is metadata (name, type, size,
 * sha256 computed in the browser). Optionally shows reference scores (the self-assessment) beside.
 */
import { Alert, Badge, Button, Checkbox, Group, NativeSelect, NumberInput, Paper, Stack, Text, Textarea } from '@mantine/core';
import { evaluate, explanationText, type Model } from '@hoctap/core';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AssessmentInput, EvidenceMeta } from '../api/client.ts';
import { formatPoints } from '../lib/format.ts';
import { buildScoringForm, formSubject, type FormValues } from '../lib/scoring-form.ts';

async function sha256Hex(file: File): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', await file.arrayBuffer());
  return [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, '0')).join('');
}

export function AssessmentForm({
  model,
  initial,
  reference,
  referenceLabel,
  initialGroup,
  submitLabel,
  pending,
  onSubmit,
  testId,
}: {
  model: Model;
  initial?: Readonly<Record<string, number | boolean | null>>;
  reference?: Readonly<Record<string, number | boolean | null>>;
  referenceLabel?: string;
  initialGroup?: string;
  submitLabel: string;
  pending: boolean;
  onSubmit: (input: AssessmentInput) => void;
  testId: string;
}) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language === 'en' ? 'en' : 'vi';
  const [group, setGroup] = useState<string | undefined>(initialGroup);
  const [values, setValues] = useState<FormValues>(() => ({
    scores: Object.fromEntries(Object.entries(initial ?? {}).filter(([, v]) => v !== null)) as Record<string, number | boolean>,
    evidence: {},
  }));
  const [files, setFiles] = useState<Record<string, EvidenceMeta | undefined>>({});
  const [hashing, setHashing] = useState(0);
  const [notes, setNotes] = useState('');
  const form = useMemo(() => buildScoringForm(model, group), [model, group]);
  const subject = useMemo(() => {
    const s = formSubject(form, values);
    const evidence: Record<string, boolean> = { ...(s.evidence as Record<string, boolean>) };
    for (const [k, f] of Object.entries(files)) if (f) evidence[k] = true;
    return { ...s, evidence };
  }, [form, values, files]);
  const result = useMemo(() => evaluate(model, subject, { explain: true }), [model, subject]);
  const pts = (n: number) => formatPoints(n, lang);
  const critPoints = new Map(result.criteria.map((c) => [c.id, c.points]));
  const setScore = (id: string, v: number | boolean | undefined) => setValues((s) => ({ ...s, scores: { ...s.scores, [id]: v } }));

  const attach = async (indicator: string, file: File | null) => {
    if (!file) return setFiles((f) => ({ ...f, [indicator]: undefined }));
    setHashing((n) => n + 1);
    try {
      const sha256 = await sha256Hex(file);
      setFiles((f) => ({ ...f, [indicator]: { indicator, name: file.name, mediaType: file.type || 'application/octet-stream', size: file.size, sha256 } }));
    } finally {
      setHashing((n) => n - 1);
    }
  };

  const submit = () => {
    const scores: Record<string, number | boolean> = {};
    for (const [k, v] of Object.entries(subject.scores ?? {})) if (typeof v === 'number' || typeof v === 'boolean') scores[k] = v;
    const evidence = Object.values(files).filter((f): f is EvidenceMeta => f !== undefined);
    onSubmit({ scores, ...(evidence.length ? { evidence } : {}), ...(form.group !== undefined ? { group: form.group } : {}), ...(notes.trim() ? { notes: notes.trim() } : {}) });
  };

  return (
    <Stack gap="sm" data-testid={testId}>
      {form.groups.length > 0 && (
        <NativeSelect label={t('editor.group')} value={form.group ?? ''} onChange={(e) => setGroup(e.currentTarget.value)} data={form.groups.map((g) => ({ value: g.id, label: g.name }))} maw={360} />
      )}
      <Paper withBorder p="sm" bg="gray.0" aria-live="polite" data-testid="form-result" style={{ position: 'sticky', top: 64, zIndex: 2 }}>
        <Group justify="space-between" wrap="wrap">
          <Text fw={700}>
            {t('editor.total')}: <span data-testid="form-total">{pts(result.total)}</span> / {pts(result.max)}
          </Text>
          <Text size="sm" fw={600}>
            {t('editor.titlesAchieved')}: {result.titles.join(', ') || t('editor.noTitle')}
          </Text>
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
                <Text component="pre" size="xs" m={0} style={{ whiteSpace: 'pre-wrap' }} data-testid="form-missing">
                  {explanationText(tr.explanation!)}
                </Text>
              </details>
            ))
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
              const ref = reference?.[i.id];
              return (
                <Stack key={i.id} gap={4}>
                  <Text size="sm" className="wrap-anywhere" id={`${testId}-ind-${i.id}`}>
                    <strong>{i.id}</strong> {i.text}{' '}
                    <Text span size="xs">
                      ({t('editor.maxShort', { max: pts(i.max) })}
                      {i.step !== 1 ? `, ${t('editor.stepShort', { step: pts(i.step) })}` : ''})
                    </Text>
                  </Text>
                  <Group gap="md" align="center" wrap="wrap">
                    {reference && (
                      <Badge variant="light" color="gray.9" tt="none" radius="sm" data-testid={`ref-${i.id}`}>
                        {referenceLabel}: {ref === null || ref === undefined ? '—' : typeof ref === 'boolean' ? (ref ? t('work.yes') : t('work.no')) : pts(ref)}
                      </Badge>
                    )}
                    {(i.kind === 'points' || i.kind === 'measured') && (
                      <NumberInput
                        size="xs"
                        w={120}
                        min={0}
                        {...(i.kind === 'points' ? { max: i.max, step: i.step, clampBehavior: 'strict' as const } : {})}
                        allowNegative={false}
                        decimalScale={3}
                        decimalSeparator={lang === 'vi' ? ',' : '.'}
                        aria-label={t('editor.scoreLabel', { id: i.id, max: pts(i.max) })}
                        aria-describedby={`${testId}-ind-${i.id}`}
                        value={typeof v === 'number' ? v : ''}
                        onChange={(x) => setScore(i.id, typeof x === 'number' ? x : undefined)}
                        data-testid={`score-${i.id}`}
                      />
                    )}
                    {i.kind === 'yes-no' && (
                      <Checkbox label={t('editor.yesNo')} aria-describedby={`${testId}-ind-${i.id}`} checked={v === true} onChange={(e) => setScore(i.id, e.currentTarget.checked)} />
                    )}
                    {i.kind === 'member-ratio' && <Text size="xs">{t('editor.memberRatio')}</Text>}
                    {i.kind !== 'member-ratio' && (
                      <label style={{ display: 'inline-flex', flexDirection: 'column', fontSize: 12 }}>
                        {i.needsEvidence ? t('work.evidenceNeededFor', { id: i.id }) : t('work.evidenceFor', { id: i.id })}
                        <input type="file" onChange={(e) => void attach(i.id, e.currentTarget.files?.[0] ?? null)} data-testid={`evidence-file-${i.id}`} style={{ fontSize: 12, maxWidth: 240 }} />
                      </label>
                    )}
                  </Group>
                  {files[i.id] && (
                    <Text size="xs" data-testid={`evidence-meta-${i.id}`}>
                      {t('work.evidenceMeta', { name: files[i.id]!.name, size: files[i.id]!.size, sha: files[i.id]!.sha256.slice(0, 12) })}
                    </Text>
                  )}
                </Stack>
              );
            })}
          </Stack>
        </Paper>
      ))}
      <Textarea label={t('work.notes')} value={notes} onChange={(e) => setNotes(e.currentTarget.value)} autosize minRows={2} maw={600} />
      <Group>
        <Button onClick={submit} loading={pending || hashing > 0} disabled={!!result.errors} data-testid={`${testId}-submit`}>
          {submitLabel}
        </Button>
      </Group>
    </Stack>
  );
}
