/**
 * Chat intake (issue 4, item 3): a grid worker pastes messages from the grid's WeChat group and gets
 * one draft demand per request found. Staff confirm or edit every draft; nothing here publishes.
 * Pure: no database, no clock (the caller passes `now`), no network.
 *
 * Pipeline: split the paste into messages (split-chat.ts) → drop chatter, notices, thanks and staff
 * replies → join a sender's follow-up lines ("电话 138…", "扎基花园2栋") to their request → per request:
 * emergency (DR-19), fee words (DR-17), service item, grid, urgency, phone, beneficiary.
 */
import { classifyService, type ServiceScore } from './classify-service.js';
import { detectEmergency, type EmergencyCall, type EmergencyKind } from './detect-emergency.js';
import { detectFee } from './detect-fee.js';
import { detectUrgency } from './detect-urgency.js';
import { extractPhone } from './extract-phone.js';
import { findBeneficiary } from './find-beneficiary.js';
import { indexGrids, resolveGrid, type GridIndex, type IntakeGrid } from './resolve-grid.js';
import type { ServiceItemId } from './service-menu.js';
import { splitChat, type ChatMessage } from './split-chat.js';
import { detectLanguage, normalizeText } from './text.js';

export type { IntakeGrid } from './resolve-grid.js';

export interface IntakeContext {
  /** The grids the pasting grid worker may file for (their grid, their community, or the street). */
  grids: readonly IntakeGrid[];
  /** Dates the messages whose header shows only a time. */
  now: Date;
}

export interface IntakeDraft {
  /** The message(s) this draft comes from, as pasted. */
  sourceText: string;
  sender: string | null;
  /** When the message was posted (ISO, +08:00), when the header said. */
  postedAt: string | null;
  language: 'zh' | 'bo' | 'mixed';
  /** A SERVICE_MENU id; null when no item fits, and always null for emergencies (DR-19). */
  serviceItemId: ServiceItemId | null;
  /** 0–1 confidence in serviceItemId (0 when null). */
  confidence: number;
  /** Other items that scored, best first (at most 3): what staff may pick instead. */
  alternatives: { serviceItemId: ServiceItemId; score: number }[];
  gridId: string | null;
  urgency: 'normal' | 'urgent';
  /** Mainland mobile, 11 digits. */
  contactPhone: string | null;
  beneficiaryHint: string | null;
  emergency: null | { kind: EmergencyKind; call: EmergencyCall };
  /** DR-17: the text asks for, offers or reports money for the service; staff review it. */
  feeFlag: boolean;
  /** Why each field was set, for the staff who confirm the draft. */
  reasons: string[];
}

const GENERIC_EMERGENCY_CUES = new Set(['110', '119', '120', '报警', '救命', '快来人', '急救', '救护车', '出事了']);

/** Lhasa keeps Beijing time all year. */
const UTC_OFFSET_MINUTES = 8 * 60;
/** A sender's next message within this many minutes may complete their request. */
const FOLLOW_UP_MINUTES = 10;

const REQUEST_CUE =
  /帮|需要|求助|麻烦|能不能|能否|可不可以|可以吗|有没有|谁能|谁会|谁有空|请人|找人|找个|想找|想请|希望|派人|派个|派两|安排|来人|来个人|来几个|上门|咨询|问问|问一下|请问|想问|怎么办|咋办|怎么处理|想了解|想要|要人|要有人|需要人|报修|求助|求求|吗|[?？]|རོགས|དགོས|ཐུབ་བམ|ཐུབ་པས|ཞུ|དྲི་རྒྱུ|ཡོད་དམ|ཡོད་ན|ཇི་ལྟར|གནང/u;
/** A description of something broken or going wrong: with a matching service it is a request even unasked. */
const PROBLEM_CUE =
  /坏了|坏掉|不亮|不转|不制冷|不热|不通|漏了|漏水|堵了|堵住|停电|没电|停水|没水|爆了|裂了|冻住|出问题|不能用|用不了|ཆག|འཛག|འགག|མི་འབར|གློག་ཆད/u;
const NOTICE_CUE =
  /^各位|各位居民|大家好|通知|请大家|欢迎|报名链接|报名时间|踊跃报名|开会|会议|温馨提示|记得带|链接|群公告|ཚོགས་འདུ|ཚང་མ་ཡོང/u;
const THANKS_CUE = /谢谢|感谢|多谢|辛苦了|扎西德勒|ཐུགས་རྗེ་ཆེ/u;
const DONE_CUE = /修好了|已经好了|解决了|弄好了|剪得很好|已经完成|办好了|送到了|来过了|已经录|录进系统|已录入/u;
const STAFF_REPLY = /我来登记|已登记|马上联系|我联系|我问问|我去问|我去看看|我下午去|我马上去|已安排|已经安排|已派|已转|已上报|ང་ཡོང་གི་ཡོད/u;
const STARTS_WITH_ACK = /^(?:@\S+\s*)?(?:收到|好的|好滴|嗯嗯?|ok|明白|了解|知道了|ལགས་སོ|ལགས་ཡིན)/iu;
const ASKS = /帮忙|麻烦|需要|能不能|能否|请|求助|再来/u;

