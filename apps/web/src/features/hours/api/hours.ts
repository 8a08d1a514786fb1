import { useInfiniteQuery, useMutation, useQuery, useQueryClient, type InfiniteData } from '@tanstack/react-query';
import type {
  AwardsReport,
  CertificateCreate,
  CertificateRequest,
  CertificateRequestCreate,
  CertificateRequestStatus,
  CertificateStaffItem,
  FamilyRelationBody,
  HouseholdFamily,
  CertificateIssued,
  CertificateListItem,
  CertificateVerify,
  Correction,
  CorrectionResolve,
  LedgerAccount,
  LedgerEntry,
  ManualRecordCreate,
  MerchantLookup,
  MyQr,
  PointRules,
  RedeemBody,
  RedeemResult,
  Redemption,
  RedemptionStatus,
  Reward,
  RewardCreate,
  RewardPatch,
  ServiceRecord,
  ServiceRecordStatus,
  StarAward,
  StarAwardStatus,
  StarBlock,
  StarNotice,
  StarObjection,
  StarThresholds,
  TimeBankMove,
  TimeBankRelative,
  TimeBankWithdrawal,
  TimeBankWithdrawalBody,
  VolunteerSummary,
} from '@duodi/contracts';
import { apiDownload, apiRequest } from '../../../lib/api-client';
import type { Page } from '../../../lib/page';

const enc = encodeURIComponent;
const V1 = '/api/v1';

/** A fresh `Idempotency-Key` per user action (API.md: writes that move value). */
export function newIdempotencyKey(): string {
  if (typeof crypto !== 'undefined' && typeof crypto.randomUUID === 'function') return crypto.randomUUID();
  return `k-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 12)}`;
}

const idem = (key: string) => ({ 'Idempotency-Key': key });

/** A cursor-paged list as an infinite query ("load more"). */
function usePaged<T>(key: readonly unknown[], path: string, query: Record<string, string | undefined>, enabled = true) {
  return useInfiniteQuery<Page<T>, Error, InfiniteData<Page<T>>, readonly unknown[], string | undefined>({
    queryKey: key,
    queryFn: ({ pageParam }) => apiRequest<Page<T>>(path, { query: { limit: 20, ...query, cursor: pageParam } }),
    initialPageParam: undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    enabled,
  });
}

export function itemsOf<T>(data: InfiniteData<Page<T>> | undefined): T[] {
  return data?.pages.flatMap((page) => page.items) ?? [];
}

function useInvalidate() {
  const client = useQueryClient();
  return (...roots: string[]) => client.invalidateQueries({ predicate: (q) => roots.includes(String(q.queryKey[0])) });
}

/* ---------- hours, records, summary ---------- */

export function useVolunteerSummary(volunteerId: string | null | undefined) {
  return useQuery({
    queryKey: ['hours-summary', volunteerId],
    queryFn: () => apiRequest<VolunteerSummary>(`${V1}/volunteers/${enc(volunteerId ?? '')}/summary`),
    enabled: Boolean(volunteerId),
  });
}

export function useVolunteerRecords(volunteerId: string | null | undefined, status?: ServiceRecordStatus) {
  return usePaged<ServiceRecord>(
    ['hours-records', volunteerId, status],
    `${V1}/volunteers/${enc(volunteerId ?? '')}/service-records`,
    { status },
    Boolean(volunteerId),
  );
}

export type RecordQueueFilters = { status?: ServiceRecordStatus; source?: 'demand' | 'auto' | 'backfill' | 'import' };

export function useRecordQueue(filters: RecordQueueFilters) {
  return usePaged<ServiceRecord>(['hours-queue', filters], `${V1}/service-records`, { ...filters });
}

export type RecordDecision = { id: string; action: 'verify' | 'reject' | 'zero'; reason?: string };

export function decideRecord({ id, action, reason }: RecordDecision): Promise<ServiceRecord> {
  return apiRequest<ServiceRecord>(`${V1}/service-records/${enc(id)}/${action}`, { method: 'POST', body: reason ? { reason } : {} });
}

export function useDecideRecord() {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: decideRecord,
    onSettled: () => void invalidate('hours-queue', 'hours-records', 'hours-summary', 'hours-corrections'),
  });
}

