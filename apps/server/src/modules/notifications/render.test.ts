import { describe, expect, it } from 'vitest';
import { CATALOGS } from '../../platform/i18n/index.js';
import { hasTemplates, renderNotification, templateKey } from './render.js';

const DEMAND_KINDS = [
  ...['published', 'rejected', 'assigned', 'accepted', 'in_service', 'completed', 'closed', 'cancelled', 'rework'].map((s) => `demand.status.${s}`),
  'demand.offer',
  'demand.escalated.community',
  'demand.escalated.street',
  'demand.emergency',
];

type Templates = Record<string, { title: string; body: string }>;
const templates = (lang: 'zh-CN' | 'bo' | 'en') => (CATALOGS[lang] as unknown as { notifications: Templates }).notifications;
const vars = (s: string) => [...s.matchAll(/\{\{(\w+)\}\}/g)].map((m) => m[1]).sort();

describe('notification templates', () => {
  it('exist in zh-CN, bo and en for every demand kind', () => {
    for (const kind of DEMAND_KINDS) expect(hasTemplates(kind), kind).toBe(true);
    expect(hasTemplates('nothing.here')).toBe(false);
  });

  it('use the same variables in every language, and Tibetan script only in bo', () => {
    const zh = templates('zh-CN');
    for (const key of Object.keys(zh)) {
      for (const lang of ['bo', 'en'] as const) {
        const entry = templates(lang)[key];
        expect(entry, `${lang}:${key}`).toBeDefined();
        expect(vars(entry!.title + entry!.body), `${lang}:${key}`).toEqual(vars(zh[key]!.title + zh[key]!.body));
      }
      const bo = templates('bo')[key]!;
      expect(bo.title + bo.body, key).toMatch(/[\u0F00-\u0FFF]/);
      expect(bo.title + bo.body, key).not.toMatch(/[\u4e00-\u9fff]/);
    }
  });

  it('interpolates, preferring the value kept in the reader’s language', () => {
    const params = { service: '助餐', 'service.en': 'Meal delivery', reason: 'out of scope' };
    expect(renderNotification('en', 'demand.status.rejected', params).body).toBe('Your “Meal delivery” request was not accepted by the community. Reason: out of scope');
    expect(renderNotification('zh-CN', 'demand.status.rejected', params).body).toContain('“助餐”');
    expect(templateKey('demand.status.in_service')).toBe('demand_status_in_service');
  });

  it('shows the generic text for an unknown kind in lists, and refuses it for delivery', () => {
    expect(renderNotification('en', 'nothing.here', {})).toEqual({ title: 'New notification', body: 'You have a new notification. Open it to see more.' });
    expect(() => renderNotification('en', 'nothing.here', {}, true)).toThrow('missing_template:nothing.here');
  });
});
