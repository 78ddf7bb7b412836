/** Accounts: user administration, the own account (password, TOTP), sign-in's second step and password reset. */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { call, client, setCsrfToken, type MfaChallenge, type Schemas, type Session } from './client.ts';

/** An account as `/api/users` describes it. */
export type ManagedUser = Schemas['ManagedUser'];
/** A new account. */
export type UserInput = Schemas['UserCreate'];

/** Whether sign-in's first step answered a TOTP challenge rather than a session. */
export const isChallenge = (r: Session | MfaChallenge): r is MfaChallenge => 'mfaRequired' in r && r.mfaRequired === true;

/** A role an account can hold, as the API's schema lists them. */
export type Role = UserInput['roles'][number];

/** Roles an administrator may assign, in the form's order (the API refuses what the caller may not grant). */
export const ASSIGNABLE_ROLES = ['province-admin', 'commune-officer', 'committee-member', 'leader', 'citizen', 'platform-admin'] as const satisfies readonly Role[];

const id = (v: string) => ({ params: { path: { id: v } } });

/** The account endpoints. */
export const accountsApi = {
  users: () => call(client.GET('/api/users')),
  createUser: (body: UserInput) => call(client.POST('/api/users', { body })),
  updateUser: (userId: string, body: Schemas['UserPatch']) => call(client.PATCH('/api/users/{id}', { ...id(userId), body })),
  setActive: (userId: string, active: boolean) => call(client.POST(active ? '/api/users/{id}/reactivate' : '/api/users/{id}/deactivate', id(userId))),
  resetLink: (userId: string) => call(client.POST('/api/users/{id}/password-reset', id(userId))),
  loginTotp: async (challenge: string, code: string): Promise<Session> => {
    const s = await call(client.POST('/api/auth/login/totp', { body: { challenge, code } }));
    setCsrfToken(s.csrfToken);
    return s;
  },
  changePassword: (currentPassword: string, newPassword: string) => call(client.POST('/api/auth/password', { body: { currentPassword, newPassword } })),
  resetPassword: (token: string, newPassword: string) => call(client.POST('/api/auth/reset-password', { body: { token, newPassword } })),
  totpSetup: () => call(client.POST('/api/auth/totp/setup')),
  totpConfirm: (code: string) => call(client.POST('/api/auth/totp/confirm', { body: { code } })),
  totpDisable: (password: string, code: string) => call(client.POST('/api/auth/totp/disable', { body: { password, code } })),
};

const usersKey = ['users'] as const;
const meKey = ['auth', 'me'] as const;

/** The accounts the caller may manage. */
export function useUsers() {
  return useQuery({ queryKey: usersKey, queryFn: accountsApi.users });
}

/** A mutation that refreshes the list of users afterwards. */
export function useUserMutation<V, R>(fn: (v: V) => Promise<R>) {
  const qc = useQueryClient();
  return useMutation({ mutationFn: fn, onSuccess: () => void qc.invalidateQueries({ queryKey: usersKey }) });
}

/** Sign-in's second step (TOTP or recovery code); the answer is the session. */
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
