/** The zod schemas of the API: the single source of validation and of the OpenAPI document. */
import { z } from '@hono/zod-openapi';

const nfc = z.string().transform((s) => s.normalize('NFC'));

export const FrameworkSummary = z
  .object({
    ref: z.string().openapi({ example: 'phu-tho/cdht-phu-tho-2018' }),
    plugin: z.string(),
    id: z.string(),
    title: z.string(),
    subject: z.enum(['citizen', 'household', 'clan', 'community', 'commune', 'unit']),
    effective: z.object({ from: z.string().optional(), to: z.string().optional() }),
    status: z.enum(['in-force', 'draft']),
    file: z.string(),
    locality: z.object({ code: z.string(), name: z.string().optional() }).optional(),
  })
  .openapi('FrameworkSummary');

export const FrameworkDetail = z
  .object({
    ref: z.string(),
    plugin: z.string(),
    file: z.string(),
    source: z.string(),
    model: z.record(z.string(), z.unknown()).openapi({ description: 'The checked model (see @hoctap/core Model)' }),
  })
  .openapi('FrameworkDetail');

export const DiagnosticSchema = z
  .object({
    code: z.string(),
    severity: z.enum(['error', 'warning']),
    line: z.number().int(),
    column: z.number().int(),
    endLine: z.number().int(),
    endColumn: z.number().int(),
    message: z.string(),
    suggestion: z.string().optional(),
  })
  .openapi('Diagnostic');

export const CheckRequest = z
  .object({
    source: nfc.pipe(z.string().max(2_000_000)),
    file: z.string().max(200).optional(),
  })
  .openapi('CheckRequest');

export const CheckResponse = z
  .object({
    valid: z.boolean(),
    diagnostics: z.array(DiagnosticSchema),
    examples: z.array(z.object({ framework: z.string(), name: z.string(), passed: z.boolean(), failures: z.array(z.object({ expected: z.string(), actual: z.string() })) })),
  })
  .openapi('CheckResponse');

const score = z.union([z.number(), z.boolean(), z.null()]);

type SubjectIn = {
  id?: string | undefined;
  year?: number | undefined;
  group?: string | undefined;
  attributes?: Record<string, string> | undefined;
  scores?: Record<string, number | boolean | null> | undefined;
  evidence?: Record<string, boolean | unknown[] | null> | undefined;
  facts?: string[] | undefined;
  history?: Record<string, string[]> | undefined;
  members?: SubjectIn[] | undefined;
  titles?: string[] | undefined;
};

export const SubjectSchema: z.ZodType<SubjectIn> = z
  .lazy(() =>
    z.object({
      id: nfc.pipe(z.string().max(200)).optional(),
      year: z.number().int().min(1990).max(2100).optional(),
      group: z.string().max(100).optional(),
      attributes: z.record(z.string(), nfc).optional(),
      scores: z.record(z.string(), score).optional(),
      evidence: z.record(z.string(), z.union([z.boolean(), z.array(z.unknown()), z.null()])).optional(),
      facts: z.array(z.string()).optional(),
      history: z.record(z.string(), z.array(nfc)).optional(),
      members: z.array(SubjectSchema).max(100_000).optional(),
      titles: z.array(nfc).optional(),
    }),
  )
  .openapi('Subject');

export const EvaluateRequest = z
  .object({
    framework: z.string().openapi({ example: 'phu-tho/cdht-phu-tho-2018' }),
    subjects: z.array(SubjectSchema).min(1).max(10_000),
    year: z.number().int().optional(),
    explain: z.boolean().optional(),
  })
  .openapi('EvaluateRequest');

export const EvaluateResponse = z
  .object({
    framework: z.string(),
    results: z.array(
      z.object({
        id: z.string().optional(),
        total: z.number().optional(),
        max: z.number().optional(),
        titles: z.array(z.string()).optional(),
        level: z.string().optional(),
        criteria: z.array(z.object({ id: z.string(), points: z.number(), max: z.number() })).optional(),
        explanation: z.unknown().optional(),
        explanationText: z.string().optional(),
        errors: z.array(z.object({ code: z.string(), field: z.string().optional(), message: z.string() })).optional(),
      }),
    ),
  })
  .openapi('EvaluateResponse');

export const Problem = z
  .object({
    type: z.string(),
    title: z.string(),
    status: z.number().int(),
    code: z.string(),
    detail: z.string(),
    instance: z.string().optional(),
  })
  .openapi('Problem');
