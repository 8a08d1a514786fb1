/**
 * Fixed facts of 夺底街道 for the demo data: the street, its 6 villages/communities with their
 * 新时代文明实践站 and 党群服务中心, grids, the 17 volunteer teams and the 大工委 co-building units.
 * Names of the article (新华网 2024-06-25) are kept verbatim; the rest is invented but plausible.
 */
import type { TeamDomain, UnitKind } from '@duodi/contracts';

export const STREET = {
  id: 'duodi',
  code: 'duodi',
  name: '夺底街道',
  nameBo: 'རྡོ་སྟོད་ཁྲོམ་ལམ་',
  nameEn: 'Duodi Sub-district',
  district: '城关区',
} as const;

/** The rooms of 桑伊社区's 党群服务中心 ("新晖暖阳" refit), as in the article. */
export const SANGYI_ROOMS = ['综合大厅', '矛调中心', '心理咨询室', '社区食堂', '托幼中心', '艺术共享空间', '社区直播室'] as const;

export interface CommunityFact {
  id: string;
  /** Short code, also the grid-code prefix (JX → JX-01). */
  code: string;
  name: string;
  nameBo: string;
  nameEn: string;
  kind: 'community' | 'village';
  stationName: string;
  stationAddress: string;
  serviceCenterName: string;
  serviceCenterRooms: readonly string[];
  gridCount: number;
  /** Share of the street's households (relative). */
  householdWeight: number;
  /** Place names used in household addresses: 小区 for communities, none for villages (组/号). */
  estates: readonly string[];
}

export const COMMUNITIES: readonly CommunityFact[] = [
  {
    id: 'com_jx',
    code: 'JX',
    name: '吉祥社区',
    nameBo: 'བཀྲ་ཤིས་སྡོད་ཁུལ་',
    nameEn: 'Jixiang Community',
    kind: 'community',
    stationName: '吉祥社区新时代文明实践站',
    stationAddress: '拉萨市城关区夺底路18号吉祥社区党群服务中心一楼',
    serviceCenterName: '吉祥社区党群服务中心',
    serviceCenterRooms: ['综合大厅', '矛调中心', '心理咨询室', '社区食堂', '托幼中心'],
    gridCount: 6,
    householdWeight: 19,
    estates: ['吉祥花园', '夺底路东院', '吉祥新村', '雪域佳苑'],
  },
  {
    id: 'com_sy',
    code: 'SY',
    name: '桑伊社区',
    nameBo: 'བསམ་ཡིད་སྡོད་ཁུལ་',
    nameEn: 'Sangyi Community',
    kind: 'community',
    stationName: '桑伊社区新时代文明实践站',
    stationAddress: '拉萨市城关区夺底路56号桑伊社区党群服务中心二楼',
    serviceCenterName: '桑伊社区党群服务中心（新晖暖阳城市客厅）',
    serviceCenterRooms: SANGYI_ROOMS,
    gridCount: 7,
    householdWeight: 20,
    estates: ['桑伊新居', '阳光小区', '暖阳家园', '夺底路西院'],
  },
  {
    id: 'com_lo',
    code: 'LO',
    name: '洛欧村',
    nameBo: 'ལོ་འོ་གྲོང་ཚོ་',
    nameEn: "Luo'ou Village",
    kind: 'village',
    stationName: '洛欧村新时代文明实践站',
    stationAddress: '拉萨市城关区夺底街道洛欧村村委会',
    serviceCenterName: '洛欧村党群服务中心',
    serviceCenterRooms: ['综合大厅', '矛调中心', '艺术共享空间'],
    gridCount: 4,
    householdWeight: 14,
    estates: [],
  },
  {
    id: 'com_dd',
    code: 'DD',
    name: '夺底村',
    nameBo: 'རྡོ་སྟོད་གྲོང་ཚོ་',
    nameEn: 'Duodi Village',
    kind: 'village',
    stationName: '夺底村新时代文明实践站',
    stationAddress: '拉萨市城关区夺底街道夺底村村委会',
    serviceCenterName: '夺底村党群服务中心',
    serviceCenterRooms: ['综合大厅', '矛调中心', '社区食堂'],
    gridCount: 5,
    householdWeight: 13,
    estates: [],
  },
  {
    id: 'com_wb',
    code: 'WB',
    name: '维巴村',
    nameBo: 'ཝེ་པ་གྲོང་ཚོ་',
    nameEn: 'Weiba Village',
    kind: 'village',
    stationName: '维巴村新时代文明实践站',
    stationAddress: '拉萨市城关区夺底街道维巴村村委会',
    serviceCenterName: '维巴村党群服务中心',
    serviceCenterRooms: ['综合大厅', '矛调中心', '托幼中心'],
    gridCount: 4,
    householdWeight: 14,
    estates: [],
  },
  {
    id: 'com_zj',
    code: 'ZJ',
    name: '扎基社区',
    nameBo: 'བྲག་སྐྱིད་སྡོད་ཁུལ་',
    nameEn: 'Zhaji Community',
    kind: 'community',
    stationName: '扎基社区新时代文明实践站',
    stationAddress: '拉萨市城关区扎基路9号扎基社区党群服务中心一楼',
    serviceCenterName: '扎基社区党群服务中心',
    serviceCenterRooms: ['综合大厅', '矛调中心', '心理咨询室', '社区直播室'],
    gridCount: 5,
    householdWeight: 20,
    estates: ['扎基花园', '金珠苑', '扎基路北院', '康乐小区'],
  },
];