/** Bulk verify: one call per record, in sequence; the outcome per id. */
export function useBulkVerify() {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: async (ids: string[]) => {
      const failed: { id: string; error: unknown }[] = [];
      for (const id of ids) {
        try {
          await decideRecord({ id, action: 'verify' });
        } catch (error) {
          failed.push({ id, error });
        }
      }
      return { verified: ids.length - failed.length, failed };
    },
    onSettled: () => void invalidate('hours-queue', 'hours-summary'),
  });
}

/** The volunteer appeals a zeroing; staff decide it among the corrections. */
export function useAppealRecord() {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: ({ id, reason }: { id: string; reason: string }) =>
      apiRequest<Correction>(`${V1}/service-records/${enc(id)}/appeal`, { method: 'POST', body: { reason } }),
    onSuccess: () => void invalidate('hours-records', 'hours-record-corrections'),
  });
}

export function useCreateManualRecord() {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: (body: ManualRecordCreate) => apiRequest<ServiceRecord>(`${V1}/service-records`, { method: 'POST', body }),
    onSuccess: () => void invalidate('hours-queue'),
  });
}

export function useRequestCorrection() {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: ({ id, requestedMinutes, reason }: { id: string; requestedMinutes: number; reason: string }) =>
      apiRequest<Correction>(`${V1}/service-records/${enc(id)}/corrections`, { method: 'POST', body: { requestedMinutes, reason } }),
    onSuccess: () => void invalidate('hours-records'),
  });
}

export function useCorrections(status?: Correction['status'], kind?: Correction['kind']) {
  return usePaged<Correction>(['hours-corrections', status, kind], `${V1}/service-record-corrections`, { status, kind });
}

export function useResolveCorrection() {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: ({ id, ...body }: CorrectionResolve & { id: string }) =>
      apiRequest<Correction>(`${V1}/service-record-corrections/${enc(id)}/resolve`, { method: 'POST', body }),
    onSettled: () => void invalidate('hours-corrections', 'hours-queue'),
  });
}

export function usePointRules() {
  return useQuery({ queryKey: ['hours-point-rules'], queryFn: () => apiRequest<PointRules>(`${V1}/point-rules`) });
}

export function useSavePointRules() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: PointRules) => apiRequest<PointRules>(`${V1}/point-rules`, { method: 'PUT', body }),
    onSuccess: (data) => client.setQueryData(['hours-point-rules'], data),
  });
}

/* ---------- ledger and time bank ---------- */

export function useMyAccounts(enabled = true) {
  return useQuery({ queryKey: ['hours-accounts'], queryFn: () => apiRequest<Page<LedgerAccount>>(`${V1}/ledger/accounts/me`), enabled });
}

export function useAccountEntries(accountId: string | undefined) {
  return usePaged<LedgerEntry>(
    ['hours-entries', accountId],
    `${V1}/ledger/accounts/${enc(accountId ?? '')}/entries`,
    {},
    Boolean(accountId),
  );
}

export function useRelatives(enabled = true) {
  return useQuery({
    queryKey: ['hours-relatives'],
    queryFn: () => apiRequest<Page<TimeBankRelative>>(`${V1}/time-bank/relatives`),
    enabled,
  });
}

/** Staff: a household's members and the relations recorded between them. */
export function useHouseholdFamily(householdId: string | undefined) {
  return useQuery({
    queryKey: ['hours-household-family', householdId],
    queryFn: () => apiRequest<HouseholdFamily>(`${V1}/time-bank/households/${enc(householdId ?? '')}/family`),
    enabled: Boolean(householdId),
  });
}

/** Staff record a family relation after checking the household register. */
export function useRecordRelation() {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: (body: FamilyRelationBody) => apiRequest<TimeBankRelative>(`${V1}/time-bank/relations`, { method: 'POST', body }),
    onSettled: () => void invalidate('hours-household-family', 'hours-relatives'),
  });
}

export function useTimeBankTransfer() {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: ({ toPersonId, minutes, key }: { toPersonId: string; minutes: number; key: string }) =>
      apiRequest<TimeBankMove>(`${V1}/time-bank/transfers`, { method: 'POST', body: { toPersonId, minutes }, headers: idem(key) }),
    onSuccess: () => void invalidate('hours-accounts', 'hours-entries', 'hours-summary'),
  });
}

export function useTimeBankDonation() {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: ({ minutes, key }: { minutes: number; key: string }) =>
      apiRequest<TimeBankMove>(`${V1}/time-bank/donations`, { method: 'POST', body: { minutes }, headers: idem(key) }),
    onSuccess: () => void invalidate('hours-accounts', 'hours-entries', 'hours-summary'),
  });
}

