/** What opening a campaign warns about (issue 11), without a database: drafts, years out of force, the frameworks in force. */
import { describe, expect, it } from 'vitest';
import { AppError } from '../src/errors.js';
import { assertConfirmed, campaignWarnings, currentFrameworks, inForce } from '../src/campaign-checks.js';

const model = (over: object) => ({ subject: 'citizen', status: 'in-force', effective: { from: '2018-05-01', to: '2018-12-31' }, locality: { code: '25' }, ...over }) as never;

describe('campaign checks', () => {
  it('in force by the stated years; none stated is always in force', () => {
    expect(inForce(model({}), 2018)).toBe(true);
    expect(inForce(model({}), 2019)).toBe(false);
    expect(inForce(model({}), 2017)).toBe(false);
    expect(inForce(model({ effective: undefined }), 2040)).toBe(true);
    expect(inForce(model({ effective: { from: '2020-01-01' } }), 2040)).toBe(true);
  });

  it('a draft and a year out of force are warned, each in Vietnamese', () => {
    expect(campaignWarnings(model({}), 'a/b', 2018)).toEqual([]);
    const w = campaignWarnings(model({ status: 'draft' }), 'a/b', 2019);
    expect(w.map((x) => x.code)).toEqual(['FRAMEWORK_DRAFT', 'FRAMEWORK_NOT_IN_FORCE']);
    expect(w[0]!.message).toBe('Bộ tiêu chí a/b còn là dự thảo');
    expect(w[1]!.message).toBe('Bộ tiêu chí a/b không có hiệu lực trong năm 2019 (hiệu lực 2018-05-01 – 2018-12-31)');
  });

  it('the frameworks in force: same subject and locality, not drafts, in force that year', () => {
    const registry = {
      frameworks: [
        { ref: 'p/old', model: model({}) },
        { ref: 'p/new', model: model({ effective: { from: '2019-01-01' } }) },
        { ref: 'p/draft', model: model({ status: 'draft', effective: undefined }) },
        { ref: 'p/family', model: model({ subject: 'household', effective: undefined }) },
        { ref: 'q/other', model: model({ locality: { code: '01' }, effective: undefined }) },
      ],
    } as never;
    expect(currentFrameworks(registry, model({}), 2019)).toEqual(['p/new']);
    expect(currentFrameworks(registry, model({}), 2018)).toEqual(['p/old']);
  });

  it('unconfirmed warnings are a conflict carrying them and the frameworks in force; confirmed or none, nothing', () => {
    const w = campaignWarnings(model({}), 'a/b', 2019);
    let e: unknown;
    try {
      assertConfirmed(w, ['p/new'], false);
    } catch (x) {
      e = x;
    }
    expect(e).toBeInstanceOf(AppError);
    expect(e).toMatchObject({ kind: 'conflict', code: 'CAMPAIGN_NEEDS_CONFIRM', details: { warnings: w, current: ['p/new'] } });
    expect((e as AppError).vi).toContain('bộ tiêu chí đang có hiệu lực: p/new');
    expect(() => assertConfirmed(w, [], true)).not.toThrow();
    expect(() => assertConfirmed([], [], false)).not.toThrow();
  });
});
