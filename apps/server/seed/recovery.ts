import type { DemoData } from './build.js';

/**
 * 找回账号 demo requests (migration 0006), pure: volunteers registered without an account (by staff
 * or import) asked to sign in with a new phone. Two pending in 桑伊社区 (one whose given name differs
 * from the record), one rejected by 吉祥社区's admin (…03), one expired. Dates are relative to the
 * reference date, so a demo loaded "now" has fresh pending requests; clear phones here, the loader
 * stores them encrypted / hashed / masked and the password (`DEMO_PASSWORD`) as a scrypt hash.
 */
export interface DemoRecoveryRequest {
  id: string;
  personId: string;
  communityId: string;
  nameGiven: string;
  nameMatches: boolean;
  phone: string;
  status: 'pending' | 'rejected' | 'expired';
  reason: string | null;
  decidedByAccountId: string | null;
  decidedAt: Date | null;
  createdAt: Date;
  expiresAt: Date;
}

/** New phones of the demo requests: none of them belongs to a demo person. */
export const DEMO_RECOVERY_PHONES = ['13700009001', '13700009002', '13700009003', '13700009004'] as const;

const DAY = 86_400_000;
const EXPIRES_AFTER = 7 * DAY;

export function buildRecoveryDemo(data: Pick<DemoData, 'persons' | 'volunteers' | 'accounts'>, referenceDate: Date): DemoRecoveryRequest[] {
  const withAccount = new Set(data.accounts.map((a) => a.personId));
  const persons = new Map(data.persons.map((p) => [p.id, p]));
  // The last volunteers by id (the API tests take the first ones): registered without an account.
  const candidates = (communityId: string) =>
    data.volunteers
      .map((v) => persons.get(v.personId))
      .filter((p): p is NonNullable<typeof p> => p !== undefined && p.communityId === communityId && !withAccount.has(p.id))
      .sort((a, b) => (a.id < b.id ? 1 : a.id > b.id ? -1 : 0));
  const [sy1, sy2, sy3] = candidates('com_sy');
  const [jx1] = candidates('com_jx');
  if (!sy1 || !sy2 || !sy3 || !jx1) return [];
  const ref = referenceDate.getTime();
  const at = (daysAgo: number, hour: number) => new Date(ref - daysAgo * DAY + hour * 3_600_000);
  const row = (
    n: number,
    p: typeof sy1,
    createdAt: Date,
    extra: Partial<DemoRecoveryRequest> = {},
  ): DemoRecoveryRequest => ({
    id: `rcv_demo_${n}`,
    personId: p.id,
    communityId: p.communityId!,
    nameGiven: p.name,
    nameMatches: true,
    phone: DEMO_RECOVERY_PHONES[n - 1]!,
    status: 'pending',
    reason: null,
    decidedByAccountId: null,
    decidedAt: null,
    createdAt,
    expiresAt: new Date(createdAt.getTime() + EXPIRES_AFTER),
    ...extra,
  });
  return [
    row(1, sy1, at(1, 10)),
    // The given name is not the one on file (a nickname): staff see "differs" and check with care.
    row(2, sy2, at(2, 15), { nameGiven: `${sy2.name.slice(0, 1)}啦`, nameMatches: false }),
    row(3, jx1, at(5, 9), { status: 'rejected', reason: '本人到社区核验时，证件与登记信息不符。', decidedByAccountId: 'acc_demo_03', decidedAt: at(4, 11) }),
    row(4, sy3, at(12, 16), { status: 'expired', decidedAt: at(5, 16) }),
  ];
}
