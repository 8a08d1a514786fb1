/**
 * Splits a block pasted from a WeChat group into messages. Pure.
 *
 * Header lines it recognises (after normalisation, so full-width colons count):
 * - `张三 10:32`, `张三 2026/11/02 10:32`, `བཀྲ་ཤིས་ 19:20` (sender and time on their own line; the body follows)
 * - `[10:32] 张三: body`, `【2026-11-02 10:32】张三：body`
 * - `张三: body`, `阿佳 卓玛：body` (sender, colon, body on the same line)
 * Date or time lines on their own (`—— 2026年11月2日 10:32 ——`, `昨天 18:20`) separate messages. WeChat
 * system lines (recalled, joined, 拍了拍, [图片] …) are dropped. A first line such as `桑伊社区第三网格居民群(218)`
 * is the group's title. Without any header, blank lines separate messages.
 */
import { normalizeText } from './text.js';

export interface ChatMessage {
  sender: string | null;
  /** The header's date and time as written (normalised), when there was one. */
  stamp: { date: string | null; time: string } | null;
  /** The body as pasted (original characters), trimmed; lines joined with \n. */
  text: string;
}

export interface SplitChat {
  /** The group name when the paste starts with it. */
  title: string | null;
  messages: ChatMessage[];
}

const TIME = '(?:[01]?\\d|2[0-3]):[0-5]\\d(?::[0-5]\\d)?';
const DATE =
  '(?:\\d{4}[-/.年]\\d{1,2}[-/.月]\\d{1,2}日?|\\d{1,2}[-/月]\\d{1,2}日?|昨天|前天|今天|星期[一二三四五六日天]|周[一二三四五六日天])';
const DAYPART = '(?:凌晨|早上|上午|中午|下午|晚上)';
const STAMP = `(?:(${DATE})\\s*)?(?:(${DAYPART})\\s*)?(${TIME})`;

const BRACKETED = new RegExp(`^[\\[【]\\s*${STAMP}\\s*[\\]】]\\s*(.{1,24}?)\\s*:\\s*(.*)$`, 'u');
const NAME_THEN_STAMP = new RegExp(`^(.{1,40}?)\\s+${STAMP}$`, 'u');
/** `2026-11-02 10:32:05 次仁(wxid_abc)`: exports that put the time first always carry a full date. */
const STAMP_THEN_NAME = new RegExp(`^(\\d{4}[-/.年]\\d{1,2}[-/.月]\\d{1,2}日?)\\s*(?:(${DAYPART})\\s*)?(${TIME})\\s+(.{1,40})$`, 'u');
const NAME_COLON_BODY = /^([^:]{1,24}?)\s*:\s*(.*)$/u;
const SEPARATOR = new RegExp(`^[-—=~·\\s]*(?:${DATE}\\s*)?(?:${DAYPART}\\s*)?(?:${TIME})?[-—=~·\\s]*$`, 'u');
const DATE_ONLY = new RegExp(`^[-—=~·\\s]*\\d{4}年\\d{1,2}月\\d{1,2}日[-—=~·\\s]*$`, 'u');

/** WeChat system lines and media placeholders: whole-line matches only, so no real content is lost. */
const SYSTEM_LINE = [
  /^.{0,30}撤回了一条消息$/u,
  /^.{0,60}(?:邀请|加入了群聊|移出了群聊|退出了群聊)/u,
  /^.{0,40}修改群名为/u,
  /^.{0,40}拍了拍.{0,40}$/u,
  /^(?:系统消息[:\s]*)?你已添加了.{0,30}/u,
  /^以[上下]是?为?(?:新消息|历史消息|打招呼的内容)/u,
  /^[-—\s]*以[上下].{0,10}消息[-—\s]*$/u,
  /^.{0,30}(?:开启了|关闭了)群聊邀请确认$/u,
  /^.{0,30}已成为新群主$/u,
  /^(?:\[(?:图片|语音|视频|表情|动画表情|文件|链接|位置|小程序|聊天记录|红包|转账|名片|视频号)\]\s*)+$/u,
];

