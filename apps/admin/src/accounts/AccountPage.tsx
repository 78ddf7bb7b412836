/**
 * Tài khoản của tôi: change the password; turn two-step verification (TOTP) on with a QR code and
 * a first code (recovery codes shown once), or off with the password and a code.
 */
import { Alert, Button, Code, Group, List, Paper, PasswordInput, SimpleGrid, Stack, Text, TextInput, Title } from '@mantine/core';
import QRCode from 'qrcode';
import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { accountsApi, useAccountMutation } from '../api/accounts.ts';
import { useSession } from '../api/hooks.ts';
import { useErrorMessage } from '../components/QueryState.tsx';
import { usePageTitle } from '../components/usePageTitle.ts';
import { notifyDone } from '../workflow/common.tsx';

function ChangePassword() {
  const { t } = useTranslation();
  const message = useErrorMessage();
  const [current, setCurrent] = useState('');
  const [next, setNext] = useState('');
  const [repeat, setRepeat] = useState('');
  const [mismatch, setMismatch] = useState(false);
  const change = useAccountMutation((v: { current: string; next: string }) => accountsApi.changePassword(v.current, v.next));
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (next !== repeat) return setMismatch(true);
    setMismatch(false);
    change.mutate(
      { current, next },
      {
        onSuccess: () => {
          setCurrent('');
          setNext('');
          setRepeat('');
          notifyDone(t('accounts.passwordChanged'), t('accounts.close'));
        },
      },
    );
  };
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="change-password">
      <form onSubmit={submit} noValidate>
        <Stack gap="sm">
          <Title order={2} size="h3" id="change-password">
            {t('accounts.changePassword')}
          </Title>
          {change.error && <Alert color="red" variant="light" role="alert">{message(change.error)}</Alert>}
          {change.isSuccess && <Alert color="teal" variant="light" role="status">{t('accounts.passwordChanged')}</Alert>}
          <PasswordInput label={t('accounts.currentPassword')} autoComplete="current-password" required value={current} onChange={(e) => setCurrent(e.currentTarget.value)} />
          <PasswordInput label={t('accounts.newPassword')} description={t('accounts.passwordRule')} autoComplete="new-password" required value={next} onChange={(e) => setNext(e.currentTarget.value)} />
          <PasswordInput
            label={t('accounts.confirmPassword')}
            autoComplete="new-password"
            required
            value={repeat}
            onChange={(e) => setRepeat(e.currentTarget.value)}
            error={mismatch ? t('accounts.mismatch') : undefined}
          />
          <Group>
            <Button type="submit" loading={change.isPending}>
              {t('accounts.changePassword')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Paper>
  );
}

