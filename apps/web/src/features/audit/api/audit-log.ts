import { useInfiniteQuery, useMutation } from '@tanstack/react-query';
import type { AuditEntry, AuditVerify } from '@duodi/contracts';
import { apiRequest } from '../../../lib/api-client';
import type { Page } from '../../../lib/page';

/** The console's filters of the audit log; empty ones are left out of the query. */
export type AuditFilters = { action?: string; entityType?: string; entityId?: string; from?: string; to?: string };

export function getAuditLog(filters: AuditFilters, cursor?: string): Promise<Page<AuditEntry>> {
  return apiRequest<Page<AuditEntry>>('/api/v1/audit-log', { query: { limit: 50, ...filters, cursor } });
}

/** DR-23: the street's audit log with the ledger's movements, newest first (street admins only). */
export function useAuditLog(filters: AuditFilters) {
  return useInfiniteQuery({
    queryKey: ['audit-log', filters],
    queryFn: ({ pageParam }) => getAuditLog(filters, pageParam),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
}

export function verifyAuditLog(): Promise<AuditVerify> {
  return apiRequest<AuditVerify>('/api/v1/audit-log/verify');
}

/** Recomputes the audit chain and the ledger's chains on the server; run on demand (it reads every row). */
export function useVerifyAuditLog() {
  return useMutation({ mutationFn: verifyAuditLog });
}
