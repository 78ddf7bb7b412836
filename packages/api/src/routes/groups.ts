/**
 * Households, clans, communities and units with their members over time: list (folded name search,
 * scoped, paginated), create, read with current members and past memberships, update, delete (not
 * when a registration names the group); add a member, end a membership; a person's groups.
 */
import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi';
import { addMember as addMemberTo, createGroup, deleteGroup, endMember as endMemberOf, getGroup, groupsOfPersonAt, searchGroups, updateGroup } from '@hoctap/app';
import { COMMUNITY_TYPES, UNIT_TYPES, type GroupKind, type GroupRow, type MemberRow } from '@hoctap/db';
import { callerOf, depsOf, need, scoped, type AppEnv, type Ctx } from '../context.js';
import { communeCode, IdParam, isoDate, nameText, Paging, provinceCode, security, stdProblems } from './common.js';

/** How each kind of group is named in paths, schemas and messages. */
const KINDS = {
  household: { path: 'households', schema: 'Household', vi: 'hộ gia đình', en: 'household', tag: 'Hộ gia đình' },
  clan: { path: 'clans', schema: 'Clan', vi: 'dòng họ', en: 'clan', tag: 'Dòng họ' },
  community: { path: 'communities', schema: 'Community', vi: 'cộng đồng', en: 'community', tag: 'Cộng đồng' },
  unit: { path: 'units', schema: 'Unit', vi: 'đơn vị', en: 'unit', tag: 'Đơn vị' },
} as const satisfies Record<GroupKind, unknown>;

const TYPES: Partial<Record<GroupKind, readonly [string, ...string[]]>> = { community: COMMUNITY_TYPES, unit: UNIT_TYPES };
const TYPE_HELP: Partial<Record<GroupKind, string>> = {
  community: 'Loại cộng đồng: village (thôn, làng, bản), residential-group (tổ dân phố), commune (xã, phường)',
  unit: 'Loại đơn vị: agency (cơ quan), school (trường học), enterprise (doanh nghiệp), other (khác)',
};

const MembershipSchema = z
  .object({
    id: z.string(),
    personId: z.string(),
    fullName: z.string().nullable().openapi({ description: 'Họ tên thành viên; null khi người đó ngoài địa bàn của tài khoản' }),
    birthDate: z.string().nullable(),
    role: z.string().openapi({ example: 'head', description: 'head (chủ hộ, trưởng họ, người đứng đầu) hoặc member' }),
    validFrom: z.string().openapi({ example: '2018-01-01', description: 'Ngày bắt đầu (tính cả ngày này)' }),
    validTo: z.string().nullable().openapi({ example: null, description: 'Ngày kết thúc (không tính ngày này); null khi còn là thành viên' }),
  })
  .openapi('Membership');

const PersonGroupSchema = z
  .object({
    membershipId: z.string(),
    kind: z.enum(['household', 'clan', 'community', 'unit']),
    groupId: z.string(),
    groupName: z.string().nullable(),
    role: z.string(),
    validFrom: z.string(),
    validTo: z.string().nullable(),
    current: z.boolean(),
  })
  .openapi('PersonGroup');

function memberOut(m: MemberRow) {
  return { id: m.id, personId: m.person_id, fullName: m.full_name, birthDate: m.birth_date, role: m.role, validFrom: m.valid_from, validTo: m.valid_to };
}

function groupOut(g: GroupRow) {
  return {
    id: g.id,
    kind: g.kind,
    province: g.province_code,
    commune: g.commune_code,
    name: g.name,
    village: g.village,
    type: g.type,
    createdAt: new Date(g.created_at).toISOString(),
  };
}

const json = <T extends z.ZodType>(schema: T) => ({ content: { 'application/json': { schema } }, required: true as const });
const ok = <T extends z.ZodType>(schema: T, description: string) => ({ content: { 'application/json': { schema } }, description });

const MemberAdd = z
  .object({
    personId: z.string().max(100),
    role: z.enum(['head', 'member']).optional().openapi({ description: 'head: chủ hộ / trưởng họ / người đứng đầu; mặc định member' }),
    validFrom: isoDate.optional().openapi({ description: 'Mặc định: hôm nay' }),
    validTo: isoDate.nullable().optional(),
  })
  .strict()
  .openapi('MembershipCreate');
const MemberEnd = z
  .object({ date: isoDate.optional().openapi({ example: '2018-12-31', description: 'Ngày thôi là thành viên (không tính ngày này); mặc định hôm nay' }) })
  .strict()
  .openapi('MembershipEnd');
const MemberParams = z.object({
  id: z.string().max(100).openapi({ param: { name: 'id', in: 'path' } }),
  membershipId: z.string().max(100).openapi({ param: { name: 'membershipId', in: 'path' } }),
});