function TwoStep() {
  const { t } = useTranslation();
  const message = useErrorMessage();
  const session = useSession();
  const user = session.data?.user;
  const setup = useAccountMutation(() => accountsApi.totpSetup());
  const confirm = useAccountMutation((code: string) => accountsApi.totpConfirm(code));
  const disable = useAccountMutation((v: { password: string; code: string }) => accountsApi.totpDisable(v.password, v.code));
  const [qr, setQr] = useState<string>();
  const [code, setCode] = useState('');
  const [password, setPassword] = useState('');
  const [recovery, setRecovery] = useState<string[]>();

  useEffect(() => {
    if (!setup.data) return;
    let live = true;
    void QRCode.toDataURL(setup.data.uri, { margin: 1, width: 200, errorCorrectionLevel: 'M' }).then((url) => live && setQr(url));
    return () => {
      live = false;
    };
  }, [setup.data]);

  const error = setup.error ?? confirm.error ?? disable.error;

  if (recovery) {
    return (
      <Paper withBorder p="md" component="section" aria-labelledby="two-step">
        <Stack gap="sm">
          <Title order={2} size="h3" id="two-step">
            {t('accounts.recoveryTitle')}
          </Title>
          <Alert color="teal" variant="light" role="status">{t('accounts.twoStepOn')}</Alert>
          <Text size="sm">{t('accounts.recoveryText')}</Text>
          <List data-testid="recovery-codes" spacing={4} listStyleType="none">
            {recovery.map((c) => (
              <List.Item key={c}>
                <Code fz="sm">{c}</Code>
              </List.Item>
            ))}
          </List>
          <Group>
            <Button onClick={() => setRecovery(undefined)} data-testid="recovery-done">
              {t('accounts.recoveryDone')}
            </Button>
          </Group>
        </Stack>
      </Paper>
    );
  }

  return (
    <Paper withBorder p="md" component="section" aria-labelledby="two-step">
      <Stack gap="sm">
        <Title order={2} size="h3" id="two-step">
          {t('accounts.twoStep')}
        </Title>
        <Text size="sm">{t('accounts.twoStepIntro')}</Text>
        {error && <Alert color="red" variant="light" role="alert">{message(error)}</Alert>}
        {user?.totp ? (
          <form
            noValidate
            onSubmit={(e) => {
              e.preventDefault();
              disable.mutate(
                { password, code: code.trim() },
                {
                  onSuccess: () => {
                    setPassword('');
                    setCode('');
                    setup.reset();
                    notifyDone(t('accounts.disabled'), t('accounts.close'));
                  },
                },
              );
            }}
          >
            <Stack gap="sm">
              <Alert color="teal" variant="light" data-testid="totp-on">{t('accounts.twoStepOn')}</Alert>
              <Text size="sm">{t('accounts.disableText')}</Text>
              <PasswordInput label={t('accounts.password')} autoComplete="current-password" required value={password} onChange={(e) => setPassword(e.currentTarget.value)} />
              <TextInput label={t('accounts.codeOrRecovery')} autoComplete="one-time-code" required value={code} onChange={(e) => setCode(e.currentTarget.value)} />
              <Group>
                <Button type="submit" color="red.8" variant="outline" loading={disable.isPending}>
                  {t('accounts.disable')}
                </Button>
              </Group>
            </Stack>
          </form>
        ) : !setup.data ? (
          <Group>
            <Button onClick={() => setup.mutate(undefined)} loading={setup.isPending} data-testid="totp-start">
              {t('accounts.startSetup')}
            </Button>
          </Group>
        ) : (
          <form
            noValidate
            onSubmit={(e) => {
              e.preventDefault();
              confirm.mutate(code.trim(), {
                onSuccess: (r) => {
                  setCode('');
                  setRecovery(r.recoveryCodes);
                  setup.reset();
                },
              });
            }}
          >
            <Stack gap="sm">
              <Text size="sm">{t('accounts.scan')}</Text>
              <SimpleGrid cols={{ base: 1, sm: 2 }}>
                <div>{qr && <img src={qr} width={200} height={200} alt={t('accounts.qrAlt')} data-testid="totp-qr" />}</div>
                <Stack gap={4}>
                  <Text size="sm" fw={600} id="totp-secret-label">
                    {t('accounts.secret')}
                  </Text>
                  <Code block aria-labelledby="totp-secret-label" data-testid="totp-secret" style={{ wordBreak: 'break-all' }}>
                    {setup.data.secret}
                  </Code>
                </Stack>
              </SimpleGrid>
              <TextInput
                label={t('accounts.code')}
                autoComplete="one-time-code"
                inputMode="numeric"
                required
                maxLength={6}
                value={code}
                onChange={(e) => setCode(e.currentTarget.value)}
                data-testid="totp-code"
                maw={220}
              />
              <Group>
                <Button type="submit" loading={confirm.isPending} data-testid="totp-confirm">
                  {t('accounts.confirm')}
                </Button>
              </Group>
            </Stack>
          </form>
        )}
      </Stack>
    </Paper>
  );
}

export function AccountPage() {
  const { t } = useTranslation();
  usePageTitle(t('accounts.myTitle'));
  const session = useSession();
  const user = session.data?.user;
  return (
    <Stack gap="md" maw={720}>
      <Title order={1}>{t('accounts.myTitle')}</Title>
      {user && (
        <Text>
          {user.name} — {user.email}
        </Text>
      )}
      {user?.mfaEnrolmentRequired && <Alert color="orange" variant="light" role="alert">{t('accounts.twoStepRequired')}</Alert>}
      <TwoStep />
      <ChangePassword />
    </Stack>
  );
}
