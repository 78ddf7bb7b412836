/** The campaign a work page is about, kept in `?dot=` (the first campaign by default). */
import { NativeSelect } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import type { Campaign } from '../api/client.ts';
import { useCampaigns } from '../api/hooks.ts';
import { campaignPlace, chosenCampaign } from './decision-stage.ts';

export function useChosenCampaign(): { campaign: Campaign | undefined; campaigns: readonly Campaign[]; isPending: boolean; error: unknown; choose: (id: string) => void } {
  const q = useCampaigns();
  const [params, setParams] = useSearchParams();
  const items = q.data?.items ?? [];
  const id = params.get('dot');
  const campaign = chosenCampaign(items, id);
  return { campaign, campaigns: items, isPending: q.isPending, error: q.error, choose: (x) => setParams({ dot: x }, { replace: true }) };
}

export function CampaignPicker({ value, campaigns, onChange }: { value: string | undefined; campaigns: readonly Campaign[]; onChange: (id: string) => void }) {
  const { t } = useTranslation();
  return (
    <NativeSelect
      label={t('work.campaign')}
      value={value ?? ''}
      onChange={(e) => onChange(e.currentTarget.value)}
      data={campaigns.map((c) => ({ value: c.id, label: `${c.name} · ${campaignPlace(c, { commune: (code) => t('work.commune', { code }), province: (code) => t('work.province', { code }) })} · ${c.framework.version.split('@')[0]}` }))}
      maw={520}
      data-testid="campaign-picker"
    />
  );
}