export const SANGYI_ID = 'com_sy';
export const JIXIANG_ID = 'com_jx';
export const LUOOU_ID = 'com_lo';

const ORDINALS_ZH = ['一', '二', '三', '四', '五', '六', '七', '八', '九'] as const;
const ORDINALS_BO = ['དང་པོ་', 'གཉིས་པ་', 'གསུམ་པ་', 'བཞི་པ་', 'ལྔ་པ་', 'དྲུག་པ་', 'བདུན་པ་', 'བརྒྱད་པ་', 'དགུ་པ་'] as const;

export interface GridFact {
  id: string;
  communityId: string;
  code: string;
  name: string;
  nameBo: string;
  partyBranch: string;
}

/** Grids of a community: ids `grid_jx_01`, codes `JX-01`, names 吉祥社区第一网格. */
export function gridsOf(c: CommunityFact): GridFact[] {
  const out: GridFact[] = [];
  for (let i = 0; i < c.gridCount; i++) {
    const n = String(i + 1).padStart(2, '0');
    const zh = ORDINALS_ZH[i] ?? String(i + 1);
    out.push({
      id: `grid_${c.code.toLowerCase()}_${n}`,
      communityId: c.id,
      code: `${c.code}-${n}`,
      name: `${c.name}第${zh}网格`,
      nameBo: `${c.nameBo}དྲ་མིག་${ORDINALS_BO[i] ?? ''}`,
      partyBranch: `中共${STREET.name}${c.name}第${zh}网格党支部`,
    });
  }
  return out;
}

export interface TeamFact {
  id: string;
  /** null: a street-level team. */
  communityId: string | null;
  name: string;
  nameBo: string;
  nameEn: string;
  domains: readonly TeamDomain[];
  slogan: string;
  sloganBo: string;
  story: string;
  storyBo: string;
  foundedOn: string;
  /** Membership at the default 1,345 volunteers (primary memberships; they sum to 1,345). */
  size: number;
  /** Preferred age range of new members. */
  ages: readonly [number, number];
}

