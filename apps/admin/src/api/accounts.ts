/** Accounts: user administration, the own account (password, TOTP), sign-in's second step and password reset. */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { request, setCsrfToken, type Session } from './client.ts';

/** An account as `/api/users` describes it. */
export interface ManagedUser {
  readonly id: string;
  readonly email: string;
  readonly name: string;
  readonly roles: readonly string[];
  readonly localities: readonly string[];
  readonly active: boolean;
  readonly totp: boolean;
  readonly createdAt: string;
  readonly disabledAt: string | null;
}

export interface UserInput {
  readonly email: string;
  readonly name: string;
  readonly roles: readonly string[];
  readonly localities: readonly string[];
}

/** The first step's answer for an account with TOTP: no session yet. */
export interface MfaChallenge {
  readonly mfaRequired: true;
  readonly challenge: string;
  readonly expiresInSeconds: number;
}

export const isChallenge = (r: Session | MfaChallenge): r is MfaChallenge => 'mfaRequired' in r && r.mfaRequired === true;

/** Roles an administrator may assign (the API refuses what the caller may not grant). */
export const ASSIGNABLE_ROLES = ['province-admin', 'commune-officer', 'committee-member', 'citizen', 'platform-admin'] as const;

const enc = encodeURIComponent;

export const accountsApi = {
  users: () => request<{ items: ManagedUser[] }>('GET', '/users'),
  createUser: (body: UserInput) => request<ManagedUser>('POST', '/users', body),
  updateUser: (id: string, body: Partial<Omit<UserInput, 'email'>>) => request<ManagedUser>('PATCH', `/users/${enc(id)}`, body),
  setActive: (id: string, active: boolean) => request<ManagedUser>('POST', `/users/${enc(id)}/${active ? 'reactivate' : 'deactivate'}`),
  resetLink: (id: string) => request<{ token: string; url: string; expiresAt: string }>('POST', `/users/${enc(id)}/password-reset`),
  loginTotp: async (challenge: string, code: string): Promise<Session> => {
    const s = await request<Session>('POST', '/auth/login/totp', { challenge, code });
    setCsrfToken(s.csrfToken);
    return s;
  },
  changePassword: (currentPassword: string, newPassword: string) => request<void>('POST', '/auth/password', { currentPassword, newPassword }),
  resetPassword: (token: string, newPassword: string) => request<void>('POST', '/auth/reset-password', { token, newPassword }),
  totpSetup: () => request<{ secret: string; uri: string }>('POST', '/auth/totp/setup'),
  totpConfirm: (code: string) => request<{ recoveryCodes: string[] }>('POST', '/auth/totp/confirm', { code }),
  totpDisable: (password: string, code: string) => request<void>('POST', '/auth/totp/disable', { password, code }),
};

const usersKey = ['users'] as const;
const meKey = ['auth', 'me'] as const;

export function useUsers() {
  return useQuery({ queryKey: usersKey, queryFn: accountsApi.users });
}

/** A mutation that refreshes the list of users afterwards. */
export function useUserMutation<V, R>(fn: (v: V) => Promise<R>) {
  const qc = useQueryClient();
  return useMutation({ mutationFn: fn, onSuccess: () => void qc.invalidateQueries({ queryKey: usersKey }) });
}

export function useLoginTotp() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (v: { challenge: string; code: string }) => accountsApi.loginTotp(v.challenge, v.code),
    onSuccess: (s) => qc.setQueryData(meKey, s),
  });
}

/** A mutation on the own account that refreshes the session's view of it (e.g. `totp`). */
export function useAccountMutation<V, R>(fn: (v: V) => Promise<R>) {
  const qc = useQueryClient();
  return useMutation({ mutationFn: fn, onSuccess: () => void qc.invalidateQueries({ queryKey: meKey }) });
}
