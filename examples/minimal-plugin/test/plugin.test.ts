import { describe, expect, it } from 'vitest';
import { createRegistry, evaluate } from '@hoctap/core';
import { national } from '@hoctap/plugin-national';
import { checkPluginContract } from '@hoctap/plugin-contract';
import { xaMau } from '../src/index.js';

describe('the minimal plugin a new locality copies', () => {
  it('meets the plugin contract on top of the national plugin', () => {
    const report = checkPluginContract(xaMau, [national]);
    expect(report.findings).toEqual([]);
    expect(report.examples).toBe(4);
  });

  it('derives from the national framework: 10 indicators, 100 points, its own floor', () => {
    const m = createRegistry([national, xaMau]).get('xa-mau/cdht-xa-mau-2026').model;
    expect(m.basedOn).toBe('cdht-quoc-gia-2022');
    expect(m.indicators).toHaveLength(10);
    expect(m.max).toBe(100);
    const r = evaluate(m, { group: 'tri-thuc', scores: { '1': 2, '2': 10, '3': 10, '4': 10, '5': 10, '6': 10, '7': 10, '8': 10, '9': 10, '10': 10 } });
    expect(r.total).toBe(95);
  });
});
