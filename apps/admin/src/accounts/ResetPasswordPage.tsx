/** Đặt lại mật khẩu: sets a password with an administrator's one-time link (`?token=…`), without signing in. */
import { Alert, Anchor, Button, PasswordInput, Stack, Text, Title } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { accountsApi } from '../api/accounts.ts';
import { SignedOutShell } from '../components/SignedOutShell.tsx';
import { useErrorMessage } from '../components/QueryState.tsx';
import { usePageTitle } from '../components/usePageTitle.ts';
import { paths } from '../paths.ts';
import { useMutation } from '@tanstack/react-query';

export function ResetPasswordPage() {
  const { t } = useTranslation();
  usePageTitle(t('accounts.resetTitle'));
  const [params] = useSearchParams();
  const token = params.get('token') ?? '';
  const message = useErrorMessage();
  const [password, setPassword] = useState('');
  const [repeat, setRepeat] = useState('');
  const [mismatch, setMismatch] = useState(false);
  const reset = useMutation({ mutationFn: (v: { token: string; password: string }) => accountsApi.resetPassword(v.token, v.password) });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (password !== repeat) return setMismatch(true);
    setMismatch(false);
    reset.mutate({ token, password });
  };
  return (
    <SignedOutShell maw={460}>
      <Stack gap="md">
        <Title order={1} size="h3">
          {t('accounts.resetTitle')}
        </Title>
        {!token ? (
          <Alert color="red" variant="light" role="alert">{t('accounts.resetMissing')}</Alert>
        ) : reset.isSuccess ? (
          <>
            <Alert color="teal" variant="light" role="status" data-testid="reset-done">{t('accounts.resetDone')}</Alert>
            <Anchor component={Link} to={paths.login}>
              {t('accounts.goLogin')}
            </Anchor>
          </>
        ) : (
          <form onSubmit={submit} noValidate>
            <Stack gap="md">
              <Text size="sm">{t('accounts.resetIntro')}</Text>
              {reset.error && <Alert color="red" variant="light" role="alert">{message(reset.error)}</Alert>}
              <PasswordInput
                label={t('accounts.newPassword')}
                description={t('accounts.passwordRule')}
                autoComplete="new-password"
                required
                value={password}
                onChange={(e) => setPassword(e.currentTarget.value)}
                data-testid="reset-password"
              />
              <PasswordInput
                label={t('accounts.confirmPassword')}
                autoComplete="new-password"
                required
                value={repeat}
                onChange={(e) => setRepeat(e.currentTarget.value)}
                error={mismatch ? t('accounts.mismatch') : undefined}
                data-testid="reset-repeat"
              />
              <Button type="submit" loading={reset.isPending} fullWidth data-testid="reset-submit">
                {t('accounts.submit')}
              </Button>
            </Stack>
          </form>
        )}
      </Stack>
    </SignedOutShell>
  );
}