export const TEAMS: readonly TeamFact[] = [
  {
    id: 'team_zhuoma',
    communityId: 'com_zj',
    name: '"卓玛"调解室志愿服务队',
    nameBo: '"སྒྲོལ་མ་"བར་འདུམ་ཁང་གི་དང་བླངས་ཞབས་ཞུ་རུ་ཁག',
    nameEn: '"Drolma" Mediation Room Volunteer Team',
    domains: ['mediation', 'legal', 'neighbourhood'],
    slogan: '小事不出网格，矛盾就地化解',
    sloganBo: 'དོན་ཆུང་དྲ་མིག་ནང་དུ་ཐག་གཅོད། རྩོད་གཞི་ས་གནས་སུ་བར་འདུམ།',
    story:
      '调解室以一位热心调解邻里纠纷的藏族阿佳卓玛命名，队员多是退休干部、老党员和懂法律的年轻人。他们用藏汉双语坐下来听、上门去劝，把家长里短的矛盾化解在网格里。',
    storyBo:
      'བར་འདུམ་ཁང་འདི་ཁྱིམ་མཚེས་ཀྱི་རྩོད་གཞི་བར་འདུམ་ལ་སེམས་ཤུགས་ཆེ་བའི་ཨ་ཅག་སྒྲོལ་མའི་མིང་ནས་བཏགས་ཡོད། རུ་ཁག་གིས་བོད་རྒྱའི་སྐད་གཉིས་ཀྱིས་ཉན་ཞིབ་དང་བར་འདུམ་བྱས་ཏེ་རྩོད་གཞི་དྲ་མིག་ནང་དུ་ཐག་གཅོད་བྱེད།',
    foundedOn: '2019-04-12',
    size: 70,
    ages: [35, 72],
  },
  {
    id: 'team_bugu',
    communityId: 'com_sy',
    name: '"布谷响铃"志愿服务队',
    nameBo: '"ཁུ་བྱུག་དྲིལ་སྒྲ་"དང་བླངས་ཞབས་ཞུ་རུ་ཁག',
    nameEn: '"Cuckoo Bell" Volunteer Team',
    domains: ['neighbourhood', 'policy_outreach', 'elderly_care'],
    slogan: '布谷声声到门前，志愿上门爱到家',
    sloganBo: 'ཁུ་བྱུག་གི་སྐད་སྒོ་མདུན་དུ་སླེབས། དང་བླངས་པས་བྱམས་བརྩེ་ཁྱིམ་དུ་སྐྱེལ།',
    story:
      '桑伊社区的"布谷响铃"行动像春天的布谷鸟一样，按时敲响居民家门。队员们入户宣讲政策、收集急难愁盼，把服务送到独居老人和困难群众家门口。',
    storyBo: 'བསམ་ཡིད་སྡོད་ཁུལ་གྱི་"ཁུ་བྱུག་དྲིལ་སྒྲ་"བྱ་འགུལ་ནི་དཔྱིད་ཀའི་ཁུ་བྱུག་ལྟར་དུས་ལྟར་ཁྱིམ་སྒོ་རྡུང་། རུ་ཁག་གིས་ཁྱིམ་དུ་ཕེབས་ནས་སྲིད་ཇུས་གསལ་བཤད་དང་དཀའ་ངལ་བསྡུ་རུབ་བྱེད།',
    foundedOn: '2021-05-20',
    size: 95,
    ages: [22, 60],
  },
  {
    id: 'team_amala',
    communityId: 'com_jx',
    name: '"吉祥阿妈啦"志愿服务队',
    nameBo: '"བཀྲ་ཤིས་ཨ་མ་ལགས་"དང་བླངས་ཞབས་ཞུ་རུ་ཁག',
    nameEn: '"Tashi Amala" Volunteer Team',
    domains: ['neighbourhood', 'elderly_care', 'child_care'],
    slogan: '阿妈啦的心，照亮邻里情',
    sloganBo: 'ཨ་མ་ལགས་ཀྱི་སེམས་ཀྱིས་ཁྱིམ་མཚེས་ཀྱི་འབྲེལ་བ་གསལ་བར་བྱེད།',
    story: '一群热心的藏族阿妈啦自发组织起来，照看社区的孩子、探望独居老人、打扫院坝。她们是吉祥社区最熟悉每家每户的人。',
    storyBo: 'སེམས་བཟང་བའི་ཨ་མ་ལགས་ཚོས་རང་འགུལ་ངང་ཕྲུ་གུ་བལྟ་སྐྱོང་དང་རྒན་པ་གཅིག་པུར་བསྡད་མཁན་ལ་བཅར་འདྲི་བྱེད།',
    foundedOn: '2018-09-10',
    size: 110,
    ages: [40, 70],
  },
  {
    id: 'team_yinfa',
    communityId: 'com_jx',
    name: '"银发"志愿服务队',
    nameBo: '"སྐྲ་དཀར་"དང་བླངས་ཞབས་ཞུ་རུ་ཁག',
    nameEn: '"Silver Hair" Volunteer Team',
    domains: ['elderly_care', 'culture', 'policy_outreach'],
    slogan: '退休不褪色，余热暖社区',
    sloganBo: 'ངལ་གསོར་ཕེབས་ཀྱང་ཁ་དོག་མི་འགྱུར། ལྷག་མའི་དྲོད་ཀྱིས་སྡོད་ཁུལ་དྲོད་དུ་གཏོང་།',
    story: '由吉祥社区的退休老党员、老干部组成，平均年龄六十五岁。他们讲党史、教藏文书法、陪伴高龄老人，把一辈子的经验留给社区。',
    storyBo: 'བཀྲ་ཤིས་སྡོད་ཁུལ་གྱི་ངལ་གསོར་ཕེབས་པའི་ཏང་ཡོན་རྙིང་པ་ཚོས་གྲུབ་པའི་རུ་ཁག་ཅིག་ཡིན།',
    foundedOn: '2017-06-01',
    size: 95,
    ages: [58, 78],
  },
  {
    id: 'team_xiaochui',
    communityId: null,
    name: '"小锤叮当"多民族志愿巡逻队',
    nameBo: '"ཐོ་ཆུང་ཏིང་ཏང་"མི་རིགས་མང་པོའི་དང་བླངས་ལྟ་སྐོར་རུ་ཁག',
    nameEn: '"Little Hammer" Multi-ethnic Volunteer Patrol',
    domains: ['patrol', 'emergency', 'neighbourhood'],
    slogan: '小锤叮当响，平安守街巷',
    sloganBo: 'ཐོ་ཆུང་ཏིང་ཏང་གི་སྒྲ་དང་མཉམ་དུ་ལམ་ཕྲན་བདེ་འཇགས་སྲུང་།',
    story: '藏、汉、回等各族居民一起编队，夜间巡逻、排查隐患，顺手修好楼道的灯和松动的门锁。叮当的小锤声成了街巷里让人安心的声音。',
    storyBo: 'མི་རིགས་སོ་སོའི་སྡོད་དམངས་མཉམ་དུ་མཚན་མོར་ལྟ་སྐོར་དང་ཉེན་ཁ་ཞིབ་བཤེར་བྱེད།',
    foundedOn: '2020-03-05',
    size: 140,
    ages: [20, 62],
  },
  {
    id: 'team_xingguang',
    communityId: 'com_lo',
    name: '星光洛欧冲锋志愿服务队',
    nameBo: 'སྐར་འོད་ལོ་འོ་མདུན་བསྐྱོད་དང་བླངས་ཞབས་ཞུ་རུ་ཁག',
    nameEn: "Starlight Luo'ou Vanguard Volunteer Team",
    domains: ['emergency', 'environment', 'neighbourhood'],
    slogan: '哪里有需要，哪里就有星光',
    sloganBo: 'དགོས་མཁོ་གང་དུ་ཡོད་ན་སྐར་འོད་དེར་ཡོད།',
    story: '洛欧村的青壮年党员和返乡青年组成的突击力量，防汛、抢险、春耕秋收哪里急就冲向哪里。村民说，夜里看到他们的头灯，就像看到了星光。',
    storyBo: 'ལོ་འོ་གྲོང་ཚོའི་གཞོན་ནུ་ཚོས་ཆུ་འགོག་དང་ཉེན་སྲུང་ལ་མདུན་བསྐྱོད་བྱེད།',
    foundedOn: '2020-07-15',
    size: 120,
    ages: [18, 50],
  },
  {
    id: 'team_lvse',
    communityId: 'com_wb',
    name: '绿色生态志愿服务队',
    nameBo: 'ལྗང་ཁུའི་སྐྱེ་ཁམས་དང་བླངས་ཞབས་ཞུ་རུ་ཁག',
    nameEn: 'Green Ecology Volunteer Team',
    domains: ['environment'],
    slogan: '守护夺底沟的一山一水',
    sloganBo: 'རྡོ་སྟོད་ལུང་པའི་རི་ཆུ་སྲུང་སྐྱོབ།',
    story: '队员们定期清理河道垃圾、植树护绿、宣传垃圾分类，让维巴村的山更青、水更清。',
    storyBo: 'རུ་ཁག་གིས་དུས་ལྟར་ཆུ་ལམ་གཙང་སེལ་དང་ལྗོན་ཤིང་འཛུགས་སྐྱོང་བྱེད།',
    foundedOn: '2019-03-12',
    size: 90,
    ages: [16, 65],
  },
  {
    id: 'team_cangsong',
    communityId: 'com_dd',
    name: '苍松老年服务队',
    nameBo: 'ཐང་ཤིང་སྔོན་པོ་རྒན་འཁོགས་ཞབས་ཞུ་རུ་ཁག',
    nameEn: 'Evergreen Pine Elderly Service Team',
    domains: ['elderly_care', 'health'],
    slogan: '老有所依，老有所乐',
    sloganBo: 'རྒན་པར་རྟེན་ས་ཡོད་ལ་དགའ་སྤྲོ་ཡང་ཡོད།',
    story: '夺底村"一村一品牌"的代表，队员定期为高龄、独居老人测血压、理发、打扫卫生，逢年过节陪老人过节。',
    storyBo: 'རུ་ཁག་གིས་དུས་ལྟར་རྒན་པ་ཚོར་ཁྲག་ཤེད་ཚད་འཇལ་དང་སྐྲ་བཞར་བ་སོགས་ཞབས་ཞུ་སྒྲུབ།',
    foundedOn: '2018-10-09',
    size: 75,
    ages: [30, 70],
  },
  {
    id: 'team_tuji',
    communityId: null,
    name: '夺底街道青年突击队',
    nameBo: 'རྡོ་སྟོད་ཁྲོམ་ལམ་གཞོན་ནུའི་མདུན་བསྐྱོད་རུ་ཁག',
    nameEn: 'Duodi Youth Task Force',
    domains: ['emergency', 'education', 'policy_outreach'],
    slogan: '青春在一线，担当显本色',
    sloganBo: 'ལང་ཚོ་ས་ཐོག་དང་པོར། འགན་ཁུར་གྱིས་རང་མདོག་མངོན།',
    story: '街道团工委牵头组建，吸纳在职青年、大学生和新就业群体，承担大型活动保障和应急突击任务。',
    storyBo: 'ཁྲོམ་ལམ་གྱིས་གཞོན་ནུ་དང་སློབ་མ་ཚོ་བསྡུས་ནས་གཉེན་ཁའི་ལས་འགན་སྒྲུབ།',
    foundedOn: '2021-05-04',
    size: 120,
    ages: [18, 35],
  },
  {
    id: 'team_gesang',
    communityId: 'com_sy',
    name: '格桑花助学志愿服务队',
    nameBo: 'སྐལ་བཟང་མེ་ཏོག་སློབ་གྲོགས་དང་བླངས་ཞབས་ཞུ་རུ་ཁག',
    nameEn: 'Gesang Flower Study Support Team',
    domains: ['education', 'child_care'],
    slogan: '陪伴每一朵格桑花成长',
    sloganBo: 'སྐལ་བཟང་མེ་ཏོག་རེ་རེ་ཡར་རྒྱས་ལ་ཟླ་གྲོགས།',
    story: '由教师、大学生志愿者组成，在托幼中心和社区书屋开展课后辅导、周末阅读，重点关爱留守儿童。',
    storyBo: 'དགེ་རྒན་དང་སློབ་མ་ཚོས་སློབ་ཚན་རྗེས་ཀྱི་རོགས་རམ་དང་ཀློག་འདོན་བྱེད།',
    foundedOn: '2022-06-01',
    size: 60,
    ages: [18, 45],
  },
  {
    id: 'team_nuanyang',
    communityId: 'com_sy',
    name: '暖阳心理关爱志愿服务队',
    nameBo: 'ཉི་དྲོད་སེམས་ཁམས་བརྩེ་སྐྱོང་དང་བླངས་ཞབས་ཞུ་རུ་ཁག',
    nameEn: 'Warm Sun Mental Care Volunteer Team',
    domains: ['health', 'mediation'],
    slogan: '用心倾听，温暖同行',
    sloganBo: 'སེམས་ཞུགས་ཀྱིས་ཉན་ཞིང་དྲོད་ལྡན་ངང་མཉམ་འགྲོ།',
    story: '依托桑伊社区心理咨询室，由心理咨询师和社工提供倾听、疏导，关注独居老人和新就业群体的心理健康。',
    storyBo: 'སེམས་ཁམས་གྲོས་མོལ་ཁང་ལ་བརྟེན་ནས་སེམས་ཁམས་ཀྱི་ཉན་ཞིབ་ཞབས་ཞུ་སྒྲུབ།',
    foundedOn: '2023-03-21',
    size: 40,
    ages: [25, 55],
  },
  {
    id: 'team_xueyu',
    communityId: 'com_zj',
    name: '雪域天使医疗志愿服务队',
    nameBo: 'གངས་ལྗོངས་ལྷ་མོ་སྨན་བཅོས་དང་བླངས་ཞབས་ཞུ་རུ་ཁག',
    nameEn: 'Snowland Angels Medical Volunteer Team',
    domains: ['health', 'elderly_care', 'emergency'],
    slogan: '健康送到家门口',
    sloganBo: 'བདེ་ཐང་ཁྱིམ་སྒོར་སྐྱེལ།',
    story: '共建医院的医生护士利用休息日进社区义诊，为慢病老人建立随访档案，教居民急救知识。',
    storyBo: 'སྨན་ཁང་གི་སྨན་པ་ཚོས་ངལ་གསོའི་ཉིན་མོར་སྡོད་ཁུལ་དུ་རིན་མེད་སྨན་བཅོས་བྱེད།',
    foundedOn: '2019-11-08',
    size: 45,
    ages: [25, 60],
  },
  {
    id: 'team_hongshiliu',
    communityId: 'com_jx',
    name: '红石榴民族团结志愿服务队',
    nameBo: 'སེ་འབྲུ་དམར་པོ་མི་རིགས་མཐུན་སྒྲིལ་དང་བླངས་ཞབས་ཞུ་རུ་ཁག',
    nameEn: 'Red Pomegranate Ethnic Unity Volunteer Team',
    domains: ['culture', 'neighbourhood', 'policy_outreach'],
    slogan: '像石榴籽一样紧紧抱在一起',
    sloganBo: 'སེ་འབྲུ་ལྟར་ཕན་ཚུན་དམ་པོར་འཁྱུད།',
    story: '各族党员和在职党员"双报到"后的主力队伍，组织民族团结进社区、结对认亲和节日联欢。',
    storyBo: 'མི་རིགས་སོ་སོའི་ཏང་ཡོན་ཚོས་མི་རིགས་མཐུན་སྒྲིལ་གྱི་བྱ་འགུལ་སྤེལ།',
    foundedOn: '2020-09-28',
    size: 60,
    ages: [25, 60],
  },
  {
    id: 'team_falv',
    communityId: 'com_dd',
    name: '法律明白人志愿服务队',
    nameBo: 'ཁྲིམས་ལུགས་ཤེས་མཁན་དང་བླངས་ཞབས་ཞུ་རུ་ཁག',
    nameEn: 'Legal Literacy Volunteer Team',
    domains: ['legal', 'policy_outreach', 'mediation'],
    slogan: '遇事找法，办事依法',
    sloganBo: 'དོན་དག་བྱུང་ན་ཁྲིམས་ལ་བལྟ། ལས་དོན་ཁྲིམས་ལྟར་བསྒྲུབ།',
    story: '村里的"法律明白人"和派出所民警、律师一起，用藏语讲解土地、婚姻、劳动权益等身边的法律。',
    storyBo: 'གྲོང་ཚོའི་ཁྲིམས་ལུགས་ཤེས་མཁན་ཚོས་བོད་སྐད་ཐོག་ཁྲིམས་ལུགས་གསལ་བཤད་བྱེད།',
    foundedOn: '2021-12-04',
    size: 35,
    ages: [28, 65],
  },
  {
    id: 'team_jinguo',
    communityId: 'com_wb',
    name: '维巴村巾帼志愿服务队',
    nameBo: 'ཝེ་པ་གྲོང་ཚོའི་བུད་མེད་དང་བླངས་ཞབས་ཞུ་རུ་ཁག',
    nameEn: 'Weiba Village Women Volunteer Team',
    domains: ['neighbourhood', 'child_care', 'environment'],
    slogan: '巾帼心向党，建功新时代',
    sloganBo: 'བུད་མེད་ཀྱི་སེམས་ཏང་ལ་ཕྱོགས། དུས་རབས་གསར་པར་ལས་བསྒྲུབ།',
    story: '村妇联带领的妇女志愿者，开展家风家教宣讲、"好婆婆""好儿媳"评选和庭院美化。',
    storyBo: 'གྲོང་ཚོའི་བུད་མེད་ཚོས་ཁྱིམ་ཚང་གི་གོམས་གཤིས་བཟང་པོ་སྤེལ།',
    foundedOn: '2020-03-08',
    size: 60,
    ages: [25, 65],
  },
  {
    id: 'team_guozhuang',
    communityId: 'com_zj',
    name: '欢乐锅庄文艺志愿服务队',
    nameBo: 'དགའ་སྤྲོའི་སྒོར་གཞས་སྒྱུ་རྩལ་དང་བླངས་ཞབས་ཞུ་རུ་ཁག',
    nameEn: 'Joyful Guozhuang Arts Volunteer Team',
    domains: ['culture'],
    slogan: '跳起锅庄，唱响幸福',
    sloganBo: 'སྒོར་གཞས་འཁྲབ་ནས་བདེ་སྐྱིད་ཀྱི་གླུ་ལེན།',
    story: '每天傍晚在社区广场带跳锅庄，节假日排演藏戏和歌舞，把欢乐送进敬老院和学校。',
    storyBo: 'ཉིན་རེའི་དགོང་མོར་སྡོད་ཁུལ་གྱི་ཐང་ལ་སྒོར་གཞས་འཁྲབ།',
    foundedOn: '2018-06-16',
    size: 75,
    ages: [30, 72],
  },
  {
    id: 'team_hulin',
    communityId: 'com_lo',
    name: '洛欧村护林防火志愿服务队',
    nameBo: 'ལོ་འོ་གྲོང་ཚོའི་ནགས་སྲུང་མེ་འགོག་དང་བླངས་ཞབས་ཞུ་རུ་ཁག',
    nameEn: "Luo'ou Forest and Fire Watch Volunteer Team",
    domains: ['environment', 'emergency', 'patrol'],
    slogan: '护一方青山，保一方平安',
    sloganBo: 'རི་སྔོན་སྲུང་ཞིང་ས་ཕྱོགས་བདེ་འཇགས་སྲུང་།',
    story: '在防火期轮流上山巡护，劝导野外用火，协助村里清理可燃物。',
    storyBo: 'མེ་འགོག་དུས་སུ་རེས་མོས་ཀྱིས་རི་ལ་ལྟ་སྐོར་བྱེད།',
    foundedOn: '2019-01-20',
    size: 55,
    ages: [20, 60],
  },
];