const ACK_TOKENS =
  /收到|好的|好滴|嗯嗯|嗯|哦|噢|ok|谢谢|感谢|多谢|辛苦了|辛苦|明白|知道了|了解|早上好|早安|上午好|下午好|晚上好|大家好|晚安|扎西德勒|吉祥如意|新年快乐|洛萨尔|点赞|哈哈+|呵呵|是的|对的|好|对|ལགས་སོ|ལགས་ཡིན|ལགས་འགྲིགས|ཐུགས་རྗེ་ཆེ|བཀྲ་ཤིས་བདེ་ལེགས|ཡག་པོ་རེད|འགྲིགས་སོང|ལོ་གསར་ལ|ཞོགས་པ་བདེ་ལེགས/giu;

/** Only greetings, thanks, acknowledgements, emoji, stickers and mentions. */
export function isChatter(text: string): boolean {
  const rest = normalizeText(text)
    .replace(/@\S+/gu, '')
    .replace(/\[[^\]]{1,8}\]/gu, '')
    .replace(ACK_TOKENS, '')
    .replace(/\uFE0F|\u200D/gu, '')
    .replace(/[\p{P}\p{S}\p{Extended_Pictographic}\s\u0F0B-\u0F14]/gu, '');
  return rest === '';
}

interface Unit {
  sender: string | null;
  stamp: ChatMessage['stamp'];
  texts: string[];
  service: ServiceItemId | null;
  emergency: boolean;
}

/** Drafts one demand per request found in a pasted block of group messages. */
export function draftDemandsFromChat(text: string, ctx: IntakeContext): IntakeDraft[] {
  const { title, messages } = splitChat(text);
  const index = indexGrids(ctx.grids);

  const titleGrid = title ? resolveGrid(title, index) : null;
  const communitiesNamed = new Set<string>(titleGrid?.communities ?? []);
  for (const m of messages) for (const c of resolveGrid(m.text, index).communities) communitiesNamed.add(c);
  const pasteCommunity = communitiesNamed.size === 1 ? [...communitiesNamed][0] : null;

  // Group each request with the same sender's follow-ups that add no other service.
  const units: Unit[] = [];
  for (const m of messages) {
    const full = m.sender ? `${m.sender} ${m.text}` : m.text;
    const found = detectEmergency(full);
    const emergency = found !== null;
    if (!emergency && (isChatter(m.text) || isSuppressed(m.text, full))) continue;
    const service = classifyService(m.text).serviceItemId;
    const last = units.at(-1);
    // "快打110" right after an emergency is about that emergency, whoever writes it.
    if (
      found &&
      last?.emergency &&
      found.cues.every((c) => GENERIC_EMERGENCY_CUES.has(c)) &&
      withinMinutes(last.stamp, m.stamp, FOLLOW_UP_MINUTES)
    ) {
      last.texts.push(m.text);
      continue;
    }
    if (
      last &&
      m.sender &&
      last.sender === m.sender &&
      withinMinutes(last.stamp, m.stamp, FOLLOW_UP_MINUTES) &&
      (!service || service === last.service)
    ) {
      last.texts.push(m.text);
      last.emergency ||= emergency;
      continue;
    }
    units.push({ sender: m.sender, stamp: m.stamp, texts: [m.text], service, emergency });
  }

  const drafts: IntakeDraft[] = [];
  let lastPlace: string | null = null;
  for (const u of units) {
    const body = u.texts.join('\n');
    const full = u.sender ? `${u.sender} ${body}` : body;
    const grid = resolveGrid(body, index, { community: pasteCommunity, place: lastPlace });
    lastPlace = grid.places.at(-1) ?? lastPlace;
    const draft = draftOne(u, body, full, grid, index, titleGrid?.gridId ?? null, title, ctx.now);
    if (draft) drafts.push(draft);
  }
  return drafts;
}

function isSuppressed(text: string, full: string): boolean {
  const t = normalizeText(text);
  if (STAFF_REPLY.test(t) || (STARTS_WITH_ACK.test(t) && !ASKS.test(t))) return true;
  if (NOTICE_CUE.test(normalizeText(full)) && detectFee(t).length === 0) return true;
  if (detectFee(t).length > 0) return false;
  // A report of work done ("修好了", "已经录进系统") or a thank-you, unless it also asks for something.
  if (DONE_CUE.test(t) && !ASKS.test(t)) return true;
  return THANKS_CUE.test(t) && !REQUEST_CUE.test(t);
}

