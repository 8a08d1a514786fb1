/**
 * Who the service is for, when the message says: "独居的次仁奶奶", "旺堆波啦", "央金啦", "ཨ་མ་ལགས་". A hint for
 * staff, not an identity: names repeat and are never keys (DOMAIN.md §8). Pure.
 */
import { normalizeText } from './text.js';

const KIN =
  '(?:阿妈啦|阿爸啦|阿佳啦|阿觉啦|波啦|莫啦|老阿妈|阿妈|阿爸|阿佳|老奶奶|老爷爷|奶奶|爷爷|姥姥|外婆|老太太|老大爷|大爷|大妈|阿姨|老人家|老人|婆婆|留守儿童|孩子|小孩)';
const MODIFIER = '(?:(?:\\d{2,3}岁|[七八九]十多岁|独居|孤寡|空巢|残疾|瘫痪|卧床|行动不便|腿脚不便|生病|高龄|失明|一个人住)的?)?';
const ZH_PERSON = new RegExp(`${MODIFIER}[\\u4e00-\\u9fff]{0,3}?${KIN}`, 'u');
/** `的央金啦`, `的德吉啦`: a name with the Lhasa honorific 啦 after 的. */
const ZH_NAME_LA = /的([\u4e00-\u9fff]{2,4}啦)/u;
const BO_PERSON = /(?:ཨ་མ་ལགས|ཨ་ཕ་ལགས|ཨ་ཕ་ལགས|པོ་ལགས|མོ་ལགས|ཨ་ཅག་ལགས|རྒན་མོ|རྒན་པ|ཕྲུ་གུ)/u;
/** The end of an address caught before the person: `单元的`, `栋`. */
const ADDRESS_PART = /^[^的]*?(?:单元|栋|幢|号楼|组|号|室)的?/u;
/** Characters that belong to the sentence, not to the person's name. */
const LEADING_NOISE = /^[的帮给替为让请对和跟是在有个位那这里楼号元栋组我你他她们家去找叫陪送把被说想要看]+/u;

/** A short phrase naming the beneficiary, or null. */
export function findBeneficiary(text: string): string | null {
  const t = normalizeText(text);
  const named = ZH_NAME_LA.exec(t);
  const person = ZH_PERSON.exec(t);
  if (named && (!person || named.index <= person.index)) return named[1] ?? null;
  if (person) {
    const hint = person[0].replace(ADDRESS_PART, '').replace(LEADING_NOISE, '');
    if (hint) return hint;
  }
  const bo = BO_PERSON.exec(t);
  return bo ? bo[0] : null;
}
