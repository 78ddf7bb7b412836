import { Alert, Anchor, Button, Center, Group, PasswordInput, Stack, Text, TextInput, Title } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, Navigate, useNavigate, useSearchParams } from 'react-router';
import { ApiError } from '../api/client.ts';
import { useLogin, useSession } from '../api/hooks.ts';
import { SecondStep } from '../accounts/SecondStep.tsx';
import { SignedOutShell } from '../components/SignedOutShell.tsx';
import { useErrorMessage } from '../components/QueryState.tsx';
import { usePageTitle } from '../components/usePageTitle.ts';
import { paths } from '../paths.ts';

/** Only same-site paths are followed after sign-in. */
function safeNext(next: string | null): string {
  return next && next.startsWith('/') && !next.startsWith('//') ? next : paths.dashboard;
}

export function LoginPage() {
  const { t } = useTranslation();
  usePageTitle(t('login.title'));
  const [params] = useSearchParams();
  const navigate = useNavigate();
  const session = useSession();
  const login = useLogin();
  const message = useErrorMessage();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [touched, setTouched] = useState(false);
  /** Set when the password was right and the account asks for a TOTP code. */
  const [challenge, setChallenge] = useState<string>();
  const next = safeNext(params.get('next'));

  if (session.data) return <Navigate to={next} replace />;

  const emailError = touched && email.trim() === '' ? t('login.required', { field: t('login.email').toLowerCase() }) : undefined;
  const passwordError = touched && password === '' ? t('login.required', { field: t('login.password').toLowerCase() }) : undefined;

  const submit = (e: FormEvent) => {
    e.preventDefault();
    setTouched(true);
    if (email.trim() === '' || password === '') return;
    login.mutate({ email: email.trim(), password }, { onSuccess: (r) => ('user' in r ? void navigate(next, { replace: true }) : setChallenge(r.challenge)) });
  };

  const failure = login.error
    ? login.error instanceof ApiError && (login.error.status === 401 || login.error.status === 400)
      ? t('login.failed')
      : message(login.error)
    : undefined;

  return (
    <SignedOutShell
      maw={420}
      footer={
        <Center mt="md">
          <Anchor component={Link} to={paths.publicList} data-testid="public-list-link">
            {t('publicList.title')}
          </Anchor>
        </Center>
      }
    >
      {challenge ? (
        <Stack gap="md">
          <Title order={1} size="h3">
            {t('login.title')}
          </Title>
          <SecondStep challenge={challenge} onRestart={() => { setChallenge(undefined); setPassword(''); login.reset(); }} />
        </Stack>
      ) : (
      <form onSubmit={submit} noValidate>
      <Stack gap="md">
        <Group gap="xs" wrap="nowrap">
          <img src="/favicon.svg" width={36} height={36} alt="" />
          <div>
            <Title order={1} size="h3">
              {t('login.title')}
            </Title>
            <Text size="sm" c="dimmed">
              {t('app.name')} — {t('app.subtitle')}
            </Text>
          </div>
        </Group>
        <Text size="sm">{t('login.intro')}</Text>
        {failure && (
          <Alert color="red" variant="light" role="alert" title={failure} />
        )}
        <TextInput
          label={t('login.email')}
          type="email"
          name="email"
          autoComplete="username"
          required
          value={email}
          onChange={(e) => setEmail(e.currentTarget.value)}
          error={emailError}
        />
        <PasswordInput
          label={t('login.password')}
          name="password"
          autoComplete="current-password"
          required
          value={password}
          onChange={(e) => setPassword(e.currentTarget.value)}
          error={passwordError}
        />
        <Button type="submit" loading={login.isPending} fullWidth>
          {login.isPending ? t('login.submitting') : t('login.submit')}
        </Button>
      </Stack>
      </form>
      )}
    </SignedOutShell>
  );
}
