/**
 * Emergencies in chat text (DR-19): fire, violence, medical danger and other danger to life. Such a
 * message gets 110/119/120 guidance and an alert to the grid leader, and never enters the volunteer
 * market. Pure.
 *
 * Tuned to err on the safe side: a false alarm costs a grid worker one look, a miss can cost a life.
 * So the cues are broad (冒烟 fires even when the smoke is from a stove), there is no negation handling
 * (不是着火 still fires), and only a few weak cues (摔倒, 滑倒, 被打) are ignored when the text clearly
 * puts them in the past or as a mere risk, and never when a strong cue is present as well.
 */
import { compileKeywords, findKeywords, normalizeText } from './text.js';

export const EMERGENCY_KINDS = ['fire', 'violence', 'medical', 'other_danger'] as const;
export type EmergencyKind = (typeof EMERGENCY_KINDS)[number];
export type EmergencyCall = '110' | '119' | '120';

export interface Emergency {
  kind: EmergencyKind;
  call: EmergencyCall;
  /** The words that triggered it. */
  cues: string[];
}

interface Cue {
  kind: EmergencyKind;
  call: EmergencyCall;
  words: readonly string[];
  /** Weak cues are dropped when the text says it happened before or might happen (see WEAK_CONTEXT). */
  weak?: boolean;
}

