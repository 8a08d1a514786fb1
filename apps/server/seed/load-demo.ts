/**
 * Loads the deterministic demo data of 夺底街道 (see README.md) into an empty, migrated database,
 * in one transaction with multi-row inserts. Sensitive fields are stored the way the platform
 * stores them (DR-21): AES-GCM ciphertext, HMAC blind index and display mask, never in clear.
 */
import { eq } from 'drizzle-orm';
import { maskIdNumber, maskPhone } from '@duodi/contracts';
import type { Database, Tx } from '../src/platform/db/client.js';
import type { FieldCrypto } from '../src/platform/crypto/field-crypto.js';
import { hashPassword } from '../src/platform/auth/password.js';
import { appendAudit } from '../src/platform/audit/audit.js';
import {
  accounts,
  appMeta,
  partyReports,
  teamApplications,
  teamInvitations,
  communities,
  consents,
  insuranceRecords,
  volunteerAvailability,
  volunteerGuardians,
  grids,
  households,
  persons,
  roleAssignments,
  streets,
  teamMembers,
  teams,
  units,
  volunteers,
  serviceItems,
  serviceItemTeams,
  demands,
  demandHistory,
  demandVolunteers,
  demandOffers,
  volunteerNoShows,
  serviceRecords,
  recoveryRequests,
  activities,
  activityHistory,
  activitySignups,
  visitCampaigns,
  visits,
  carePlans,
} from '../src/schema/index.js';
import { SERVICE_MENU } from '../src/modules/demands/intake/service-menu.js';
import { buildServiceItemTeams } from './service-item-teams.js';
import { DEMO_PASSWORD } from './demo-accounts.js';
import { buildRecoveryDemo } from './recovery.js';
import { loadRecordsDemo } from './records.js';
import { loadRewardsDemo } from './rewards.js';
import { buildActivitiesDemo } from './activities.js';
import { DEMO_DATA_VERSION, DEMO_GENERATED_AT, DEFAULT_SEED, REFERENCE_DATE, buildDemoData, type DemoData } from './build.js';

export { DEMO_ACCOUNTS, DEMO_PASSWORD, type DemoAccount } from './demo-accounts.js';
export {
  DEFAULT_SEED,
  DEMO_DATA_VERSION,
  DEMO_GENERATED_AT,
  REFERENCE_DATE,
  STAR_MINUTES,
  buildDemoData,
  isValidIdNumber,
  starForMinutes,
  type BuildOptions,
  type DemoData,
} from './build.js';

/** app_meta key under which the loader records the data set it wrote. */
export const DEMO_META_KEY = 'demo_data';

export interface DemoMeta {
  version: number;
  seed: number;
  generatedAt: string;
}

export interface LoadDemoOptions {
  /** Exact number of volunteers (default 1,345). */
  volunteers?: number;
  /** Exact number of residents (default 4,000). */
  residents?: number;
  seed?: number;
  /** Shift every generated date so that REFERENCE_DATE becomes this moment (start-up passes "now"); default: unshifted. */
  referenceDate?: Date;
  onProgress?: (step: string, done: number, total: number) => void;
}

export interface DemoSummary {
  seed: number;
  streetId: string;
  communities: number;
  grids: number;
  units: number;
  households: number;
  persons: number;
  residents: number;
  volunteers: number;
  teams: number;
  teamMembers: number;
  accounts: number;
  roleAssignments: number;
}

const CHUNK = 500;

/** The Asia/Shanghai calendar date of a moment (insurance validity is stored as dates). */
const shanghaiDate = (d: Date) => new Date(d.getTime() + 8 * 3_600_000).toISOString().slice(0, 10);

async function insertChunks<T>(
  step: string,
  rows: readonly T[],
  insert: (chunk: T[]) => Promise<unknown>,
  onProgress?: (step: string, done: number, total: number) => void,
): Promise<void> {
  for (let i = 0; i < rows.length; i += CHUNK) {
    await insert(rows.slice(i, i + CHUNK));
    onProgress?.(step, Math.min(i + CHUNK, rows.length), rows.length);
  }
}

/**
 * Moves every date of the generated data by `deltaMs`, keeping their spacing: a demo loaded today
 * shows volunteers active "in the last 30 days" of today, while the content stays deterministic.
 */
