/** The yearly calendar: windows as dates, and whether an action is early, on time or late. */
import { describe, expect, test } from 'vitest';
import { checkDeadline, stepDates } from '../src/index.js';
import { codes, compileOk, fw } from './helpers.js';

const BODY = `  tiêu chí 1 "Học tập"
    chỉ số 1.1 "a" tối đa 10
`;

describe('Phú Thọ: dates and `trước`', () => {
  const model = compileOk(fw(`${BODY}  lịch
    đăng ký "Đăng ký tập thể" từ 01/05/2018 đến 31/05/2018 trễ hạn: từ chối
    tự đánh giá "Cá nhân tự chấm điểm" trước 05/11/2018
    báo cáo trước 01/01
    công nhận đến 20/12
`));

  test('on time, late and early', () => {
    expect(checkDeadline(model, 'registration', '2018-05-15', 2018)).toEqual({ status: 'on-time', window: { from: '2018-05-01', to: '2018-05-31' } });
    expect(checkDeadline(model, 'registration', '2018-05-01', 2018).status).toBe('on-time');
    expect(checkDeadline(model, 'registration', '2018-05-31', 2018).status).toBe('on-time');
    expect(checkDeadline(model, 'registration', '2018-06-01', 2018)).toEqual({ status: 'late', policy: 'refuse', window: { from: '2018-05-01', to: '2018-05-31' } });
    expect(checkDeadline(model, 'registration', '2018-04-30', 2018)).toMatchObject({ status: 'early', policy: 'refuse' });
  });

  test('`trước 05/11/2018` ends on 04/11', () => {
    expect(stepDates(model.calendar[1]!, 2018)).toEqual({ to: '2018-11-04' });
    expect(checkDeadline(model, 'self-assessment', '2018-11-04', 2018).status).toBe('on-time');
    expect(checkDeadline(model, 'self-assessment', '2018-11-05', 2018)).toMatchObject({ status: 'late', policy: 'flag' });
    expect(model.calendar[1]!.description).toBe('trước ngày 05/11/2018');
  });

  test('a recurring `trước 01/01` ends on 31/12 of the campaign year', () => {
    expect(stepDates(model.calendar[2]!, 2018)).toEqual({ to: '2018-12-31' });
  });

  test('a recurring date takes the campaign year', () => {
    expect(stepDates(model.calendar[3]!, 2024)).toEqual({ to: '2024-12-20' });
    expect(checkDeadline(model, 'recognition', '2024-12-20', 2024).status).toBe('on-time');
    expect(checkDeadline(model, 'recognition', '2024-12-21', 2024).status).toBe('late');
  });

  test('a step the calendar does not have', () => {
    expect(checkDeadline(model, 'submission', '2018-05-15', 2018)).toEqual({ status: 'no-window' });
  });
});

describe('Yên Bái: quarters and months', () => {
  const model = compileOk(fw(`${BODY}  lịch
    đăng ký trong quý I
    tự đánh giá trong đầu quý IV
    công nhận trong tháng 11 - 12
    báo cáo trong tháng 2
`));

  test('`trong quý I` is January to March', () => {
    expect(stepDates(model.calendar[0]!, 2024)).toEqual({ from: '2024-01-01', to: '2024-03-31' });
    expect(checkDeadline(model, 'registration', '2024-03-31', 2024).status).toBe('on-time');
    expect(checkDeadline(model, 'registration', '2024-04-01', 2024).status).toBe('late');
    expect(model.calendar[0]!.description).toBe('quý I');
  });

  test('`trong đầu quý IV` is October', () => {
    expect(stepDates(model.calendar[1]!, 2024)).toEqual({ from: '2024-10-01', to: '2024-10-31' });
    expect(checkDeadline(model, 'self-assessment', '2024-09-30', 2024).status).toBe('early');
    expect(checkDeadline(model, 'self-assessment', '2024-10-15', 2024).status).toBe('on-time');
    expect(checkDeadline(model, 'self-assessment', '2024-11-01', 2024).status).toBe('late');
    expect(model.calendar[1]!.description).toBe('đầu quý IV');
  });

  test('`trong tháng 11 - 12` is November to December', () => {
    expect(stepDates(model.calendar[2]!, 2024)).toEqual({ from: '2024-11-01', to: '2024-12-31' });
    expect(checkDeadline(model, 'recognition', '2024-10-31', 2024).status).toBe('early');
    expect(checkDeadline(model, 'recognition', '2024-12-31', 2024).status).toBe('on-time');
  });

  test('`trong tháng 2` ends on the last day of February of that year', () => {
    expect(stepDates(model.calendar[3]!, 2023)).toEqual({ from: '2023-02-01', to: '2023-02-28' });
    expect(stepDates(model.calendar[3]!, 2024)).toEqual({ from: '2024-02-01', to: '2024-02-29' });
  });
});

