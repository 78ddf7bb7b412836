/**
 * What a group declares of each member, for a framework whose rules read members' facts (Tân Biên
 * 2023: each official's commitment, self-study plan, training…): one row per member of the year,
 * one checkbox per fact, and "tick the whole column" for a unit of fifty. Sent with the assessment
 * as `memberFacts` (every member listed, so an unticked one counts as declared, not missing).
 */
import { Button, Checkbox, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';

export interface MemberFactsInput {
  readonly members: readonly { readonly id: string; readonly name: string }[];
  readonly facts: readonly { readonly id: string; readonly name: string }[];
}

export type MemberFactsValue = Readonly<Record<string, readonly string[]>>;

export function MemberFacts({ input, value, onChange }: { input: MemberFactsInput; value: MemberFactsValue; onChange: (v: MemberFactsValue) => void }) {
  const { t } = useTranslation();
  const has = (m: string, f: string) => (value[m] ?? []).includes(f);
  const set = (m: string, f: string, on: boolean) => {
    const now = new Set(value[m] ?? []);
    if (on) now.add(f);
    else now.delete(f);
    onChange({ ...value, [m]: [...now] });
  };
  const column = (f: string, on: boolean) => onChange(Object.fromEntries(input.members.map((m) => [m.id, on ? [...new Set([...(value[m.id] ?? []), f])] : (value[m.id] ?? []).filter((x) => x !== f)])));
  if (input.members.length === 0) return <Text size="sm">{t('work.memberFactsNone')}</Text>;
  return (
    <Table.ScrollContainer minWidth={320} data-testid="member-facts">
      <Table withTableBorder striped captionSide="top">
        <Table.Caption>{t('work.memberFactsCaption', { count: input.members.length })}</Table.Caption>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t('work.member')}</Table.Th>
            {input.facts.map((f) => (
              <Table.Th key={f.id} scope="col">
                <Text size="xs" fw={700}>
                  {f.name}
                </Text>
                {(() => {
                  const all = input.members.every((m) => has(m.id, f.id));
                  const label = all ? t('work.untickAll') : t('work.tickAll');
                  return (
                    <Button size="compact-xs" variant="default" onClick={() => column(f.id, !all)} aria-label={t('work.memberFactsColumn', { action: label, fact: f.name })}>
                      {label}
                    </Button>
                  );
                })()}
              </Table.Th>
            ))}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {input.members.map((m) => (
            <Table.Tr key={m.id}>
              <Table.Th scope="row" fw={400}>
                {m.name}
              </Table.Th>
              {input.facts.map((f) => (
                <Table.Td key={f.id}>
                  <Checkbox checked={has(m.id, f.id)} onChange={(e) => set(m.id, f.id, e.currentTarget.checked)} aria-label={`${m.name}: ${f.name}`} />
                </Table.Td>
              ))}
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
