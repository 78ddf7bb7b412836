/**
 * Generates a large, valid criteria file deterministically (seeded): one framework with a few
 * hundred criteria of 12–24 indicators each — whole-point, half-point, yes/no and measured
 * indicators with bands — citations, comments, two titles, a grading, a calendar and worked
 * examples, in realistic Vietnamese. Used by the parse benchmark; run it alone to look at it:
 *
 *   node bench/generate-tieuchi.ts > /tmp/big.tieuchi
 */
import { intIn, mulberry32, pick } from './prng.ts';

const VERBS = [
  'Tham gia đầy đủ', 'Thường xuyên tham gia', 'Tích cực tham gia', 'Chủ động tổ chức', 'Có kế hoạch thực hiện',
  'Hoàn thành đúng hạn', 'Duy trì đều đặn', 'Vận động người thân cùng tham gia', 'Hướng dẫn người khác', 'Tự giác thực hiện',
  'Biết khai thác', 'Sử dụng có hiệu quả', 'Ghi chép và báo cáo', 'Phối hợp với chi hội khuyến học', 'Đóng góp ý kiến xây dựng',
];
const OBJECTS = [
  'các buổi sinh hoạt chuyên đề tại trung tâm học tập cộng đồng', 'các lớp bồi dưỡng chuyên môn, nghiệp vụ',
  'hoạt động đọc sách tại thư viện, tủ sách của khu dân cư', 'các lớp học ngoại ngữ, tin học',
  'phong trào khuyến học, khuyến tài của địa phương', 'các hoạt động văn hóa, văn nghệ, thể dục thể thao',
  'việc học tập trực tuyến trên mạng internet, điện thoại di động', 'các cuộc vận động xây dựng nông thôn mới',
  'công tác bảo vệ môi trường, giữ gìn vệ sinh nơi công cộng', 'hoạt động chăm sóc sức khỏe người cao tuổi',
  'phong trào toàn dân đoàn kết xây dựng đời sống văn hóa', 'các lớp tập huấn chuyển giao khoa học kỹ thuật',
  'việc hướng dẫn con cháu học tập, rèn luyện', 'sinh hoạt câu lạc bộ, nhà văn hóa thôn, khu phố',
  'các hoạt động tình nguyện, giúp đỡ người khó khăn', 'việc thực hiện nếp sống văn minh, gia đình văn hóa',
];
const QUALIFIERS = [
  'trong năm', 'theo kế hoạch của cơ quan, đơn vị', 'ít nhất hai lần mỗi quý', 'có xác nhận của tổ dân phố',
  'đạt yêu cầu trở lên', 'theo hướng dẫn của Hội Khuyến học', 'và có sản phẩm cụ thể', 'tại nơi cư trú',
  'với kết quả được ghi nhận', 'phù hợp với điều kiện của gia đình',
];
const THEMES = [
  'Ý thức học tập thường xuyên, năng lực tự học', 'Điều kiện cơ sở vật chất phục vụ học tập', 'Chăm sóc người thân trong gia đình, dòng họ',
  'Lối sống lành mạnh, tuân thủ pháp luật', 'Trình độ chuyên môn, nghiệp vụ đáp ứng công việc', 'Sử dụng ngoại ngữ và công nghệ thông tin',
  'Năng lực lao động sáng tạo, giải quyết vấn đề', 'Tinh thần hợp tác, đoàn kết, chia sẻ trong cộng đồng', 'Tôn trọng và thực hiện bình đẳng giới',
  'Tôn trọng đa dạng văn hóa, hội nhập', 'Ý thức bảo vệ môi trường', 'Tham gia xây dựng xã hội học tập ở cơ sở',
];
const UNITS = ['%', 'buổi', 'giờ', 'cuốn sách'];

export interface Generated {
  readonly text: string;
  readonly lines: number;
  readonly bytes: number;
  readonly criteria: number;
  readonly indicators: number;
}

/** A number the Vietnamese way (decimal comma). */
const vn = (x: number) => String(x).replace('.', ',');

