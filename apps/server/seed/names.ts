/**
 * Plausible names for the demo data of a Lhasa street: Tibetan names (two given-name elements in
 * Tibetan script with their usual Chinese transliteration; Tibetans have no surname, so names repeat
 * often) and Han names (surname + one or two given characters). Every name carries `nameInitials`,
 * the lowercase pinyin initials of its Chinese form (扎西次仁 → "zxcr"), from the table below, which
 * covers exactly the characters this generator uses.
 */
import type { Rng } from './random.js';

export type Gender = 'male' | 'female';
export type Ethnicity = 'tibetan' | 'han';

export interface GeneratedName {
  name: string;
  nameBo: string | null;
  nameInitials: string;
  ethnicity: Ethnicity;
}

/** m: mostly male, f: female, u: given to both. w: how common (relative). */
interface TibetanElement {
  bo: string;
  zh: string;
  g: 'm' | 'f' | 'u';
  w: number;
}

export const TIBETAN_ELEMENTS: readonly TibetanElement[] = [
  { bo: 'བཀྲ་ཤིས་', zh: '扎西', g: 'm', w: 10 },
  { bo: 'བསྟན་འཛིན་', zh: '旦增', g: 'u', w: 9 },
  { bo: 'རྡོ་རྗེ་', zh: '多吉', g: 'm', w: 8 },
  { bo: 'སྒྲོལ་མ་', zh: '卓玛', g: 'f', w: 12 },
  { bo: 'ཚེ་རིང་', zh: '次仁', g: 'u', w: 12 },
  { bo: 'པད་མ་', zh: '白玛', g: 'u', w: 7 },
  { bo: 'ལྷ་མོ་', zh: '拉姆', g: 'f', w: 10 },
  { bo: 'ཚེ་དབང་', zh: '次旺', g: 'm', w: 6 },
  { bo: 'བསོད་ནམས་', zh: '索朗', g: 'u', w: 8 },
  { bo: 'ནོར་བུ་', zh: '罗布', g: 'm', w: 7 },
  { bo: 'དབྱངས་ཅན་', zh: '央金', g: 'f', w: 8 },
  { bo: 'མི་དམར་', zh: '米玛', g: 'u', w: 8 },
  { bo: 'པ་སངས་', zh: '巴桑', g: 'u', w: 8 },
  { bo: 'ཉི་མ་', zh: '尼玛', g: 'u', w: 10 },
  { bo: 'ལྷག་པ་', zh: '拉巴', g: 'u', w: 8 },
  { bo: 'ཕུར་བུ་', zh: '普布', g: 'u', w: 8 },
  { bo: 'སྤེན་པ་', zh: '边巴', g: 'u', w: 7 },
  { bo: 'ཟླ་བ་', zh: '达瓦', g: 'u', w: 8 },
  { bo: 'སྒྲོལ་དཀར་', zh: '卓嘎', g: 'f', w: 6 },
  { bo: 'ཆོས་སྒྲོན་', zh: '曲珍', g: 'f', w: 7 },
  { bo: 'བདེ་སྐྱིད་', zh: '德吉', g: 'f', w: 7 },
  { bo: 'ཕུན་ཚོགས་', zh: '平措', g: 'm', w: 7 },
  { bo: 'དོན་གྲུབ་', zh: '顿珠', g: 'm', w: 6 },
  { bo: 'རྣམ་རྒྱལ་', zh: '朗杰', g: 'm', w: 5 },
  { bo: 'བློ་བཟང་', zh: '洛桑', g: 'm', w: 6 },
  { bo: 'ཡེ་ཤེས་', zh: '益西', g: 'u', w: 5 },
  { bo: 'བསམ་གྲུབ་', zh: '桑珠', g: 'm', w: 4 },
  { bo: 'ཀུན་དགའ་', zh: '贡嘎', g: 'm', w: 4 },
  { bo: 'དབང་འདུས་', zh: '旺堆', g: 'm', w: 5 },
  { bo: 'དབང་ཕྱུག་', zh: '旺久', g: 'm', w: 3 },
  { bo: 'བསྟན་པ་', zh: '旦巴', g: 'm', w: 4 },
  { bo: 'ཆོས་འཕེལ་', zh: '群培', g: 'm', w: 4 },
  { bo: 'ཚེ་བརྟན་', zh: '次旦', g: 'u', w: 6 },
  { bo: 'ལྷ་སྒྲོན་', zh: '拉珍', g: 'f', w: 5 },
  { bo: 'འཕྲིན་ལས་', zh: '赤列', g: 'm', w: 5 },
  { bo: 'ཤེས་རབ་', zh: '喜饶', g: 'm', w: 3 },
  { bo: 'རིག་འཛིན་', zh: '仁增', g: 'u', w: 4 },
  { bo: 'བྱམས་པ་', zh: '强巴', g: 'm', w: 5 },
  { bo: 'ཚེ་དབྱངས་', zh: '次央', g: 'f', w: 5 },
  { bo: 'ཕུར་ཁྲི་', zh: '普赤', g: 'f', w: 4 },
  { bo: 'དཔལ་མོ་', zh: '白姆', g: 'f', w: 4 },
  { bo: 'ངག་དབང་', zh: '阿旺', g: 'm', w: 5 },
  { bo: 'འཇིགས་མེད་', zh: '晋美', g: 'm', w: 4 },
  { bo: 'དབྱངས་སྒྲོན་', zh: '央珍', g: 'f', w: 5 },
  { bo: 'གཡུ་སྒྲོན་', zh: '玉珍', g: 'f', w: 5 },
  { bo: 'མེ་ཏོག་', zh: '梅朵', g: 'f', w: 4 },
  { bo: 'བཟང་མོ་', zh: '桑姆', g: 'f', w: 5 },
  { bo: 'སྐལ་བཟང་', zh: '格桑', g: 'u', w: 6 },
  { bo: 'བསམ་གཏན་', zh: '桑旦', g: 'm', w: 3 },
  { bo: 'ཆོས་གྲགས་', zh: '曲扎', g: 'm', w: 3 },
  { bo: 'བློ་གྲོས་', zh: '罗珠', g: 'm', w: 3 },
  { bo: 'ལྷ་སྐྱིད་', zh: '拉吉', g: 'f', w: 4 },
  { bo: 'དབྱངས་འཛོམས་', zh: '央宗', g: 'f', w: 5 },
  { bo: 'དགེ་ལེགས་', zh: '格列', g: 'm', w: 3 },
  { bo: 'དབང་མོ་', zh: '旺姆', g: 'f', w: 4 },
  { bo: 'ཚེ་སྒྲོན་', zh: '次珍', g: 'f', w: 5 },
  { bo: 'བུ་ཁྲི་', zh: '布赤', g: 'f', w: 3 },
  { bo: 'ལྷུན་གྲུབ་', zh: '伦珠', g: 'm', w: 4 },
  { bo: 'འོད་ཟེར་', zh: '维色', g: 'u', w: 3 },
  { bo: 'དཀོན་མཆོག་', zh: '贡觉', g: 'm', w: 3 },
  { bo: 'བདེ་ཆེན་', zh: '德庆', g: 'u', w: 4 },
  { bo: 'རབ་བརྟན་', zh: '热旦', g: 'm', w: 3 },
  { bo: 'ཆོས་འཛོམས་', zh: '曲宗', g: 'f', w: 4 },
];

