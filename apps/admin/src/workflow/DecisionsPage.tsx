/**
 * Quyết định: propose the reviewed registrations of a campaign, then record the decision for the
 * proposed ones (recognised / not recognised pre-filled from the committee's stored results).
 * The approver must be someone other than the proposer: the server's 409 SAME_PERSON is shown.
 * Every list is whole (paged through); the decisions taken are listed with their PDFs.
 */
import { Alert, Anchor, Badge, Button, Checkbox, Group, NativeSelect, Paper, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { api, type Campaign, type RegistrationListItem } from '../api/client.ts';
import { useInvalidateWork } from '../api/hooks.ts';
import { Loading, QueryError, useErrorMessage } from '../components/QueryState.tsx';
import { usePageTitle } from '../components/usePageTitle.ts';
import { downloads } from '../lib/downloads.ts';
import { formatDate } from '../lib/format.ts';
import { CampaignPicker, useChosenCampaign } from './CampaignPicker.tsx';
import { ScrollTable, notifyDone } from './common.tsx';
import { CertificatesJob } from './JobProgress.tsx';
import { passed, withDefaults, type StoredResult } from './decision-stage.ts';
import { useAllRegistrations, useDecisions } from './queries.ts';

/** The latest committee result of each listed registration, as the list carries it (no call per row). */
function useStoredResults(items: readonly RegistrationListItem[]) {
  const stored = useMemo(() => new Map<string, StoredResult | undefined>(items.map((r) => [r.id, r.result ? { titles: r.result.titles, total: r.result.total } : undefined])), [items]);
  return { stored, loading: false };
}

/** A listed registration's subject, by the name the list carries, linking to its record. */
function SubjectLink({ registration }: { registration: RegistrationListItem }) {
  return (
    <Anchor component={Link} to={`/ho-so/${registration.id}`}>
      {registration.subjectName ?? registration.subject.id.slice(0, 8)}
    </Anchor>
  );
}

/** A committee result as a list shows it: the total and whether it passed. */
function ResultCell({ result, loaded }: { result: StoredResult | undefined; loaded: boolean }) {
  const { t } = useTranslation();
  if (!loaded) return <>{t('app.loading')}</>;
  if (!result) return <>{t('stage.noResult')}</>;
  return (
    <Group gap={6} wrap="nowrap" component="span">
      <span>{result.total}</span>
      <Badge size="sm" radius="sm" tt="none" variant="filled" autoContrast={false} c="white" color={passed(result) ? 'teal.9' : 'red.9'} data-testid="result-passed">
        {passed(result) ? t('stage.passed') : t('stage.notPassed')}
      </Badge>
      {result.titles.length > 0 && <span>{result.titles.join(', ')}</span>}
    </Group>
  );
}

export function DecisionsPage() {
  const { t } = useTranslation();
  usePageTitle(t('nav.decisions'));
  const chosen = useChosenCampaign();
  return (
    <Stack gap="lg">
      <Title order={1}>{t('nav.decisions')}</Title>
      {chosen.isPending ? (
        <Loading />
      ) : chosen.error ? (
        <QueryError error={chosen.error} />
      ) : !chosen.campaign ? (
        <Text role="status">{t('work.noCampaigns')}</Text>
      ) : (
        <>
          <CampaignPicker value={chosen.campaign.id} campaigns={chosen.campaigns} onChange={chosen.choose} />
          <Propose campaign={chosen.campaign} key={`p-${chosen.campaign.id}`} />
          <Decide campaign={chosen.campaign} key={`d-${chosen.campaign.id}`} />
          <DecisionList campaign={chosen.campaign} key={`l-${chosen.campaign.id}`} />
        </>
      )}
    </Stack>
  );
}

function Propose({ campaign }: { campaign: Campaign }) {
  const { t } = useTranslation();
  const message = useErrorMessage();
  const invalidate = useInvalidateWork();
  const reviewed = useAllRegistrations(campaign.id, 'reviewed');
  const items = reviewed.data?.items ?? [];
  const { stored } = useStoredResults(items);
  const [ticked, setTicked] = useState<Readonly<Record<string, boolean>>>({});
  // Defaults once each result is known: passed → ticked, failed or no result → not.
  useEffect(() => setTicked((c) => withDefaults(c, stored, passed)), [stored]);
  const ids = items.map((r) => r.id).filter((id) => ticked[id] === true);
  const propose = useMutation({
    mutationFn: () => api.propose(campaign.id, ids),
    onSuccess: async (r) => {
      await invalidate();
      notifyDone(t('work.proposedDone', { count: r.proposed.length }), t('work.closeNotice'));
    },
  });
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="propose">
      <Title order={2} size="h4" id="propose" mb="xs">
        {t('work.proposeTitle')}
      </Title>
      {reviewed.isPending ? (
        <Loading />
      ) : reviewed.isError ? (
        <QueryError error={reviewed.error} />
      ) : reviewed.data.items.length === 0 ? (
        <Text role="status" data-testid="propose-empty">
          {t('work.proposeEmpty')}
        </Text>
      ) : (
        <Stack gap="xs">
          <Text size="sm" data-testid="propose-count">
            {t('stage.allShown', { total: reviewed.data.total })} · {t('stage.proposeHelp')}
          </Text>
          <Stack gap={4} data-testid="propose-list">
            {reviewed.data.items.map((r) => (
              <Checkbox
                key={r.id}
                checked={ticked[r.id] === true}
                disabled={!stored.has(r.id)}
                onChange={(e) => {
                  // Read the value now: React clears `currentTarget` before the updater runs.
                  const on = e.currentTarget.checked;
                  setTicked((c) => ({ ...c, [r.id]: on }));
                }}
                label={
                  <Group gap="xs" component="span">
                    {r.subjectName ?? r.subject.id.slice(0, 8)}
                    <Text span size="sm">
                      · <ResultCell result={stored.get(r.id)} loaded={stored.has(r.id)} />
                    </Text>
                  </Group>
                }
                data-testid="propose-item"
              />
            ))}
          </Stack>
          <Group>
            <Button onClick={() => propose.mutate()} loading={propose.isPending} disabled={ids.length === 0} data-testid="propose">
              {t('work.propose', { count: ids.length })}
            </Button>
          </Group>
          {propose.isError && (
            <Alert color="red" variant="light" role="alert">
              {message(propose.error)}
            </Alert>
          )}
        </Stack>
      )}
    </Paper>
  );
}

