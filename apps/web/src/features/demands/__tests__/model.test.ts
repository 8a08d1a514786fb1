import { describe, expect, it } from 'vitest';
import { DEMAND_CHANNELS } from '@duodi/contracts';
import { guessBeneficiary } from '../components/staff-order-form';
import { availableTimeChoices, DEMAND_CHANNEL_VALUES, emergencyCalls, stepIndexOf, STAFF_CHANNELS, timeWindow } from '../model';

describe('demands model', () => {
  it('keeps the same channels as the contracts', () => {
    expect([...DEMAND_CHANNEL_VALUES]).toEqual([...DEMAND_CHANNELS]);
    expect(STAFF_CHANNELS).toEqual(['phone', 'chat', 'visit', 'walk_in']);
  });

  it('finds the emergency numbers a server message names, and no others', () => {
    expect(emergencyCalls('这像是紧急情况：请立即拨打 119。')).toEqual(['119']);
    expect(emergencyCalls('ལམ་སེང་ 120 ལ་ཁ་པར་གཏོང་རོགས།')).toEqual(['120']);
    expect(emergencyCalls('call 110 or 120, not 1190 or 21100')).toEqual(['110', '120']);
    expect(emergencyCalls('no number here')).toEqual([]);
  });

  it('turns quick time choices into windows of this device’s day', () => {
    const morning = new Date(2026, 10, 29, 8, 15);
    expect(timeWindow('any', morning)).toBeNull();
    const today = timeWindow('today_morning', morning)!;
    expect(new Date(today.preferredStart).getHours()).toBe(9);
    expect(new Date(today.preferredEnd).getHours()).toBe(12);
    const tomorrow = timeWindow('tomorrow_afternoon', morning)!;
    expect([new Date(tomorrow.preferredStart).getDate(), new Date(tomorrow.preferredStart).getHours()]).toEqual([30, 14]);
    expect(new Date(tomorrow.preferredEnd).getHours()).toBe(18);
    // A window of today that has begun starts now (the API wants start < end).
    const late = new Date(2026, 10, 29, 15, 20, 30);
    const afternoon = timeWindow('today_afternoon', late)!;
    expect(new Date(afternoon.preferredStart).getHours()).toBe(15);
    expect(new Date(afternoon.preferredStart).getMinutes()).toBe(20);
  });

  it('offers only the windows still possible', () => {
    expect(availableTimeChoices(new Date(2026, 10, 29, 8, 0))).toContain('today_morning');
    expect(availableTimeChoices(new Date(2026, 10, 29, 13, 0))).toEqual([
      'any',
      'today_afternoon',
      'tomorrow_morning',
      'tomorrow_afternoon',
    ]);
    expect(availableTimeChoices(new Date(2026, 10, 29, 17, 45))).toEqual(['any', 'tomorrow_morning', 'tomorrow_afternoon']);
  });

  it('puts each status on the resident’s steps; rejected and cancelled are off them', () => {
    expect(stepIndexOf('submitted')).toBe(0);
    expect(stepIndexOf('published')).toBe(stepIndexOf('assigned'));
    expect(stepIndexOf('closed')).toBe(5);
    expect(stepIndexOf('cancelled')).toBeNull();
  });
});

describe('guessBeneficiary', () => {
  const residents = [
    { id: 'p1', name: '索朗卓玛', nameBo: 'བསོད་ནམས་སྒྲོལ་མ།' },
    { id: 'p2', name: '次仁卓玛', nameBo: null },
    { id: 'p3', name: '王秀英', nameBo: null },
  ];
  it('takes an exact name, or the only resident whose name holds the hint without 奶奶/阿姨', () => {
    expect(guessBeneficiary('次仁卓玛', residents)).toBe('p2');
    expect(guessBeneficiary('朗卓玛奶奶', residents)).toBe('p1');
    expect(guessBeneficiary('王秀英阿姨', residents)).toBe('p3');
    expect(guessBeneficiary('བསོད་ནམས་སྒྲོལ་མ།', residents)).toBe('p1');
  });
  it('chooses nobody when several match or the hint is too short', () => {
    expect(guessBeneficiary('卓玛阿姨', residents)).toBe('');
    expect(guessBeneficiary('王奶奶', residents)).toBe('');
    expect(guessBeneficiary(null, residents)).toBe('');
  });
});
