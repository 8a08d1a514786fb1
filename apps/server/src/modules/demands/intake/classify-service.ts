/**
 * Picks the service-menu item a message asks for, by weighted keywords (see service-menu.ts). Pure and
 * explainable: the result lists the words that counted.
 */
import { SERVICE_MENU, type ServiceItem, type ServiceItemId } from './service-menu.js';
import { compileKeywords, findKeywords, hasTibetan, longestHits, normalizeText } from './text.js';

export const CORE_WEIGHT = 3;
/** Below this score no item is chosen (one short context word such as 药 or 孩子 is not enough). */
export const MIN_SCORE = 2;

/**
 * Phrases that contain a keyword but mean something else. They take part in the longest-match rule,
 * so the shorter keyword inside them does not count: ཆུ་ཚོད (hour) is not ཆུ (water).
 */
const NEUTRAL_PHRASES = ['ཆུ་ཚོད་', '修好了', '已经修好', '电话', '手机号', '志愿者报名', '老人家里', 'ལས་ཀ་', '漏风'];

type Tag = { item: ServiceItemId; weight: number; core: boolean } | null;

function relatedWeight(keyword: string): number {
  if (hasTibetan(keyword)) return keyword.replace(/[\u0F0B\s]+$/u, '').split('\u0F0B').length >= 2 ? 2 : 1;
  return [...keyword].length >= 3 ? 2 : 1;
}

function keywordEntries(menu: readonly ServiceItem[]): { tag: Tag; keyword: string }[] {
  const out: { tag: Tag; keyword: string }[] = [];
  for (const item of menu) {
    for (const list of [item.keywords.zh, item.keywords.bo]) {
      for (const k of list.core) out.push({ tag: { item: item.id, weight: CORE_WEIGHT, core: true }, keyword: k });
      for (const k of list.related) out.push({ tag: { item: item.id, weight: relatedWeight(k), core: false }, keyword: k });
    }
  }
  for (const k of NEUTRAL_PHRASES) out.push({ tag: null, keyword: k });
  return out;
}

const COMPILED = compileKeywords(keywordEntries(SERVICE_MENU));
const MENU_ORDER = new Map(SERVICE_MENU.map((s, i) => [s.id, i]));

export interface ServiceScore {
  serviceItemId: ServiceItemId;
  score: number;
  /** A keyword that names the service itself matched. */
  core: boolean;
  words: string[];
}

export interface ServiceClassification {
  serviceItemId: ServiceItemId | null;
  /** 0–1: how sure the choice is (score and margin over the runner-up). */
  confidence: number;
  /** All items that scored, best first. */
  ranking: ServiceScore[];
}

/** Scores every menu item against the text and picks the best, or null below MIN_SCORE. */
export function classifyService(text: string): ServiceClassification {
  const t = normalizeText(text);
  const scores = new Map<ServiceItemId, ServiceScore>();
  for (const hit of longestHits(findKeywords(t, COMPILED))) {
    if (!hit.tag) continue;
    const s = scores.get(hit.tag.item) ?? { serviceItemId: hit.tag.item, score: 0, core: false, words: [] };
    // A keyword counts once however often it is repeated.
    if (s.words.includes(hit.keyword)) continue;
    s.score += hit.tag.weight;
    s.core ||= hit.tag.core;
    s.words.push(hit.keyword);
    scores.set(hit.tag.item, s);
  }
  const ranking = [...scores.values()].sort(
    (a, b) =>
      b.score - a.score ||
      Number(b.core) - Number(a.core) ||
      b.words.length - a.words.length ||
      (MENU_ORDER.get(a.serviceItemId) ?? 0) - (MENU_ORDER.get(b.serviceItemId) ?? 0),
  );
  const best = ranking[0];
  if (!best || best.score < MIN_SCORE) return { serviceItemId: null, confidence: 0, ranking };
  const runnerUp = ranking[1]?.score ?? 0;
  const strength = Math.min(1, best.score / (2 * CORE_WEIGHT));
  const margin = best.score / (best.score + runnerUp);
  const confidence = Math.round(Math.min(0.95, strength * margin + (best.core ? 0.1 : 0)) * 100) / 100;
  return { serviceItemId: best.serviceItemId, confidence, ranking };
}
