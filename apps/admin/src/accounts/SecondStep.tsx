/** The second step of sign-in for an account with TOTP: a 6-digit code (or a recovery code). */
import { Alert, Anchor, Button, Stack, Text, TextInput, Title } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../api/client.ts';
import { useLoginTotp } from '../api/accounts.ts';
import { useErrorMessage } from '../components/QueryState.tsx';

export function SecondStep({ challenge, onRestart }: { challenge: string; onRestart: () => void }) {
  const { t } = useTranslation();
  const message = useErrorMessage();
  const verify = useLoginTotp();
  const [code, setCode] = useState('');
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (code.trim()) verify.mutate({ challenge, code: code.trim() });
  };
  const expired = verify.error instanceof ApiError && verify.error.problem?.code === 'MFA_CHALLENGE_INVALID';
  const failure = verify.error ? (verify.error instanceof ApiError && verify.error.status === 401 && !expired ? t('accounts.codeFailed') : message(verify.error)) : undefined;
  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="md">
        <Title order={2} size="h4">
          {t('accounts.secondStepTitle')}
        </Title>
        <Text size="sm">{t('accounts.secondStepText')}</Text>
        {failure && <Alert color="red" variant="light" role="alert">{failure}</Alert>}
        <TextInput
          label={t('accounts.codeOrRecovery')}
          autoComplete="one-time-code"
          required
          autoFocus
          value={code}
          onChange={(e) => setCode(e.currentTarget.value)}
          data-testid="login-code"
        />
        <Button type="submit" loading={verify.isPending} fullWidth data-testid="login-verify">
          {t('accounts.verify')}
        </Button>
        <Anchor component="button" type="button" size="sm" onClick={onRestart}>
          {t('accounts.startOver')}
        </Anchor>
      </Stack>
    </form>
  );
}