const CUES: readonly Cue[] = [
  {
    kind: 'fire',
    call: '119',
    words: [
      '着火',
      '着伙',
      '起火',
      '失火',
      '火灾',
      '烧起来',
      '烧着了',
      '冒烟',
      '浓烟',
      '黑烟',
      '都是烟',
      '好多烟',
      '很多烟',
      '烟很大',
      '全是烟',
      '火苗',
      '火光',
      '火花',
      '冒火',
      '明火',
      '煤气味',
      '燃气味',
      '天然气味',
      '液化气味',
      '煤气泄漏',
      '燃气泄漏',
      '煤气漏',
      '燃气漏',
      '漏气',
      '爆炸',
      '焦糊味',
      '烧焦',
      '糊味',
      '烟雾报警',
      '火警',
      '119',
      // Tibetan: fire broke out, burning, flames, fire disaster, smoke, gas leak or smell.
      'མེ་ཤོར་',
      'མེ་འབར་',
      'མེ་ལྕེ་',
      'མེ་སྐྱོན་',
      'དུ་བ་',
      'དུ་པ་',
      'རླངས་རྫས་འཛག་',
      'རླངས་རྫས་ཀྱི་དྲི་',
      'རླངས་རྫས་དྲི་',
    ],
  },
  {
    kind: 'violence',
    call: '110',
    words: [
      '打人',
      '打架',
      '打起来',
      '动手',
      '殴打',
      '斗殴',
      '群殴',
      '家暴',
      '家爆',
      '打老婆',
      '打媳妇',
      '打老公',
      '打孩子',
      '打死',
      '打伤',
      '砍人',
      '砍伤',
      '捅人',
      '捅了',
      '持刀',
      '拿刀',
      '拿着刀',
      '动刀',
      '刀子',
      '菜刀',
      '抢劫',
      '抢钱',
      '抢包',
      '抢东西',
      '杀人',
      '要杀',
      '绑架',
      '性侵',
      '强奸',
      '猥亵',
      '砸东西',
      '砸门',
      '闹事',
      '撬门',
      '撬锁',
      '被撬',
      '入室',
      '棍子',
      '报警',
      '110',
      // Tibetan: beating, beat (past), fight, brawl, knife, robbery, bandit, kill.
      'བརྡུང་རྡེག་',
      'རྡུང་རྡེག་',
      'བརྡུངས་',
      'རྡུང་གི་',
      'འཐབ་རྩོད་',
      'འཐབ་འཛིང་',
      'འཛིང་',
      'གྲི་',
      'འཕྲོག་བཅོམ་',
      'འཕྲོག་',
      'ཇག་པ་',
      'གསོད་',
    ],
  },
  {
    kind: 'violence',
    call: '110',
    weak: true,
    words: ['被打', '挨打', '小偷还在', '小偷可能还在', '有小偷'],
  },
  {
    kind: 'medical',
    call: '120',
    words: [
      '晕倒',
      '晕到',
      '昏倒',
      '昏迷',
      '晕过去',
      '晕了',
      '不省人事',
      '叫不醒',
      '没意识',
      '没有意识',
      '失去意识',
      '神志不清',
      '迷糊',
      '呼吸困难',
      '呼吸困南',
      '喘不上气',
      '喘不过气',
      '上不来气',
      '透不过气',
      '没呼吸',
      '没有呼吸',
      '心跳停',
      '心脏骤停',
      '胸口疼',
      '胸口痛',
      '胸痛',
      '胸闷',
      '心口闷',
      '心口疼',
      '心口痛',
      '心脏病发',
      '心脏病犯',
      '心梗',
      '中风',
      '脑梗',
      '脑出血',
      '嘴歪',
      '口齿不清',
      '说话不清',
      '半边身子',
      '没力气',
      '手脚发麻',
      '抽搐',
      '抽筋',
      '口吐白沫',
      '翻白眼',
      '往上翻',
      '大出血',
      '流血不止',
      '血流不止',
      '好多血',
      '很多血',
      '流血',
      '吐血',
      '起不来',
      '中毒',
      '喝农药',
      '喝了农药',
      '吃了农药',
      '误服',
      '吃了好多片',
      '一氧化碳',
      '触电',
      '电到了',
      '溺水',
      '掉下去',
      '摔下来',
      '从高处摔',
      '坠楼',
      '从楼上',
      '高烧',
      '高原反应',
      '高反',
      '休克',
      '严重过敏',
      '烫伤',
      '烧伤',
      '急救',
      '救护车',
      '120',
      // Tibetan: serious illness, fainted, unconscious, cannot breathe, heart pain, bleeding, poison,
      // cannot get up, high fever, to hospital quickly.
      'ན་ཟུག་ཚབས་ཆེན་',
      'ནད་ཚབས་ཆེན་',
      'བརྒྱལ་',
      'དྲན་པ་མི་འདུག་',
      'དྲན་པ་མེད་',
      'དྲན་མེད་',
      'དབུགས་རྔུབ་དཀའ་',
      'དབུགས་རྔུབ་མི་ཐུབ་',
      'དབུགས་མི་འདུག་',
      'དབུགས་ཆད་',
      'དབུགས་འཐེན་མི་ཐུབ་',
      'སྙིང་ཁ་ན་',
      'སྙིང་ནད་',
      'ཁྲག་ཐོན་',
      'ཁྲག་མང་པོ་',
      'ཁྲག་འཛག་',
      'དུག་',
      'ལང་མི་ཐུབ་',
      'ཆུས་ཁྱེར་',
      'ཚ་བ་ཆེན་པོ་',
      'སྨན་ཁང་ལ་མྱུར་དུ་',
      'སྨན་ཁང་དུ་མྱུར་དུ་',
    ],
  },
  {
    kind: 'medical',
    call: '120',
    weak: true,
    words: ['摔倒', '跌倒', '摔了一跤', '摔了', '滑倒', 'འགྱེལ་', 'ལྷུང་'],
  },
  {
    kind: 'other_danger',
    call: '110',
    words: [
      '跳楼',
      '要跳',
      '想跳',
      '楼顶边',
      '轻生',
      '自杀',
      '寻死',
      '寻短见',
      '想不开',
      '不想活',
      '活着没意思',
      '割腕',
      '上吊',
      '走丢',
      '走失',
      '失踪',
      '找不到了',
      '找不到人',
      '不见了',
      '联系不上',
      '打不通',
      '电话没人接',
      '打电话没人接',
      '都没人接',
      '没人应',
      '没人开门',
      '没人见过',
      '好几天没见',
      '锁在屋里',
      '救命',
      '快来人',
      '出事了',
      'SOS',
      // Tibetan: jump, suicide, lost, not found, nobody answers, life in danger.
      'མཆོང་',
      'རང་སྲོག་',
      'སྲོག་གཅོད་',
      'བོར་བརླག་',
      'བརླག་སོང་',
      'མ་རྙེད་',
      'ཤུལ་མེད་',
      'ཁ་པར་ལེན་མཁན་མེད་',
      'སྲོག་ཉེན་',
      'སྐྱོབས་རོགས་',
      'སྐྱབས་རོགས་',
    ],
  },
  {
    kind: 'other_danger',
    call: '119',
    words: [
      '被困',
      '困住',
      '困在',
      '电梯卡',
      '卡在电梯',
      '电梯困人',
      '塌了',
      '倒塌',
      '坍塌',
      '地震',
      '洪水',
      '泥石流',
      '漏电',
      '带电',
      '掉进',
      '掉到井',
      '掉井里',
      '掉河里',
      '掉水里',
      '落水',
      '被水冲',
      // Tibetan: fell into water or a pit.
      'ཆུ་ནང་ལྷུང་',
      'ཆུར་ལྷུང་',
      'ཆུ་ཁུང་ནང་ལྷུང་',
      'དོང་ནང་ལྷུང་',
      'རྡིབ་',
      'ས་ཡོམ་',
    ],
  },
];