export function generateTieuchi(targetLines = 10_000, seed = 42): Generated {
  const rand = mulberry32(seed);
  const out: string[] = [];
  const push = (s: string) => out.push(s);
  push('# Bộ tiêu chí sinh tự động để đo hiệu năng bộ phân tích (bench/generate-tieuchi.ts).');
  push('# Nội dung mô phỏng bộ tiêu chí "Công dân học tập" cấp tỉnh, không phải văn bản thật.');
  push('bộ tiêu chí cdht-bench-10k "Công dân học tập — bộ tiêu chí lớn dùng để đo hiệu năng"');
  push('  đối tượng: công dân');
  push('  địa bàn: "25" "tỉnh Phú Thọ"');
  push('  hiệu lực: 01/01/2025 - 31/12/2025');
  push('  trạng thái: ban hành');
  push('  căn cứ kh01: "Kế hoạch số 01/KH-HKH ngày 02/01/2025 của Hội Khuyến học tỉnh về xây dựng mô hình Công dân học tập" từ 02/01/2025');
  push('  căn cứ hd02: "Hướng dẫn số 02/HD-HKH ngày 15/01/2025 về chấm điểm, đánh giá, công nhận Công dân học tập" từ 15/01/2025');
  push('  thuộc tính vung "Vùng": "phát triển", "khó khăn"');
  push('  sự kiện gd-van-hoa "Gia đình văn hóa"');
  push('');

  // Reserve room for what follows the criteria (titles, grading, calendar, examples).
  const tailLines = 40;
  const examplePoints: { id: string; max: number }[] = [];
  let grand = 0;
  let nCrit = 0;
  let nInd = 0;
  while (out.length < targetLines - tailLines) {
    nCrit++;
    const c = nCrit;
    const body: string[] = [];
    let sum = 0;
    const count = intIn(rand, 12, 24);
    for (let m = 1; m <= count; m++) {
      const id = `${c}.${m}`;
      const text = `${pick(rand, VERBS)} ${pick(rand, OBJECTS)} ${pick(rand, QUALIFIERS)}`;
      const kind = rand();
      if (kind < 0.1) {
        const max = intIn(rand, 2, 5);
        body.push(`    chỉ số ${id} "${text}" tối đa ${max} dạng đạt${rand() < 0.5 ? ' cần minh chứng' : ''}`);
        sum += max;
      } else if (kind < 0.2) {
        const max = intIn(rand, 4, 10);
        const unit = pick(rand, UNITS);
        body.push(`    chỉ số ${id} "${text}" tối đa ${max} đo "${unit}"`);
        if (unit === '%') {
          body.push(`      mức từ 80% trở lên thì ${max}`);
          body.push(`      mức >= 50% thì ${Math.floor(max / 2)}`);
          body.push('      mức dưới 50% thì 0');
        } else {
          body.push(`      mức >= 10 thì ${max}`);
          body.push(`      mức > 4 thì ${Math.floor(max / 2)}`);
          body.push('      mức <= 4 thì 0');
        }
        sum += max;
      } else if (kind < 0.3) {
        const max = intIn(rand, 4, 12) / 2; // multiples of 0,5
        body.push(`    chỉ số ${id} "${text}" tối đa ${vn(max)} bước 0,5`);
        sum += max;
      } else {
        const max = intIn(rand, 2, 8);
        body.push(`    chỉ số ${id} "${text}" tối đa ${max}`);
        if (rand() < 0.05) body.push(`      giả định "chấm theo biên bản họp tổ dân phố cuối năm"`);
        sum += max;
        if (c <= 3) examplePoints.push({ id, max });
      }
      nInd++;
    }
    push(`  # Tiêu chí ${c}: ${count} chỉ số.`);
    push(`  tiêu chí ${c} "${pick(rand, THEMES)} (nhóm ${c})" tổng ${vn(sum)}`);
    push(`    theo kh01 "mục II.3, bảng tiêu chí, tiêu chí ${c}"`);
    for (const l of body) push(l);
    push('');
    grand += sum;
  }
  const threshold = Math.round(grand * 0.75);
  push(`  tổng điểm ${vn(grand)}`);
  push('');
  push('  # "Cá nhân đạt từ 75% tổng số điểm trở lên được công nhận Công dân học tập."');
  push('  danh hiệu cdht "Công dân học tập"');
  push(`    khi tổng điểm từ ${threshold} trở lên và mọi tiêu chí >= 50%`);
  push('    nếu vung là "khó khăn" thì tổng điểm >= ' + Math.round(grand * 0.7));
  push('    theo hd02 "mục II.5, Bước 3 — Công nhận kết quả"');
  push('');
  push('  danh hiệu cdht-tieu-bieu "Công dân học tập tiêu biểu"');
  push(`    khi đạt cdht 3 năm liền và tổng điểm >= ${Math.round(grand * 0.9)}`);
  push('    theo hd02 "mục II.6"');
  push('');
  push('  xếp loại theo hd02 "mục III"');
  push(`    "Xuất sắc" khi tổng điểm từ ${Math.round(grand * 0.9)} trở lên`);
  push(`    "Tốt" khi tổng điểm >= ${threshold}`);
  push(`    "Đạt" khi tổng điểm >= ${Math.round(grand * 0.5)}`);
  push('    "Chưa đạt" còn lại');
  push('');
  push('  lịch');
  push('    đăng ký "Đăng ký tập thể theo đơn vị, có chữ ký từng thành viên" từ 01/05/2025 đến 31/05/2025 theo kh01 "mục II.5, Bước 1"');
  push('    tự đánh giá "Cá nhân tự chấm điểm, tự đánh giá" trước 05/11/2025 theo kh01 "mục II.5, Bước 3"');
  push('    bình xét "Ban Khuyến học cơ quan, đơn vị chấm điểm, đánh giá" trước 10/11/2025 theo kh01 "mục II.5, Bước 3"');
  push('    công nhận "Thủ trưởng cơ quan, đơn vị ra quyết định công nhận" trong tháng 11 - 12 theo kh01 "mục II.5, Bước 3"');
  push('');
  // Worked examples over the whole-point indicators of the first criteria: every other indicator
  // absent counts 0, so the totals are small and no title is reached.
  const pts = examplePoints.slice(0, 24);
  for (const [name, f] of [['chấm đủ một phần chỉ số', 1], ['chấm một nửa số điểm', 0.5]] as const) {
    const scored = pts.map((p) => ({ id: p.id, v: Math.floor(p.max * f) }));
    push(`  ví dụ "${name}"`);
    for (let i = 0; i < scored.length; i += 8) push(`    điểm ${scored.slice(i, i + 8).map((s) => `${s.id} = ${s.v}`).join(', ')}`);
    push(`    mong đợi tổng ${scored.reduce((a, s) => a + s.v, 0)}, không đạt cdht, xếp loại "Chưa đạt"`);
    push('');
  }
  push('  ví dụ "điểm vượt tối đa là lỗi"');
  push(`    điểm ${pts[0]!.id} = ${pts[0]!.max + 1}`);
  push('    mong đợi lỗi');
  const text = `${out.join('\n')}\n`;
  return { text, lines: out.length, bytes: Buffer.byteLength(text, 'utf8'), criteria: nCrit, indicators: nInd };
}

if (import.meta.main) process.stdout.write(generateTieuchi().text);
