/**
 * Which grid (网格) a message points to, from the words people use: a grid code (`SY-02`, `sy02`), a
 * building or village group (`阳光小区2栋`, `桑伊新居十二栋`, `洛欧村3组`), a grid ordinal with its community
 * (`桑伊二网格`, `吉祥社区第五网格`, `བསམ་ཡིད་སྡོད་ཁུལ་དྲ་མིག་གཉིས་པ`), or an estate whose known buildings all lie
 * in one grid (`金珠苑`). Pure: the caller passes the grids and their building words.
 */
import { ZH_NUMBER_CHARS, keywordPattern, normalizeText, parseSmallNumber } from './text.js';

export interface IntakeGrid {
  id: string;
  /** `SY-02`: community code, dash, number. */
  code: string;
  /** `桑伊社区第二网格` */
  name: string;
  /** `桑伊社区` */
  communityName: string;
  /**
   * Words that place a household in this grid: buildings (`阳光小区1栋`, with or without the community
   * name in front), village groups (`洛欧村2组`), or any other literal (a courtyard's name).
   */
  buildingWords?: readonly string[];
  /** Tibetan grid name (`བསམ་ཡིད་སྡོད་ཁུལ་དྲ་མིག་གཉིས་པ་`), matched as a literal. */
  nameBo?: string;
  /** Tibetan community name (`བསམ་ཡིད་སྡོད་ཁུལ་`), for `… དྲ་མིག་གཉིས་པ`. */
  communityNameBo?: string;
}

type UnitKind = 'building' | 'group';

interface CommunityIndex {
  name: string;
  aliases: string[];
  aliasesBo: string[];
  byOrdinal: Map<number, string>;
}

export interface GridIndex {
  grids: ReadonlyMap<string, IntakeGrid>;
  byCode: Map<string, string>;
  communityCodes: Set<string>;
  communities: CommunityIndex[];
  /** `阳光小区|2|building` → grid ids */
  units: Map<string, Set<string>>;
  /** every place (estate or village) with a numbered unit → grid ids of all its units */
  places: Map<string, Set<string>>;
  /** places, longest first (for prefix lookups) */
  placeNames: string[];
  literals: { pattern: RegExp; word: string; gridId: string }[];
}

const UNIT = new RegExp(`([0-9]{1,3}|[${ZH_NUMBER_CHARS}]{1,3})\\s*(号楼|栋|幢|组|队)`, 'gu');
const UNIT_WORD = new RegExp(`^(.*?)([0-9]{1,3}|[${ZH_NUMBER_CHARS}]{1,3})\\s*(号楼|栋|幢|组|队)$`, 'u');
const BO_ORDINALS = ['དང་པོ', 'གཉིས་པ', 'གསུམ་པ', 'བཞི་པ', 'ལྔ་པ', 'དྲུག་པ', 'བདུན་པ', 'བརྒྱད་པ', 'དགུ་པ', 'བཅུ་པ'];

const unitKind = (suffix: string): UnitKind => (suffix === '组' || suffix === '队' ? 'group' : 'building');
const shortCommunity = (name: string) => name.replace(/(?:社区|居委会|村委会|村)$/u, '');
const shortCommunityBo = (name: string) => name.replace(/[\u0F0B\s]*(?:སྡོད་ཁུལ|གྲོང་ཚོ)[\u0F0B\s]*$/u, '').replace(/\u0F0B$/u, '');
const codeKey = (letters: string, n: number) => `${letters.toUpperCase()}-${n}`;