/** Two cues that are an emergency only together (in any order, anywhere in the message). */
const PAIRS: readonly { kind: EmergencyKind; call: EmergencyCall; a: readonly string[]; b: readonly string[] }[] = [
  { kind: 'fire', call: '119', a: ['煤气', '燃气', '天然气', '液化气', 'རླངས་རྫས་'], b: ['味', '漏', '泄', 'དྲི་', 'འཛག་', 'ཐོན་'] },
  {
    kind: 'medical',
    call: '120',
    a: ['没反应', '没有反应', 'ལན་མི་འདུག'],
    b: ['他', '她', '老人', '奶奶', '爷爷', '阿妈', '孩子', '叫', '喊', '敲门', 'ཨ་མ་', 'པོ་ལགས', 'མོ་ལགས'],
  },
  { kind: 'other_danger', call: '119', a: ['进水', '淹', '水已经到', '水深'], b: ['电闸', '电线', '漏电', '插座', '电箱'] },
  { kind: 'other_danger', call: '110', a: ['独居', '一个人', 'གཅིག་པུ'], b: ['几天没', '没出门', '没动静', 'ཉིན་མ་ཁ་ཤས་མཐོང་མ་བྱུང'] },
];

/** Phrasings too varied for a word list: 心口有点闷, 喘不太上气, 晕了过去. */
const PATTERNS: readonly { kind: EmergencyKind; call: EmergencyCall; re: RegExp }[] = [
  { kind: 'medical', call: '120', re: /(?:心口|胸口|胸)[^，。,.!?！？\s]{0,3}(?:闷|疼|痛)/u },
  { kind: 'medical', call: '120', re: /(?:喘|呼吸|透)[^，。,.!?！？\s]{0,3}(?:不上|不过|困难|不了)/u },
  { kind: 'medical', call: '120', re: /(?:晕|昏)[^，。,.!?！？\s]{0,2}(?:倒|过去|迷)/u },
  { kind: 'medical', call: '120', re: /(?:叫|喊|敲门)[^，。,.!?！？]{0,4}(?:不醒|不应|没反应)/u },
  { kind: 'fire', call: '119', re: /(?:着|起|失)[^，。,.!?！？\s]{0,1}火了/u },
];

/** The text puts a weak cue in the past or makes it a mere risk. */
const WEAK_CONTEXT = /昨天|前天|上周|上个月|前几天|之前|以前|去年|上次|那次|容易|小心|防止|注意|怕|担心/u;
/** …unless it also says it is still going on. */
const STILL_NOW = /现在|到现在|还在|一直|刚才|刚刚|正在|快来|救命/u;

const ORDER: readonly EmergencyKind[] = ['fire', 'violence', 'medical', 'other_danger'];

const COMPILED = compileKeywords(CUES.flatMap((cue, i) => cue.words.map((keyword) => ({ tag: i, keyword }))));

/** Emergency numbers count only as numbers: not 120平米, not room 110. */
const NUMBER_CUE = /^(?:110|119|120)$/;
const numberStandsAlone = (t: string, start: number, end: number) =>
  !/[\d.]/.test(t[start - 1] ?? '') && !/^[\d.]|^\s*(?:平|块|元|米|斤|个|岁|分|号|室|栋|g|ml|kg|cm)/iu.test(t.slice(end, end + 3));

/** The emergency a message reports, or null. */
export function detectEmergency(text: string): Emergency | null {
  const t = normalizeText(text);
  const weakAllowed = !WEAK_CONTEXT.test(t) || STILL_NOW.test(t);
  const found = new Map<EmergencyKind, { call: EmergencyCall; cues: string[]; strong: boolean }>();
  const note = (kind: EmergencyKind, call: EmergencyCall, cue: string, strong: boolean) => {
    const entry = found.get(kind) ?? { call, cues: [], strong: false };
    if (!entry.cues.includes(cue)) entry.cues.push(cue);
    // A specific call (119 for someone trapped) wins over the default of its kind.
    if (strong && !entry.strong) entry.call = call;
    entry.strong ||= strong;
    found.set(kind, entry);
  };

  for (const hit of findKeywords(t, COMPILED)) {
    const cue = CUES[hit.tag];
    if (!cue) continue;
    if (NUMBER_CUE.test(hit.keyword) && !numberStandsAlone(t, hit.start, hit.end)) continue;
    if (cue.weak && !weakAllowed) continue;
    note(cue.kind, cue.call, hit.keyword, !cue.weak);
  }
  for (const p of PATTERNS) {
    const m = p.re.exec(t);
    if (m) note(p.kind, p.call, m[0], true);
  }
  for (const p of PAIRS) {
    const a = p.a.find((w) => t.includes(w));
    const b = p.b.find((w) => t.includes(w));
    if (a && b) note(p.kind, p.call, `${a}+${b}`, true);
  }
  // 救命 / 快来人 alone say "danger" but not which: a more specific kind wins.
  const generic = found.get('other_danger');
  if (generic && generic.cues.every((c) => ['救命', '快来人', '出事了', 'SOS'].includes(c)) && found.size > 1) {
    found.delete('other_danger');
  }
  // A kind with a strong cue outranks one with only weak cues (掉进水坑 is a rescue, not just a fall).
  const kind = ORDER.find((k) => found.get(k)?.strong) ?? ORDER.find((k) => found.has(k));
  if (!kind) return null;
  const entry = found.get(kind);
  if (!entry) return null;
  return { kind, call: entry.call, cues: [...found.values()].flatMap((e) => e.cues) };
}
