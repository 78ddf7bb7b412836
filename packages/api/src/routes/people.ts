/** People: search by folded name, create with a validated and encrypted citizen id (returned masked), read, update, delete. */
import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi';
import { createPerson, deletePerson, getPerson, searchPeople, updatePerson } from '@hoctap/app';
import type { PersonRow } from '@hoctap/db';
import { callerOf, depsOf, need, scoped, type AppEnv } from '../context.js';
import { communeCode, IdParam, isoDate, nameText, Paging, provinceCode, security, stdProblems } from './common.js';

export const PersonSchema = z
  .object({
    id: z.string(),
    province: z.string(),
    commune: z.string().nullable(),
    fullName: z.string(),
    birthDate: z.string().nullable(),
    sex: z.enum(['male', 'female']).nullable(),
    village: z.string().nullable(),
    citizenIdMasked: z.string().nullable().openapi({ example: '025*******34', description: 'Chỉ hiển thị che; số đầy đủ không bao giờ trả về' }),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .openapi('Person');

const citizenId = z
  .string()
  .transform((s) => s.replace(/\s+/g, ''))
  .pipe(z.string().regex(/^[0-9]{12}$/, 'số định danh gồm đúng 12 chữ số'));

export const PersonCreate = z
  .object({
    province: provinceCode.optional(),
    commune: communeCode.nullable().optional(),
    fullName: nameText().pipe(z.string().min(1, 'cần họ tên')),
    birthDate: isoDate.nullable().optional(),
    sex: z.enum(['male', 'female']).nullable().optional(),
    village: nameText().nullable().optional(),
    citizenId: citizenId.nullable().optional(),
  })
  .strict()
  .openapi('PersonCreate');

const PersonUpdate = z
  .object({
    fullName: nameText().pipe(z.string().min(1, 'cần họ tên')).optional(),
    birthDate: isoDate.nullable().optional(),
    sex: z.enum(['male', 'female']).nullable().optional(),
    village: nameText().nullable().optional(),
    citizenId: citizenId.nullable().optional(),
  })
  .strict()
  .openapi('PersonUpdate');

export function personOut(p: PersonRow): z.infer<typeof PersonSchema> {
  return {
    id: p.id,
    province: p.province_code,
    commune: p.commune_code,
    fullName: p.full_name,
    birthDate: p.birth_date,
    sex: p.sex,
    village: p.village,
    citizenIdMasked: p.citizen_id_masked,
    createdAt: new Date(p.created_at).toISOString(),
    updatedAt: new Date(p.updated_at).toISOString(),
  };
}

const tags = ['Người dân'];
const json = <T extends z.ZodType>(schema: T) => ({ content: { 'application/json': { schema } }, required: true as const });

const list = createRoute({
  method: 'get',
  path: '/api/people',
  tags,
  security,
  summary: 'Tìm người theo tên (không dấu, không phân biệt hoa thường: "nguyen thi ha" → "Nguyễn Thị Hà"), phân trang',
  request: { query: z.object({ q: z.string().max(200).optional(), commune: communeCode.optional(), ...Paging }) },
  responses: {
    200: { content: { 'application/json': { schema: z.object({ items: z.array(PersonSchema), total: z.number().int(), limit: z.number().int(), offset: z.number().int() }) } }, description: 'Một trang' },
    ...stdProblems,
  },
});
const create = createRoute({
  method: 'post',
  path: '/api/people',
  tags,
  security,
  summary: 'Thêm người: số định danh được kiểm tra, lưu mã hoá, trả về dạng che',
  request: { body: json(PersonCreate) },
  responses: { 201: { content: { 'application/json': { schema: PersonSchema } }, description: 'Đã thêm' }, ...stdProblems },
});
const get = createRoute({
  method: 'get',
  path: '/api/people/{id}',
  tags,
  security,
  summary: 'Một người',
  request: { params: IdParam },
  responses: { 200: { content: { 'application/json': { schema: PersonSchema } }, description: 'Người' }, ...stdProblems },
});
const update = createRoute({
  method: 'patch',
  path: '/api/people/{id}',
  tags,
  security,
  summary: 'Sửa thông tin một người',
  request: { params: IdParam, body: json(PersonUpdate) },
  responses: { 200: { content: { 'application/json': { schema: PersonSchema } }, description: 'Đã sửa' }, ...stdProblems },
});
const remove = createRoute({
  method: 'delete',
  path: '/api/people/{id}',
  tags,
  security,
  summary: 'Xoá một người (không được khi người đó đã đăng ký một đợt)',
  request: { params: IdParam },
  responses: { 204: { description: 'Đã xoá' }, ...stdProblems },
});

export function peopleRoutes() {
  const r = new OpenAPIHono<AppEnv>();
  r.openapi(list, async (c) => {
    const a = await need(c, 'people.read');
    const q = c.req.valid('query');
    const page = await scoped(c, a.scope, (trx) => searchPeople(depsOf(c), callerOf(c, a), trx, { query: q.q, commune: q.commune, limit: q.limit, offset: q.offset }));
    return c.json({ items: page.items.map(personOut), total: page.total, limit: q.limit, offset: q.offset }, 200);
  });
  r.openapi(create, async (c) => {
    const a = await need(c, 'people.write');
    const body = c.req.valid('json');
    const person = await scoped(c, a.scope, (trx) => createPerson(depsOf(c), callerOf(c, a), trx, body));
    return c.json(personOut(person), 201);
  });
  r.openapi(get, async (c) => {
    const a = await need(c, 'people.read');
    const p = await scoped(c, a.scope, (trx) => getPerson(depsOf(c), callerOf(c, a), trx, c.req.valid('param')));
    return c.json(personOut(p), 200);
  });
  r.openapi(update, async (c) => {
    const a = await need(c, 'people.write');
    const patch = c.req.valid('json');
    const p = await scoped(c, a.scope, (trx) => updatePerson(depsOf(c), callerOf(c, a), trx, { id: c.req.valid('param').id, patch }));
    return c.json(personOut(p), 200);
  });
  r.openapi(remove, async (c) => {
    const a = await need(c, 'people.write');
    await scoped(c, a.scope, (trx) => deletePerson(depsOf(c), callerOf(c, a), trx, c.req.valid('param')));
    return c.body(null, 204);
  });
  return r;
}
