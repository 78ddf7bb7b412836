import { describe, expect, it } from 'vitest';
import { downloads } from './downloads.ts';

describe('downloads — addresses of the API documents', () => {
  it('import templates: the score template carries the framework, encoded', () => {
    expect(downloads.template('people')).toBe('/api/templates/people.xlsx');
    expect(downloads.template('households')).toBe('/api/templates/households.xlsx');
    expect(downloads.template('scores', 'tan-thanh/cdht-tan-thanh-2022')).toBe('/api/templates/scores.xlsx?framework=tan-thanh%2Fcdht-tan-thanh-2022');
    expect(downloads.template('people', 'x/y')).toBe('/api/templates/people.xlsx');
  });
  it('yearly report in Excel and PDF, with the denominator only when it is not the default', () => {
    expect(downloads.yearlyReport('c-1', 'xlsx')).toBe('/api/reports/campaigns/c-1.xlsx');
    expect(downloads.yearlyReport('c-1', 'pdf', 'registered')).toBe('/api/reports/campaigns/c-1.pdf');
    expect(downloads.yearlyReport('c-1', 'pdf', 'all')).toBe('/api/reports/campaigns/c-1.pdf?denominator=all');
  });
  it('decision and certificates', () => {
    expect(downloads.decisionPdf('d/1')).toBe('/api/decisions/d%2F1/pdf');
    expect(downloads.certificatesPdf('d1')).toBe('/api/decisions/d1/certificates.pdf');
    expect(downloads.jobFile('j/1')).toBe('/api/jobs/j%2F1/file');
  });
  it('score sheet, optionally per target group', () => {
    expect(downloads.scoreSheetPdf('phu-tho', 'cdht-phu-tho-2018')).toBe('/api/frameworks/phu-tho/cdht-phu-tho-2018/score-sheet.pdf');
    expect(downloads.scoreSheetPdf('phu-tho', 'cdht-phu-tho-2018', 'tri-thuc')).toBe('/api/frameworks/phu-tho/cdht-phu-tho-2018/score-sheet.pdf?group=tri-thuc');
  });
});