/** The routes of one kind of group. */
function kindRoutes(r: OpenAPIHono<AppEnv>, kind: GroupKind) {
  const k = KINDS[kind];
  const types = TYPES[kind];
  const base = `/api/${k.path}`;
  const tags = [k.tag];
  const typeField = types ? z.enum(types).openapi({ description: TYPE_HELP[kind]! }) : undefined;

  const Schema = z
    .object({
      id: z.string(),
      kind: z.literal(kind),
      province: z.string(),
      commune: z.string().nullable(),
      name: z.string(),
      village: z.string().nullable().openapi({ description: 'Thôn của hộ (chỉ hộ gia đình)' }),
      type: z.string().nullable().openapi({ description: TYPE_HELP[kind] ?? 'Không dùng cho loại nhóm này' }),
      createdAt: z.string(),
    })
    .openapi(k.schema);
  const ListItem = Schema.extend({ memberCount: z.number().int().openapi({ description: 'Số thành viên vào ngày `date`' }) }).openapi(`${k.schema}ListItem`);
  const Detail = Schema.extend({
    date: z.string().openapi({ description: 'Ngày xét thành viên hiện tại' }),
    members: z.array(MembershipSchema).openapi({ description: 'Thành viên vào ngày `date`' }),
    history: z.array(MembershipSchema).openapi({ description: 'Các tư cách thành viên khác: đã kết thúc hoặc chưa bắt đầu' }),
  }).openapi(`${k.schema}Detail`);

  const nameField = nameText().pipe(z.string().min(1, 'cần có tên'));
  const villageField = nameText().nullable().optional();
  const Create = z
    .object({
      province: provinceCode.optional(),
      commune: communeCode.nullable().optional(),
      name: nameField,
      ...(kind === 'household' ? { village: villageField } : {}),
      ...(typeField ? { type: typeField } : {}),
    })
    .strict()
    .openapi(`${k.schema}Create`);
  const Update = z
    .object({
      name: nameField.optional(),
      ...(kind === 'household' ? { village: villageField } : {}),
      ...(typeField ? { type: typeField.optional() } : {}),
    })
    .strict()
    .openapi(`${k.schema}Update`);

  const list = createRoute({
    method: 'get',
    path: base,
    tags,
    security,
    summary: `Danh sách ${k.vi} trong địa bàn, tìm theo tên không dấu ("ho nguyen van an" → "Hộ Nguyễn Văn An"), phân trang`,
    request: {
      query: z.object({
        q: z.string().max(200).optional(),
        commune: communeCode.optional(),
        ...(types ? { type: z.enum(types).optional() } : {}),
        date: isoDate.optional().openapi({ description: 'Ngày đếm thành viên; mặc định hôm nay' }),
        ...Paging,
      }),
    },
    responses: { 200: ok(z.object({ items: z.array(ListItem), total: z.number().int(), limit: z.number().int(), offset: z.number().int() }), 'Một trang'), ...stdProblems },
  });
  const create = createRoute({ method: 'post', path: base, tags, security, summary: `Thêm ${k.vi}`, request: { body: json(Create) }, responses: { 201: ok(Schema, 'Đã thêm'), ...stdProblems } });
  const get = createRoute({
    method: 'get',
    path: `${base}/{id}`,
    tags,
    security,
    summary: `Một ${k.vi} với thành viên hiện tại và các lần thay đổi thành viên`,
    request: { params: IdParam, query: z.object({ date: isoDate.optional().openapi({ description: 'Xem thành viên vào ngày này; mặc định hôm nay' }) }) },
    responses: { 200: ok(Detail, k.tag), ...stdProblems },
  });
  const update = createRoute({ method: 'patch', path: `${base}/{id}`, tags, security, summary: `Sửa ${k.vi}`, request: { params: IdParam, body: json(Update) }, responses: { 200: ok(Schema, 'Đã sửa'), ...stdProblems } });
  const remove = createRoute({
    method: 'delete',
    path: `${base}/{id}`,
    tags,
    security,
    summary: `Xoá ${k.vi} cùng các tư cách thành viên (không được khi đã đăng ký một đợt đánh giá)`,
    request: { params: IdParam },
    responses: { 204: { description: 'Đã xoá' }, ...stdProblems },
  });
  const addMember = createRoute({
    method: 'post',
    path: `${base}/{id}/members`,
    tags,
    security,
    summary: `Thêm một người vào ${k.vi} từ một ngày (cùng tỉnh; không trùng thời gian với tư cách đã có)`,
    request: { params: IdParam, body: json(MemberAdd) },
    responses: { 201: ok(MembershipSchema, 'Đã thêm thành viên'), ...stdProblems },
  });
  const endMember = createRoute({
    method: 'post',
    path: `${base}/{id}/members/{membershipId}/end`,
    tags,
    security,
    summary: `Kết thúc tư cách thành viên ${k.vi} vào một ngày (ngày đó không còn là thành viên)`,
    request: { params: MemberParams, body: { content: { 'application/json': { schema: MemberEnd } }, required: false } },
    responses: { 200: ok(MembershipSchema, 'Đã kết thúc'), ...stdProblems },
  });

  r.openapi(list, async (c) => {
    const a = await need(c, 'people.read');
    const q = c.req.valid('query') as { q?: string; commune?: string; type?: string; date?: string; limit: number; offset: number };
    const page = await scoped(c, a.scope, (trx) => searchGroups(depsOf(c), callerOf(c, a), trx, { kind, query: q.q, commune: q.commune, type: q.type, date: q.date, limit: q.limit, offset: q.offset }));
    return c.json({ items: page.items.map((g) => ({ ...groupOut(g), memberCount: g.member_count })), total: page.total, limit: q.limit, offset: q.offset } as never, 200);
  });

  r.openapi(create, async (c) => {
    const a = await need(c, 'people.write');
    const body = c.req.valid('json') as { province?: string; commune?: string | null; name: string; village?: string | null; type?: string };
    const g = await scoped(c, a.scope, (trx) => createGroup(depsOf(c), callerOf(c, a), trx, { kind, ...body }));
    return c.json(groupOut(g) as never, 201);
  });

  r.openapi(get, async (c) => {
    const a = await need(c, 'people.read');
    const out = await scoped(c, a.scope, (trx) => getGroup(depsOf(c), callerOf(c, a), trx, { kind, id: c.req.valid('param').id, date: c.req.valid('query').date }));
    return c.json({ ...groupOut(out.group), date: out.date, members: out.members.map(memberOut), history: out.history.map(memberOut) } as never, 200);
  });

  r.openapi(update, async (c) => {
    const a = await need(c, 'people.write');
    const patch = c.req.valid('json') as { name?: string; village?: string | null; type?: string };
    const g = await scoped(c, a.scope, (trx) => updateGroup(depsOf(c), callerOf(c, a), trx, { kind, id: c.req.valid('param').id, patch }));
    return c.json(groupOut(g) as never, 200);
  });

  r.openapi(remove, async (c) => {
    const a = await need(c, 'people.write');
    await scoped(c, a.scope, (trx) => deleteGroup(depsOf(c), callerOf(c, a), trx, { kind, id: c.req.valid('param').id }));
    return c.body(null, 204);
  });

  r.openapi(addMember, async (c) => {
    const a = await need(c, 'people.write');
    const body = c.req.valid('json');
    const m = await scoped(c, a.scope, (trx) => addMemberTo(depsOf(c), callerOf(c, a), trx, { kind, groupId: c.req.valid('param').id, ...body }));
    return c.json(memberOut(m) as never, 201);
  });

  r.openapi(endMember, async (c) => {
    const a = await need(c, 'people.write');
    const params = c.req.valid('param');
    let body: { date?: string } = {};
    if (c.req.header('content-type')?.includes('json')) body = (c.req.valid('json') as { date?: string } | undefined) ?? {};
    const m = await scoped(c, a.scope, (trx) => endMemberOf(depsOf(c), callerOf(c, a), trx, { kind, groupId: params.id, membershipId: params.membershipId, date: body.date }));
    return c.json(memberOut(m) as never, 200);
  });
}

