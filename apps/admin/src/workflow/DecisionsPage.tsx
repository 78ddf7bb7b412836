/**
 * Quyết định: propose the reviewed registrations of a campaign, then record the decision for the
 * proposed ones (recognised / not recognised pre-filled from the committee's stored results).
 * The approver must be someone other than the proposer: the server's 409 SAME_PERSON is shown.
 */
import { Alert, Anchor, Button, Checkbox, Group, NativeSelect, Paper, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useMutation, useQueries } from '@tanstack/react-query';
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, type Campaign } from '../api/client.ts';
import { keys, useInvalidateWork, useRegistrations } from '../api/hooks.ts';
import { Loading, QueryError, useErrorMessage } from '../components/QueryState.tsx';
import { usePageTitle } from '../components/usePageTitle.ts';
import { downloads } from '../lib/downloads.ts';
import { formatDate } from '../lib/format.ts';
import { CampaignPicker, useChosenCampaign } from './CampaignPicker.tsx';
import { RegistrationLink, PersonName, ScrollTable, notifyDone } from './common.tsx';
import { CertificatesJob } from './JobProgress.tsx';

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
        </>
      )}
    </Stack>
  );
}

function Propose({ campaign }: { campaign: Campaign }) {
  const { t } = useTranslation();
  const message = useErrorMessage();
  const invalidate = useInvalidateWork();
  const reviewed = useRegistrations(campaign.id, { status: 'reviewed', limit: 200 });
  const [unticked, setUnticked] = useState<ReadonlySet<string>>(new Set());
  const ids = (reviewed.data?.items ?? []).map((r) => r.id).filter((id) => !unticked.has(id));
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
          <Stack gap={4} data-testid="propose-list">
            {reviewed.data.items.map((r) => (
              <Checkbox
                key={r.id}
                checked={!unticked.has(r.id)}
                onChange={(e) => {
                  const on = e.currentTarget.checked;
                  setUnticked((s) => {
                    const n = new Set(s);
                    if (on) n.delete(r.id);
                    else n.add(r.id);
                    return n;
                  });
                }}
                label={<PersonName id={r.subject.id} />}
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
  const proposed = useRegistrations(campaign.id, { status: 'proposed', limit: 200 });
  const items = proposed.data?.items ?? [];
  const details = useQueries({ queries: items.map((r) => ({ queryKey: keys.registration(r.id), queryFn: () => api.registration(r.id) })) });
  const stored = useMemo(() => {
    const m = new Map<string, { titles: readonly string[]; total: number } | undefined>();
    details.forEach((d, i) => {
      const committee = d.data?.assessments.filter((a) => a.kind === 'committee').sort((a, b) => a.assessedAt.localeCompare(b.assessedAt)).at(-1);
      if (d.data) m.set(items[i]!.id, committee?.result ? { titles: committee.result.titles, total: committee.result.total } : undefined);
    });
    return m;
  }, [details, items]);
  const [choice, setChoice] = useState<Record<string, 'yes' | 'no'>>({});
  useEffect(() => {
    setChoice((c) => {
      const n = { ...c };
      for (const [id, r] of stored) if (!(id in n)) n[id] = r && r.titles.length > 0 ? 'yes' : 'no';
      return n;
    });
  }, [stored]);
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
                          <RegistrationLink registration={r} />
                        </Table.Td>
                        <Table.Td>{res ? `${res.total} · ${res.titles.join(', ') || t('editor.noTitle')}` : t('app.loading')}</Table.Td>
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
              <Button type="submit" loading={decide.isPending || details.some((d) => d.isPending)} data-testid="decide">
                {t('work.decide')}
              </Button>
            </Group>
          </Stack>
        </form>
      )}
    </Paper>
  );
}