export function useWithdrawals(enabled = true) {
  return usePaged<TimeBankWithdrawal>(['hours-withdrawals'], `${V1}/time-bank/withdrawals`, {}, enabled);
}

export function useCreateWithdrawal() {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: ({ body, key }: { body: TimeBankWithdrawalBody; key: string }) =>
      apiRequest<TimeBankWithdrawal>(`${V1}/time-bank/withdrawals`, { method: 'POST', body, headers: idem(key) }),
    onSuccess: () => void invalidate('hours-accounts', 'hours-entries', 'hours-withdrawals'),
  });
}

export function useConfirmWithdrawal() {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: (id: string) =>
      apiRequest<TimeBankWithdrawal>(`${V1}/time-bank/withdrawals/${enc(id)}/confirm`, { method: 'POST', body: {} }),
    onSuccess: () => void invalidate('hours-accounts', 'hours-withdrawals'),
  });
}

export type ServiceItemOption = { id: string; name: string; nameBo?: string | null; nameEn?: string | null };

export function useServiceItemOptions(enabled = true) {
  return useQuery({
    queryKey: ['hours-service-items'],
    queryFn: () => apiRequest<Page<ServiceItemOption>>(`${V1}/service-items`, { query: { limit: 200 } }),
    staleTime: 10 * 60_000,
    enabled,
  });
}

/* ---------- rewards, redemptions, merchants ---------- */

export function useRewards(all = false) {
  return usePaged<Reward>(['hours-rewards', all], `${V1}/rewards`, { all: all ? 'true' : undefined });
}

export function useRedeemReward() {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: ({ rewardId, quantity, key }: { rewardId: string; quantity: number; key: string }) =>
      apiRequest<Redemption>(`${V1}/redemptions`, { method: 'POST', body: { rewardId, quantity }, headers: idem(key) }),
    onSuccess: () => void invalidate('hours-redemptions', 'hours-accounts', 'hours-rewards', 'hours-summary', 'hours-entries'),
  });
}

export function useMyRedemptions(status?: RedemptionStatus) {
  return usePaged<Redemption>(['hours-redemptions', status], `${V1}/me/redemptions`, { status });
}

export function useCancelRedemption() {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: ({ id, reason }: { id: string; reason?: string }) =>
      apiRequest<Redemption>(`${V1}/redemptions/${enc(id)}/cancel`, { method: 'POST', body: reason ? { reason } : {} }),
    onSuccess: () => void invalidate('hours-redemptions', 'hours-accounts', 'hours-rewards', 'hours-summary', 'hours-entries'),
  });
}

export function useCreateReward() {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: (body: RewardCreate) => apiRequest<Reward>(`${V1}/rewards`, { method: 'POST', body }),
    onSuccess: () => void invalidate('hours-rewards'),
  });
}

export function usePatchReward() {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: ({ id, body }: { id: string; body: RewardPatch }) =>
      apiRequest<Reward>(`${V1}/rewards/${enc(id)}`, { method: 'PATCH', body }),
    onSuccess: () => void invalidate('hours-rewards'),
  });
}

/** The volunteer's signed QR payload for merchants; valid 5 minutes, fetched again before it runs out. */
export function useMyQr(enabled = true) {
  return useQuery({
    queryKey: ['hours-my-qr'],
    queryFn: () => apiRequest<MyQr>(`${V1}/me/qr`),
    enabled,
    refetchInterval: (query) => {
      const expires = query.state.data ? Date.parse(query.state.data.expiresAt) : NaN;
      if (Number.isNaN(expires)) return 60_000;
      return Math.max(5_000, expires - Date.now() - 30_000);
    },
  });
}

export function useMerchantLookup() {
  return useMutation({
    mutationFn: (volunteerQr: string) => apiRequest<MerchantLookup>(`${V1}/redemptions/lookup`, { method: 'POST', body: { volunteerQr } }),
  });
}

export function useMerchantRedeem() {
  return useMutation({
    mutationFn: (body: RedeemBody) => apiRequest<RedeemResult>(`${V1}/redemptions/redeem`, { method: 'POST', body }),
  });
}

/* ---------- stars ---------- */

export function useStarThresholds(enabled = true) {
  return useQuery({ queryKey: ['hours-star-thresholds'], queryFn: () => apiRequest<StarThresholds>(`${V1}/star-thresholds`), enabled });
}

