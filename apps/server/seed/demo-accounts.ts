/** The demo log-ins of API.md ("Demo accounts"), all with the password DEMO_PASSWORD. */
import type { Role } from '@duodi/contracts';

export const DEMO_PASSWORD = 'demo1345';

export interface DemoAccount {
  phone: string;
  /** The role the log-in is for (some accounts hold more roles, see buildDemoData().accounts). */
  role: Role;
  /** Display label (zh-CN) for a demo log-in picker. */
  label: string;
  /** The person's name (Chinese form). */
  name: string;
}

export const DEMO_ACCOUNTS: readonly DemoAccount[] = [
  { phone: '13900000001', role: 'street_admin', name: '旦增朗杰', label: '街道管理员 · 夺底街道' },
  { phone: '13900000002', role: 'community_admin', name: '央金卓玛', label: '社区管理员 · 桑伊社区' },
  { phone: '13900000003', role: 'community_admin', name: '王丽华', label: '社区管理员 · 吉祥社区' },
  { phone: '13900000004', role: 'grid_worker', name: '次仁多吉', label: '网格员 · 桑伊社区第二网格' },
  { phone: '13900000005', role: 'team_leader', name: '白玛拉姆', label: '队长 · "布谷响铃"志愿服务队' },
  { phone: '13900000006', role: 'volunteer', name: '扎西平措', label: '志愿者 · "布谷响铃"志愿服务队' },
  { phone: '13900000007', role: 'volunteer', name: '刘建国', label: '志愿者 · "布谷响铃"志愿服务队' },
  { phone: '13900000008', role: 'resident', name: '索朗卓玛', label: '居民 · 桑伊社区第二网格' },
  { phone: '13900000009', role: 'party_member', name: '尼玛次仁', label: '党员志愿者 · 吉祥社区' },
  { phone: '13900000010', role: 'unit_admin', name: '陈志强', label: '共建单位管理员 · 国网拉萨供电公司城关供电分公司' },
  { phone: '13900000011', role: 'merchant', name: '普布顿珠', label: '爱心商户 · 夺底街道' },
];
