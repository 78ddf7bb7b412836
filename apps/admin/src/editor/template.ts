/** The text a new criteria file starts from: small, valid, with a worked example to copy. */
export const STARTER_TEMPLATE = `# Bộ tiêu chí mới: sửa mã, tên, căn cứ, tiêu chí và ví dụ cho đúng văn bản gốc.
bộ tiêu chí cdht-moi "Công dân học tập — bộ tiêu chí mới"
  đối tượng: công dân
  hiệu lực: 01/01/2026 - 31/12/2026
  trạng thái: dự thảo
  căn cứ kh: "Kế hoạch số …/KH-HKH ngày …/…/2026 của Hội Khuyến học …"

  tiêu chí 1 "Có ý thức học tập thường xuyên" tổng 10
    theo kh "mục II.1"
    chỉ số 1.1 "Tham gia các lớp học, buổi sinh hoạt chuyên đề" tối đa 5
    chỉ số 1.2 "Tự học trên sách báo, mạng internet" tối đa 5 cần minh chứng

  tiêu chí 2 "Tích cực tham gia các phong trào của cộng đồng" tổng 10
    theo kh "mục II.2"
    chỉ số 2.1 "Tham gia các hoạt động chung của khu dân cư" tối đa 5
    chỉ số 2.2 "Giúp đỡ người xung quanh khi gặp khó khăn" tối đa 5

  tổng điểm 20

  danh hiệu cdht "Công dân học tập"
    khi tổng điểm từ 15 trở lên
    theo kh "mục III"

  ví dụ "đủ 15 điểm, có minh chứng thì đạt"
    điểm 1.1 = 4, 1.2 = 4, 2.1 = 4, 2.2 = 3
    minh chứng 1.2
    mong đợi tổng 15, đạt cdht

  ví dụ "14 điểm thì chưa đạt"
    điểm 1.1 = 4, 1.2 = 3, 2.1 = 4, 2.2 = 3
    minh chứng 1.2
    mong đợi tổng 14, không đạt cdht
`;
