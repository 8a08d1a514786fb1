/**
 * Urgency of a request: `urgent` when the writer says so (急, 尽快, 马上来, མྱུར་དུ་) or describes harm
 * that is going on (water flooding a flat, no water in winter, food running out). Emergencies are
 * always urgent (the caller sets that). Pure.
 */
import { normalizeText } from './text.js';

/** Phrases that take the urgency back: 不急, 不着急, 慢慢来 … (removed before matching). */
const NOT_URGENT = /不[太是很用]*(?:着)?急|不赶时间|慢慢来|有空(?:的时候|再|时)|什么时候都行|不用太快|ཚབ་ཚུབ་མེད/gu;

const URGENT: readonly { re: RegExp; why: string }[] = [
  {
    re: /急|尽快|立刻|立即|赶紧|赶快|快点|快来|越快越好|今天之内|今天就要|等不了|等不及|十万火急|马上(?=来|去|过来|到|派|安排|处理|帮|要用|需要)/u,
    why: 'asks for speed',
  },
  { re: /[!！]{2,}/u, why: 'exclamation marks' },
  { re: /淹|漫到|漫了|往外冒|爆了|喷水|冻裂|水流得到处|到处都是水|顺着墙|没水用|停水|停电|断粮|没饭吃|冻住/u, why: 'ongoing harm' },
  { re: /མྱུར་དུ|འཕྲལ་དུ|ཛ་དྲག|ད་ལྟ་རང|ཧ་ཅང་འཚབ|ཆུ་མང་པོ་འཛག|ཆུ་མི་འདུག|ཆུ་མེད/u, why: 'asks for speed (bo)' },
];

/** Why the text is urgent, or null when it is not. */
export function detectUrgency(text: string): string | null {
  const t = normalizeText(text).replace(NOT_URGENT, ' ');
  for (const { re, why } of URGENT) {
    const m = re.exec(t);
    if (m) return `${why}: ${m[0]}`;
  }
  return null;
}
