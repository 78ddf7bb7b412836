/** Shared pieces of the API/database benchmarks: temporary databases, the CSV generator, timing. */
import { createTempPostgres } from '@hoctap/db/testing';
import { mulberry32, intIn, pick } from '../prng.ts';

/** A temporary database on `DATABASE_URL` (or the local default): its URL, and `drop()`. */
export const tempDatabase = (prefix: string) => createTempPostgres(prefix);

const FAMILY = ['Nguyễn', 'Trần', 'Lê', 'Phạm', 'Hoàng', 'Huỳnh', 'Phan', 'Vũ', 'Võ', 'Đặng', 'Bùi', 'Đỗ', 'Hồ', 'Ngô', 'Dương', 'Lý', 'Đinh', 'Hà', 'Đào', 'Cao'];
const MIDDLE_M = ['Văn', 'Đức', 'Minh', 'Quang', 'Hữu', 'Công', 'Thành', 'Xuân'];
const MIDDLE_F = ['Thị', 'Thu', 'Ngọc', 'Thanh', 'Minh', 'Hồng', 'Kim', 'Phương'];
const GIVEN_M = ['Hùng', 'Dũng', 'Tuấn', 'Nam', 'Bình', 'Long', 'Sơn', 'Hải', 'Cường', 'Thắng', 'Phúc', 'Khoa', 'Đạt', 'Trung', 'Quân'];
const GIVEN_F = ['Hà', 'Lan', 'Hương', 'Mai', 'Linh', 'Trang', 'Hạnh', 'Thảo', 'Nga', 'Yến', 'Huyền', 'Loan', 'Nhung', 'Dung', 'Oanh'];
const VILLAGES = ['Thôn Đông', 'Thôn Đoài', 'Thôn Trung', 'Xóm Mới', 'Khu 1', 'Khu 2', 'Khu 3', 'Tổ dân phố Hòa Bình'];

/**
 * A deterministic CSV of `n` people of province 25 (Phú Thọ): Vietnamese names (NFC), birth dates
 * 1940–2008, sex, village, commune, and a 12-digit id of valid form whose century/sex and year
 * digits match (prefix 025, the last six digits the row number, so every id is unique).
 */
export function generatePeopleCsv(n: number, seed = 2026, communes = ['07900', '07903', '07906', '07909', '07912']): string {
  const rand = mulberry32(seed);
  const lines = ['ho_ten,ngay_sinh,gioi_tinh,thon,cccd,ma_xa'];
  for (let i = 0; i < n; i++) {
    const male = rand() < 0.5;
    const name = `${pick(rand, FAMILY)} ${pick(rand, male ? MIDDLE_M : MIDDLE_F)} ${pick(rand, male ? GIVEN_M : GIVEN_F)}`;
    const year = intIn(rand, 1940, 2008);
    const birth = `${year}-${String(intIn(rand, 1, 12)).padStart(2, '0')}-${String(intIn(rand, 1, 28)).padStart(2, '0')}`;
    const digit = (year >= 2000 ? 2 : 0) + (male ? 0 : 1);
    const id = `025${digit}${String(year % 100).padStart(2, '0')}${String(i % 1_000_000).padStart(6, '0')}`;
    lines.push(`${name},${birth},${male ? 'nam' : 'nữ'},${pick(rand, VILLAGES)},${id},${pick(rand, communes)}`);
  }
  return lines.join('\n') + '\n';
}

/** Median of numbers. */
export function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
}

/** The p-th percentile (nearest rank). */
export function percentile(xs: number[], p: number): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.max(0, Math.ceil((p / 100) * s.length) - 1))] ?? NaN;
}

export const ms = (t0: bigint) => Number(process.hrtime.bigint() - t0) / 1e6;
export const fmt = (x: number, d = 0) => x.toLocaleString('en-US', { maximumFractionDigits: d, minimumFractionDigits: d });