export function shiftDates(value: unknown, deltaMs: number, seen = new Set<object>()): void {
  if (value === null || typeof value !== 'object' || seen.has(value)) return;
  seen.add(value);
  for (const [key, v] of Object.entries(value)) {
    if (v instanceof Date) (value as Record<string, unknown>)[key] = new Date(v.getTime() + deltaMs);
    else shiftDates(v, deltaMs, seen);
  }
}

/** The demo data set recorded in app_meta, or null when none was loaded. */
export async function readDemoMeta(db: Tx): Promise<DemoMeta | null> {
  const rows = await db.select({ value: appMeta.value }).from(appMeta).where(eq(appMeta.key, DEMO_META_KEY));
  const value = rows[0]?.value;
  return value ? (JSON.parse(value) as DemoMeta) : null;
}

/**
 * Builds (buildDemoData) and inserts the demo data. Refuses when demo data is already there.
 * Everything happens in one transaction: either all of it is loaded or nothing.
 */
export async function loadDemoData(database: Database, crypto: FieldCrypto, opts: LoadDemoOptions = {}): Promise<DemoSummary> {
  const seed = opts.seed ?? DEFAULT_SEED;
  const progress = opts.onProgress;
  const data: DemoData = buildDemoData(seed, {
    ...(opts.volunteers !== undefined ? { volunteers: opts.volunteers } : {}),
    ...(opts.residents !== undefined ? { residents: opts.residents } : {}),
  });
  if (opts.referenceDate) shiftDates(data, opts.referenceDate.getTime() - REFERENCE_DATE.getTime());
  progress?.('build', 1, 1);

  // scrypt outside the transaction (each account its own salt).
  const passwordHashes = await Promise.all(data.accounts.map(() => hashPassword(DEMO_PASSWORD)));
  progress?.('passwords', data.accounts.length, data.accounts.length);
  // 0006: 找回账号 requests (new phone encrypted + blind index + mask, password as scrypt hash).
  const recoveryDemo = buildRecoveryDemo(data, opts.referenceDate ?? REFERENCE_DATE);
  const recoveryHashes = await Promise.all(recoveryDemo.map(() => hashPassword(DEMO_PASSWORD)));
  // 0011: activities, sign-ups and check-ins, the 幸福敲敲门 campaign with visit logs, care plans.
  const activityDemo = buildActivitiesDemo(data, opts.referenceDate ?? REFERENCE_DATE);

  const streetId = data.street.id;
  const personRows = data.persons.map((p) => ({
    id: p.id,
    streetId,
    name: p.name,
    nameBo: p.nameBo,
    nameInitials: p.nameInitials,
    gender: p.gender,
    birthYear: p.birthYear,
    birthDate: p.birthDate,
    phoneEnc: crypto.encrypt(p.phone),
    phoneHash: crypto.blindIndex('phone', p.phone),
    phoneMasked: maskPhone(p.phone),
    idType: 'resident_id' as const,
    idNumberEnc: crypto.encrypt(p.idNumber),
    idNumberHash: crypto.blindIndex('id', p.idNumber),
    idNumberMasked: maskIdNumber(p.idNumber),
    communityId: p.communityId,
    gridId: p.gridId,
    householdId: p.householdId,
    isResident: p.isResident,
    focusTagsEnc: p.focusTags.length > 0 ? crypto.encrypt(JSON.stringify(p.focusTags)) : null,
    focusTagIndex: p.focusTags.map((t) => crypto.blindIndex('focus', t)),
    proxyNeeded: p.proxyNeeded,
    createdAt: p.createdAt,
    updatedAt: p.createdAt,
  }));
  progress?.('encrypt', personRows.length, personRows.length);

  const roleRows = data.accounts.flatMap((a) => a.roles.map((r) => ({ ...r, streetId, accountId: a.id })));

  await database.db.transaction(async (tx) => {
    if (await readDemoMeta(tx)) throw new Error('demo data is already loaded (app_meta.demo_data exists)');
    await tx.insert(streets).values(data.street);
    await tx.insert(communities).values(data.communities.map((c) => ({ ...c, streetId })));
    // Grid workers are persons, which reference grids: insert grids first, set workers after.
    await tx.insert(grids).values(data.grids.map((g) => ({ ...g, streetId, gridWorkerPersonId: null })));
    await tx.insert(units).values(data.units.map((u) => ({ ...u, streetId })));
    progress?.('organization', 1, 1);
    await insertChunks('households', data.households, (c) => tx.insert(households).values(c.map((h) => ({ ...h, streetId }))), progress);
    await insertChunks('persons', personRows, (c) => tx.insert(persons).values(c), progress);
    for (const g of data.grids) await tx.update(grids).set({ gridWorkerPersonId: g.gridWorkerPersonId }).where(eq(grids.id, g.id));
    await tx.insert(teams).values(data.teams.map((t) => ({ ...t, streetId })));
    await insertChunks('volunteers', data.volunteers, (c) => tx.insert(volunteers).values(c.map((v) => ({ ...v, streetId }))), progress);
    await insertChunks(
      'team_members',
      data.teamMembers,
      (c) => tx.insert(teamMembers).values(c.map((m) => ({ ...m, streetId }))),
      progress,
    );
    await tx.insert(accounts).values(
      data.accounts.map((a, i) => ({
        id: a.id,
        streetId,
        personId: a.personId,
        phoneHash: crypto.blindIndex('phone', a.phone),
        passwordHash: passwordHashes[i] as string,
      })),
    );
    await insertChunks(
      'availability',
      data.availability,
      (c) => tx.insert(volunteerAvailability).values(c.map((a) => ({ ...a, streetId }))),
      progress,
    );
    await insertChunks(
      'consents',
      data.consents,
      (c) => tx.insert(consents).values(c.map((x) => ({ ...x, streetId }))),
      progress,
    );
    if (data.guardians.length)
      await tx.insert(volunteerGuardians).values(
        data.guardians.map((g) => ({
          volunteerId: g.volunteerId,
          streetId,
          name: g.name,
          phoneEnc: crypto.encrypt(g.phone),
          phoneHash: crypto.blindIndex('phone', g.phone),
          phoneMasked: maskPhone(g.phone),
          consentAt: g.consentAt,
          createdAt: g.consentAt,
        })),
      );
    await insertChunks(
      'insurance',
      data.insurance,
      (c) => tx.insert(insuranceRecords).values(c.map((r) => ({ ...r, streetId, validFrom: shanghaiDate(r.validFrom), validTo: shanghaiDate(r.validTo), createdAt: r.validFrom }))),
      progress,
    );
    await tx.insert(roleAssignments).values(roleRows);
    // DR-23: role assignments are audited; the demo's are granted by the loader itself.
    for (const r of roleRows) {
      await appendAudit(tx, {
        streetId,
        actorAccountId: null,
        action: 'role.grant',
        entityType: 'account',
        entityId: r.accountId,
        newValue: { role: r.role, scopeType: r.scopeType, scopeId: r.scopeId },
        reason: '演示数据',
      });
    }
    // 0003: applications, invitations and party reports reference accounts (deciders), so they come last.
    if (data.teamApplications.length) await tx.insert(teamApplications).values(data.teamApplications.map((r) => ({ ...r, streetId })));
    if (data.teamInvitations.length) await tx.insert(teamInvitations).values(data.teamInvitations.map((r) => ({ ...r, streetId })));
    await insertChunks('party_reports', data.partyReports, (c) => tx.insert(partyReports).values(c.map((r) => ({ ...r, streetId }))), progress);
    if (recoveryDemo.length) {
      await tx.insert(recoveryRequests).values(
        recoveryDemo.map(({ phone, ...r }, i) => ({
          ...r,
          streetId,
          phoneEnc: crypto.encrypt(phone),
          phoneHash: crypto.blindIndex('phone', phone),
          phoneMasked: maskPhone(phone),
          passwordHash: recoveryHashes[i]!,
        })),
      );
    }
    // 0005: the service menu (项目清单) from the intake module's SERVICE_MENU.
    await tx.insert(serviceItems).values(
      SERVICE_MENU.map((item, i) => ({
        id: item.id,
        streetId,
        name: item.name.zh,
        nameBo: item.name.bo,
        nameEn: item.name.en,
        category: item.category,
        skills: [...item.requiredSkills],
        languages: [...item.requiredLanguages],
        typicalMinutes: item.typicalMinutes,
        volunteersNeeded: item.volunteersNeeded,
        sortOrder: i,
        createdAt: new Date(DEMO_GENERATED_AT),
      })),
    );
    // 0008: the teams that provide each item (资源清单), by the named teams' service domains.
    await tx
      .insert(serviceItemTeams)
      .values(buildServiceItemTeams(SERVICE_MENU).map((r) => ({ ...r, streetId, createdAt: new Date(DEMO_GENERATED_AT) })));
    await insertChunks('demands', data.demands, (c) => tx.insert(demands).values(c.map((d) => ({ ...d, streetId }))), progress);
    await insertChunks('demand_history', data.demandHistory, (c) => tx.insert(demandHistory).values(c.map((h) => ({ ...h, streetId }))), progress);
    await insertChunks(
      'demand_volunteers',
      data.demandVolunteers,
      (c) => tx.insert(demandVolunteers).values(c.map((v) => ({ ...v, streetId }))),
      progress,
    );
    await insertChunks(
      'service_records',
      data.serviceRecords,
      (c) => tx.insert(serviceRecords).values(c.map((r) => ({ ...r, streetId, servedOn: shanghaiDate(r.servedOn), source: 'demand' as const }))),
      progress,
    );
    // 0008: offers (accepted, open, declined, withdrawn) and a few no-shows.
    await insertChunks('demand_offers', data.demandOffers, (c) => tx.insert(demandOffers).values(c.map((o) => ({ ...o, streetId }))), progress);
    if (data.noShows.length) await tx.insert(volunteerNoShows).values(data.noShows.map((n) => ({ ...n, streetId })));
    // 0011: activities (records before the sign-ups that point at them), the campaign, visits, care plans.
    await tx.insert(activities).values(activityDemo.activities.map((a) => ({ ...a, streetId })));
    await tx.insert(activityHistory).values(activityDemo.history.map((h) => ({ ...h, streetId })));
    await tx.insert(serviceRecords).values(activityDemo.records.map((r) => ({ ...r, streetId, servedOn: shanghaiDate(r.servedOn), source: 'auto' as const, status: 'pending' as const })));
    await tx.insert(activitySignups).values(activityDemo.signups.map((s) => ({ ...s, streetId })));
    const c = activityDemo.campaign;
    await tx.insert(visitCampaigns).values({ ...c, streetId, startsOn: shanghaiDate(c.startsOn), endsOn: shanghaiDate(c.endsOn) });
    await insertChunks('visits', activityDemo.visits, (chunk) => tx.insert(visits).values(chunk.map((v) => ({ ...v, streetId }))), progress);
    if (activityDemo.carePlans.length) await tx.insert(carePlans).values(activityDemo.carePlans.map((p) => ({ ...p, streetId })));
    // 0009: 18 months of verified records summing to each volunteer's hours, the queue, the ledger.
    await loadRecordsDemo(tx, { streetId, referenceDate: opts.referenceDate ?? REFERENCE_DATE, seed });
    // 0010: 爱心超市 catalog and orders, star awards in every state, certificate issuers and certificates.
    await loadRewardsDemo(tx, { streetId, referenceDate: opts.referenceDate ?? REFERENCE_DATE, data });
    const meta: DemoMeta = { version: DEMO_DATA_VERSION, seed, generatedAt: DEMO_GENERATED_AT };
    await tx.insert(appMeta).values({ key: DEMO_META_KEY, value: JSON.stringify(meta), updatedAt: new Date(DEMO_GENERATED_AT) });
    progress?.('accounts', data.accounts.length, data.accounts.length);
  });

  return {
    seed,
    streetId,
    communities: data.communities.length,
    grids: data.grids.length,
    units: data.units.length,
    households: data.households.length,
    persons: data.persons.length,
    residents: data.persons.filter((p) => p.isResident).length,
    volunteers: data.volunteers.length,
    teams: data.teams.length,
    teamMembers: data.teamMembers.length,
    accounts: data.accounts.length,
    roleAssignments: roleRows.length,
  };
}