/** Prepares the grids for resolveGrid (do it once per paste, or once per street and reuse it). */
export function indexGrids(grids: readonly IntakeGrid[]): GridIndex {
  const index: GridIndex = {
    grids: new Map(grids.map((g) => [g.id, g])),
    byCode: new Map(),
    communityCodes: new Set(),
    communities: [],
    units: new Map(),
    places: new Map(),
    placeNames: [],
    literals: [],
  };
  const addTo = (map: Map<string, Set<string>>, key: string, id: string) => {
    const set = map.get(key) ?? new Set<string>();
    set.add(id);
    map.set(key, set);
  };

  for (const g of grids) {
    const code = /^([A-Za-z]+)[-_ ]?0*(\d+)$/.exec(g.code.trim());
    const ordinal = code ? Number(code[2]) : ordinalFromName(g.name);
    if (code) {
      index.byCode.set(codeKey(code[1] ?? '', Number(code[2])), g.id);
      index.communityCodes.add((code[1] ?? '').toUpperCase());
    }
    let community = index.communities.find((c) => c.name === g.communityName);
    if (!community) {
      const aliases = [g.communityName, shortCommunity(g.communityName)].filter((a) => [...a].length >= 2);
      const aliasesBo = g.communityNameBo ? [g.communityNameBo, shortCommunityBo(g.communityNameBo)].map((a) => a.trim()) : [];
      community = { name: g.communityName, aliases: [...new Set(aliases)], aliasesBo: [...new Set(aliasesBo)], byOrdinal: new Map() };
      index.communities.push(community);
    }
    if (ordinal !== undefined) community.byOrdinal.set(ordinal, g.id);

    for (const raw of g.buildingWords ?? []) {
      const word = normalizeText(raw).trim();
      const m = UNIT_WORD.exec(word);
      const n = m ? parseSmallNumber(m[2] ?? '') : undefined;
      if (!m || n === undefined) {
        index.literals.push({ pattern: keywordPattern(word), word, gridId: g.id });
        continue;
      }
      let place = (m[1] ?? '').trim();
      // 桑伊社区阳光小区1栋 → 阳光小区 (only the full community name: 吉祥花园 keeps its 吉祥).
      if (place.startsWith(g.communityName) && place.length > g.communityName.length) place = place.slice(g.communityName.length);
      const kind = unitKind(m[3] ?? '');
      const places = place === g.communityName || community.aliases.includes(place) ? community.aliases : [place];
      for (const p of places) {
        addTo(index.units, `${p}|${n}|${kind}`, g.id);
        addTo(index.places, p, g.id);
      }
    }
    for (const lit of [g.nameBo, g.name]) {
      if (lit) index.literals.push({ pattern: keywordPattern(lit), word: normalizeText(lit).trim(), gridId: g.id });
    }
  }
  index.placeNames = [...index.places.keys()].sort((a, b) => b.length - a.length);
  return index;
}

function ordinalFromName(name: string): number | undefined {
  const m = new RegExp(`第([0-9]{1,2}|[${ZH_NUMBER_CHARS}]{1,3})网格`, 'u').exec(name);
  return m ? parseSmallNumber(m[1] ?? '') : undefined;
}

export interface GridHints {
  /** A community named elsewhere in the paste (group title, other messages): resolves a bare `二网格`. */
  community?: string | null;
  /** The last estate named in the paste: resolves a bare `3栋` ("还有3栋的老李家"). */
  place?: string | null;
}

export interface GridResolution {
  gridId: string | null;
  reason: string | null;
  /** Estates or villages named in the text, in order (for GridHints.place of later messages). */
  places: string[];
  /** Communities named in the text. */
  communities: string[];
}

type Candidate = { gridId: string; at: number; rank: number; reason: string };

