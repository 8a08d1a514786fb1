/**
 * DR-17 (no charging): text that asks for, offers or reports money for a volunteer service — a fee, a
 * price, a tip, a red packet, a transfer. Such a draft is flagged for staff review. Pure.
 *
 * Words that name a payment for service (辛苦费, 红包, 报酬, གླ་ཆ་) always count. General money talk
 * (多少钱, 给钱, 50块) counts unless the message is about money that is not for the service: wages an
 * employer owes, an insurance premium, utility bills, subsidies, the grocery money a resident hands over.
 */
import { compileKeywords, findKeywords, normalizeText } from './text.js';

/** Words about paying for a service: they always count. */
const FEE_WORDS = [
  '收费',
  '付费',
  '有偿',
  '报酬',
  '酬劳',
  '辛苦费',
  '跑腿费',
  '上门费',
  '服务费',
  '材料费',
  '劳务费',
  '好处费',
  '感谢费',
  '小费',
  '红包',
  '价格',
  '价钱',
  '收不收',
  '按小时算',
  '按次算',
  // Tibetan: fee/wage, price.
  'གླ་ཆ་',
  'རིན་པ་',
  'རིན་གོང་',
];
/** Money talk in general: it counts unless the message is about money that is not for the service. */
const MONEY_WORDS = [
  '给钱',
  '付钱',
  '收钱',
  '要钱',
  '多少钱',
  '几块钱',
  '转账',
  '转钱',
  '微信转',
  '支付宝',
  '费用',
  // Tibetan: yuan, give money, how much money, expenses.
  'སྒོར་མོ་',
  'དངུལ་སྤྲོད་',
  'དངུལ་ག་ཚོད་',
  'འགྲོ་སོང་',
];
const MONEY_PATTERNS: readonly RegExp[] = [
  /\d+\s*(?:块|元|rmb|¥)/iu,
  /[¥￥]\s*\d+/u,
  /(?:给|付|收|要|转|发)[^，。,.!?！？\s]{0,6}钱/u,
  /钱[^，。,.!?！？\s]{0,4}(?:感谢|表示)/u,
  /(?:一次|每次|一小时|每小时)[^，。,.!?！？\s]{0,3}\d+/u,
  /སྒོར་?\s*\d+|\d+\s*སྒོར/u,
];
/** Money that is not a payment for the service: wages, premiums, bills, benefits, grocery money. */
const NOT_A_FEE =
  /工资|欠薪|薪水|押金|医保|社保|电费|水费|话费|物业费|房租|补贴|津贴|补助|养老金|低保|报销|学费|彩礼|自己出|菜钱|买菜的钱|垫付|工钱|གླ་ཕོགས|རོགས་དངུལ|མ་དངུལ/u;

const FEE = compileKeywords(FEE_WORDS.map((keyword) => ({ tag: keyword, keyword })));
const MONEY = compileKeywords(MONEY_WORDS.map((keyword) => ({ tag: keyword, keyword })));

/** The fee words found (empty when none): a non-empty result means "flag for review". */
export function detectFee(text: string): string[] {
  const t = normalizeText(text);
  const found = findKeywords(t, FEE).map((h) => h.keyword);
  if (!NOT_A_FEE.test(t)) {
    found.push(...findKeywords(t, MONEY).map((h) => h.keyword));
    for (const re of MONEY_PATTERNS) {
      const m = re.exec(t);
      if (m) found.push(m[0].trim());
    }
  }
  return [...new Set(found)];
}
