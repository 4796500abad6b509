import type { Widen } from '../widen';

/** Thai strings of public site: home figures, page titles (the source); English below. */
export const publicSiteTh = {
  errors: {},
  figures: {
    title: 'ผลการดำเนินงานล่าสุด',
    intro: 'ตัวเลขจากข้อมูลบนแพลตฟอร์มขณะนี้ ปรับปรุงทุกนาที',
    label: 'ตัวเลขผลการดำเนินงาน',
    programmes: 'โครงการภายใต้แผนงาน',
    openCalls: 'รอบเปิดรับข้อเสนอ',
    fundedProjects: 'โครงการที่ได้รับทุน',
    provincesReached: 'จังหวัดที่ดำเนินงาน',
    beneficiaries: 'ผู้ได้รับประโยชน์',
    innovations: 'ผลงานนวัตกรรม',
    adoptions: 'ชุมชนที่นำไปใช้',
    countedAt: 'นับเมื่อ {{time}}',
    definitions:
      'จังหวัดที่ดำเนินงาน: จังหวัดของโครงการที่ได้รับทุนหรือของการขยายผล · ผู้ได้รับประโยชน์: จำนวนคนที่ผู้นำไปใช้รายงาน ณ พื้นที่ที่นำไปใช้แล้ว · ชุมชนที่นำไปใช้: พื้นที่ที่นำผลงานไปใช้แล้วหรือใช้อย่างต่อเนื่อง',
  },
  explore: {
    title: 'สำรวจแพลตฟอร์ม',
    intro: 'ข้อมูลสาธารณะทั้งหมดเปิดให้ทุกคนเข้าถึงได้ โดยไม่ต้องเข้าสู่ระบบ',
    calls: 'รอบเปิดรับข้อเสนอ',
    callsText: 'โจทย์และรอบที่เปิดรับข้อเสนอ พร้อมกำหนดปิดรับ',
    results: 'ผลการพิจารณาและผลงาน',
    resultsText: 'รอบที่ปิดแล้วและผลการพิจารณา',
    catalogue: 'คลังผลงานนวัตกรรม',
    catalogueText: 'ผลงานนวัตกรรมเพื่อสังคมพร้อมระดับความพร้อมทางสังคม',
    events: 'กิจกรรม',
    eventsText: 'อบรม เวิร์กช็อป และกิจกรรมสร้างเครือข่าย',
    network: 'เครือข่ายพันธมิตร',
    networkText: 'องค์กรภาคีที่ร่วมขับเคลื่อนและขยายผล',
    impact: 'แดชบอร์ดผลกระทบ',
    impactText: 'เงินทุน ผลงาน การขยายผล และผลลัพธ์ที่ผ่านการตรวจสอบ',
    coverage: 'แผนที่ความครอบคลุมเทียบความต้องการ',
    coverageText: 'เงินทุนและนวัตกรรมไปถึงที่ใด เทียบกับพื้นที่ที่มีความยากจน',
    provinces: 'ข้อมูลรายจังหวัด',
    provincesText: 'ตัวชี้วัดความยากจนและกิจกรรมของแต่ละจังหวัด',
    openData: 'ข้อมูลเปิด',
    openDataText: 'ดาวน์โหลดชุดข้อมูลสาธารณะ (CSV, JSON) และ API',
  },
  footer: {
    coverage: 'ความครอบคลุมเทียบความต้องการ',
    impact: 'แดชบอร์ดผลกระทบ',
    openData: 'ข้อมูลเปิด',
  },
  account: {
    dashboards: 'แดชบอร์ด',
    insights: 'รายงานเชิงนโยบาย',
  },
  meta: {
    siteName: 'SI Platform · แพลตฟอร์มนวัตกรรมเพื่อสังคม',
    home: {
      title: 'SI Platform · แพลตฟอร์มนวัตกรรมเพื่อสังคม',
      description:
        'แพลตฟอร์มนวัตกรรมเพื่อสังคม สำนักงานนวัตกรรมแห่งชาติ: รอบเปิดรับข้อเสนอ คลังผลงานนวัตกรรม การขยายผล ผลกระทบทางสังคม และข้อมูลเปิด มุ่งเน้นจังหวัดที่มีความยากจนสูง',
    },
    programmes: {
      title: 'โครงการภายใต้แผนงาน',
      description: 'ห้าโครงการของแผนงานพัฒนาธุรกิจนวัตกรรมเพื่อสังคมและชุมชน (Flagship) ของ สนช.',
    },
    calls: {
      title: 'รอบเปิดรับข้อเสนอ',
      description: 'รอบเปิดรับข้อเสนอโครงการนวัตกรรมเพื่อสังคม โจทย์ปัญหา วงเงินทุน และกำหนดปิดรับ',
    },
    callDescription: 'รอบเปิดรับข้อเสนอปีงบประมาณ {{fiscalYear}} ปิดรับ {{closes}}',
    catalogue: {
      title: 'คลังผลงานนวัตกรรม',
      description: 'ผลงานนวัตกรรมเพื่อสังคมจากชุมชนทั่วประเทศ ค้นหาตามสาขา จังหวัด และระดับความพร้อมทางสังคม',
    },
    provinces: {
      title: 'ข้อมูลรายจังหวัด',
      description: 'ตัวชี้วัดความยากจน อำเภอ และกิจกรรมนวัตกรรมเพื่อสังคมของ 77 จังหวัด',
    },
    province: {
      title: 'จังหวัด{{name}}',
      description: 'จังหวัด{{name}} ({{region}}): ตัวชี้วัดความยากจน อำเภอ โครงการ และผลงานนวัตกรรมในพื้นที่',
    },
    map: {
      title: 'แผนที่จังหวัด',
      description: 'แผนที่ตัวชี้วัดรายจังหวัดของประเทศไทย',
    },
    coverage: {
      title: 'ความครอบคลุมเทียบความต้องการ',
      description:
        'แผนที่เงินทุน โครงการ ผู้ได้รับประโยชน์ และการขยายผล เทียบกับความยากจนรายจังหวัด พร้อมดัชนีช่องว่างที่ชี้จังหวัดที่ยังได้รับการสนับสนุนน้อย',
    },
    coverageProvince: {
      title: 'ความครอบคลุม: จังหวัด{{name}}',
      description:
        'ความต้องการเทียบความครอบคลุมของจังหวัด{{name}}: เงินทุน โครงการ ผู้ได้รับประโยชน์ และการขยายผลรายอำเภอ',
    },
    impact: {
      title: 'แดชบอร์ดผลกระทบ',
      description:
        'เงินทุนตามปีงบประมาณและสาขา โครงการ ผลงานตามระดับความพร้อม การขยายผล ผลลัพธ์ที่ผ่านการตรวจสอบ และ SROI',
    },
    openData: {
      title: 'ข้อมูลเปิด',
      description:
        'ชุดข้อมูลสาธารณะของแพลตฟอร์ม ดาวน์โหลดเป็น CSV หรือ JSON หรือเรียกผ่าน API พร้อมพจนานุกรมข้อมูลและสัญญาอนุญาต',
    },
    events: {
      title: 'กิจกรรม',
      description: 'ปฏิทินอบรม เวิร์กช็อป และกิจกรรมของหน่วยขับเคลื่อนและเครือข่ายนวัตกรรมเพื่อสังคม',
    },
    network: {
      title: 'เครือข่ายพันธมิตร',
      description: 'องค์กรภาคีในเครือข่ายนวัตกรรมเพื่อสังคม บันทึกความร่วมมือ และการสนับสนุน',
    },
    knowledge: {
      title: 'คลังความรู้',
      description: 'คู่มือ กรณีศึกษา และเอกสารความรู้ด้านนวัตกรรมเพื่อสังคม',
    },
    diffusion: {
      title: 'การขยายผลนวัตกรรม',
      description: 'ผลงานนวัตกรรมที่ชุมชนและองค์กรปกครองส่วนท้องถิ่นนำไปใช้ ทั่วประเทศ',
    },
    contests: {
      title: 'การประกวดรางวัล',
      description: 'การประกวดรางวัลนวัตกรรมเพื่อสังคมและผู้ได้รับรางวัล',
    },
  },
};