/** Han surnames, weighted (many Han residents of Lhasa come from Sichuan, Shaanxi, Gansu). */
export const HAN_SURNAMES: readonly (readonly [string, number])[] = [
  ['王', 10],
  ['李', 10],
  ['张', 9],
  ['刘', 8],
  ['陈', 7],
  ['杨', 7],
  ['赵', 5],
  ['黄', 4],
  ['周', 4],
  ['吴', 4],
  ['徐', 3],
  ['孙', 3],
  ['胡', 3],
  ['朱', 3],
  ['高', 3],
  ['林', 2],
  ['何', 3],
  ['郭', 3],
  ['马', 4],
  ['罗', 3],
  ['梁', 2],
  ['宋', 2],
  ['郑', 2],
  ['谢', 2],
  ['韩', 2],
  ['唐', 3],
  ['冯', 2],
  ['于', 2],
  ['董', 2],
  ['邓', 3],
  ['曾', 2],
  ['彭', 2],
  ['蒋', 2],
  ['袁', 2],
  ['付', 2],
];

export const HAN_GIVEN_MALE = '建国伟强军明勇杰涛斌磊鹏志华平海林波宇浩俊峰刚文新东晨博辉亮' as const;
export const HAN_GIVEN_FEMALE = '丽芳娟敏静燕霞艳玲红梅婷雪琴慧萍英兰佳欣雨悦晶秀华' as const;

