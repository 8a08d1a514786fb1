import { SKILLS, TEAM_DOMAINS } from '@duodi/contracts';
import { describe, expect, it } from 'vitest';
import { classifyService } from './classify-service.js';
import { SERVICE_ITEM_IDS, SERVICE_MENU } from './service-menu.js';
import { hasTibetan } from './text.js';

describe('SERVICE_MENU', () => {
  it('holds every id once, in the order of SERVICE_ITEM_IDS', () => {
    expect(SERVICE_MENU.map((s) => s.id)).toEqual([...SERVICE_ITEM_IDS]);
  });

  it('uses only known skills and team domains, and sensible minutes', () => {
    for (const s of SERVICE_MENU) {
      for (const skill of s.requiredSkills) expect(SKILLS).toContain(skill);
      expect(TEAM_DOMAINS).toContain(s.category);
      expect(s.typicalMinutes).toBeGreaterThan(0);
      expect(s.volunteersNeeded).toBeGreaterThanOrEqual(1);
    }
  });

  it('names every item in three languages and has core keywords in both scripts', () => {
    for (const s of SERVICE_MENU) {
      expect(hasTibetan(s.name.bo)).toBe(true);
      expect(s.name.zh && s.name.en).toBeTruthy();
      expect(s.keywords.zh.core.length).toBeGreaterThan(0);
      expect(s.keywords.bo.core.length).toBeGreaterThan(0);
      for (const k of [...s.keywords.zh.core, ...s.keywords.zh.related]) expect(hasTibetan(k)).toBe(false);
      for (const k of [...s.keywords.bo.core, ...s.keywords.bo.related]) expect(hasTibetan(k)).toBe(true);
    }
  });

  it('has no keyword twice within an item', () => {
    for (const s of SERVICE_MENU) {
      const all = [...s.keywords.zh.core, ...s.keywords.zh.related, ...s.keywords.bo.core, ...s.keywords.bo.related];
      expect(new Set(all).size).toBe(all.length);
    }
  });

  it('classifies each item by its own first core keywords', () => {
    for (const s of SERVICE_MENU) {
      expect(classifyService(`想找人${s.keywords.zh.core[0]}`).serviceItemId).toBe(s.id);
      expect(classifyService(`${s.keywords.bo.core[0]}དགོས།`).serviceItemId).toBe(s.id);
    }
  });
});
