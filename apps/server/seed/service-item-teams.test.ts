import { describe, expect, it } from 'vitest';
import { SERVICE_MENU } from '../src/modules/demands/intake/service-menu.js';
import { createTestApp } from '../test/test-app.js';
import { NAMED_TEAM_NAMES, TEAMS } from './duodi.js';
import { buildServiceItemTeams } from './service-item-teams.js';

describe('demo 资源清单: teams that provide each service item', () => {
  const rows = buildServiceItemTeams(SERVICE_MENU);
  const teamOf = new Map(TEAMS.map((t) => [t.id, t]));

  it('gives every menu item at least one providing team whose domains include its category', () => {
    for (const item of SERVICE_MENU) {
      const providers = rows.filter((r) => r.serviceItemId === item.id);
      expect(providers.length, item.id).toBeGreaterThan(0);
      for (const p of providers) expect(teamOf.get(p.teamId)?.domains, `${item.id} ${p.teamId}`).toContain(item.category);
    }
  });

  it('prefers the named teams, and uses the others only where no named team covers the domain', () => {
    const named = new Set(TEAMS.filter((t) => (NAMED_TEAM_NAMES as readonly string[]).includes(t.name)).map((t) => t.id));
    for (const item of SERVICE_MENU) {
      const coveredByNamed = TEAMS.some((t) => named.has(t.id) && t.domains.includes(item.category));
      const providers = rows.filter((r) => r.serviceItemId === item.id).map((r) => r.teamId);
      if (coveredByNamed)
        expect(
          providers.every((id) => named.has(id)),
          item.id,
        ).toBe(true);
    }
    expect(rows.find((r) => r.serviceItemId === 'svc_meal_delivery' && r.teamId === 'team_bugu')).toBeTruthy();
    expect(rows.filter((r) => r.serviceItemId === 'svc_mediation').map((r) => r.teamId)).toEqual(['team_zhuoma']);
  });

  it('is deterministic and has no duplicate pairs', () => {
    expect(buildServiceItemTeams(SERVICE_MENU)).toEqual(rows);
    expect(new Set(rows.map((r) => `${r.serviceItemId}|${r.teamId}`)).size).toBe(rows.length);
  });
});

describe('the loaded demo menu (GET /service-items)', () => {
  it('lists providing teams for every item', { timeout: 60_000 }, async () => {
    const t = await createTestApp();
    try {
      const res = await t.app.inject({ method: 'GET', url: '/api/v1/service-items' });
      expect(res.statusCode, res.body).toBe(200);
      const items = (res.json() as { items: { id: string; teamIds: string[] }[] }).items;
      expect(items.length).toBe(SERVICE_MENU.length);
      for (const item of items) expect(item.teamIds.length, item.id).toBeGreaterThan(0);
      expect(items.find((i) => i.id === 'svc_meal_delivery')?.teamIds).toContain('team_bugu');
    } finally {
      await t.close();
    }
  });
});