/** The 8 teams named in the article / PRODUCT.md. */
export const NAMED_TEAM_NAMES = [
  '"卓玛"调解室志愿服务队',
  '"布谷响铃"志愿服务队',
  '"吉祥阿妈啦"志愿服务队',
  '"银发"志愿服务队',
  '"小锤叮当"多民族志愿巡逻队',
  '星光洛欧冲锋志愿服务队',
  '绿色生态志愿服务队',
  '苍松老年服务队',
] as const;

export const BUGU_TEAM_ID = 'team_bugu';

export interface UnitFact {
  id: string;
  name: string;
  nameBo: string;
  kind: UnitKind;
  partyOrg: string;
  /** First two characters of the 统一社会信用代码 (registration authority + category). */
  creditPrefix: string;
  /** Preferred team for its party-member volunteers (在职党员双报到). */
  teamId: string;
}

export const UNITS: readonly UnitFact[] = [
  {
    id: 'unit_scjg',
    name: '拉萨市城关区市场监督管理局',
    nameBo: 'ལྷ་ས་གྲོང་ཁྱེར་ཁྲིན་ཀོན་ཆུས་ཁྲོམ་ར་ལྟ་ཞིབ་དོ་དམ་ཅུས།',
    kind: 'agency',
    partyOrg: '中共拉萨市城关区市场监督管理局机关支部委员会',
    creditPrefix: '11',
    teamId: 'team_falv',
  },
  {
    id: 'unit_pcs',
    name: '拉萨市公安局城关分局夺底派出所',
    nameBo: 'ཁྲིན་ཀོན་ཆུས་རྡོ་སྟོད་སྐྱེ་ཁམས་ལས་ཁུངས།',
    kind: 'agency',
    partyOrg: '中共拉萨市公安局城关分局夺底派出所支部委员会',
    creditPrefix: '11',
    teamId: 'team_xiaochui',
  },
  {
    id: 'unit_hospital',
    name: '拉萨市城关区人民医院',
    nameBo: 'ལྷ་ས་གྲོང་ཁྱེར་ཁྲིན་ཀོན་ཆུས་མི་དམངས་སྨན་ཁང་།',
    kind: 'hospital',
    partyOrg: '中共拉萨市城关区人民医院委员会',
    creditPrefix: '12',
    teamId: 'team_xueyu',
  },
  {
    id: 'unit_school',
    name: '拉萨市城关区夺底中心小学',
    nameBo: 'ཁྲིན་ཀོན་ཆུས་རྡོ་སྟོད་ལྟེ་བའི་སློབ་ཆུང་།',
    kind: 'school',
    partyOrg: '中共拉萨市城关区夺底中心小学支部委员会',
    creditPrefix: '12',
    teamId: 'team_gesang',
  },
  {
    id: 'unit_power',
    name: '国网拉萨供电公司城关供电分公司',
    nameBo: 'རྒྱལ་ཡོངས་གློག་ཐག་ལྷ་ས་གློག་མཁོ་ཀུང་སིའི་ཁྲིན་ཀོན་ཡན་ལག་ཀུང་སི།',
    kind: 'enterprise',
    partyOrg: '中共国网拉萨供电公司城关供电分公司支部委员会',
    creditPrefix: '91',
    teamId: 'team_hongshiliu',
  },
  {
    id: 'unit_bank',
    name: '西藏银行拉萨城关支行',
    nameBo: 'བོད་ལྗོངས་དངུལ་ཁང་ལྷ་ས་ཁྲིན་ཀོན་ཡན་ལག་ཁང་།',
    kind: 'enterprise',
    partyOrg: '中共西藏银行拉萨城关支行支部委员会',
    creditPrefix: '91',
    teamId: 'team_tuji',
  },
  {
    id: 'unit_social',
    name: '城关区格桑花社会工作服务中心',
    nameBo: 'ཁྲིན་ཀོན་ཆུས་སྐལ་བཟང་མེ་ཏོག་སྤྱི་ཚོགས་ལས་དོན་ཞབས་ཞུ་ལྟེ་གནས།',
    kind: 'social_org',
    partyOrg: '中共城关区格桑花社会工作服务中心支部委员会',
    creditPrefix: '52',
    teamId: 'team_nuanyang',
  },
];

/** The co-building unit of demo accounts 09 (party-member volunteer) and 10 (unit admin). */
export const DEMO_UNIT_ID = 'unit_power';