test('an invalid window is TC2005', () => {
  expect(codes(fw(`${BODY}  lịch
    đăng ký trong quý V
`))).toEqual(['TC2005']);
  expect(codes(fw(`${BODY}  lịch
    đăng ký trong tháng 12 - 11
`))).toEqual(['TC2005']);
  expect(codes(fw(`${BODY}  lịch
    đăng ký trước 31/11
`))).toEqual(['TC2005']);
});

describe('`năm sau` and written years: the calendar moves with the campaign’s year', () => {
  const model = compileOk(fw(`  hiệu lực: từ 21/09/2020
${BODY}  lịch
    nộp hồ sơ trong quý I năm sau trễ hạn: ghi nhận
    báo cáo trong tháng 1 - 2 năm sau
    tự đánh giá trong đầu quý I năm sau
`));

  test('`trong quý I năm sau` is January to March of the year after the campaign’s', () => {
    expect(stepDates(model.calendar[0]!, 2026)).toEqual({ from: '2027-01-01', to: '2027-03-31' });
    expect(checkDeadline(model, 'submission', '2026-12-31', 2026).status).toBe('early');
    expect(checkDeadline(model, 'submission', '2027-03-31', 2026).status).toBe('on-time');
    expect(checkDeadline(model, 'submission', '2027-04-01', 2026)).toMatchObject({ status: 'late', policy: 'flag' });
    expect(model.calendar[0]!.description).toBe('quý I năm sau');
  });

  test('months and the early quarter of the next year; February of a leap next year', () => {
    expect(stepDates(model.calendar[1]!, 2027)).toEqual({ from: '2028-01-01', to: '2028-02-29' });
    expect(stepDates(model.calendar[1]!, 2026)).toEqual({ from: '2027-01-01', to: '2027-02-28' });
    expect(model.calendar[1]!.description).toBe('trong tháng 1 – 2 năm sau');
    expect(stepDates(model.calendar[2]!, 2026)).toEqual({ from: '2027-01-01', to: '2027-01-31' });
  });

  test('a written year counts from the year the framework takes effect (Tân Biên 2023: "từ 01/01/2024 đến 31/03/2024")', () => {
    const tb = compileOk(fw(`  hiệu lực: 20/03/2023 - 31/12/2023
${BODY}  lịch
    nộp hồ sơ đến 24/03/2023
    tự đánh giá từ 01/01/2024 đến 31/03/2024
`));
    expect(stepDates(tb.calendar[0]!, 2023)).toEqual({ to: '2023-03-24' });
    expect(stepDates(tb.calendar[1]!, 2023)).toEqual({ from: '2024-01-01', to: '2024-03-31' });
    expect(stepDates(tb.calendar[0]!, 2025)).toEqual({ to: '2025-03-24' });
    expect(stepDates(tb.calendar[1]!, 2025)).toEqual({ from: '2026-01-01', to: '2026-03-31' });
  });

  test('without an effective date a written year stays', () => {
    const open = compileOk(fw(`${BODY}  lịch
    nộp hồ sơ đến 24/03/2023
`));
    expect(stepDates(open.calendar[0]!, 2025)).toEqual({ to: '2023-03-24' });
  });
});