/** Lowercase pinyin initial (first letter of the syllable) of every character the generator uses. */
const INITIALS: Record<string, string> = {
  // Tibetan transliteration characters
  扎: 'z',
  西: 'x',
  旦: 'd',
  增: 'z',
  多: 'd',
  吉: 'j',
  卓: 'z',
  玛: 'm',
  次: 'c',
  仁: 'r',
  白: 'b',
  拉: 'l',
  姆: 'm',
  旺: 'w',
  索: 's',
  朗: 'l',
  罗: 'l',
  布: 'b',
  央: 'y',
  金: 'j',
  米: 'm',
  巴: 'b',
  桑: 's',
  尼: 'n',
  普: 'p',
  边: 'b',
  达: 'd',
  瓦: 'w',
  嘎: 'g',
  曲: 'q',
  珍: 'z',
  德: 'd',
  平: 'p',
  措: 'c',
  顿: 'd',
  珠: 'z',
  杰: 'j',
  洛: 'l',
  益: 'y',
  贡: 'g',
  堆: 'd',
  久: 'j',
  群: 'q',
  培: 'p',
  赤: 'c',
  列: 'l',
  喜: 'x',
  饶: 'r',
  强: 'q',
  阿: 'a',
  晋: 'j',
  美: 'm',
  玉: 'y',
  梅: 'm',
  朵: 'd',
  格: 'g',
  宗: 'z',
  伦: 'l',
  维: 'w',
  色: 's',
  觉: 'j',
  庆: 'q',
  热: 'r',
  // Han surnames
  王: 'w',
  李: 'l',
  张: 'z',
  刘: 'l',
  陈: 'c',
  杨: 'y',
  赵: 'z',
  黄: 'h',
  周: 'z',
  吴: 'w',
  徐: 'x',
  孙: 's',
  胡: 'h',
  朱: 'z',
  高: 'g',
  林: 'l',
  何: 'h',
  郭: 'g',
  马: 'm',
  梁: 'l',
  宋: 's',
  郑: 'z',
  谢: 'x',
  韩: 'h',
  唐: 't',
  冯: 'f',
  于: 'y',
  董: 'd',
  邓: 'd',
  曾: 'z',
  彭: 'p',
  蒋: 'j',
  袁: 'y',
  付: 'f',
  // Han given names
  建: 'j',
  国: 'g',
  伟: 'w',
  军: 'j',
  明: 'm',
  勇: 'y',
  涛: 't',
  斌: 'b',
  磊: 'l',
  鹏: 'p',
  志: 'z',
  华: 'h',
  海: 'h',
  波: 'b',
  宇: 'y',
  浩: 'h',
  俊: 'j',
  峰: 'f',
  刚: 'g',
  文: 'w',
  新: 'x',
  东: 'd',
  晨: 'c',
  博: 'b',
  辉: 'h',
  亮: 'l',
  丽: 'l',
  芳: 'f',
  娟: 'j',
  敏: 'm',
  静: 'j',
  燕: 'y',
  霞: 'x',
  艳: 'y',
  玲: 'l',
  红: 'h',
  婷: 't',
  雪: 'x',
  琴: 'q',
  慧: 'h',
  萍: 'p',
  英: 'y',
  兰: 'l',
  佳: 'j',
  欣: 'x',
  雨: 'y',
  悦: 'y',
  晶: 'j',
  秀: 'x',
};