/** dd/mm/yyyy → yyyy-mm-dd, or undefined when it is not a real date. */
export function isoFromVi(s: string): string | undefined {
  const m = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(s.trim());
  if (!m) return undefined;
  const iso = `${m[3]}-${m[2]!.padStart(2, '0')}-${m[1]!.padStart(2, '0')}`;
  const d = new Date(`${iso}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().startsWith(iso) ? iso : undefined;
}

function Decide({ campaign }: { campaign: Campaign }) {
  const { t } = useTranslation();
  const message = useErrorMessage();
  const invalidate = useInvalidateWork();
  const proposed = useAllRegistrations(campaign.id, 'proposed');
  const items = proposed.data?.items ?? [];
  const { stored, loading } = useStoredResults(items);
  const [choice, setChoice] = useState<Readonly<Record<string, 'yes' | 'no'>>>({});
  useEffect(() => setChoice((c) => withDefaults(c, stored, (r) => (passed(r) ? 'yes' : 'no'))), [stored]);
  const [number, setNumber] = useState('');
  const [date, setDate] = useState('');
  const [signer, setSigner] = useState('');
  const [touched, setTouched] = useState(false);
  const iso = isoFromVi(date);
  const ready = items.length > 0 && items.every((r) => choice[r.id] !== undefined);
  const decide = useMutation({
    mutationFn: () =>
      api.decide({
        campaignId: campaign.id,
        number: number.trim(),
        decidedOn: iso!,
        signer: signer.trim(),
        recognised: items.filter((r) => choice[r.id] === 'yes').map((r) => r.id),
        notRecognised: items.filter((r) => choice[r.id] === 'no').map((r) => r.id),
      }),
    onSuccess: async (r) => {
      await invalidate();
      notifyDone(t('work.decidedDone', { number: r.decision.number }), t('work.closeNotice'));
    },
  });

  return (
    <Paper withBorder p="md" component="section" aria-labelledby="decide">
      <Title order={2} size="h4" id="decide" mb="xs">
        {t('work.decideTitle')}
      </Title>
      {decide.isSuccess && (
        <Alert color="teal" variant="light" mb="sm" data-testid="decision-done">
          {t('work.decidedDone', { number: decide.data.decision.number })} ({formatDate(decide.data.decision.decidedOn)}) ·{' '}
          {t('work.decidedCounts', { yes: decide.data.decision.recognised.length, total: decide.data.registrations.length })}
          <Group gap="md" mt="xs" data-testid="decision-downloads">
            <Anchor href={downloads.decisionPdf(decide.data.decision.id)} download>
              {t('work.decisionPdf')}
            </Anchor>
            {decide.data.decision.recognised.length > 0 && (
              <Anchor href={downloads.certificatesPdf(decide.data.decision.id)} download>
                {t('work.certificatesPdf')}
              </Anchor>
            )}
          </Group>
          {decide.data.decision.recognised.length > 0 && <CertificatesJob decisionId={decide.data.decision.id} />}
        </Alert>
      )}
      {proposed.isPending ? (
        <Loading />
      ) : proposed.isError ? (
        <QueryError error={proposed.error} />
      ) : items.length === 0 ? (
        <Text role="status" data-testid="decide-empty">
          {t('work.decideEmpty')}
        </Text>
      ) : (
        <form
          data-count={items.length}
          onSubmit={(e) => {
            e.preventDefault();
            setTouched(true);
            if (number.trim() && iso && signer.trim() && ready) decide.mutate();
          }}
        >
          <Stack gap="sm">
            <ScrollTable minWidth={420}>
              <Table striped data-testid="decide-table">
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>{t('work.colPerson')}</Table.Th>
                    <Table.Th>{t('work.committeeResult')}</Table.Th>
                    <Table.Th>{t('work.decision')}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {items.map((r) => {
                    const res = stored.get(r.id);
                    return (
                      <Table.Tr key={r.id}>
                        <Table.Td>
                          <SubjectLink registration={r} />
                        </Table.Td>
                        <Table.Td>
                          <ResultCell result={res} loaded={stored.has(r.id)} />
                        </Table.Td>
                        <Table.Td>
                          <NativeSelect
                            size="xs"
                            aria-label={t('work.decisionFor')}
                            value={choice[r.id] ?? ''}
                            onChange={(e) => {
                              // Read the value now: React clears `currentTarget` before the updater runs.
                              const value = e.currentTarget.value as 'yes' | 'no';
                              setChoice((c) => ({ ...c, [r.id]: value }));
                            }}
                            data={[
                              { value: 'yes', label: t('regStatus.recognised') },
                              { value: 'no', label: t('regStatus.not-recognised') },
                            ]}
                            data-testid="decide-choice"
                          />
                        </Table.Td>
                      </Table.Tr>
                    );
                  })}
                </Table.Tbody>
              </Table>
            </ScrollTable>
            <Group align="flex-start" gap="sm" wrap="wrap">
              <TextInput label={t('work.decisionNumber')} required value={number} onChange={(e) => setNumber(e.currentTarget.value)} placeholder="125/QĐ-BCĐ" w={200} error={touched && !number.trim() ? t('work.required') : undefined} />
              <TextInput
                label={t('work.decisionDate')}
                required
                value={date}
                onChange={(e) => setDate(e.currentTarget.value)}
                placeholder="dd/mm/yyyy"
                w={160}
                inputMode="numeric"
                error={touched && !iso ? t('work.badDate') : undefined}
              />
              <TextInput label={t('work.signer')} required value={signer} onChange={(e) => setSigner(e.currentTarget.value)} style={{ flex: '1 1 240px' }} error={touched && !signer.trim() ? t('work.required') : undefined} />
            </Group>
            {decide.isError && (
              <Alert color="red" variant="light" role="alert" title={t('work.decideFailed')} data-testid="decide-error">
                {message(decide.error)}
              </Alert>
            )}
            <Group>
              <Button type="submit" loading={decide.isPending || loading} data-testid="decide">
                {t('work.decide')}
              </Button>
            </Group>
          </Stack>
        </form>
      )}
    </Paper>
  );
}

/** The decisions of the campaign: number, date, signer, title, how many recognised, and their PDFs (decision, all certificates, each subject's). */
function DecisionList({ campaign }: { campaign: Campaign }) {
  const { t } = useTranslation();
  const list = useDecisions(campaign.id);
  const regs = useAllRegistrations(campaign.id);
  const nameOf = useMemo(() => new Map((regs.data?.items ?? []).map((r) => [r.id, r.subjectName])), [regs.data]);
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="decisions">
      <Title order={2} size="h4" id="decisions" mb="xs">
        {t('stage.decisionsTitle')}
      </Title>
      {list.isPending ? (
        <Loading />
      ) : list.isError ? (
        <QueryError error={list.error} />
      ) : list.data.items.length === 0 ? (
        <Text role="status" data-testid="decisions-empty">
          {t('stage.decisionsEmpty')}
        </Text>
      ) : (
        <ScrollTable minWidth={640}>
          <Table striped data-testid="decisions-table">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('stage.colNumber')}</Table.Th>
                <Table.Th>{t('stage.colDate')}</Table.Th>
                <Table.Th>{t('stage.colSigner')}</Table.Th>
                <Table.Th>{t('stage.colTitle')}</Table.Th>
                <Table.Th>{t('stage.colRecognised')}</Table.Th>
                <Table.Th>{t('stage.colNotRecognised')}</Table.Th>
                <Table.Th>{t('stage.colDocuments')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {list.data.items.map((d) => (
                <Table.Tr key={d.id} data-testid="decision-row">
                  <Table.Td>{d.number}</Table.Td>
                  <Table.Td>{formatDate(d.decidedOn)}</Table.Td>
                  <Table.Td className="wrap-anywhere">{d.signer}</Table.Td>
                  <Table.Td>
                    {t(`titleKind.${d.title}`, { defaultValue: d.title })} {d.year}
                    <Text size="xs" className="wrap-anywhere">
                      {d.campaignName}
                    </Text>
                  </Table.Td>
                  <Table.Td data-testid="decision-recognised">{d.recognisedCount}</Table.Td>
                  <Table.Td data-testid="decision-not-recognised">{d.notRecognisedCount}</Table.Td>
                  <Table.Td>
                    <Stack gap={2}>
                      <Anchor href={d.links.decisionPdf} download size="sm">
                        {t('work.decisionPdf')}
                      </Anchor>
                      {d.links.certificatesPdf && (
                        <Anchor href={d.links.certificatesPdf} download size="sm">
                          {t('work.certificatesPdf')}
                        </Anchor>
                      )}
                      {d.links.certificates.length > 0 && (
                        <details>
                          <summary>
                            <Text span size="sm">
                              {t('stage.certificates')} ({d.links.certificates.length})
                            </Text>
                          </summary>
                          <Stack gap={2} data-testid="decision-certificates">
                            {d.links.certificates.map((c) => {
                              const name = nameOf.get(c.registrationId);
                              return (
                                <Anchor key={c.registrationId} href={c.pdf} download size="sm">
                                  {name ?? c.registrationId.slice(0, 8)}
                                </Anchor>
                              );
                            })}
                          </Stack>
                        </details>
                      )}
                    </Stack>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </ScrollTable>
      )}
    </Paper>
  );
}
