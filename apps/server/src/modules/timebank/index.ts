// Time bank (时间储蓄, DR-13): transfers to relatives, donations, withdrawals with escrow. See CONTEXT.md.
export { timeBankRoutes } from './timebank.routes.js';
export { expireWithdrawals } from './timebank.service.js';