const LABELS = new Set([
  '地址',
  '电话',
  '联系电话',
  '手机',
  '手机号',
  '联系人',
  '联系方式',
  '时间',
  '日期',
  '需求',
  '事由',
  '内容',
  '情况',
  '备注',
  '姓名',
  '原因',
  '位置',
  '要求',
  '问题',
  '求助',
  '紧急',
  '通知',
  '注意',
  '提醒',
  '公告',
  '温馨提示',
  '系统消息',
  '重要',
  '今天',
  '明天',
  '后天',
  '昨天',
  '前天',
  '上午',
  '下午',
  '晚上',
  '早上',
  '中午',
  '凌晨',
  '现在',
  '大概',
  '约',
  '服务',
  '楼号',
  '门牌',
  '网址',
  '链接',
  '各位',
  '大家',
  '各位居民',
  '各位群友',
  '各位邻居',
  'http',
  'https',
  'ཁ་པར',
  'ས་གནས',
  'དུས་ཚོད',
  'མིང',
]);
const LABEL_ENDINGS = /(?:说|讲|问|道|反映|反馈|表示|通知|提醒|电话|地址|时间|号码|方式|需求|诉求|工单|求助|情况|要求|备注|如下)$/u;

/** `次仁(wxid_abc123)`, `卓玛（3栋）` → the nickname without the bracketed account or note. */
const cleanSender = (raw: string) =>
  raw
    .trim()
    .replace(/\s*[(（][^)）]{0,30}[)）]$/u, '')
    .trim();

