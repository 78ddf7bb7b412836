/**
 * The demo accounts and signing in through the API as one of them: the demo years (demo-year.ts,
 * demo-group-years.ts) run every step as the person whose duty it is.
 */
import type { createApp } from '@hoctap/api';
import type { DemoCall } from './demo-groups.js';

/** A demo account; the passwords are printed at start so a new user can sign in. */
export interface DemoAccount {
  readonly email: string;
  readonly password: string;
  readonly name: string;
  readonly roles: readonly string[];
  readonly localities: readonly string[];
}

/** The Yên Bái commune of the demo year (the Yên Bái plugin declares it): xã Tuy Lộc, thành phố Yên Bái. */
export const TUY_LOC = '04276';

/**
 * The demo accounts, duties separated as the roles' defaults want them: for each locality of the
 * demo an officer who registers, enters self-assessments and proposes, a committee member who
 * reviews and a leader who decides and publishes — three people, so that neither the review
 * (SAME_PERSON_REVIEW) nor the decision (SAME_PERSON) is taken by whoever typed or proposed. Phú
 * Thọ's pilot and Tân Biên's offices are filed under their province (no commune runs them), so their
 * officer is the province's administrator and their committee and leader sit at the province.
 */
export const DEMO_ACCOUNTS: readonly DemoAccount[] = [
  { email: 'quantri@hoctap.local', password: 'quan-tri-hoc-tap-2026', name: 'Quản trị nền tảng', roles: ['platform-admin'], localities: [] },
  { email: 'canbo.phutho@hoctap.local', password: 'can-bo-phu-tho-2026', name: 'Nguyễn Thị Thu Hà (cán bộ Hội Khuyến học tỉnh Phú Thọ)', roles: ['province-admin'], localities: ['25'] },
  { email: 'hoidong.phutho@hoctap.local', password: 'hoi-dong-phu-tho-2026', name: 'Lê Thị Minh Phương (Hội đồng xét công nhận, Đảng bộ Khối các cơ quan tỉnh)', roles: ['committee-member'], localities: ['25'] },
  { email: 'lanhdao.phutho@hoctap.local', password: 'lanh-dao-phu-tho-2026', name: 'Trần Văn Bình (Trưởng Ban Chỉ đạo công tác khuyến học)', roles: ['leader'], localities: ['25'] },
  { email: 'canbo.tuyloc@hoctap.local', password: 'can-bo-tuy-loc-2026', name: 'Hoàng Thị Lan (cán bộ văn hóa – xã hội xã Tuy Lộc)', roles: ['commune-officer'], localities: ['15', TUY_LOC] },
  { email: 'hoidong.tuyloc@hoctap.local', password: 'hoi-dong-tuy-loc-2026', name: 'Nguyễn Văn Thắng (Chủ tịch Hội Khuyến học xã Tuy Lộc)', roles: ['committee-member'], localities: ['15', TUY_LOC] },
  { email: 'lanhdao.tuyloc@hoctap.local', password: 'lanh-dao-tuy-loc-2026', name: 'Đỗ Văn Hùng (Chủ tịch UBND xã Tuy Lộc)', roles: ['leader'], localities: ['15', TUY_LOC] },
  { email: 'canbo.tanbien@hoctap.local', password: 'can-bo-tan-bien-2026', name: 'Võ Thị Ngọc Hân (chuyên viên Phòng Nội vụ huyện Tân Biên)', roles: ['province-admin'], localities: ['80'] },
  { email: 'hoidong.tanbien@hoctap.local', password: 'hoi-dong-tan-bien-2026', name: 'Phan Văn Lợi (Hội đồng thi đua, Phòng Nội vụ huyện Tân Biên)', roles: ['committee-member'], localities: ['80'] },
  { email: 'lanhdao.tanbien@hoctap.local', password: 'lanh-dao-tan-bien-2026', name: 'Trương Minh Tâm (Trưởng phòng Nội vụ huyện Tân Biên)', roles: ['leader'], localities: ['80'] },
];

/** The roles in Vietnamese, as the portal labels them. */
export const ROLE_LABELS_VI: Readonly<Record<string, string>> = {
  'platform-admin': 'Quản trị nền tảng',
  'province-admin': 'Quản trị tỉnh',
  'commune-officer': 'Cán bộ xã',
  'committee-member': 'Thành viên hội đồng',
  leader: 'Lãnh đạo',
  citizen: 'Công dân',
};

/** A demo account by e-mail (the list above). */
export function demoAccount(email: string): DemoAccount {
  const a = DEMO_ACCOUNTS.find((x) => x.email === email);
  if (!a) throw new Error(`demo: không có tài khoản mẫu ${email}`);
  return a;
}

/** The API application the demo runs through. */
export type App = ReturnType<typeof createApp>;

/** Signs in through the API; returns a caller that sends the session's cookie and CSRF token. */
export async function signIn(app: App, email: string, password: string): Promise<DemoCall> {
  const res = await app.request('/api/auth/login', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email, password }) });
  if (res.status !== 200) throw new Error(`demo: không đăng nhập được ${email}: ${res.status} ${await res.text()}`);
  const cookie = (res.headers.get('set-cookie') ?? '').split(';')[0]!;
  const { csrfToken } = (await res.json()) as { csrfToken: string };
  const call = async (method: string, path: string, body?: unknown, contentType = 'application/json') => {
    // A multipart form carries its own content type (with the boundary).
    const form = body instanceof FormData;
    const r = await app.request(path, {
      method,
      headers: { cookie, 'x-csrf-token': csrfToken, ...(body !== undefined && !form ? { 'content-type': contentType } : {}) },
      ...(body !== undefined ? { body: form || typeof body === 'string' ? body : JSON.stringify(body) } : {}),
    });
    const text = await r.text();
    if (r.status >= 400) throw new Error(`demo: ${method} ${path} → ${r.status} ${text}`);
    return text ? (JSON.parse(text) as Record<string, unknown>) : {};
  };
  return call;
}

