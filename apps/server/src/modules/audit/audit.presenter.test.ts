import { describe, expect, it } from 'vitest';
import { maskAuditValue, maskText, presentActor } from './audit.presenter.js';

describe(maskAuditValue.name, () => {
  it('masks the resident fields resident.create and resident.update write', () => {
    const value = {
      name: '次仁央宗',
      nameBo: 'ཚེ་རིང་དབྱངས་འཛོམས།',
      idType: 'resident_id',
      idNumberMasked: '5401**********1234',
      phoneMasked: '139****5678',
      focusTags: ['elderly', '***'],
      sensitiveTagsEnc: 'v1:aGVsbG8=:c2VjcmV0',
      gridId: 'grid_sy_02',
    };
    expect(maskAuditValue(value, 'person')).toEqual({
      name: '次***',
      nameBo: 'ཚེ་*',
      idType: 'resident_id',
      idNumberMasked: '5401**********1234',
      phoneMasked: '139****5678',
      focusTags: ['elderly', '***'],
      sensitiveTagsEnc: '***',
      gridId: 'grid_sy_02',
    });
  });

  it('masks a raw phone or ID number should one ever be written, but keeps the word “changed”', () => {
    expect(maskAuditValue({ phone: '13912345678', idNumber: '540102199001011234' }, 'volunteer')).toEqual({
      phone: '139****5678',
      idNumber: '5401**********1234',
    });
    expect(maskAuditValue({ phone: 'changed', nameBo: 'changed' }, 'volunteer')).toEqual({ phone: 'changed', nameBo: 'changed' });
  });

  it('masks the house number of a household address, old and new', () => {
    expect(maskAuditValue({ address: '桑伊社区3栋2单元501室' }, 'household')).toEqual({ address: '桑伊社区3栋2单元***室' });
  });

  it('leaves the names of things alone: rewards, service items, an activity’s place', () => {
    expect(maskAuditValue({ name: '大米 5 斤', nameBo: null, pointsCost: 200 }, 'reward')).toEqual({
      name: '大米 5 斤',
      nameBo: null,
      pointsCost: 200,
    });
    expect(maskAuditValue({ place: { name: '桑伊社区党群服务中心', lat: 29.7 } }, 'activity')).toEqual({
      place: { name: '桑伊社区党群服务中心', lat: 29.7 },
    });
  });

  it('keeps hashes, certificate numbers and ids intact', () => {
    const value = {
      number: 'DD-ST-2026-000004-PLKD',
      contentHash: '7a6a31db35049f55987c3843409665f19115ab9a84ad6dcbcdb796f206d63df1',
      personIds: ['p_13912345678x'],
      verifiedMinutes: 13912345678,
    };
    expect(maskAuditValue(value, 'volunteer')).toEqual(value);
    expect(maskAuditValue(null, 'volunteer')).toBeNull();
    expect(maskAuditValue(undefined, 'volunteer')).toBeNull();
  });
});

describe(maskText.name, () => {
  it('masks phones and ID numbers in free text', () => {
    expect(maskText('家属电话13987654321，身份证54010219900101123X')).toBe('家属电话139****4321，身份证5401**********123X');
    expect(maskText('demo data')).toBe('demo data');
  });
});

describe(presentActor.name, () => {
  it('shows the masked name and the most senior role the account holds', () => {
    expect(presentActor({ id: 'acc_1', name: '旦增朗杰', roles: ['volunteer', 'street_admin'] })).toEqual({
      id: 'acc_1',
      name: '旦***',
      role: 'street_admin',
    });
    expect(presentActor({ id: 'acc_2', name: '扎西', roles: null })).toEqual({ id: 'acc_2', name: '扎*', role: null });
  });
});
