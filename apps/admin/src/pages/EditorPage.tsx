/**
 * The criteria editor: CodeMirror with the language's highlighting, and — from the same parser,
 * checker and example runner the CLI uses, in the browser — live diagnostics, worked examples,
 * a preview of the scoring form and the changes against the base framework.
 */
import { Alert, Anchor, Badge, Box, Breadcrumbs, Button, Grid, Group, Loader, Modal, Paper, Stack, Table, Tabs, Text, Title, Tooltip, VisuallyHidden } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import type { Model } from '@hoctap/core';
import { parse, print, type Diagnostic } from '@hoctap/criteria-dsl';
import { useQueries } from '@tanstack/react-query';
import { useCallback, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { api, ApiError, type PublishedFramework } from '../api/client.ts';
import { keys, useFramework, useFrameworks, usePublishFramework, useSession } from '../api/hooks.ts';
import { Loading, QueryError } from '../components/QueryState.tsx';
import { usePageTitle } from '../components/usePageTitle.ts';
import { analyze } from '../editor/analyze.ts';
import { CodeEditor, type CodeEditorHandle } from '../editor/CodeEditor.tsx';
import { DiffTable } from '../editor/DiffPanel.tsx';
import { ExamplesPanel } from '../editor/ExamplesPanel.tsx';
import { ProblemsPanel } from '../editor/ProblemsPanel.tsx';
import { publishGate } from '../editor/publish.ts';
import { ScoringPreview } from '../editor/ScoringPreview.tsx';
import { STARTER_TEMPLATE } from '../editor/template.ts';
import { paths } from '../paths.ts';

/** Debounce of the analysis after a keystroke. */
export const ANALYSIS_DELAY_MS = 250;

export function EditorPage() {
  const { t } = useTranslation();
  usePageTitle(t('editor.title'));
  const [params] = useSearchParams();
  const from = params.get('tu');
  const [plugin, id] = from && from.includes('/') ? (from.split('/', 2) as [string, string]) : [undefined, undefined];
  const original = useFramework(plugin, id);

  return (
    <Stack gap="sm">
      <Breadcrumbs>
        <Anchor component={Link} to={paths.frameworks}>
          {t('nav.frameworks')}
        </Anchor>
        {plugin && id && (
          <Anchor component={Link} to={paths.framework(plugin, id)}>
            {id}
          </Anchor>
        )}
        <Text size="sm">{t('editor.title')}</Text>
      </Breadcrumbs>
      {plugin && original.isPending ? (
        <Loading label={t('editor.loadingSource')} />
      ) : plugin && original.isError ? (
        <QueryError error={original.error} onRetry={() => void original.refetch()} />
      ) : (
        <Workbench
          key={from ?? 'new'}
          initialText={original.data?.source ?? STARTER_TEMPLATE}
          fileName={original.data ? original.data.file.split('/').pop()! : 'bo-tieu-chi-moi.tieuchi'}
          {...(original.data ? { saved: original.data.model } : {})}
        />
      )}
    </Stack>
  );
}

function Workbench({ initialText, fileName, saved }: { initialText: string; fileName: string; saved?: Model }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language === 'en' ? 'en' : 'vi';
  const editor = useRef<CodeEditorHandle>(null);
  const [text, setText] = useState(initialText);
  const [debounced] = useDebouncedValue(text, ANALYSIS_DELAY_MS);
  const pending = text !== debounced;
  const [tab, setTab] = useState<string | null>('problems');

  // Base frameworks named by `dựa trên`, fetched from the API by id.
  const list = useFrameworks();
  const [baseIds, setBaseIds] = useState<readonly string[]>([]);
  const baseQueries = useQueries({
    queries: baseIds.map((bid) => {
      const row = list.data?.find((f) => f.id === bid);
      return {
        queryKey: keys.framework(row?.plugin ?? '?', bid),
        queryFn: () => api.framework(row!.plugin, bid),
        enabled: row !== undefined,
        staleTime: 5 * 60_000,
      };
    }),
  });
  const baseModels = useMemo(() => {
    const m = new Map<string, Model>();
    for (const q of baseQueries) if (q.data) m.set(q.data.model.id, q.data.model);
    return m;
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [baseQueries.map((q) => q.data?.ref ?? '').join('|')]);

  const analysis = useMemo(() => analyze(debounced, baseModels, fileName), [debounced, baseModels, fileName]);
  if (analysis.bases.join('|') !== baseIds.join('|')) setBaseIds(analysis.bases);

  const errors = analysis.diagnostics.filter((d) => d.severity === 'error').length;
  const warnings = analysis.diagnostics.length - errors;
  const first = analysis.valid ? analysis.models[0] : undefined;
  const failedExamples = analysis.examples.filter((e) => !e.passed).length;

  const goTo = useCallback((d: Diagnostic) => editor.current?.goTo(d.range.start.line, d.range.start.column), []);
  const reformat = () => {
    const r = analyze(text, baseModels, fileName);
    if (!r.valid) return;
    editor.current?.setText(print(parse(text).ast));
  };
  const download = () => {
    const blob = new Blob([text], { type: 'text/plain;charset=utf-8' });
    const a = document.createElement('a');
    a.href = URL.createObjectURL(blob);
    a.download = fileName;
    a.click();
    URL.revokeObjectURL(a.href);
  };

  // Publishing: enabled when the file checks clean and every example passes; confirmed in a modal.
  const session = useSession();
  const gate = publishGate(analysis, { pending, roles: session.data?.user.roles });
  const publishMutation = usePublishFramework();
  const [confirming, setConfirming] = useState(false);
  const [outcome, setOutcome] = useState<{ ok: true; created: boolean; fw: PublishedFramework } | { ok: false; message: string } | null>(null);
  const publishWhy = gate.reason ? t(`editor.publishWhy.${gate.reason}`, { passed: gate.passed, total: gate.total }) : '';
  const doPublish = () => {
    const source = text;
    publishMutation.mutate(
      { source, file: fileName },
      {
        onSuccess: (fw) => {
          setOutcome({ ok: true, created: fw.created, fw });
          setConfirming(false);
        },
        onError: (e) => {
          setOutcome({ ok: false, message: e instanceof ApiError ? e.message : String(e) });
          setConfirming(false);
        },
      },
    );
  };

  const derivedBase = first?.basedOn;
  const baseQuery = derivedBase ? baseQueries[baseIds.indexOf(derivedBase)] : undefined;

  return (
    <Stack gap="sm">
      <Group justify="space-between" align="flex-end" wrap="wrap">
        <div style={{ minWidth: 0 }}>
          <Title order={1} size="h2">
            {t('editor.title')}
          </Title>
          <Text size="sm" className="wrap-anywhere">
            {saved ? t('editor.startingFrom', { title: saved.title }) : t('editor.newFile')} · <code>{fileName}</code>
          </Text>
        </div>
        <Group gap="xs">
          <Tooltip label={t('editor.formatDisabled')} disabled={analysis.valid}>
            <Button variant="default" size="sm" onClick={reformat} disabled={!analysis.valid || pending} data-disabled={!analysis.valid || undefined}>
              {t('editor.format')}
            </Button>
          </Tooltip>
          <Button variant="default" size="sm" onClick={download}>
            {t('editor.download')}
          </Button>
          <Tooltip label={publishWhy} withArrow disabled={gate.enabled}>
            {/* When disabled, still focusable so the reason can be read. */}
            <Button
              size="sm"
              data-disabled={!gate.enabled || undefined}
              aria-disabled={!gate.enabled || undefined}
              aria-describedby={gate.enabled ? undefined : 'publish-why'}
              onClick={(e) => {
                if (!gate.enabled) return e.preventDefault();
                setOutcome(null);
                setConfirming(true);
              }}
              data-testid="publish"
            >
              {t('editor.publish')}
            </Button>
          </Tooltip>
          {!gate.enabled && <VisuallyHidden id="publish-why">{publishWhy}</VisuallyHidden>}
        </Group>
      </Group>

      {outcome &&
        (outcome.ok ? (
          <Alert color="teal" variant="light" role="status" data-testid="publish-result" withCloseButton closeButtonLabel={t('editor.publishCancel')} onClose={() => setOutcome(null)}>
            {t(outcome.created ? 'editor.publishedNew' : 'editor.publishedSame', { version: outcome.fw.version, hash: outcome.fw.contentHash.slice(0, 12) })}
          </Alert>
        ) : (
          <Alert color="red" variant="light" role="alert" title={t('editor.publishFailed')} data-testid="publish-error" withCloseButton closeButtonLabel={t('editor.publishCancel')} onClose={() => setOutcome(null)}>
            {outcome.message}
          </Alert>
        ))}

      <Modal opened={confirming && first !== undefined} onClose={() => !publishMutation.isPending && setConfirming(false)} title={t('editor.publishConfirmTitle')} closeButtonProps={{ 'aria-label': t('editor.publishCancel') }} centered size="lg" transitionProps={{ duration: 0 }}>
        {first && (
          <Stack gap="sm" data-testid="publish-confirm">
            <Text size="sm">{t('editor.publishConfirmIntro')}</Text>
            <Table withRowBorders={false} verticalSpacing={4}>
              <Table.Tbody>
                <Table.Tr>
                  <Table.Th scope="row">{t('editor.publishFieldId')}</Table.Th>
                  <Table.Td>
                    <code data-testid="publish-confirm-id">{first.id}</code>
                  </Table.Td>
                </Table.Tr>
                <Table.Tr>
                  <Table.Th scope="row">{t('editor.publishFieldTitle')}</Table.Th>
                  <Table.Td className="wrap-anywhere">{first.title}</Table.Td>
                </Table.Tr>
                <Table.Tr>
                  <Table.Th scope="row">{t('editor.publishFieldStatus')}</Table.Th>
                  <Table.Td>{t(first.status === 'draft' ? 'editor.publishStatusDraft' : 'editor.publishStatusInForce')}</Table.Td>
                </Table.Tr>
                <Table.Tr>
                  <Table.Th scope="row">{t('editor.publishFieldExamples')}</Table.Th>
                  <Table.Td data-testid="publish-confirm-examples">{t('editor.publishExamplesPassed', { passed: gate.passed, total: gate.total })}</Table.Td>
                </Table.Tr>
              </Table.Tbody>
            </Table>
            <Group justify="flex-end" gap="xs">
              <Button variant="default" onClick={() => setConfirming(false)} disabled={publishMutation.isPending}>
                {t('editor.publishCancel')}
              </Button>
              <Button onClick={doPublish} loading={publishMutation.isPending} disabled={!gate.enabled} data-testid="publish-confirm-button">
                {t('editor.publishConfirm')}
              </Button>
            </Group>
          </Stack>
        )}
      </Modal>

      <Paper withBorder px="sm" py={6} role="status" aria-live="polite" data-testid="status">
        <Group gap="sm" wrap="wrap">
          {pending ? (
            <Group gap={6}>
              <Loader size={14} aria-hidden />
              <Text size="sm">{t('editor.checking')}</Text>
            </Group>
          ) : errors + warnings === 0 ? (
            <Text size="sm" fw={600} c="teal.9">
              ✓ {t('editor.ok')}
            </Text>
          ) : (
            <Text size="sm" fw={600} c={errors > 0 ? 'red.9' : 'yellow.9'}>
              {t('editor.errorsCount', { errors, warnings })}
            </Text>
          )}
          {analysis.examples.length > 0 && (
            <Text size="sm">{t('editor.examplesSummary', { passed: analysis.examples.length - failedExamples, total: analysis.examples.length })}</Text>
          )}
          <Text size="xs" c="dimmed">
            {t('editor.checkedIn', { ms: Math.max(1, Math.round(analysis.ms)) })}
          </Text>
        </Group>
      </Paper>

      <Grid gap="md">
        <Grid.Col span={{ base: 12, lg: 7 }}>
          <CodeEditor
            ref={editor}
            initialText={initialText}
            onChange={setText}
            diagnostics={analysis.diagnostics}
            lang={lang}
            ariaLabel={t('editor.editorLabel')}
            describedBy="editor-status"
          />
        </Grid.Col>
        <Grid.Col span={{ base: 12, lg: 5 }}>
          <Tabs value={tab} onChange={setTab} keepMounted={false}>
            <Tabs.List style={{ flexWrap: 'wrap' }}>
              <Tabs.Tab value="problems" rightSection={analysis.diagnostics.length > 0 ? <CountBadge n={analysis.diagnostics.length} red={errors > 0} /> : null}>
                {t('editor.tabProblems')}
              </Tabs.Tab>
              <Tabs.Tab value="examples" rightSection={failedExamples > 0 ? <CountBadge n={failedExamples} red /> : null}>
                {t('editor.tabExamples')}
              </Tabs.Tab>
              <Tabs.Tab value="preview">{t('editor.tabPreview')}</Tabs.Tab>
              <Tabs.Tab value="diff">{t('editor.tabDiff')}</Tabs.Tab>
            </Tabs.List>
            <Box pt="sm" id="editor-status">
              <Tabs.Panel value="problems">
                <ProblemsPanel diagnostics={analysis.diagnostics} onGoTo={goTo} />
              </Tabs.Panel>
              <Tabs.Panel value="examples">
                <ExamplesPanel examples={analysis.examples} blocked={!analysis.valid} onGoTo={(l, c) => editor.current?.goTo(l, c)} />
              </Tabs.Panel>
              <Tabs.Panel value="preview">
                {first ? <ScoringPreview model={first} count={analysis.models.length} /> : <Text>{t('editor.previewNone')}</Text>}
              </Tabs.Panel>
              <Tabs.Panel value="diff">
                <Stack gap="md">
                  {!first ? (
                    <Text>{t('editor.diffBlocked')}</Text>
                  ) : (
                    <>
                      {derivedBase &&
                        (baseModels.get(derivedBase) ? (
                          <DiffTable base={baseModels.get(derivedBase)!} draft={first} caption={t('editor.diffAgainstBase', { id: derivedBase })} />
                        ) : baseQuery?.isError || (list.data && !list.data.some((f) => f.id === derivedBase)) ? (
                          <Alert color="red" variant="light">
                            {t('editor.diffMissing', { id: derivedBase })}
                          </Alert>
                        ) : (
                          <Loading label={t('editor.diffLoading', { id: derivedBase })} />
                        ))}
                      {saved && <DiffTable base={saved} draft={first} caption={t('editor.diffAgainstSaved', { id: saved.id })} />}
                      {!derivedBase && !saved && <Text>{t('editor.diffNone')}</Text>}
                    </>
                  )}
                </Stack>
              </Tabs.Panel>
            </Box>
          </Tabs>
        </Grid.Col>
      </Grid>
    </Stack>
  );
}

function CountBadge({ n, red }: { n: number; red: boolean }) {
  return (
    <Badge size="xs" circle variant="filled" color={red ? 'red.9' : 'yellow.9'} autoContrast={false} c="white">
      {n}
    </Badge>
  );
}