export const publicSiteEn: Widen<typeof publicSiteTh> = {
  errors: {},
  figures: {
    title: 'The platform today',
    intro: 'Figures counted from the platform’s records now, refreshed every minute',
    label: 'Platform figures',
    programmes: 'Programmes',
    openCalls: 'Open calls',
    fundedProjects: 'Funded projects',
    provincesReached: 'Provinces reached',
    beneficiaries: 'Beneficiaries',
    innovations: 'Innovations',
    adoptions: 'Adoptions',
    countedAt: 'Counted {{time}}',
    definitions:
      'Provinces reached: provinces of funded projects or of adoptions · Beneficiaries: people the adopters counted at sites that adopted · Adoptions: sites that have adopted an innovation or sustain it',
  },
  explore: {
    title: 'Explore the platform',
    intro: 'All public information is open to everyone, without signing in',
    calls: 'Open calls',
    callsText: 'Problem statements and calls for proposals, with their deadlines',
    results: 'Results',
    resultsText: 'Closed calls and their funding decisions',
    catalogue: 'Innovation catalogue',
    catalogueText: 'Social innovations with their Social Readiness Level',
    events: 'Events',
    eventsText: 'Training, workshops and network events',
    network: 'Partner network',
    networkText: 'Partner organisations that drive and spread the work',
    impact: 'Impact dashboards',
    impactText: 'Funding, innovations, adoptions and verified outcomes',
    coverage: 'Coverage vs need map',
    coverageText: 'Where money and innovations went, against where poverty is',
    provinces: 'Province pages',
    provincesText: 'Poverty indicators and activity in each province',
    openData: 'Open data',
    openDataText: 'Download public datasets (CSV, JSON) or use the API',
  },
  footer: {
    coverage: 'Coverage vs need',
    impact: 'Impact dashboards',
    openData: 'Open data',
  },
  account: {
    dashboards: 'Dashboards',
    insights: 'Policy insights',
  },
  meta: {
    siteName: 'SI Platform · Social Innovation Platform',
    home: {
      title: 'SI Platform · Social Innovation Platform',
      description:
        'The social-innovation platform of Thailand’s National Innovation Agency: open calls, the innovation catalogue, diffusion, social impact and open data, with a focus on the poorest provinces.',
    },
    programmes: {
      title: 'Programmes',
      description:
        'The five programmes of NIA’s Social and Community Innovation Business Development (Flagship) plan.',
    },
    calls: {
      title: 'Open calls',
      description: 'Calls for social-innovation proposals: problem statements, grant ranges and deadlines.',
    },
    callDescription: 'Call for proposals, fiscal year {{fiscalYear}}, closing {{closes}}',
    catalogue: {
      title: 'Innovation catalogue',
      description:
        'Social innovations from communities across Thailand, by theme, province and Social Readiness Level.',
    },
    provinces: {
      title: 'Provinces',
      description: 'Poverty indicators, districts and social-innovation activity of Thailand’s 77 provinces.',
    },
    province: {
      title: '{{name}} province',
      description:
        '{{name}} ({{region}}): poverty indicators, districts, projects and innovations in the province.',
    },
    map: {
      title: 'Province map',
      description: 'A map of indicators by province across Thailand.',
    },
    coverage: {
      title: 'Coverage vs need',
      description:
        'Grant money, projects, beneficiaries and adoptions against poverty by province, with a gap index that shows under-served provinces.',
    },
    coverageProvince: {
      title: 'Coverage: {{name}}',
      description:
        'Need against coverage in {{name}}: grant money, projects, beneficiaries and adoptions by district.',
    },
    impact: {
      title: 'Impact dashboards',
      description:
        'Funding by fiscal year and theme, projects, innovations by readiness level, adoptions, verified outcomes and SROI.',
    },
    openData: {
      title: 'Open data',
      description:
        'The platform’s public datasets as CSV or JSON downloads and an API, with a data dictionary and a licence.',
    },
    events: {
      title: 'Events',
      description: 'Training, workshops and events of the driving units and the social-innovation network.',
    },
    network: {
      title: 'Partner network',
      description:
        'Partner organisations of the social-innovation network, their agreements and contributions.',
    },
    knowledge: {
      title: 'Knowledge library',
      description: 'Guides, case studies and documents on social innovation.',
    },
    diffusion: {
      title: 'Diffusion of innovations',
      description: 'Innovations that communities and local governments across Thailand have taken up.',
    },
    contests: {
      title: 'Award contests',
      description: 'Social-innovation award contests and their winners.',
    },
  },
};
