/**
 * The scoring form of a framework for one registration (self-assessment or committee review): the
 * shared `ScoringForm` scored live in the browser by the engine, with the running total and what is
 * missing. Evidence is real files: in the self-assessment each indicator takes files, uploaded at
 * once (with progress; the server detects the type and refuses others), listed with download links
 * and a remove button; the review lists them with download links. Optionally shows reference scores
 * (the self-assessment) beside.
 */
import { Anchor, Button, CloseButton, Group, Progress, Stack, Text, Textarea } from '@mantine/core';
import type { Model } from '@hoctap/core';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { uploadEvidence, type AssessmentInput, type EvidenceFile } from '../api/client.ts';
import { useErrorMessage } from '../components/QueryState.tsx';
import { ScoringForm, useScoring } from '../components/ScoringForm.tsx';
import { MemberFacts, type MemberFactsInput, type MemberFactsValue } from './MemberFacts.tsx';

/** What the file inputs accept (the server checks the bytes anyway). */
const ACCEPT = '.pdf,.jpg,.jpeg,.png,.webp,.docx,.xlsx,application/pdf,image/jpeg,image/png,image/webp';

export function formatKb(size: number, lang: 'vi' | 'en'): string {
  return new Intl.NumberFormat(lang === 'en' ? 'en' : 'vi', { maximumFractionDigits: 1 }).format(size / 1024);
}

