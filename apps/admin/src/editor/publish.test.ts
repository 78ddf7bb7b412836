import { describe, expect, it } from 'vitest';
import { analyze } from './analyze.ts';
import { publishGate } from './publish.ts';
import { STARTER_TEMPLATE } from './template.ts';

const admin = { pending: false, roles: ['province-admin'] };

describe('publishGate (when "Xuất bản" is enabled)', () => {
  it('enabled for a clean file whose examples all pass, for a province or platform admin', () => {
    const a = analyze(STARTER_TEMPLATE);
    const g = publishGate(a, admin);
    expect(g).toMatchObject({ enabled: true, passed: a.examples.length, total: a.examples.length });
    expect(g.reason).toBeUndefined();
    expect(publishGate(a, { pending: false, roles: ['platform-admin'] }).enabled).toBe(true);
  });

  it('disabled while the text is being checked', () => {
    expect(publishGate(analyze(STARTER_TEMPLATE), { ...admin, pending: true })).toMatchObject({ enabled: false, reason: 'checking' });
  });

  it('disabled with an error in the file', () => {
    const a = analyze(STARTER_TEMPLATE.replace('    chỉ số 1.2', '    chỉ sô 1.2'));
    expect(publishGate(a, admin)).toMatchObject({ enabled: false, reason: 'errors' });
  });

  it('disabled when a worked example fails, with the counts', () => {
    const a = analyze(STARTER_TEMPLATE.replace('mong đợi tổng 15', 'mong đợi tổng 16'));
    const g = publishGate(a, admin);
    expect(g).toMatchObject({ enabled: false, reason: 'examples', total: a.examples.length });
    expect(g.passed).toBeLessThan(g.total);
  });

  it('disabled for a draft that breaks a framework rule (an uncited rule): a warning in the editor, refused by publishing', () => {
    const a = analyze(STARTER_TEMPLATE.replace(/\n\s*theo [^\n]*/, ''));
    expect(a.diagnostics.some((d) => d.code === 'TC2100' && d.severity === 'warning')).toBe(true);
    expect(publishGate(a, admin)).toMatchObject({ enabled: false, reason: 'rules' });
  });

  it('disabled for accounts that may not publish, and when signed out', () => {
    const a = analyze(STARTER_TEMPLATE);
    expect(publishGate(a, { pending: false, roles: ['commune-officer'] })).toMatchObject({ enabled: false, reason: 'notAllowed' });
    expect(publishGate(a, { pending: false, roles: ['citizen'] })).toMatchObject({ enabled: false, reason: 'notAllowed' });
    expect(publishGate(a, { pending: false, roles: undefined })).toMatchObject({ enabled: false, reason: 'signedOut' });
  });

  it('disabled when the file holds no framework or several', () => {
    const a = analyze(STARTER_TEMPLATE);
    expect(publishGate({ ...a, models: [] }, admin)).toMatchObject({ enabled: false, reason: 'count' });
    expect(publishGate({ ...a, models: [a.models[0]!, a.models[0]!] }, admin)).toMatchObject({ enabled: false, reason: 'count' });
  });
});
