// The double-entry ledger (issue 5): the only way points and time-bank coins move. Other modules call
// these functions inside their own transaction (see CONTEXT.md).
export {
  balanceOf,
  personAccountId,
  personBalance,
  reverseTransfer,
  systemAccountId,
  transfer,
  type Currency,
  type SystemAccountKind,
  type TransferInput,
  type TransferResult,
} from './transfer.service.js';
export { ledgerRoutes } from './ledger.routes.js';
export { checkLedgerInvariants, type LedgerInvariantReport } from './invariants.repository.js';
export { entryHash, verifyLedgerChain, type ChainEntry, type ChainTransfer, type LedgerChainReport } from './chain.repository.js';
