import { describe, expect, it } from 'vitest';
import { diffValues, formatValue } from '../diff';

describe(diffValues.name, () => {
  it('lines up old and new key by key, old keys first, and marks what changed', () => {
    expect(diffValues({ status: 'pending', reportId: 'r1' }, { status: 'confirmed', unitId: 'u1', reportId: 'r1' })).toEqual([
      { key: 'status', before: 'pending', after: 'confirmed', changed: true },
      { key: 'reportId', before: 'r1', after: 'r1', changed: false },
      { key: 'unitId', before: undefined, after: 'u1', changed: true },
    ]);
  });

  it('treats a missing side as empty, compares nested values by content, and keeps non-objects on one line', () => {
    expect(diffValues(null, { level: 2 })).toEqual([{ key: 'level', before: undefined, after: 2, changed: true }]);
    expect(diffValues({ place: { lat: 1, name: 'a' } }, { place: { name: 'a', lat: 1 } })[0]!.changed).toBe(false);
    expect(diffValues(120, 100)).toEqual([{ key: '', before: 120, after: 100, changed: true }]);
    expect(diffValues(null, undefined)).toEqual([]);
  });
});

describe(formatValue.name, () => {
  it('writes values the way staff read them', () => {
    expect(formatValue(undefined)).toBe('—');
    expect(formatValue(['elderly', '***'])).toBe('elderly, ***');
    expect(formatValue({ from: '09:00' })).toBe('{"from":"09:00"}');
    expect(formatValue(false)).toBe('false');
    expect(formatValue('')).toBe('""');
  });
});
