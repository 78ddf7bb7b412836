/**
 * The pieces of a campaign report shared by the dashboard's report card and the Reports page:
 * percentages, a share table, a share chart (with its numbers in words for screen readers), the
 * targets table and the downloads.
 */
import { Anchor, Group, SegmentedControl, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import type { CampaignReport, Denominator, Share } from '../api/client.ts';
import { downloads } from '../lib/downloads.ts';
import { formatPoints } from '../lib/format.ts';
import { ScrollTable } from './common.tsx';

/** `12,5 %` in Vietnamese, `12.5 %` in English. */
export function usePct() {
  const { i18n } = useTranslation();
  const lang = i18n.language === 'en' ? 'en' : 'vi';
  return (n: number) => `${formatPoints(n, lang)} %`;
}

/** Recognised over the denominator, in percent with two decimals. */
export const recognisedShare = (r: Pick<CampaignReport, 'recognised' | 'denominator'>) => (r.denominator.count > 0 ? Math.round((r.recognised * 10000) / r.denominator.count) / 100 : 0);

/** Registrations that count (all but the withdrawn). */
export const registeredOf = (r: Pick<CampaignReport, 'statuses'>) => Object.entries(r.statuses).reduce((n, [s, k]) => (s === 'withdrawn' ? n : n + k), 0);

export function SharesTable({ label, rows, testId }: { label: string; rows: readonly Share[]; testId: string }) {
  const { t } = useTranslation();
  const pct = usePct();
  if (rows.length === 0) return null;
  return (
    <ScrollTable minWidth={300}>
      <Table data-testid={testId}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{label}</Table.Th>
            <Table.Th ta="right">{t('work.count')}</Table.Th>
            <Table.Th ta="right">{t('work.share')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.map((r) => (
            <Table.Tr key={r.key}>
              <Table.Td>{r.key}</Table.Td>
              <Table.Td ta="right">{r.count}</Table.Td>
              <Table.Td ta="right">{pct(r.share)}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </ScrollTable>
  );
}

/** `name: value; …` — a chart's numbers in words, for its accessible name. */
export function useValuesText() {
  const pct = usePct();
  return (data: readonly { name: string; value: number }[], unit = '') => data.map((d) => `${d.name}: ${unit === '%' ? pct(d.value) : d.value}`).join('; ');
}

/** A bar chart of values (a count or a percentage); `ariaLabel` should list every value (see `useValuesText`). */
export function BarFigure({ data, ariaLabel, valueName, unit = '', height = 220, testId }: { data: readonly { name: string; value: number }[]; ariaLabel: string; valueName: string; unit?: string; height?: number; testId?: string }) {
  if (data.length === 0) return null;
  return (
    <div role="img" aria-label={ariaLabel} style={{ width: '100%', height }} data-testid={testId}>
      <ResponsiveContainer width="100%" height="100%">
        <BarChart data={[...data]} margin={{ top: 8, right: 8, bottom: 8, left: 0 }}>
          <CartesianGrid strokeDasharray="3 3" />
          <XAxis dataKey="name" tick={{ fontSize: 11, fill: '#212529' }} interval={0} />
          <YAxis allowDecimals={unit === '%'} tick={{ fontSize: 11, fill: '#212529' }} width={40} unit={unit ? ` ${unit}` : ''} />
          <Tooltip />
          <Bar dataKey="value" name={valueName} fill="#0b7285" isAnimationActive={false} />
        </BarChart>
      </ResponsiveContainer>
    </div>
  );
}

/** The targets against what was reached; `chart` also draws them (required and reached side by side, numbered as in the table). */
export function TargetsTable({ targets, chart = false }: { targets: CampaignReport['targets']; chart?: boolean }) {
  const { t } = useTranslation();
  const pct = usePct();
  if (targets.length === 0)
    return (
      <Text size="sm" data-testid="report-no-targets">
        {t('work.noTargets')}
      </Text>
    );
  const data = targets.map((x, i) => ({ name: `${i + 1}`, required: x.required, reached: x.share }));
  return (
    <>
      {chart && (
        <div
          role="img"
          aria-label={t('reports.targetsChart', { list: targets.map((x, i) => `${i + 1}. ${x.text}: ${pct(x.share)} / ${pct(x.required)}`).join('; ') })}
          style={{ width: '100%', height: 220 }}
          data-testid="report-targets-chart"
        >
          <ResponsiveContainer width="100%" height="100%">
            <BarChart data={data} margin={{ top: 8, right: 8, bottom: 8, left: 0 }}>
              <CartesianGrid strokeDasharray="3 3" />
              <XAxis dataKey="name" tick={{ fontSize: 11, fill: '#212529' }} interval={0} />
              <YAxis tick={{ fontSize: 11, fill: '#212529' }} width={40} unit=" %" />
              <Tooltip />
              <Legend />
              <Bar dataKey="required" name={t('work.required')} fill="#868e96" isAnimationActive={false} />
              <Bar dataKey="reached" name={t('work.reached')} fill="#0b7285" isAnimationActive={false} />
            </BarChart>
          </ResponsiveContainer>
        </div>
      )}
    <ScrollTable minWidth={420}>
      <Table data-testid="report-targets">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('work.target')}</Table.Th>
            <Table.Th ta="right">{t('work.required')}</Table.Th>
            <Table.Th ta="right">{t('work.reached')}</Table.Th>
            <Table.Th>{t('work.state')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {targets.map((x) => (
            <Table.Tr key={x.text}>
              <Table.Td>{chart ? `${targets.indexOf(x) + 1}. ` : ''}{x.text}</Table.Td>
              <Table.Td ta="right">{pct(x.required)}</Table.Td>
              <Table.Td ta="right">
                {pct(x.share)} ({x.numerator}/{x.denominator})
              </Table.Td>
              <Table.Td>{x.met ? `✓ ${t('work.met')}` : `✗ ${t('work.shortBy', { count: x.shortBy })}`}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </ScrollTable>
    </>
  );
}

/** The yearly report as files, with the chosen denominator; described by the report's heading. */
export function ReportDownloads({ campaignId, denominator, describedBy }: { campaignId: string; denominator: Denominator; describedBy: string }) {
  const { t } = useTranslation();
  return (
    <Group gap="md" mt="xs" data-testid="report-downloads">
      <Anchor href={downloads.yearlyReport(campaignId, 'xlsx', denominator)} download size="sm" aria-describedby={describedBy}>
        {t('work.yearlyXlsx')}
      </Anchor>
      <Anchor href={downloads.yearlyReport(campaignId, 'pdf', denominator)} download size="sm" aria-describedby={describedBy}>
        {t('work.yearlyPdf')}
      </Anchor>
    </Group>
  );
}

/** The choice of denominator, the same on the reports page and on each campaign's report card. */
export function DenominatorControl({ value, onChange }: { value: Denominator; onChange: (v: Denominator) => void }) {
  const { t } = useTranslation();
  return (
    <SegmentedControl
      size="xs"
      aria-label={t('work.denominator')}
      value={value}
      onChange={(v) => onChange(v as Denominator)}
      data={[
        { value: 'registered', label: t('work.denRegistered') },
        { value: 'all', label: t('work.denAll') },
      ]}
    />
  );
}