/** Whether a header's sender part looks like a WeChat nickname rather than a label or the start of a sentence. */
export function isPlausibleSender(raw: string): boolean {
  const name = raw.trim().replace(/[\u0F0B\s]+$/u, '');
  if (!name || name.startsWith('@')) return false;
  const limit = /[\u0F00-\u0FFF]/.test(name) ? 24 : 16;
  if ([...name].length > limit) return false;
  if (/[，。！？、,.!?;；…"“”]/.test(name)) return false;
  if ((name.match(/\s/g) ?? []).length > 1) return false;
  if (/^[\d\s\-+()]+$/.test(name)) return false;
  if (LABELS.has(name) || LABELS.has(name.toLowerCase())) return false;
  if (/^(?:各位|大家)/.test(name) || LABEL_ENDINGS.test(name)) return false;
  if (new RegExp(`^${DATE}$`, 'u').test(name) || new RegExp(`^${DAYPART}$`, 'u').test(name)) return false;
  return true;
}

/** `下午3:10` → `15:10` (WeChat shows a 12-hour clock after 上午/下午). */
function to24h(daypart: string | undefined, time: string): string {
  const m = /^(\d{1,2}):(\d{2})/.exec(time);
  if (!m || !daypart) return time;
  const h = Number(m[1]);
  const pm = (daypart === '下午' || daypart === '晚上') && h < 12;
  return `${String(pm ? h + 12 : h).padStart(2, '0')}:${m[2]}`;
}

function separatorStamp(line: string): ChatMessage['stamp'] {
  const m = new RegExp(STAMP, 'u').exec(line);
  return m ? { date: m[1] ?? null, time: to24h(m[2], m[3] ?? '') } : null;
}

type LineKind =
  | { kind: 'header'; sender: string; stamp: ChatMessage['stamp']; body: string }
  | { kind: 'separator'; stamp: ChatMessage['stamp'] }
  | { kind: 'system' }
  | { kind: 'text' };

function classifyLine(raw: string): LineKind {
  const line = normalizeText(raw).trim();
  if (!line) return { kind: 'text' };
  if (SYSTEM_LINE.some((re) => re.test(line))) return { kind: 'system' };
  let m = BRACKETED.exec(line);
  if (m && isPlausibleSender(m[4] ?? '')) {
    return { kind: 'header', sender: (m[4] ?? '').trim(), stamp: { date: m[1] ?? null, time: to24h(m[2], m[3] ?? '') }, body: m[5] ?? '' };
  }
  m = STAMP_THEN_NAME.exec(line);
  if (m && isPlausibleSender(cleanSender(m[4] ?? ''))) {
    return { kind: 'header', sender: cleanSender(m[4] ?? ''), stamp: { date: m[1] ?? null, time: to24h(m[2], m[3] ?? '') }, body: '' };
  }
  if (/\d/.test(line) && (SEPARATOR.test(line) || DATE_ONLY.test(line))) return { kind: 'separator', stamp: separatorStamp(line) };
  m = NAME_THEN_STAMP.exec(line);
  if (m && isPlausibleSender(cleanSender(m[1] ?? ''))) {
    return { kind: 'header', sender: cleanSender(m[1] ?? ''), stamp: { date: m[2] ?? null, time: to24h(m[3], m[4] ?? '') }, body: '' };
  }
  m = NAME_COLON_BODY.exec(line);
  // `明天 10:30` is a time, not "明天 10" saying "30"; `http://` is a link.
  const isTime = /\d$/.test(m?.[1] ?? '') && /^\d/.test(m?.[2] ?? '');
  if (m && isPlausibleSender(m[1] ?? '') && !isTime && !(m[2] ?? '').startsWith('//')) {
    return { kind: 'header', sender: (m[1] ?? '').trim(), stamp: null, body: m[2] ?? '' };
  }
  return { kind: 'text' };
}

const TITLE = /(?:群|群聊|微信群)\s*(?:\(\d+\))?$|\(\d+\)$/u;

/** Splits a pasted block into messages in the order they were posted. */
export function splitChat(pasted: string): SplitChat {
  const lines = pasted.replace(/\r\n?/g, '\n').split('\n');
  const kinds = lines.map(classifyLine);
  const hasHeaders = kinds.some((k) => k.kind === 'header');

  let title: string | null = null;
  const firstIdx = lines.findIndex((l) => l.trim() !== '');
  if (firstIdx !== -1 && kinds[firstIdx]?.kind === 'text') {
    const first = normalizeText(lines[firstIdx] ?? '').trim();
    if ([...first].length <= 30 && TITLE.test(first) && !/[，。！？,!?]/.test(first)) {
      title = (lines[firstIdx] ?? '').trim();
      kinds[firstIdx] = { kind: 'system' };
    }
  }

  const messages: ChatMessage[] = [];
  let current: { sender: string | null; stamp: ChatMessage['stamp']; lines: string[] } | null = null;
  // A date line ("—— 昨天 18:20 ——") dates the messages under it that carry no time of their own.
  let separator: ChatMessage['stamp'] = null;
  const flush = () => {
    if (!current) return;
    const text = current.lines.join('\n').trim();
    if (text) messages.push({ sender: current.sender, stamp: current.stamp, text });
    current = null;
  };

  lines.forEach((raw, i) => {
    const k = kinds[i] ?? { kind: 'text' };
    if (k.kind === 'system') return;
    if (k.kind === 'separator') {
      flush();
      separator = k.stamp;
      return;
    }
    if (k.kind === 'header') {
      flush();
      // Keep the body's original characters: cut the header off the raw line at the first colon after the sender.
      const rawBody = k.body ? originalBody(raw, k.body) : '';
      current = { sender: k.sender, stamp: k.stamp ?? separator, lines: rawBody ? [rawBody] : [] };
      return;
    }
    if (!raw.trim()) {
      if (!hasHeaders) flush();
      else current?.lines.push('');
      return;
    }
    if (!current) current = { sender: null, stamp: separator, lines: [] };
    current.lines.push(raw.trim());
  });
  flush();
  return { title, messages };
}

/** The part of the raw line that normalises to `body` (the header cut off), or `body` itself. */
function originalBody(raw: string, body: string): string {
  const trimmed = raw.trim();
  for (let i = 0; i < trimmed.length; i++) {
    if (normalizeText(trimmed.slice(i)).trim() === body.trim()) return trimmed.slice(i).trim();
  }
  return body.trim();
}
