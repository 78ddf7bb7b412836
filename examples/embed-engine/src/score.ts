/**
 * The engine embedded in a program: a criteria file as text, a few citizens as plain objects,
 * results and explanations back — no server, no database.
 */
import { compileText, evaluate, explanationText, type EvaluationResult, type Model } from '@hoctap/core';
import { formatDiagnostic } from '@hoctap/criteria-dsl';

/** A small ward framework written inline: four indicators, recognition from 80 with none below 5. */
export const WARD_FRAMEWORK = `
bộ tiêu chí cdht-phuong-mau "Công dân học tập — phường mẫu"
  đối tượng: công dân
  căn cứ kh: "Kế hoạch mẫu của phường" từ 01/01/2026
  hiệu lực: 01/01/2026 - 31/12/2026
  tiêu chí 1 "Tự học và học tập suốt đời" tổng 50 theo kh
    chỉ số 1.1 "Đọc sách báo, cập nhật thông tin" tối đa 25
    chỉ số 1.2 "Tham gia lớp học, sinh hoạt câu lạc bộ" tối đa 25
  tiêu chí 2 "Kỹ năng số và quan hệ xã hội" tổng 50 theo kh
    chỉ số 2.1 "Sử dụng công nghệ thông tin" tối đa 25
    chỉ số 2.2 "Hợp tác, chia sẻ trong cộng đồng" tối đa 25
  tổng điểm 100
  danh hiệu cdht "Công dân học tập"
    khi tổng điểm từ 80 trở lên và không có chỉ số nào dưới 5
    theo kh
  ví dụ "80 điểm thì đạt"
    điểm 1.1 = 20, 1.2 = 20, 2.1 = 20, 2.2 = 20
    mong đợi tổng 80, đạt cdht
`;

/** Compiles the framework, or throws with compiler-style diagnostics. */
export function loadModel(text = WARD_FRAMEWORK): Model {
  const r = compileText(text, { file: 'phuong-mau.tieuchi' });
  if (!r.valid) throw new Error(r.diagnostics.map((d) => formatDiagnostic(d, r.source)).join('\n'));
  return r.models[0]!;
}

/** Scores citizens and returns results with explanations. */
export function scoreCitizens(model: Model, citizens: readonly { id: string; scores: Record<string, number> }[]): EvaluationResult[] {
  return citizens.map((c) => evaluate(model, c, { explain: true }));
}

/** Prints each result and its explanation, in Vietnamese. */
export function report(results: readonly EvaluationResult[]): string {
  return results.map((r) => (r.errors ? `${r.id}: lỗi — ${r.errors.map((e) => e.message).join('; ')}` : explanationText(r.explanation!))).join('\n\n');
}
