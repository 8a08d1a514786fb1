import type { UiLang } from '@duodi/contracts';
import { CONSENT_VERSIONS } from '../../features/volunteers/registration';

/**
 * The privacy notice behind the registration consents (PIPL Art. 17, 29, 31; DR-21). Each section's
 * `id` is the consent kind it explains, so the form can link to `/privacy#sensitive_data`. Long prose
 * lives here rather than in the UI catalogs, so that only this page's chunk carries it; the Tibetan
 * text goes to the street's translator for review with the catalogs (DOMAIN.md §11.7).
 */
export type PrivacySection = { id: string; title: string; paragraphs: string[] };
export type PrivacyNotice = { title: string; version: string; intro: string; sections: PrivacySection[] };

const VERSION = CONSENT_VERSIONS.privacy_policy;

export const PRIVACY_NOTICE: Record<UiLang, PrivacyNotice> = {
  'zh-CN': {
    title: '个人信息保护说明',
    version: `版本 ${VERSION}`,
    intro:
      '夺底街道志愿服务平台由拉萨市城关区夺底街道办事处运营。您注册志愿者、加入队伍、参加服务时，我们按本说明处理您的个人信息。我们只收集开展志愿服务所必需的信息，不收集宗教信仰。',
    sections: [
      {
        id: 'privacy_policy',
        title: '一、我们收集哪些信息、用来做什么',
        paragraphs: [
          '注册时：真实姓名（可另填藏文名）、证件类型和号码、手机号、居住的社区和网格、技能、会说的语言、每周可服务的时间。证件号用于实名（一个证件只能注册一个志愿者），并推算出生日期和性别；手机号用于登录和联系；网格、技能、语言和时间用于把居民的需求派给合适的志愿者。',
          '服务中：您参加的队伍、活动、签到签退时间和地点（只在签到、签退那一刻记录位置，不会持续定位）、服务时长、积分和星级、保险记录。',
          '这些信息保存在中国境内的服务器上，不向境外传输，不出售，不用于与志愿服务无关的用途。',
        ],
      },
      {
        id: 'sensitive_data',
        title: '二、敏感个人信息',
        paragraphs: [
          '证件号码、手机号、健康和残疾情况、未成年人的信息属于敏感个人信息，需要您单独同意。它们在数据库中加密保存；在列表和导出文件中只显示部分（例如 138****1234、5401**********1234）。',
          '只有确有需要的工作人员（街道管理员、您所在社区的管理员）才能查看完整证件号，而且每一次查看都会记入访问日志，您可以在“导出我的数据”中看到谁在什么时候查看过。',
        ],
      },
      {
        id: 'public_display',
        title: '三、公开展示（可选）',
        paragraphs: [
          '如果您同意，您的姓名（部分遮挡）、所在队伍、星级和服务时长可以出现在光荣榜、好人榜和队伍品牌页上。不同意也不影响注册和服务，您可以随时撤回。',
        ],
      },
      {
        id: 'guardian',
        title: '四、未成年人',
        paragraphs: [
          '未满 18 周岁的志愿者，须由监护人同意后才能注册；未满 14 周岁的，除注册必需的信息外，处理其他信息前都要先记录监护人的同意。监护人的姓名和手机号会一并保存，只用于联系和确认。未成年人只能参加标明适合其年龄的活动。',
        ],
      },
      {
        id: 'rights',
        title: '五、您的权利',
        paragraphs: [
          '您可以在“我的”页面随时查看和修改自己的资料，导出全部个人数据（JSON 或 Excel 文件），也可以申请删除。删除时我们会去除能识别您身份的信息，但保留已核验的服务时长总数，以免影响队伍和社区的服务记录。',
          '撤回同意、更正信息或有其他问题，可以联系您所在社区的工作人员或夺底街道办事处。',
        ],
      },
    ],
  },
  bo: {
    title: 'སྒེར་གྱི་ཆ་འཕྲིན་སྲུང་སྐྱོབ་ཀྱི་གསལ་བཤད།',
    version: `པར་གཞི། ${VERSION}`,
    intro:
      'དོག་སྡེ་ཁྲོམ་གཞུང་གི་དང་བླངས་ཞབས་ཞུའི་སྟེགས་བུ་འདི་ལྷ་ས་གྲོང་ཁྱེར་ཁྲིན་ཀོན་ཆུས་དོག་སྡེ་ཁྲོམ་གཞུང་ལས་ཁུངས་ཀྱིས་འཛིན་སྐྱོང་བྱེད། ཁྱེད་ཀྱིས་དང་བླངས་པར་ཐོ་འགོད་དང་རུ་ཁག་ལ་ཞུགས་པ། ཞབས་ཞུར་ཞུགས་སྐབས་ང་ཚོས་གསལ་བཤད་འདི་ལྟར་ཁྱེད་ཀྱི་སྒེར་གྱི་ཆ་འཕྲིན་ལ་ཐག་གཅོད་བྱེད། ང་ཚོས་དང་བླངས་ཞབས་ཞུ་སྤེལ་བར་ངེས་པར་དུ་མཁོ་བའི་ཆ་འཕྲིན་ཁོ་ན་བསྡུ་ལེན་བྱེད་པ་དང་ཆོས་དད་ཀྱི་ཆ་འཕྲིན་ནམ་ཡང་བསྡུ་ལེན་མི་བྱེད།',
    sections: [
      {
        id: 'privacy_policy',
        title: '༡ ང་ཚོས་ཆ་འཕྲིན་གང་དག་བསྡུ་ལེན་བྱེད་པ་དང་དམིགས་ཡུལ།',
        paragraphs: [
          'ཐོ་འགོད་སྐབས། དངོས་མིང་། (བོད་ཡིག་གི་མིང་ཡང་འབྲི་ཆོག) ལག་ཁྱེར་གྱི་རིགས་དང་ཨང་གྲངས། ཁ་པར་ཨང་གྲངས། སྡོད་ཁུལ་དང་དྲ་མིག ལག་རྩལ། ཤེས་པའི་སྐད་ཡིག གཟའ་འཁོར་རེར་ཞབས་ཞུ་ཐུབ་པའི་དུས་ཚོད་བཅས། ལག་ཁྱེར་ཨང་གྲངས་ནི་དངོས་མིང་ར་སྤྲོད་ (ལག་ཁྱེར་གཅིག་གིས་དང་བླངས་པ་གཅིག་ཁོ་ན་ཐོ་འགོད་ཆོག) དང་སྐྱེས་ཚེས། ཕོ་མོ་ཤེས་པར་བེད་སྤྱོད་བྱེད། ཁ་པར་ཨང་གྲངས་ནི་ནང་འཛུལ་དང་འབྲེལ་གཏུག་ལ་སྤྱོད། དྲ་མིག་དང་ལག་རྩལ། སྐད་ཡིག དུས་ཚོད་བཅས་ནི་སྡོད་དམངས་ཀྱི་དགོས་མཁོ་འོས་འཚམ་གྱི་དང་བླངས་པར་སྤྲོད་པར་སྤྱོད།',
          'ཞབས་ཞུའི་རིང་། ཁྱེད་ཞུགས་པའི་རུ་ཁག་དང་བྱ་འགུལ། མིང་རྟགས་འགོད་པ་དང་ཕྱིར་ཐོན་གྱི་དུས་ཚོད་དང་ས་གནས། (མིང་རྟགས་འགོད་པ་དང་ཕྱིར་ཐོན་གྱི་སྐད་ཅིག་དེ་ཁོ་ནར་ས་གནས་ཟིན་འགོད་བྱེད་ཅིང་རྒྱུན་མཐུད་དུ་ས་གནས་འཚོལ་གྱི་མེད།) ཞབས་ཞུའི་ཆུ་ཚོད། སྐར་གྲངས་དང་སྐར་རིམ། ཉེན་འགོག་གི་ཟིན་ཐོ་བཅས།',
          'ཆ་འཕྲིན་འདི་དག་ཀྲུང་གོའི་རྒྱལ་ཁོངས་ནང་གི་ཞབས་ཞུའི་འཕྲུལ་ཆས་སུ་ཉར་ཚགས་བྱེད་པ་དང་། རྒྱལ་ཕྱིར་བརྒྱུད་སྐྱེལ་མི་བྱེད། ཚོང་དུ་མི་འཚོང་། དང་བླངས་ཞབས་ཞུ་དང་འབྲེལ་བ་མེད་པའི་དམིགས་ཡུལ་ལ་བེད་སྤྱོད་མི་བྱེད།',
        ],
      },
      {
        id: 'sensitive_data',
        title: '༢ ཚོར་སྐྱེན་ཅན་གྱི་སྒེར་གྱི་ཆ་འཕྲིན།',
        paragraphs: [
          'ལག་ཁྱེར་ཨང་གྲངས་དང་ཁ་པར་ཨང་གྲངས། བདེ་ཐང་དང་དབང་པོ་སྐྱོན་ཅན་གྱི་གནས་ཚུལ། ལོ་ན་མ་སྨིན་པའི་ཆ་འཕྲིན་བཅས་ནི་ཚོར་སྐྱེན་ཅན་གྱི་སྒེར་གྱི་ཆ་འཕྲིན་ཡིན་པས་ཁྱེད་ཀྱིས་ལོགས་སུ་མོས་མཐུན་གནང་དགོས། དེ་དག་གཞི་གྲངས་མཛོད་དུ་གསང་སྦས་ཐོག་ཉར་ཚགས་བྱེད་ཅིང་། ཐོ་གཞུང་དང་ཕྱིར་འདོན་ཡིག་ཆའི་ནང་ཆ་ཤས་ཙམ་སྟོན། (དཔེར་ན། 138****1234 དང་ 5401**********1234)',
          'ངེས་པར་དུ་དགོས་པའི་ལས་བྱེད་པ་ (ཁྲོམ་གཞུང་དོ་དམ་པ་དང་ཁྱེད་ཀྱི་སྡོད་ཁུལ་དོ་དམ་པ།) ཁོ་ནས་ལག་ཁྱེར་ཨང་གྲངས་ཆ་ཚང་ལྟ་ཆོག་ལ། ལྟ་ཐེངས་རེ་རེ་ལྟ་ཀློག་ཟིན་ཐོར་འགོད། མི་སུས་ནམ་ལྟས་པ་“ངའི་གཞི་གྲངས་ཕྱིར་འདོན”ནང་ཁྱེད་ཀྱིས་མཐོང་ཐུབ།',
        ],
      },
      {
        id: 'public_display',
        title: '༣ སྤྱི་ཁྱབ་ཏུ་སྟོན་པ། (རང་མོས།)',
        paragraphs: [
          'ཁྱེད་ཀྱིས་མོས་མཐུན་གནང་ན། ཁྱེད་ཀྱི་མིང་ (ཆ་ཤས་སྦས་པ།) དང་རུ་ཁག སྐར་རིམ། ཞབས་ཞུའི་ཆུ་ཚོད་བཅས་གཟི་བརྗིད་ཐོ་གཞུང་དང་མི་བཟང་ཐོ་གཞུང་། རུ་ཁག་གི་མིང་རྟགས་ཤོག་ངོས་སུ་སྟོན་ཆོག མོས་མཐུན་མ་གནང་ཡང་ཐོ་འགོད་དང་ཞབས་ཞུར་ཤུགས་རྐྱེན་མེད་ལ། དུས་ནམ་ཡིན་རུང་ཕྱིར་འཐེན་ཆོག',
        ],
      },
      {
        id: 'guardian',
        title: '༤ ལོ་ན་མ་སྨིན་པ།',
        paragraphs: [
          'ལོ་ན་ ༡༨ མ་ལོན་པའི་དང་བླངས་པ་ནི་གཅེས་སྐྱོང་བའི་མོས་མཐུན་ཐོབ་རྗེས་ཐོ་འགོད་ཆོག ལོ་ན་ ༡༤ མ་ལོན་པ་ཡིན་ན། ཐོ་འགོད་ལ་ངེས་པར་མཁོ་བའི་ཆ་འཕྲིན་མ་གཏོགས་ཆ་འཕྲིན་གཞན་ལ་ཐག་གཅོད་མ་བྱས་གོང་གཅེས་སྐྱོང་བའི་མོས་མཐུན་ཟིན་འགོད་བྱེད་དགོས། གཅེས་སྐྱོང་བའི་མིང་དང་ཁ་པར་ཨང་གྲངས་མཉམ་དུ་ཉར་ཚགས་བྱས་ནས་འབྲེལ་གཏུག་དང་ར་སྤྲོད་ཁོ་ནར་སྤྱོད། ལོ་ན་མ་སྨིན་པས་རང་ཉིད་ཀྱི་ལོ་ཚད་དང་འཚམ་པར་མཚོན་པའི་བྱ་འགུལ་ཁོ་ནར་ཞུགས་ཆོག',
        ],
      },
      {
        id: 'rights',
        title: '༥ ཁྱེད་ཀྱི་ཐོབ་ཐང་།',
        paragraphs: [
          'ཁྱེད་ཀྱིས་“ང་།”ཞེས་པའི་ཤོག་ངོས་སུ་དུས་ནམ་ཡིན་རུང་རང་ཉིད་ཀྱི་ཆ་འཕྲིན་ལྟ་བ་དང་བཟོ་བཅོས། སྒེར་གྱི་གཞི་གྲངས་ཡོངས་རྫོགས་ཕྱིར་འདོན་ (JSON ཡང་ན་ Excel ཡིག་ཆ།) བྱེད་ཆོག་ལ། བསུབ་པའི་རེ་ཞུ་ཡང་འབུལ་ཆོག བསུབ་སྐབས་ང་ཚོས་ཁྱེད་ངོས་འཛིན་ཐུབ་པའི་ཆ་འཕྲིན་མེད་པར་བཟོ་ཡི་ཡིན་ལ། རུ་ཁག་དང་སྡོད་ཁུལ་གྱི་ཞབས་ཞུའི་ཟིན་ཐོར་གནོད་མི་ཡོང་བའི་ཆེད་དུ་ར་སྤྲོད་བྱས་ཟིན་པའི་ཞབས་ཞུའི་ཆུ་ཚོད་བསྡོམས་འབོར་ཉར་ཚགས་བྱེད།',
          'མོས་མཐུན་ཕྱིར་འཐེན་དང་ཆ་འཕྲིན་བཟོ་བཅོས། དྲི་བ་གཞན་ཡོད་ན་ཁྱེད་ཀྱི་སྡོད་ཁུལ་གྱི་ལས་བྱེད་པའམ་དོག་སྡེ་ཁྲོམ་གཞུང་ལས་ཁུངས་ལ་འབྲེལ་བ་གནང་རོགས།',
        ],
      },
    ],
  },
  en: {
    title: 'How we protect your personal information',
    version: `Version ${VERSION}`,
    intro:
      'The Duodi volunteer-service platform is run by the Duodi Sub-district Office, Chengguan District, Lhasa. When you register as a volunteer, join a team or serve, we handle your personal information as this notice says. We collect only what volunteer service needs, and never religious belief.',
    sections: [
      {
        id: 'privacy_policy',
        title: '1. What we collect and why',
        paragraphs: [
          'At registration: your real name (and a Tibetan name if you like), ID type and number, mobile number, the community and grid you live in, skills, the languages you speak and when you can serve each week. The ID number makes registration real-name (one volunteer per ID) and gives your birth date and gender; the mobile number is for signing in and contact; grid, skills, languages and times let us send residents’ requests to a suitable volunteer.',
          'While you serve: your teams and activities, check-in and check-out times and places (your position is recorded only at that moment, never tracked), service hours, points, star level and insurance records.',
          'This information is stored on servers in mainland China, never transferred abroad, never sold and never used for anything unrelated to volunteer service.',
        ],
      },
      {
        id: 'sensitive_data',
        title: '2. Sensitive personal information',
        paragraphs: [
          'ID numbers, mobile numbers, health and disability facts and children’s data are sensitive personal information and need your separate consent. They are stored encrypted, and lists and exports show them only in part (such as 138****1234 and 5401**********1234).',
          'Only staff who need it (street admins and the admins of your community) can see your full ID number, and every view is written to an access log; “Export my data” shows you who looked and when.',
        ],
      },
      {
        id: 'public_display',
        title: '3. Public display (optional)',
        paragraphs: [
          'If you agree, your name (partly hidden), teams, star level and hours may appear on the honour roll, the good-people list and team brand pages. Saying no does not affect registration or service, and you can withdraw at any time.',
        ],
      },
      {
        id: 'guardian',
        title: '4. Minors',
        paragraphs: [
          'Volunteers under 18 can register only with a guardian’s consent; for children under 14, the guardian’s consent is recorded before any information beyond what registration needs is processed. The guardian’s name and mobile number are kept with it, for contact and confirmation only. Minors can join only activities marked as suitable for their age.',
        ],
      },
      {
        id: 'rights',
        title: '5. Your rights',
        paragraphs: [
          'On the “Me” page you can see and correct your details at any time, export all your data (JSON or Excel) and ask for deletion. Deletion removes what identifies you but keeps the total of your verified service hours, so that team and community records stay whole.',
          'To withdraw consent, correct information or ask anything else, contact the staff of your community or the Duodi Sub-district Office.',
        ],
      },
    ],
  },
};