export function useSaveStarThresholds() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: StarThresholds) => apiRequest<StarThresholds>(`${V1}/star-thresholds`, { method: 'PUT', body }),
    onSuccess: (data) => client.setQueryData(['hours-star-thresholds'], data),
  });
}

export function useStarAwards(status?: StarAwardStatus) {
  return usePaged<StarAward>(['hours-star-awards', status], `${V1}/star-awards`, { status });
}

export function useMyStarAwards(enabled = true) {
  return useQuery({ queryKey: ['hours-my-star-awards'], queryFn: () => apiRequest<Page<StarAward>>(`${V1}/me/star-awards`), enabled });
}

export function useStarNotices() {
  return useQuery({ queryKey: ['hours-star-notices'], queryFn: () => apiRequest<Page<StarNotice>>(`${V1}/star-notices`) });
}

export type StarAction = { id: string; action: 'review' | 'publish' | 'award' | 'reject' | 'revoke'; reason?: string };

export function useStarAction() {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: ({ id, action, reason }: StarAction) =>
      apiRequest<StarAward>(`${V1}/star-awards/${enc(id)}/${action}`, { method: 'POST', body: reason ? { reason } : {} }),
    onSettled: () => void invalidate('hours-star-awards', 'hours-star-notices'),
  });
}

export function useRunStarJob() {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: () => apiRequest<{ proposed: number; awarded: number }>(`${V1}/star-awards/run`, { method: 'POST', body: {} }),
    onSettled: () => void invalidate('hours-star-awards', 'hours-star-notices'),
  });
}

export function useStarObjections(awardId: string | undefined) {
  return useQuery({
    queryKey: ['hours-star-objections', awardId],
    queryFn: () => apiRequest<Page<StarObjection>>(`${V1}/star-awards/${enc(awardId ?? '')}/objections`),
    enabled: Boolean(awardId),
  });
}

export function useResolveObjection() {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: ({ id, decision, note }: { id: string; decision: 'upheld' | 'dismissed'; note: string }) =>
      apiRequest<StarObjection>(`${V1}/star-objections/${enc(id)}/resolve`, { method: 'POST', body: { decision, note } }),
    onSettled: () => void invalidate('hours-star-objections', 'hours-star-awards'),
  });
}

/* ---------- certificates ---------- */

export function useMyCertificates(enabled = true) {
  return useQuery({
    queryKey: ['hours-my-certificates'],
    queryFn: () => apiRequest<Page<CertificateListItem>>(`${V1}/me/certificates`),
    enabled,
  });
}

export function useIssueCertificate() {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: (body: CertificateCreate) => apiRequest<CertificateIssued>(`${V1}/certificates`, { method: 'POST', body }),
    onSettled: () => void invalidate('hours-certificates'),
  });
}

export function useRevokeCertificate() {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: ({ number, reason }: { number: string; reason: string }) =>
      apiRequest<CertificateVerify>(`${V1}/certificates/${enc(number)}/revoke`, { method: 'POST', body: { reason } }),
    onSettled: () => void invalidate('hours-certificates'),
  });
}

/** Issued certificates of the caller's organisations (staff), newest first. */
export function useStaffCertificates(filters: { revoked?: 'true' | 'false'; volunteerId?: string }) {
  return usePaged<CertificateStaffItem>(['hours-certificates', filters], `${V1}/certificates`, filters);
}

export function useCertificateRequests(status?: CertificateRequestStatus) {
  return usePaged<CertificateRequest>(['hours-certificate-requests', status], `${V1}/certificate-requests`, { status });
}

export function useDecideCertificateRequest() {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: ({ id, action, reason }: { id: string; action: 'issue' | 'decline'; reason?: string }) =>
      apiRequest<unknown>(`${V1}/certificate-requests/${enc(id)}/${action}`, {
        method: 'POST',
        body: action === 'decline' ? { reason } : {},
      }),
    onSettled: () => void invalidate('hours-certificate-requests', 'hours-certificates'),
  });
}

export function useMyCertificateRequests(enabled = true) {
  return useQuery({
    queryKey: ['hours-my-certificate-requests'],
    queryFn: () => apiRequest<Page<CertificateRequest>>(`${V1}/me/certificate-requests`),
    enabled,
  });
}

export function useRequestCertificate() {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: (body: CertificateRequestCreate) => apiRequest<CertificateRequest>(`${V1}/certificate-requests`, { method: 'POST', body }),
    onSettled: () => void invalidate('hours-my-certificate-requests'),
  });
}

