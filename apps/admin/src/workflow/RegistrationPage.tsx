/**
 * One registration (hồ sơ): the person, the status, every assessment with its stored result and
 * explanation (✓/✗ tree), and the next steps the workflow allows: self-assessment, submit,
 * committee review beside the self-score, return with a reason; the decision that recognised it
 * and its certificate, when it has them.
 */
import { Alert, Anchor, Badge, Button, Group, Paper, Stack, Text, Textarea, Title } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { api, type Assessment, type AssessmentInput } from '../api/client.ts';
import { useCampaign, useInvalidateWork, usePerson, useRegistration } from '../api/hooks.ts';
import { useCampaignModel } from './campaign-model.ts';
import { Loading, QueryError, useErrorMessage } from '../components/QueryState.tsx';
import { usePageTitle } from '../components/usePageTitle.ts';
import { formatDate, formatPoints } from '../lib/format.ts';
import { AssessmentForm, EvidenceFiles } from './AssessmentForm.tsx';
import { ExplanationTree, RegStatusBadge, notifyDone } from './common.tsx';
import { useDecisions } from './queries.ts';
import { RecordActions } from './RecordActions.tsx';
import { memberNeedsOf } from '@hoctap/core';
import { useGroup } from '../groups/api.ts';

/** The day a campaign's members are taken on: today within its year, else the year's last day (as the server does). */
function memberDay(year: number): string {
  const d = new Date();
  const today = `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
  return today < `${year}-01-01` ? `${year}-01-01` : today > `${year}-12-31` ? `${year}-12-31` : today;
}

export function RegistrationPage() {
  const { t, i18n } = useTranslation();
  const lang = i18n.language === 'en' ? 'en' : 'vi';
  const { id } = useParams();
  const reg = useRegistration(id);
  const r = reg.data?.registration;
  const person = usePerson(r?.subject.id);
  const campaign = useCampaign(r?.campaignId);
  const framework = useCampaignModel(campaign.data);
  const decisions = useDecisions(r?.campaignId);
  const decision = decisions.data?.items.find((d) => r && d.recognised.includes(r.id));
  const invalidate = useInvalidateWork();
  const message = useErrorMessage();
  const [reason, setReason] = useState('');
  // A group whose framework asks facts of its members: its members of the campaign's year, to declare them.
  const groupKind = r && r.subject.kind !== 'person' ? r.subject.kind : undefined;
  const factIds = framework.data?.model ? memberNeedsOf(framework.data.model).facts : [];
  const group = useGroup(groupKind ?? 'household', groupKind && factIds.length > 0 ? r!.subject.id : undefined, campaign.data ? memberDay(campaign.data.year) : undefined);
  usePageTitle(person.data ? `${t('work.registration')}: ${person.data.fullName}` : t('work.registration'));

  const done = (text: string) => async () => {
    await invalidate();
    notifyDone(text, t('work.closeNotice'));
  };
  const selfAssess = useMutation({ mutationFn: (b: AssessmentInput) => api.selfAssess(id!, b), onSuccess: done(t('work.savedSelf')) });
  const submit = useMutation({ mutationFn: () => api.step(id!, 'submit'), onSuccess: done(t('work.submitted')) });
  const review = useMutation({ mutationFn: (b: AssessmentInput) => api.review(id!, b), onSuccess: done(t('work.savedReview')) });
  const giveBack = useMutation({ mutationFn: () => api.step(id!, 'return', reason.trim() || undefined), onSuccess: done(t('work.returnedDone')) });
  const removeFile = useMutation({ mutationFn: (fileId: string) => api.deleteEvidence(fileId), onSuccess: () => invalidate() });
  const failure = [selfAssess, submit, review, giveBack, removeFile].find((m) => m.isError)?.error;

  if (reg.isPending) return <Loading />;
  if (reg.isError) return <QueryError error={reg.error} onRetry={() => void reg.refetch()} />;
  const { registration, assessments } = reg.data;
  const files = reg.data.evidence ?? [];
  const latest = (kind: Assessment['kind']) => [...assessments].filter((a) => a.kind === kind).sort((a, b) => a.assessedAt.localeCompare(b.assessedAt)).at(-1);
  const self = latest('self');
  const committee = latest('committee');
  const s = registration.status;
  const canSelf = s === 'registered' || s === 'self-assessed' || s === 'returned';
  const canReview = s === 'submitted' || s === 'appealed';
  const model = framework.data?.model;
  const memberFacts =
    model && group.data && factIds.length > 0
      ? {
          members: group.data.members.map((m) => ({ id: m.personId, name: m.fullName ?? m.personId })),
          facts: factIds.map((f) => ({ id: f, name: model.facts.find((x) => x.id === f)?.name ?? f })),
        }
      : undefined;

  return (
    <Stack gap="lg">
      <div>
        <Anchor component={Link} to={`/dot-danh-gia/${registration.campaignId}`} size="sm">
          ← {campaign.data ? `${t(`titleKind.${campaign.data.title}`, { defaultValue: campaign.data.title })} ${campaign.data.year}` : t('nav.campaigns')}
        </Anchor>
        <Title order={1} className="wrap-anywhere">
          {person.data?.fullName ?? t('work.registration')}
        </Title>
        <Group gap="xs" mt={4}>
          <RegStatusBadge status={s} />
          {registration.late && (
            <Badge color="red.9" variant="filled" autoContrast={false} c="white" tt="none" radius="sm">
              {t('work.late')}
            </Badge>
          )}
          {person.data && (
            <Text size="sm">
              {[person.data.birthDate ? formatDate(person.data.birthDate) : '', person.data.village ?? '', person.data.citizenIdMasked ?? ''].filter(Boolean).join(' · ')}
            </Text>
          )}
        </Group>
      </div>

      {(() => {
        const c = decision?.links.certificates.find((x) => x.registrationId === registration.id);
        return (
          <>
            {c?.revokedAt && (
              <Alert color="red" variant="light" data-testid="certificate-revoked">
                {t('actions.revoked', { date: formatDate(c.revokedAt) })}
              </Alert>
            )}
            <RecordActions registrationId={registration.id} status={s} credential={c?.credentialId ? { id: c.credentialId, revokedAt: c.revokedAt } : undefined} />
          </>
        );
      })()}

      {decision && (
        <Group gap="md" data-testid="registration-decision">
          <Anchor href={decision.links.decisionPdf} download size="sm">
            {t('stage.decisionOfRecord', { number: decision.number, date: formatDate(decision.decidedOn) })}
          </Anchor>
          {decision.links.certificates
            .filter((c) => c.registrationId === registration.id)
            .map((c) => (
              <Anchor key={c.pdf} href={c.pdf} download size="sm">
                {t('stage.certificateOfRecord')}
              </Anchor>
            ))}
        </Group>
      )}

      {failure !== undefined && (
        <Alert color="red" variant="light" role="alert" title={t('work.actionFailed')}>
          {message(failure)}
        </Alert>
      )}

      <section aria-labelledby="results">
        <Title order={2} size="h4" id="results" mb="xs">
          {t('work.results')}
        </Title>
        {assessments.length === 0 ? (
          <Text>{t('work.noAssessments')}</Text>
        ) : (
          <Stack gap="sm">
            {[...assessments].reverse().map((a) => (
              <Paper key={a.id} withBorder p="sm" data-testid={`assessment-${a.kind}`}>
                <Group justify="space-between" wrap="wrap">
                  <Text fw={700}>
                    {a.kind === 'self' ? t('work.selfAssessment') : t('work.committeeAssessment')} · {formatDate(a.assessedAt)}
                  </Text>
                  {a.result && (
                    <Text data-testid="result-total">
                      {t('editor.total')}: {formatPoints(a.result.total, lang)} / {formatPoints(a.result.max, lang)} · {a.result.titles.join(', ') || t('editor.noTitle')}
                    </Text>
                  )}
                </Group>
                {a.result?.framework && (
                  <Text size="xs">
                    {a.result.framework.ref} · <code>{a.result.framework.contentHash.slice(0, 12)}</code>
                  </Text>
                )}
                {a.result?.explanation && (
                  <details data-testid="explain">
                    <summary>
                      <Text span size="sm" fw={600}>
                        {t('work.explain')}
                      </Text>
                    </summary>
                    <ExplanationTree node={a.result.explanation} />
                  </details>
                )}
              </Paper>
            ))}
          </Stack>
        )}
      </section>

      <section aria-labelledby="evidence">
        <Title order={2} size="h4" id="evidence" mb="xs">
          {t('work.evidenceTitle')}
        </Title>
        {files.length === 0 ? (
          <Text size="sm">{t('work.evidenceNone')}</Text>
        ) : (
          <Stack gap={4} data-testid="evidence-list">
            {[...new Set(files.map((f) => f.indicator))].map((ind) => (
              <Group key={ind} gap="xs" align="flex-start" wrap="nowrap">
                <Text size="xs" fw={600} miw={72}>
                  {t('work.evidenceIndicator', { id: ind })}
                </Text>
                <EvidenceFiles files={files.filter((f) => f.indicator === ind)} />
              </Group>
            ))}
          </Stack>
        )}
      </section>

      {s === 'self-assessed' && (
        <Group>
          <Button onClick={() => submit.mutate()} loading={submit.isPending} data-testid="submit-registration">
            {t('work.submit')}
          </Button>
          <Text size="sm">{t('work.submitHelp')}</Text>
        </Group>
      )}

      {(canSelf || canReview) &&
        (framework.isPending || campaign.isPending ? (
          <Loading />
        ) : framework.isError ? (
          <QueryError error={framework.error} />
        ) : (
          model && (
            <section aria-labelledby="form-title">
              <Title order={2} size="h4" id="form-title" mb="xs">
                {canSelf ? t('work.selfAssessment') : t('work.review')}
              </Title>
              {canSelf ? (
                <AssessmentForm
                  key={`self-${self?.id ?? ''}`}
                  model={model}
                  {...(self ? { initial: self.scores } : {})}
                  {...(self?.result?.group ? { initialGroup: self.result.group } : {})}
                  submitLabel={t('work.saveSelf')}
                  pending={selfAssess.isPending}
                  onSubmit={(b) => selfAssess.mutate(b)}
                  testId="self-form"
                  registrationId={registration.id}
                  files={files}
                  evidenceEditable
                  onFilesChanged={() => void invalidate()}
                  onRemoveFile={(f) => removeFile.mutate(f.id)}
                  memberFacts={memberFacts}
                  initialMemberFacts={self?.result?.memberFacts}
                />
              ) : (
                <Stack gap="md">
                  <AssessmentForm
                    key={`review-${self?.id ?? ''}`}
                    model={model}
                    {...(committee && s === 'appealed' ? { initial: committee.scores } : self ? { initial: self.scores } : {})}
                    {...(self ? { reference: self.scores } : {})}
                    {...(self?.result?.group ? { initialGroup: self.result.group } : {})}
                    referenceLabel={t('work.selfScore')}
                    submitLabel={t('work.saveReview')}
                    pending={review.isPending}
                    onSubmit={(b) => review.mutate(b)}
                    testId="review-form"
                    files={files}
                    memberFacts={memberFacts}
                    initialMemberFacts={(committee && s === 'appealed' ? committee : self)?.result?.memberFacts}
                  />
                  <Paper withBorder p="sm" maw={600}>
                    <Textarea label={t('work.returnReason')} value={reason} onChange={(e) => setReason(e.currentTarget.value)} autosize minRows={2} />
                    <Button mt="xs" color="red.9" variant="outline" onClick={() => giveBack.mutate()} loading={giveBack.isPending} data-testid="return-registration">
                      {t('work.return')}
                    </Button>
                  </Paper>
                </Stack>
              )}
            </section>
          )
        ))}
    </Stack>
  );
}
