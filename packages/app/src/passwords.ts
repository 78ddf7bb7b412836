/**
 * Password policy and hashing (Argon2id). ASVS v5.0.0-6.2.x: ≥ 12 characters for new passwords
 * (6.2.1 recommends 15 without MFA; 12 is the house minimum), up to 256 (6.2.9: at least 64), no
 * composition rules (6.2.5), not a common password (6.2.4), not the account's own e-mail (6.2.11).
 */
import { hash, verify } from '@node-rs/argon2';

/** The shortest new password. */
export const PASSWORD_MIN = 12;
/** The longest new password. */
export const PASSWORD_MAX = 256;

/** A small list of the most common passwords (international and Vietnamese); compared folded. */
export const COMMON_PASSWORDS: ReadonlySet<string> = new Set([
  '12345678', '123456789', '1234567890', '12345678910', '87654321', '11111111', '00000000', '88888888', '66666666',
  '99999999', '12341234', '11223344', '123123123', '147258369', '123456789a', 'a123456789', '1q2w3e4r', '1qaz2wsx',
  'qwertyui', 'qwerty123', 'qwertyuiop', 'asdfghjk', 'zxcvbnm1', 'password', 'password1', 'password123', 'passw0rd',
  'p@ssw0rd', 'p@ssword', 'iloveyou', 'iloveyou1', 'sunshine', 'princess', 'football', 'baseball', 'welcome1',
  'welcome123', 'abc12345', 'abcd1234', 'admin123', 'administrator', 'letmein1', 'trustno1', 'superman', 'starwars',
  'whatever', 'computer', 'internet', 'changeme', 'default1', 'matkhau', 'matkhau1', 'matkhau123', 'matkhau@123',
  'anhyeuem', 'anhyeuem1', 'anhyeuem123', 'emyeuanh', 'emyeuanh1', 'yeuemmaimai', 'vietnam1', 'vietnam123', 'hanoi123',
  'saigon123', 'hoctap123', 'hoctap2025', 'hoctap2026', 'congdanhoctap', 'khuyenhoc', 'khuyenhoc123', 'ubnd1234',
  'admin@123', 'abc@1234', 'abc@12345', 'aa123456', 'a1234567', 'qwe12345', 'zaq12wsx', 'asdf1234', '0123456789',
  '12344321', '19001900', 'hocsinh1', 'giadinh1', 'doanthanhnien',
  // Common ones that pass the 12-character minimum.
  '123456789012', '1234567890123', '111111111111', '000000000000', '123123123123', '123456123456', 'qwerty123456',
  'qwertyuiop12', '1q2w3e4r5t6y', 'password1234', 'password12345', 'passwordpassword', 'iloveyou1234', 'abcd12345678',
  'matkhau12345', 'matkhau123456', 'matkhaucuatoi', 'anhyeuem1234', 'anhyeuemnhieu', 'emyeuanhnhieu', 'vietnam12345',
  'vietnamvodich', 'hoctap123456', 'hoctap@12345', 'khuyenhoc2025', 'khuyenhoc2026', 'congdanhoctap1', 'admin1234567',
  'administrator1', 'quantri123456', 'quantrivien1',
]);

const foldPassword = (s: string) => s.normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/đ/gi, 'd').toLowerCase().replace(/\s+/g, '');

/**
 * Why a new password is refused, or null when it is acceptable. The common list is checked first,
 * so a short common password is named as common. `context.email`: the account's e-mail, refused
 * as a password (whole or its local part).
 */
export function passwordProblem(
  password: string,
  context: { email?: string } = {},
): null | { code: 'PASSWORD_TOO_SHORT' | 'PASSWORD_TOO_LONG' | 'PASSWORD_COMMON' | 'PASSWORD_IS_EMAIL'; vi: string; en: string } {
  const chars = [...password.normalize('NFC')].length;
  const folded = foldPassword(password);
  if (COMMON_PASSWORDS.has(folded))
    return { code: 'PASSWORD_COMMON', vi: 'Mật khẩu này quá phổ biến, hãy chọn mật khẩu khác', en: 'This password is too common; choose another one' };
  if (context.email) {
    const email = foldPassword(context.email);
    const local = email.split('@')[0] ?? '';
    if (folded === email || (local.length >= 4 && folded === local))
      return { code: 'PASSWORD_IS_EMAIL', vi: 'Mật khẩu không được trùng với email của tài khoản', en: 'The password must not be the account’s e-mail' };
  }
  if (chars < PASSWORD_MIN)
    return { code: 'PASSWORD_TOO_SHORT', vi: `Mật khẩu cần ít nhất ${PASSWORD_MIN} ký tự`, en: `The password needs at least ${PASSWORD_MIN} characters` };
  if (chars > PASSWORD_MAX)
    return { code: 'PASSWORD_TOO_LONG', vi: `Mật khẩu dài tối đa ${PASSWORD_MAX} ký tự`, en: `The password may have at most ${PASSWORD_MAX} characters` };
  return null;
}

/**
 * Hashes a password with Argon2id (OWASP parameters: m = 19 MiB, t = 2, p = 1) after checking the
 * policy; throws a RangeError naming the problem.
 * @example await createUser(db, { email, displayName, passwordHash: await hashPassword('một câu dài dễ nhớ'), roles });
 */
export async function hashPassword(password: string): Promise<string> {
  const p = passwordProblem(password);
  if (p) throw new RangeError(p.en);
  return hash(password.normalize('NFC'), { memoryCost: 19_456, timeCost: 2, parallelism: 1 });
}

/** A hash verified against when the account does not exist, so that timing does not reveal accounts. */
let dummyHash: Promise<string> | undefined;

/** Verifies a password; `hashed` undefined runs a dummy verification and returns false. */
export async function verifyPassword(hashed: string | undefined, password: string): Promise<boolean> {
  if (password.length > PASSWORD_MAX * 4) return false;
  const target = hashed ?? (await (dummyHash ??= hash('dummy-password-for-timing', { memoryCost: 19_456, timeCost: 2, parallelism: 1 })));
  try {
    const ok = await verify(target, password.normalize('NFC'));
    return hashed !== undefined && ok;
  } catch {
    return false;
  }
}