export function downloadCertificate(number: string): Promise<string> {
  return apiDownload(`${V1}/certificates/${enc(number)}/pdf`, { fallbackName: `${number}.pdf` });
}

/* ---------- reports ---------- */

export function downloadPartyReport(unitId: string, period?: string): Promise<string> {
  return apiDownload(`${V1}/units/${enc(unitId)}/party-report.xlsx`, {
    query: { period },
    fallbackName: `party-report-${period ?? ''}.xlsx`,
  });
}

export function useAwardsReport(query: { period: string; communityId?: string } | null) {
  return useQuery({
    queryKey: ['hours-awards-report', query],
    queryFn: () => apiRequest<AwardsReport>(`${V1}/reports/awards`, { query: { ...query, format: 'json' } }),
    enabled: Boolean(query),
  });
}

export function downloadAwardsReport(period: string, communityId?: string): Promise<string> {
  return apiDownload(`${V1}/reports/awards`, { query: { period, communityId, format: 'xlsx' }, fallbackName: `awards-${period}.xlsx` });
}

/* ---------- option lists for the console forms (this feature fetches its own) ---------- */

export type NamedOption = { id: string; name: string; nameBo?: string | null; nameEn?: string | null };

export function useTeamOptions() {
  return useQuery({
    queryKey: ['hours-team-options'],
    queryFn: () => apiRequest<Page<NamedOption>>(`${V1}/teams`, { query: { limit: 200 } }),
    staleTime: 5 * 60_000,
  });
}

export function useUnitOptions() {
  return useQuery({
    queryKey: ['hours-unit-options'],
    queryFn: () => apiRequest<Page<NamedOption>>(`${V1}/units`, { query: { limit: 200 } }),
    staleTime: 5 * 60_000,
  });
}

/** Orders for the shop side (no pickup codes): a merchant's shops, a community admin's items, all for the street admin. */
export function useShopRedemptions(status?: RedemptionStatus) {
  return usePaged<Redemption>(['hours-shop-redemptions', status], `${V1}/redemptions`, { status });
}

/** Staff cancel an order waiting for pickup (stock back, points refunded). */
export function useStaffCancelRedemption() {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: ({ id, reason }: { id: string; reason: string }) =>
      apiRequest<Redemption>(`${V1}/redemptions/${enc(id)}/cancel`, { method: 'POST', body: { reason } }),
    onSettled: () => void invalidate('hours-shop-redemptions', 'hours-rewards'),
  });
}

/** Partner merchants to file catalog items under. */
export function useMerchants() {
  return useQuery({
    queryKey: ['hours-merchants'],
    queryFn: () => apiRequest<Page<NamedOption>>(`${V1}/merchants`),
    staleTime: 5 * 60_000,
  });
}

/** Anyone signed in may object to an award on notice, until its last day. */
export function useObjectToAward() {
  return useMutation({
    mutationFn: ({ awardId, text }: { awardId: string; text: string }) =>
      apiRequest<StarObjection>(`${V1}/star-awards/${enc(awardId)}/objections`, { method: 'POST', body: { text } }),
  });
}

/** Proven false hours: no star proposal or award for 1–3 years (street admin). */
export function useBlockStar() {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: ({ volunteerId, reason, years }: { volunteerId: string; reason: string; years?: number }) =>
      apiRequest<StarBlock>(`${V1}/volunteers/${enc(volunteerId)}/star-block`, {
        method: 'POST',
        body: { reason, ...(years ? { years } : {}) },
      }),
    onSettled: () => void invalidate('hours-star-awards'),
  });
}

/** The correction, zeroing and appeal history of one record (old and new values kept). */
export function useRecordCorrections(recordId: string | undefined) {
  return useQuery({
    queryKey: ['hours-record-corrections', recordId],
    queryFn: () => apiRequest<Page<Correction>>(`${V1}/service-records/${enc(recordId ?? '')}/corrections`),
    enabled: Boolean(recordId),
  });
}

/** A volunteer's records in the 条例 Art. 19 field set, as a workbook (the volunteer and staff in scope). */
export function downloadRecords(volunteerId: string, format: 'xlsx' | 'csv' = 'xlsx'): Promise<string> {
  return apiDownload(`${V1}/volunteers/${enc(volunteerId)}/service-records/export`, {
    query: { format },
    fallbackName: `service-records.${format}`,
  });
}
