/**
 * The 12-digit citizen identity number (số định danh cá nhân): form checks and masked display.
 * Layout (Nghị định 137/2015/NĐ-CP, Điều 13; Luật Căn cước 2023, Điều 12): 3 digits province of
 * birth registration (old 63-province list, 001–096), 1 digit century and sex, 2 digits year of
 * birth, 6 random digits. No check digit. The prefix must never be read as a current province.
 */

/** Why a citizen id was refused. */
export type CitizenIdProblem = 'format' | 'province' | 'birth-year' | 'sex';

/** The outcome of {@link validateCitizenId}. */
export type CitizenIdCheck =
  | { ok: true; id: string; birthYear: number; sex: 'male' | 'female' }
  | { ok: false; problem: CitizenIdProblem; message: string };

// Century digit pairs: 0/1 → 1900s, 2/3 → 2000s, 4/5 → 2100s, 6/7 → 2200s, 8/9 → 2300s
// (Thông tư 07/2016/TT-BCA, Điều 7). Even = male, odd = female.
const CENTURY_START = [1900, 2000, 2100, 2200, 2300] as const;

/**
 * Checks the form of a citizen id and, if given, that its century/year digits match the birth date
 * (and its sex digit the declared sex).
 * @example validateCitizenId('001203012345', '2003-05-01') // { ok: true, birthYear: 2003, sex: 'female', … }
 */
export function validateCitizenId(
  input: string,
  birthDate?: string | Date,
  sex?: 'male' | 'female',
): CitizenIdCheck {
  const id = input.replace(/\s+/g, '');
  if (!/^\d{12}$/.test(id)) {
    return { ok: false, problem: 'format', message: 'Số định danh cá nhân phải gồm đúng 12 chữ số.' };
  }
  const province = Number(id.slice(0, 3));
  if (province < 1 || province > 96) {
    return { ok: false, problem: 'province', message: 'Ba chữ số đầu (mã tỉnh nơi đăng ký khai sinh) phải từ 001 đến 096.' };
  }
  const centuryDigit = Number(id[3]);
  const birthYear = CENTURY_START[Math.floor(centuryDigit / 2)]! + Number(id.slice(4, 6));
  const idSex = centuryDigit % 2 === 0 ? 'male' : 'female';
  if (birthDate !== undefined) {
    const year = typeof birthDate === 'string' ? Number(birthDate.slice(0, 4)) : birthDate.getUTCFullYear();
    if (year !== birthYear) {
      return { ok: false, problem: 'birth-year', message: `Số định danh ghi năm sinh ${birthYear}, không khớp năm sinh ${year}.` };
    }
  }
  if (sex !== undefined && sex !== idSex) {
    return { ok: false, problem: 'sex', message: 'Chữ số thứ tư (thế kỷ và giới tính) không khớp giới tính đã khai.' };
  }
  return { ok: true, id, birthYear, sex: idSex };
}

/**
 * Masks a citizen id for display: the first 3 and last 2 digits stay, the rest become `*`.
 * @example maskCitizenId('001203012345') === '001*******45'
 */
export function maskCitizenId(id: string): string {
  const digits = id.replace(/\s+/g, '');
  if (digits.length < 6) return '*'.repeat(digits.length);
  return `${digits.slice(0, 3)}${'*'.repeat(digits.length - 5)}${digits.slice(-2)}`;
}