const personGroups = createRoute({
  method: 'get',
  path: '/api/people/{id}/groups',
  tags: ['Người dân'],
  security,
  summary: 'Các hộ, dòng họ, cộng đồng, đơn vị mà một người thuộc về (hiện tại và trước đây)',
  request: { params: IdParam, query: z.object({ date: isoDate.optional() }) },
  responses: { 200: ok(z.object({ date: z.string(), items: z.array(PersonGroupSchema) }), 'Các nhóm của người này'), ...stdProblems },
});

export function groupRoutes() {
  const r = new OpenAPIHono<AppEnv>();
  for (const kind of ['household', 'clan', 'community', 'unit'] as const) kindRoutes(r, kind);
  r.openapi(personGroups, async (c: Ctx) => {
    const a = await need(c, 'people.read');
    const personId = (c.req.valid as (t: 'param') => { id: string })('param').id;
    const date = (c.req.valid as (t: 'query') => { date?: string })('query').date;
    const out = await scoped(c, a.scope, (trx) => groupsOfPersonAt(depsOf(c), callerOf(c, a), trx, { personId, date }));
    return c.json(
      {
        date: out.date,
        items: out.items.map((m) => ({ membershipId: m.id, kind: m.kind, groupId: m.group_id, groupName: m.group_name, role: m.role, validFrom: m.valid_from, validTo: m.valid_to, current: m.current })),
      },
      200,
    );
  });
  return r;
}