/** Resolves the grid a text points to; null when it names none or only an ambiguous place. */
export function resolveGrid(text: string, index: GridIndex, hints: GridHints = {}): GridResolution {
  const t = normalizeText(text);
  const candidates: Candidate[] = [];
  const places: { at: number; place: string }[] = [];
  const communities = index.communities.filter((c) => c.aliases.some((a) => t.includes(a))).map((c) => c.name);

  // 1. Grid codes: SY-02, sy02, SY 2.
  for (const m of t.matchAll(/(?<![A-Za-z])([A-Za-z]{2,3})\s*[-_]?\s*0*(\d{1,2})(?!\d)/g)) {
    const letters = (m[1] ?? '').toUpperCase();
    if (!index.communityCodes.has(letters)) continue;
    const id = index.byCode.get(codeKey(letters, Number(m[2])));
    if (id) candidates.push({ gridId: id, at: m.index, rank: 0, reason: `grid code ${m[0].trim()}` });
  }

  // 2. Buildings and village groups: 阳光小区2栋, 夺底村五组, and a bare 3栋 after an estate named earlier.
  for (const m of t.matchAll(UNIT)) {
    const n = parseSmallNumber(m[1] ?? '');
    if (n === undefined) continue;
    const kind = unitKind(m[2] ?? '');
    const before = t.slice(Math.max(0, m.index - 16), m.index).replace(/[\s(（]+$/u, '');
    const place = index.placeNames.find((p) => before.endsWith(p));
    if (place) places.push({ at: m.index - place.length, place });
    const effective = place ?? (kind === 'building' ? (places.at(-1)?.place ?? hints.place ?? null) : null);
    if (!effective) continue;
    const ids = index.units.get(`${effective}|${n}|${kind}`);
    if (ids?.size === 1) {
      const [id] = ids;
      const how = place ? `${place}${m[0]}` : `${m[0]} (estate ${effective} named before)`;
      if (id) candidates.push({ gridId: id, at: m.index, rank: place ? 1 : 4, reason: `building ${how}` });
    }
  }

  // 3. Literal building words and grid names (Tibetan names too).
  for (const lit of index.literals) {
    lit.pattern.lastIndex = 0;
    const m = lit.pattern.exec(t);
    if (m) candidates.push({ gridId: lit.gridId, at: m.index, rank: 1, reason: `named ${lit.word}` });
  }

  // 4. Grid ordinals with their community: 桑伊二网格, 吉祥社区第五网格, …དྲ་མིག་གཉིས་པ.
  const zhOrdinal = new RegExp(`第?([0-9]{1,2}|[${ZH_NUMBER_CHARS}]{1,3})号?\\s*网格|网格\\s*([0-9]{1,2})(?![0-9])`, 'gu');
  for (const m of t.matchAll(zhOrdinal)) {
    const n = parseSmallNumber(m[1] ?? m[2] ?? '');
    if (n === undefined) continue;
    const community =
      communityBefore(index, t.slice(Math.max(0, m.index - 12), m.index), false) ?? fallbackCommunity(index, communities, hints);
    const id = community?.byOrdinal.get(n);
    if (id) candidates.push({ gridId: id, at: m.index, rank: 2, reason: `${community?.name} grid ${n} (${m[0].trim()})` });
  }
  const boOrdinal = new RegExp(`དྲ་མིག་\\s*(?:ཨང་\\s*)?(${BO_ORDINALS.join('|')}|[0-9]{1,2})`, 'gu');
  for (const m of t.matchAll(boOrdinal)) {
    const word = m[1] ?? '';
    const n = /^\d+$/.test(word) ? Number(word) : BO_ORDINALS.indexOf(word) + 1;
    const community =
      communityBefore(index, t.slice(Math.max(0, m.index - 40), m.index), true) ?? fallbackCommunity(index, communities, hints);
    const id = n > 0 ? community?.byOrdinal.get(n) : undefined;
    if (id) candidates.push({ gridId: id, at: m.index, rank: 2, reason: `${community?.name} grid ${n} (${m[0].trim()})` });
  }

  // 5. An estate or village named without a unit, when all its known units lie in one grid.
  for (const p of index.placeNames) {
    const at = t.indexOf(p);
    if (at === -1 || places.some((x) => x.place === p)) continue;
    if (index.placeNames.some((q) => q !== p && q.includes(p) && t.includes(q))) continue;
    places.push({ at, place: p });
    const ids = index.places.get(p);
    if (ids?.size === 1) {
      const [id] = ids;
      if (id) candidates.push({ gridId: id, at, rank: 3, reason: `estate ${p} (all its buildings are in one grid)` });
    }
  }

  places.sort((a, b) => a.at - b.at);
  const best = candidates.sort((a, b) => a.rank - b.rank || a.at - b.at)[0];
  return {
    gridId: best?.gridId ?? null,
    reason: best?.reason ?? null,
    places: places.map((p) => p.place),
    communities,
  };
}

function communityBefore(index: GridIndex, before: string, tibetan: boolean): CommunityIndex | undefined {
  let found: { c: CommunityIndex; at: number } | undefined;
  for (const c of index.communities) {
    for (const alias of tibetan ? c.aliasesBo : c.aliases) {
      if (!alias) continue;
      const at = before.lastIndexOf(alias);
      if (at !== -1 && (!found || at > found.at)) found = { c, at };
    }
  }
  return found?.c;
}

function fallbackCommunity(index: GridIndex, named: string[], hints: GridHints): CommunityIndex | undefined {
  if (named.length === 1) return index.communities.find((c) => c.name === named[0]);
  if (hints.community) return index.communities.find((c) => c.name === hints.community);
  return index.communities.length === 1 ? index.communities[0] : undefined;
}