function draftOne(
  u: Unit,
  body: string,
  full: string,
  grid: ReturnType<typeof resolveGrid>,
  index: GridIndex,
  titleGridId: string | null,
  title: string | null,
  now: Date,
): IntakeDraft | null {
  const reasons: string[] = [];
  const emergency = detectEmergency(full);
  const fee = detectFee(body);
  const cls = classifyService(body);
  const chosen = cls.ranking.find((r) => r.serviceItemId === cls.serviceItemId);
  const requestCue = REQUEST_CUE.test(normalizeText(body));

  const problem = PROBLEM_CUE.test(normalizeText(body));
  const isRequest =
    emergency !== null || fee.length > 0 || requestCue || (chosen !== undefined && (chosen.core || problem || chosen.score >= 4));
  if (!isRequest) return null;

  let gridId = grid.gridId;
  if (gridId) reasons.push(`grid ${gridId}: ${grid.reason}`);
  if (!gridId && u.sender) {
    const bySender = resolveGrid(u.sender, index);
    if (bySender.gridId) {
      gridId = bySender.gridId;
      reasons.push(`grid ${gridId}: from the sender's name (${bySender.reason})`);
    }
  }
  if (!gridId && titleGridId) {
    gridId = titleGridId;
    reasons.push(`grid ${gridId}: from the group's name ${title ?? ''}`.trim());
  }
  if (!gridId) reasons.push('grid: not named (or ambiguous); staff choose');

  let serviceItemId = cls.serviceItemId;
  let confidence = cls.confidence;
  if (emergency) {
    reasons.push(
      `EMERGENCY ${emergency.kind} (${emergency.cues.join(', ')}): call ${emergency.call}, alert the grid leader; not for the volunteer market (DR-19)`,
    );
    if (serviceItemId) reasons.push(`a follow-up service might be ${serviceItemId}; staff decide after the emergency`);
    serviceItemId = null;
    confidence = 0;
  } else if (chosen) {
    reasons.push(`service ${chosen.serviceItemId} (${chosen.words.join(', ')}), confidence ${confidence}`);
  } else {
    reasons.push('service: no menu item matched; staff choose');
  }
  if (fee.length > 0) reasons.push(`fee words (${fee.join(', ')}): review before publishing, volunteer service is free (DR-17)`);

  const urgentWhy = detectUrgency(body);
  const urgency = emergency || urgentWhy ? 'urgent' : 'normal';
  if (urgentWhy && !emergency) reasons.push(`urgent: ${urgentWhy}`);

  const contactPhone = extractPhone(full);
  if (contactPhone) reasons.push('phone: found in the message');
  const beneficiaryHint = findBeneficiary(body);
  if (u.texts.length > 1) reasons.push(`joined ${u.texts.length} consecutive messages from ${u.sender ?? 'the same sender'}`);

  return {
    sourceText: body,
    sender: u.sender,
    postedAt: postedAt(u.stamp, now),
    language: detectLanguage(body),
    serviceItemId,
    confidence,
    alternatives: cls.ranking
      .filter((r: ServiceScore) => r.serviceItemId !== serviceItemId)
      .slice(0, 3)
      .map((r) => ({ serviceItemId: r.serviceItemId, score: r.score })),
    gridId,
    urgency,
    contactPhone,
    beneficiaryHint,
    emergency: emergency ? { kind: emergency.kind, call: emergency.call } : null,
    feeFlag: fee.length > 0,
    reasons,
  };
}

function minutesOf(stamp: ChatMessage['stamp']): number | null {
  const m = stamp ? /^(\d{1,2}):(\d{2})/.exec(stamp.time) : null;
  return m ? Number(m[1]) * 60 + Number(m[2]) : null;
}

function withinMinutes(a: ChatMessage['stamp'], b: ChatMessage['stamp'], limit: number): boolean {
  const x = minutesOf(a);
  const y = minutesOf(b);
  if (x === null || y === null) return true;
  if ((a?.date ?? null) !== (b?.date ?? null)) return false;
  return Math.abs(y - x) <= limit;
}

/** The header's date and time as an ISO string in Beijing time; a bare time is on `now`'s day (or the day before, if later than now). */
export function postedAt(stamp: ChatMessage['stamp'], now: Date): string | null {
  const minutes = minutesOf(stamp);
  if (!stamp || minutes === null) return null;
  const local = new Date(now.getTime() + UTC_OFFSET_MINUTES * 60_000);
  let y = local.getUTCFullYear();
  let mo = local.getUTCMonth() + 1;
  let d = local.getUTCDate();
  let shiftDays = 0;
  const date = stamp.date ?? '';
  const full = /^(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})/.exec(date);
  const short = /^(\d{1,2})[-/月](\d{1,2})/.exec(date);
  if (full) [y, mo, d] = [Number(full[1]), Number(full[2]), Number(full[3])];
  else if (short) [mo, d] = [Number(short[1]), Number(short[2])];
  else if (date === '昨天') shiftDays = -1;
  else if (date === '前天') shiftDays = -2;
  else if (!date && minutes > local.getUTCHours() * 60 + local.getUTCMinutes() + 5) shiftDays = -1;
  const utc = Date.UTC(y, mo - 1, d + shiftDays, 0, minutes) - UTC_OFFSET_MINUTES * 60_000;
  const at = new Date(utc + UTC_OFFSET_MINUTES * 60_000);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${at.getUTCFullYear()}-${pad(at.getUTCMonth() + 1)}-${pad(at.getUTCDate())}T${pad(at.getUTCHours())}:${pad(at.getUTCMinutes())}:00+08:00`;
}