/** The files of one indicator: download links, and a remove button while they may change. */
export function EvidenceFiles({ files, onRemove, testId }: { files: readonly EvidenceFile[]; onRemove?: ((f: EvidenceFile) => void) | undefined; testId?: string }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language === 'en' ? 'en' : 'vi';
  if (files.length === 0) return null;
  return (
    <Stack gap={2} data-testid={testId}>
      {files.map((f) => (
        <Group key={f.id} gap={6} wrap="nowrap">
          <Anchor href={f.url} download={f.name} size="xs" className="wrap-anywhere" aria-label={t('work.evidenceDownload', { name: f.name })} data-testid="evidence-link">
            {f.name}
          </Anchor>
          <Text span size="xs">
            ({t('work.evidenceSize', { size: formatKb(f.size, lang) })})
          </Text>
          {onRemove && <CloseButton size="sm" aria-label={t('work.evidenceRemoveLabel', { name: f.name })} onClick={() => onRemove(f)} data-testid="evidence-remove" />}
        </Group>
      ))}
    </Stack>
  );
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
  registrationId,
  files = [],
  evidenceEditable = false,
  onFilesChanged,
  onRemoveFile,
  memberFacts,
  initialMemberFacts,
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
  /** The registration the files belong to. */
  registrationId?: string;
  /** The registration's uploaded files. */
  files?: readonly EvidenceFile[];
  /** Files may be uploaded and removed (the self-assessment). */
  evidenceEditable?: boolean;
  /** After an upload: refetch the registration (its files). */
  onFilesChanged?: () => void;
  onRemoveFile?: (f: EvidenceFile) => void;
  /** A group's members and the facts the framework asks of them; the declared facts go with the assessment. */
  memberFacts?: MemberFactsInput | undefined;
  initialMemberFacts?: MemberFactsValue | undefined;
}) {
  const { t } = useTranslation();
  const message = useErrorMessage();
  const byIndicator = useMemo(() => {
    const m = new Map<string, EvidenceFile[]>();
    for (const f of files) m.set(f.indicator, [...(m.get(f.indicator) ?? []), f]);
    return m;
  }, [files]);
  const withFiles = useMemo(() => Object.fromEntries([...byIndicator.keys()].map((k) => [k, true])), [byIndicator]);
  const scoring = useScoring(model, {
    initialGroup,
    initial: { scores: Object.fromEntries(Object.entries(initial ?? {}).filter(([, v]) => v !== null)) as Record<string, number | boolean>, evidence: {} },
    evidence: withFiles,
  });
  const [uploads, setUploads] = useState<Record<string, { name: string; progress: number } | undefined>>({});
  const [errors, setErrors] = useState<Record<string, string | undefined>>({});
  const [notes, setNotes] = useState('');
  const [facts, setFacts] = useState<MemberFactsValue>(initialMemberFacts ?? {});
  const uploading = Object.values(uploads).some(Boolean);

  const attach = async (indicator: string, chosen: readonly File[]) => {
    if (!registrationId) return;
    setErrors((e) => ({ ...e, [indicator]: undefined }));
    for (const file of chosen) {
      setUploads((u) => ({ ...u, [indicator]: { name: file.name, progress: 0 } }));
      try {
        await uploadEvidence(registrationId, indicator, file, (p) => setUploads((u) => ({ ...u, [indicator]: { name: file.name, progress: p } })));
        onFilesChanged?.();
      } catch (e) {
        setErrors((x) => ({ ...x, [indicator]: `${file.name}: ${message(e)}` }));
      } finally {
        setUploads((u) => ({ ...u, [indicator]: undefined }));
      }
    }
  };

  const submit = () => {
    const scores: Record<string, number | boolean> = {};
    for (const [k, v] of Object.entries(scoring.subject.scores ?? {})) if (typeof v === 'number' || typeof v === 'boolean') scores[k] = v;
    onSubmit({
      scores,
      ...(evidenceEditable ? { evidence: files.map((f) => f.id) } : {}),
      ...(scoring.form.group !== undefined ? { group: scoring.form.group } : {}),
      ...(notes.trim() ? { notes: notes.trim() } : {}),
      // Every member of the year, ticked or not: an unticked member has declared none, not "no data".
      ...(memberFacts ? { memberFacts: Object.fromEntries(memberFacts.members.map((m) => [m.id, [...(facts[m.id] ?? [])]])) } : {}),
    });
  };

  return (
    <ScoringForm
      scoring={scoring}
      testIds={{ root: testId, result: 'form-result', total: 'form-total', missing: 'form-missing' }}
      idPrefix={`${testId}-`}
      variant="compact"
      reference={reference}
      referenceLabel={referenceLabel}
      evidenceSlot={(i) =>
        evidenceEditable &&
        i.kind !== 'member-ratio' && (
          <label style={{ display: 'inline-flex', flexDirection: 'column', fontSize: 12 }}>
            {i.needsEvidence ? t('work.evidenceNeededFor', { id: i.id }) : t('work.evidenceFor', { id: i.id })}
            <input
              type="file"
              multiple
              accept={ACCEPT}
              disabled={uploads[i.id] !== undefined}
              onChange={(e) => {
                const input = e.currentTarget;
                const chosen = [...(input.files ?? [])];
                void attach(i.id, chosen).finally(() => {
                  input.value = '';
                });
              }}
              data-testid={`evidence-file-${i.id}`}
              style={{ fontSize: 12, maxWidth: 240 }}
            />
          </label>
        )
      }
      belowIndicator={(i) => (
        <>
          {uploads[i.id] && (
            <Stack gap={2} maw={360}>
              <Text size="xs">{t('work.evidenceUploading', { name: uploads[i.id]!.name })}</Text>
              <Progress.Root size="sm" data-testid={`evidence-progress-${i.id}`}>
                <Progress.Section value={Math.round(uploads[i.id]!.progress * 100)} aria-label={t('work.evidenceUploading', { name: uploads[i.id]!.name })} />
              </Progress.Root>
            </Stack>
          )}
          {errors[i.id] && (
            <Text size="xs" c="red.9" role="alert" data-testid={`evidence-error-${i.id}`}>
              {errors[i.id]}
            </Text>
          )}
          <EvidenceFiles files={byIndicator.get(i.id) ?? []} onRemove={evidenceEditable ? onRemoveFile : undefined} testId={`evidence-meta-${i.id}`} />
        </>
      )}
    >
      {evidenceEditable && (
        <Text size="xs">
          {t('work.evidenceHelp')}
        </Text>
      )}
      {memberFacts && <MemberFacts input={memberFacts} value={facts} onChange={setFacts} />}
      <Textarea label={t('work.notes')} value={notes} onChange={(e) => setNotes(e.currentTarget.value)} autosize minRows={2} maw={600} />
      <Group>
        <Button onClick={submit} loading={pending || uploading} disabled={!!scoring.result.errors} data-testid={`${testId}-submit`}>
          {submitLabel}
        </Button>
      </Group>
    </ScoringForm>
  );
}