/** Pinyin initials of a Chinese name; throws on a character outside the shipped table. */
export function initialsOf(zh: string): string {
  let out = '';
  for (const ch of zh) {
    const i = INITIALS[ch];
    if (i === undefined) throw new Error(`no pinyin initial for ${ch} (in ${zh})`);
    out += i;
  }
  return out;
}

export function initialsTableHas(ch: string): boolean {
  return INITIALS[ch] !== undefined;
}

const FEMALE_SECOND = TIBETAN_ELEMENTS.filter((e) => e.g === 'f').map((e) => [e, e.w] as const);
const MALE_SECOND = TIBETAN_ELEMENTS.filter((e) => e.g === 'm').map((e) => [e, e.w] as const);
const UNISEX = TIBETAN_ELEMENTS.filter((e) => e.g === 'u').map((e) => [e, e.w] as const);

function findElement(zh: string): TibetanElement {
  const e = TIBETAN_ELEMENTS.find((x) => x.zh === zh);
  if (!e) throw new Error(`unknown Tibetan name element ${zh}`);
  return e;
}

/** A fixed Tibetan name from its Chinese elements, e.g. tibetanNameOf('扎西', '次仁'). */
export function tibetanNameOf(...zhElements: string[]): GeneratedName {
  const parts = zhElements.map(findElement);
  const name = parts.map((p) => p.zh).join('');
  return { name, nameBo: parts.map((p) => p.bo).join(''), nameInitials: initialsOf(name), ethnicity: 'tibetan' };
}

/** A fixed Han name, e.g. hanNameOf('王丽华'). */
export function hanNameOf(name: string): GeneratedName {
  return { name, nameBo: null, nameInitials: initialsOf(name), ethnicity: 'han' };
}

/** Two elements; the second usually carries the gender (…卓玛, …拉姆 for women; …多吉, …平措 for men). */
export function tibetanName(rng: Rng, gender: Gender): GeneratedName {
  // Women's names mostly open with a shared element (次仁卓玛, 尼玛拉姆), men's with either.
  const first = rng.weighted(gender === 'female' ? (rng.chance(0.75) ? UNISEX : FEMALE_SECOND) : rng.chance(0.5) ? UNISEX : MALE_SECOND);
  let second: TibetanElement;
  do {
    const genderedSecond = rng.chance(0.7);
    second = rng.weighted(genderedSecond ? (gender === 'female' ? FEMALE_SECOND : MALE_SECOND) : UNISEX);
  } while (second.zh === first.zh);
  return tibetanNameOf(first.zh, second.zh);
}

export function hanSurname(rng: Rng): string {
  return rng.weighted(HAN_SURNAMES);
}

export function hanName(rng: Rng, gender: Gender, surname = hanSurname(rng)): GeneratedName {
  const pool = Array.from(gender === 'female' ? HAN_GIVEN_FEMALE : HAN_GIVEN_MALE);
  let given = rng.pick(pool);
  if (rng.chance(0.65)) {
    let second = rng.pick(pool);
    while (second === given) second = rng.pick(pool);
    given += second;
  }
  return hanNameOf(surname + given);
}

export function personName(rng: Rng, gender: Gender, ethnicity: Ethnicity, surname?: string): GeneratedName {
  return ethnicity === 'tibetan' ? tibetanName(rng, gender) : hanName(rng, gender, surname);
}

/** The street's mix: about 70 % Tibetan, 30 % Han. */
export function pickEthnicity(rng: Rng): Ethnicity {
  return rng.chance(0.7) ? 'tibetan' : 'han';
}
