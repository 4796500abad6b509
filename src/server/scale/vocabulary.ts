import type { ThemeCode } from '@shared/reference/themes';

/**
 * Word lists the scale data's Thai (and English) text is composed from: people's names, organisation names, and per
 * theme the ideas, problems and results that project titles and abstracts are built of. A pair is [Thai, English].
 */
export type Pair = readonly [th: string, en: string];

export const MALE_FIRST_NAMES = [
  'สมชาย',
  'สมศักดิ์',
  'ประเสริฐ',
  'วิชัย',
  'สุรชัย',
  'อนันต์',
  'ธนากร',
  'กิตติพงษ์',
  'ณัฐพล',
  'ชัยวัฒน์',
  'พิชิต',
  'สมพงษ์',
  'บุญมี',
  'ทองดี',
  'เอกชัย',
  'ปิยะพงษ์',
  'ศักดิ์ชัย',
  'วีระพงษ์',
  'อภิชาติ',
  'จักรพันธ์',
  'ธีรวัฒน์',
  'นพดล',
  'สุทธิพงษ์',
  'วรวุฒิ',
  'ภานุวัฒน์',
  'อดิศักดิ์',
  'ชาญวิทย์',
  'ไพโรจน์',
  'สมบัติ',
  'มานพ',
  'ศุภชัย',
  'เกรียงไกร',
  'ธนพล',
  'ปรีชา',
  'วิทยา',
  'สุเมธ',
  'อำนาจ',
  'บุญเลิศ',
  'คมสัน',
  'ธวัชชัย',
  'สุริยา',
  'ประสิทธิ์',
  'จิรายุ',
  'ก้องภพ',
  'ภูมิพัฒน์',
  'วัชระ',
  'อนุชา',
  'ทรงศักดิ์',
  'เฉลิมชัย',
  'พงศกร',
] as const;

export const FEMALE_FIRST_NAMES = [
  'สมหญิง',
  'สุภาพร',
  'วันเพ็ญ',
  'กาญจนา',
  'อรทัย',
  'นงลักษณ์',
  'พรทิพย์',
  'ศิริพร',
  'จันทร์เพ็ญ',
  'มาลี',
  'รัตนา',
  'สุดารัตน์',
  'ปราณี',
  'วิไลวรรณ',
  'อัญชลี',
  'ณัฐธิดา',
  'กมลชนก',
  'พิมพ์ชนก',
  'ธิดารัตน์',
  'เบญจวรรณ',
  'ลำดวน',
  'บุญเรือน',
  'ทองใบ',
  'ประภาพร',
  'อุไรวรรณ',
  'จิราพร',
  'ชนิดา',
  'ปวีณา',
  'สุนันทา',
  'นภาพร',
  'ดวงใจ',
  'เพ็ญศรี',
  'ยุพิน',
  'วาสนา',
  'อรุณี',
  'สายสุนีย์',
  'กัลยา',
  'ศศิธร',
  'ปิยะนุช',
  'ขวัญใจ',
  'พัชรี',
  'สุวรรณี',
  'อำไพ',
  'รุ่งนภา',
  'ทิพวรรณ',
  'จุฑามาศ',
  'ปาริชาติ',
  'วรรณา',
  'สมใจ',
  'นันทนา',
] as const;

/** Surname parts: most Thai surnames join two or three meaningful syllables (ศรี + สุข, แก้ว + มณี…). */
export const SURNAME_HEADS = [
  'ศรี',
  'ทอง',
  'แก้ว',
  'บุญ',
  'แสง',
  'จันทร์',
  'สุข',
  'วงศ์',
  'เพชร',
  'คำ',
  'อินทร์',
  'พรหม',
  'ชัย',
  'มณี',
  'รัตน',
  'ปัญญา',
  'ธรรม',
  'สาย',
  'ดวง',
  'บัว',
  'ยอด',
  'เรือง',
  'หอม',
  'พันธ์',
  'สิทธิ',
  'อุดม',
  'มั่น',
  'นาค',
] as const;
export const SURNAME_TAILS = [
  'สุข',
  'วงศ์',
  'ดี',
  'มา',
  'ทอง',
  'ศรี',
  'เจริญ',
  'รัตน์',
  'ชัย',
  'แก้ว',
  'มณี',
  'สวัสดิ์',
  'ประเสริฐ',
  'สมบูรณ์',
  'รุ่งเรือง',
  'มงคล',
  'พงษ์',
  'วัฒนา',
  'กุล',
  'ศักดิ์',
  'นิยม',
  'ภักดี',
  'ใจ',
  'บุตร',
  'สาร',
  'เกษม',
] as const;

export const HONORIFICS_MALE = ['นาย', 'นาย', 'นาย', 'ดร.', 'ผศ.'] as const;
export const HONORIFICS_FEMALE = ['นางสาว', 'นาง', 'นาง', 'ดร.', 'ผศ.'] as const;

/** Brand-like names of social enterprises and companies. */
export const BRANDS: readonly Pair[] = [
  ['รักษ์ถิ่น', 'Rak Thin'],
  ['ปันสุข', 'Pan Suk'],
  ['ฮักเมือง', 'Hak Mueang'],
  ['บ้านเรา', 'Ban Rao'],
  ['ใจดีฟาร์ม', 'Jaidee Farm'],
  ['กรีนวิลเลจ', 'Green Village'],
  ['ชุมชนยิ้ม', 'Smiling Community'],
  ['ดินดี', 'Din Dee'],
  ['น้ำใส', 'Nam Sai'],
  ['ข้าวหอม', 'Khao Hom'],
  ['ผ้างาม', 'Pha Ngam'],
  ['ทอฝัน', 'Tho Fan'],
  ['สานใจ', 'San Jai'],
  ['เติมสุข', 'Toem Suk'],
  ['ก้าวหน้า', 'Kao Na'],
  ['เกื้อกูล', 'Kuea Kun'],
  ['ยั่งยืน', 'Yang Yuen'],
  ['ภูมิปัญญา', 'Phumipanya'],
  ['รวมใจ', 'Ruam Jai'],
  ['ตะวันใหม่', 'New Sun'],
];

/** Goods and work of community enterprises and groups. */
export const PRODUCTS: readonly Pair[] = [
  ['ผ้าทอมือ', 'hand-woven cloth'],
  ['ข้าวอินทรีย์', 'organic rice'],
  ['สมุนไพร', 'herbs'],
  ['กาแฟ', 'coffee'],
  ['แปรรูปผลไม้', 'fruit processing'],
  ['ปุ๋ยอินทรีย์', 'organic fertiliser'],
  ['เลี้ยงปลา', 'fish farming'],
  ['จักสานไม้ไผ่', 'bamboo basketry'],
  ['ท่องเที่ยวชุมชน', 'community tourism'],
  ['ผักปลอดสาร', 'safe vegetables'],
  ['น้ำพริก', 'chilli paste'],
  ['ผลิตภัณฑ์ยางพารา', 'rubber products'],
  ['ประมงพื้นบ้าน', 'small-scale fishing'],
  ['เห็ด', 'mushrooms'],
  ['น้ำผึ้งชันโรง', 'stingless-bee honey'],
  ['ขนมไทย', 'Thai sweets'],
];

export const FOUNDATION_CAUSES: readonly Pair[] = [
  ['พัฒนาชุมชนท้องถิ่น', 'Local Community Development'],
  ['เพื่อเด็กและเยาวชน', 'Children and Youth'],
  ['ส่งเสริมเกษตรยั่งยืน', 'Sustainable Agriculture'],
  ['ผู้สูงอายุ', 'Older People'],
  ['คนพิการ', 'People with Disabilities'],
  ['รักษ์ป่าต้นน้ำ', 'Upland Forests'],
  ['การศึกษาชนบท', 'Rural Education'],
  ['สุขภาพชุมชน', 'Community Health'],
  ['ภัยพิบัติและการฟื้นฟู', 'Disaster Relief and Recovery'],
  ['ศิลปวัฒนธรรมพื้นบ้าน', 'Folk Arts and Culture'],
];

export const UNIVERSITY_UNITS: readonly Pair[] = [
  ['คณะเกษตรศาสตร์', 'Faculty of Agriculture'],
  ['คณะสาธารณสุขศาสตร์', 'Faculty of Public Health'],
  ['วิทยาลัยนวัตกรรมสังคม', 'College of Social Innovation'],
  ['คณะวิศวกรรมศาสตร์', 'Faculty of Engineering'],
  ['สถาบันวิจัยและพัฒนา', 'Research and Development Institute'],
  ['คณะบริหารธุรกิจ', 'Faculty of Business'],
  ['คณะศึกษาศาสตร์', 'Faculty of Education'],
  ['ศูนย์บริการวิชาการ', 'Academic Service Centre'],
];

export const AGENCIES: readonly Pair[] = [
  ['สำนักงานพัฒนาชุมชนจังหวัด', 'Provincial Community Development Office'],
  ['สำนักงานเกษตรจังหวัด', 'Provincial Agriculture Office'],
  ['สำนักงานสาธารณสุขจังหวัด', 'Provincial Public Health Office'],
  ['สำนักงานการท่องเที่ยวและกีฬาจังหวัด', 'Provincial Tourism and Sports Office'],
  ['สำนักงานพัฒนาสังคมและความมั่นคงของมนุษย์จังหวัด', 'Provincial Social Development and Human Security Office'],
];

export const INTERNATIONAL_AGENCIES: readonly Pair[] = [
  ['โครงการพัฒนาแห่งสหประชาชาติ ประจำประเทศไทย', 'UNDP Thailand'],
  ['องค์การยูนิเซฟ ประเทศไทย', 'UNICEF Thailand'],
  ['องค์การอาหารและเกษตรแห่งสหประชาชาติ', 'FAO'],
  ['องค์การแรงงานระหว่างประเทศ', 'ILO'],
  ['สำนักงานความร่วมมือระหว่างประเทศของญี่ปุ่น', 'JICA Thailand'],
  ['องค์การเพื่อการพัฒนาระหว่างประเทศแห่งเยอรมนี', 'GIZ Thailand'],
];

/** Per theme: ideas (what is built), problems (what it answers) and results (what changes). */
export interface ThemeWords {
  ideas: readonly Pair[];
  problems: readonly Pair[];
  results: readonly Pair[];
}

export const THEME_WORDS: Record<ThemeCode, ThemeWords> = {
  environment: {
    ideas: [
      ['ธนาคารขยะรีไซเคิล', 'recycling waste bank'],
      ['ระบบคัดแยกขยะอินทรีย์', 'organic waste sorting system'],
      ['ป่าชุมชนต้นน้ำ', 'upland community forest'],
      ['เตาเผาถ่านชีวภาพ', 'biochar kiln'],
      ['แอปพลิเคชันติดตามไฟป่า', 'forest-fire tracking app'],
      ['ถังหมักปุ๋ยจากเศษอาหาร', 'food-waste compost bin'],
      ['บ่อบำบัดน้ำเสียธรรมชาติ', 'natural wastewater pond'],
      ['ตลาดปลอดพลาสติก', 'plastic-free market'],
      ['ธนาคารปูม้า', 'blue swimming crab bank'],
      ['แนวกันไฟมีชีวิต', 'living firebreak'],
      ['ศูนย์เรียนรู้ป่าชายเลน', 'mangrove learning centre'],
      ['ระบบเฝ้าระวังฝุ่น PM2.5', 'PM2.5 watch network'],
    ],
    problems: [
      ['ขยะตกค้างในชุมชน', 'waste left in the community'],
      ['ไฟป่าและหมอกควัน', 'forest fires and haze'],
      ['น้ำเสียจากครัวเรือน', 'household wastewater'],
      ['ป่าต้นน้ำเสื่อมโทรม', 'degraded upland forest'],
      ['ทรัพยากรชายฝั่งลดลง', 'dwindling coastal resources'],
    ],
    results: [
      ['ลดปริมาณขยะที่ส่งไปฝังกลบ', 'cut the waste sent to landfill'],
      ['ลดจุดความร้อนในฤดูแล้ง', 'cut dry-season hotspots'],
      ['ฟื้นฟูพื้นที่ป่า', 'restore forest land'],
      ['เพิ่มรายได้จากวัสดุรีไซเคิล', 'earn income from recyclables'],
    ],
  },
  food_water_energy: {
    ideas: [
      ['ประปาภูเขาพลังงานแสงอาทิตย์', 'solar-powered mountain water supply'],
      ['ธนาคารน้ำใต้ดิน', 'groundwater bank'],
      ['ระบบสูบน้ำโซลาร์เซลล์', 'solar water pump'],
      ['โรงเรือนอบแห้งพลังงานแสงอาทิตย์', 'solar drying house'],
      ['ไบโอแก๊สจากมูลสัตว์', 'biogas from livestock manure'],
      ['ฝายมีชีวิต', 'living check dam'],
      ['ครัวกลางชุมชน', 'community central kitchen'],
      ['ระบบกรองน้ำดื่มชุมชน', 'community drinking-water filter'],
      ['สระน้ำประจำไร่นา', 'farm pond'],
      ['เตาประหยัดพลังงาน', 'fuel-saving stove'],
    ],
    problems: [
      ['ขาดน้ำในฤดูแล้ง', 'dry-season water shortage'],
      ['ค่าไฟฟ้าสูง', 'high electricity costs'],
      ['น้ำดื่มไม่สะอาด', 'unsafe drinking water'],
      ['อาหารไม่เพียงพอในครัวเรือนยากจน', 'food insecurity in poor households'],
      ['การใช้ฟืนเกินควร', 'overuse of firewood'],
    ],
    results: [
      ['มีน้ำใช้ตลอดปี', 'have water all year'],
      ['ลดค่าใช้จ่ายด้านพลังงาน', 'lower energy spending'],
      ['เข้าถึงน้ำดื่มสะอาด', 'reach safe drinking water'],
      ['มีอาหารพอกินทั้งปี', 'have enough food all year'],
    ],
  },
  government_education: {
    ideas: [
      ['ห้องเรียนดิจิทัลชุมชน', 'community digital classroom'],
      ['โรงเรียนพี่เลี้ยงออนไลน์', 'online mentoring school'],
      ['ระบบติดตามเด็กหลุดจากระบบการศึกษา', 'out-of-school child tracking system'],
      ['ศูนย์การเรียนรู้ตลอดชีวิต', 'lifelong learning centre'],
      ['แพลตฟอร์มรับเรื่องร้องเรียนของเทศบาล', 'municipal complaints platform'],
      ['หลักสูตรท้องถิ่นฐานสมรรถนะ', 'competency-based local curriculum'],
      ['ห้องสมุดเคลื่อนที่', 'mobile library'],
      ['สภาเด็กและเยาวชนออนไลน์', 'online children and youth council'],
      ['ระบบงบประมาณแบบมีส่วนร่วม', 'participatory budgeting system'],
    ],
    problems: [
      ['เด็กหลุดออกจากระบบการศึกษา', 'children dropping out of school'],
      ['ทักษะการอ่านของเด็กต่ำ', 'low reading skills'],
      ['ประชาชนเข้าถึงบริการรัฐได้ยาก', 'hard access to public services'],
      ['ขาดครูในพื้นที่ห่างไกล', 'teacher shortage in remote areas'],
    ],
    results: [
      ['ลดจำนวนเด็กหลุดจากระบบ', 'fewer children out of school'],
      ['ยกระดับทักษะการอ่าน', 'better reading skills'],
      ['ลดเวลารอรับบริการ', 'shorter waits for services'],
      ['เพิ่มการมีส่วนร่วมของประชาชน', 'more citizen participation'],
    ],
  },
  finance_employment_welfare: {
    ideas: [
      ['กองทุนสวัสดิการชุมชน', 'community welfare fund'],
      ['ธนาคารเวลา', 'time bank'],
      ['แพลตฟอร์มจ้างงานคนพิการ', 'jobs platform for people with disabilities'],
      ['โรงเรียนการเงินครัวเรือน', 'household finance school'],
      ['ตลาดแรงงานออนไลน์ของตำบล', 'subdistrict online job market'],
      ['สหกรณ์ออมทรัพย์เยาวชน', 'youth savings cooperative'],
      ['ศูนย์ฝึกอาชีพผู้สูงอายุ', 'vocational centre for older people'],
      ['ระบบบัญชีครัวเรือนดิจิทัล', 'digital household accounts'],
      ['กองทุนแก้หนี้นอกระบบ', 'informal-debt relief fund'],
    ],
    problems: [
      ['หนี้นอกระบบ', 'informal debt'],
      ['รายได้ไม่แน่นอน', 'irregular income'],
      ['คนพิการไม่มีงานทำ', 'unemployment of people with disabilities'],
      ['ผู้สูงอายุขาดรายได้', 'older people without income'],
      ['แรงงานคืนถิ่นไม่มีอาชีพ', 'returning migrants without work'],
    ],
    results: [
      ['ลดหนี้ครัวเรือน', 'reduce household debt'],
      ['เพิ่มรายได้ครัวเรือน', 'raise household income'],
      ['สร้างงานในชุมชน', 'create local jobs'],
      ['เพิ่มเงินออม', 'increase savings'],
    ],
  },
  sustainable_agriculture: {
    ideas: [
      ['แปลงเกษตรอินทรีย์รวม', 'shared organic farm'],
      ['ธนาคารเมล็ดพันธุ์', 'seed bank'],
      ['เกษตรแม่นยำด้วยเซนเซอร์ความชื้นดิน', 'precision farming with soil-moisture sensors'],
      ['โรงสีข้าวชุมชน', 'community rice mill'],
      ['ตลาดออนไลน์ผลผลิตเกษตรกร', 'online market for farm produce'],
      ['วนเกษตร', 'agroforestry'],
      ['ระบบน้ำหยดประหยัดน้ำ', 'water-saving drip irrigation'],
      ['ศูนย์ปุ๋ยชีวภาพ', 'bio-fertiliser centre'],
      ['โรงเรือนปลูกผักอัจฉริยะ', 'smart vegetable greenhouse'],
      ['การเลี้ยงไก่ไข่อารมณ์ดี', 'free-range egg farming'],
    ],
    problems: [
      ['ต้นทุนการผลิตสูง', 'high production costs'],
      ['ราคาผลผลิตตกต่ำ', 'low crop prices'],
      ['ดินเสื่อมจากสารเคมี', 'soil degraded by chemicals'],
      ['เกษตรกรสูงวัยขาดผู้สืบทอด', 'ageing farmers without successors'],
    ],
    results: [
      ['ลดต้นทุนการผลิต', 'cut production costs'],
      ['ได้ราคาผลผลิตที่เป็นธรรม', 'fair prices for produce'],
      ['ฟื้นฟูความอุดมสมบูรณ์ของดิน', 'restore soil fertility'],
      ['ดึงคนรุ่นใหม่กลับมาทำเกษตร', 'bring young people back to farming'],
    ],
  },
  urbanisation: {
    ideas: [
      ['พื้นที่เล่นชุมชนแออัด', 'play space in crowded communities'],
      ['ระบบขนส่งสาธารณะตามความต้องการ', 'on-demand public transport'],
      ['สวนผักคนเมือง', 'urban vegetable garden'],
      ['แผนที่ความเสี่ยงน้ำท่วมเมือง', 'urban flood-risk map'],
      ['ที่อยู่อาศัยมั่นคงสำหรับผู้มีรายได้น้อย', 'secure housing for low-income residents'],
      ['ทางเดินปลอดภัยสู่โรงเรียน', 'safe walking routes to school'],
      ['ตลาดนัดสีเขียว', 'green market'],
      ['ศูนย์ชุมชนย่านเก่า', 'old-quarter community hub'],
    ],
    problems: [
      ['ชุมชนแออัดขาดพื้นที่สาธารณะ', 'crowded communities lacking public space'],
      ['การจราจรติดขัด', 'traffic congestion'],
      ['ค่าครองชีพในเมืองสูง', 'high urban living costs'],
      ['น้ำท่วมขังในเขตเมือง', 'urban flash flooding'],
    ],
    results: [
      ['เพิ่มพื้นที่สาธารณะ', 'more public space'],
      ['ลดเวลาเดินทาง', 'shorter journeys'],
      ['ลดค่าครองชีพ', 'lower living costs'],
      ['ลดความเสียหายจากน้ำท่วม', 'less flood damage'],
    ],
  },
  health: {
    ideas: [
      ['ผู้ช่วยดูแลผู้สูงอายุติดเตียง', 'carers for bedridden elders'],
      ['ระบบนัดหมายและรับส่งผู้ป่วย', 'patient booking and transport'],
      ['แอปพลิเคชันติดตามความดันโลหิต', 'blood-pressure tracking app'],
      ['ศูนย์ฟื้นฟูสุขภาพชุมชน', 'community rehabilitation centre'],
      ['อาสาสมัครสุขภาพจิตวัยรุ่น', 'youth mental-health volunteers'],
      ['โรงครัวอาหารปลอดภัย', 'safe-food kitchen'],
      ['การแพทย์ทางไกลสำหรับหมู่บ้าน', 'village telemedicine'],
      ['ชุดตรวจคัดกรองเบาหวาน', 'diabetes screening kit'],
      ['กายอุปกรณ์ราคาประหยัด', 'low-cost assistive devices'],
    ],
    problems: [
      ['ผู้สูงอายุอยู่ลำพัง', 'older people living alone'],
      ['โรคเบาหวานและความดันสูง', 'diabetes and hypertension'],
      ['การเดินทางไปโรงพยาบาลลำบาก', 'hard journeys to hospital'],
      ['ภาวะซึมเศร้าในวัยรุ่น', 'teenage depression'],
      ['ภาวะทุพโภชนาการในเด็ก', 'child malnutrition'],
    ],
    results: [
      ['ลดการพลาดนัดแพทย์', 'fewer missed appointments'],
      ['ควบคุมระดับน้ำตาลได้ดีขึ้น', 'better blood-sugar control'],
      ['ผู้สูงอายุได้รับการดูแลต่อเนื่อง', 'continuous care for older people'],
      ['ลดค่าใช้จ่ายด้านสุขภาพ', 'lower health spending'],
    ],
  },
  tourism_culture: {
    ideas: [
      ['เส้นทางท่องเที่ยวชุมชน', 'community tourism route'],
      ['พิพิธภัณฑ์มีชีวิต', 'living museum'],
      ['โฮมสเตย์มาตรฐานชุมชน', 'community-standard homestay'],
      ['แพลตฟอร์มจองกิจกรรมวิถีถิ่น', 'local-experience booking platform'],
      ['ศูนย์สืบสานผ้าทอพื้นถิ่น', 'local weaving heritage centre'],
      ['เทศกาลอาหารพื้นบ้าน', 'folk food festival'],
      ['ตลาดวัฒนธรรมริมน้ำ', 'riverside cultural market'],
      ['ดนตรีพื้นบ้านสำหรับเยาวชน', 'folk music for youth'],
    ],
    problems: [
      ['รายได้จากการท่องเที่ยวไม่ถึงชุมชน', 'tourism income not reaching the community'],
      ['ภูมิปัญญาท้องถิ่นสูญหาย', 'local wisdom being lost'],
      ['นักท่องเที่ยวกระจุกตัวเฉพาะฤดู', 'seasonal tourist peaks'],
    ],
    results: [
      ['กระจายรายได้สู่ชุมชน', 'spread income to the community'],
      ['สืบทอดภูมิปัญญาสู่คนรุ่นใหม่', 'pass local wisdom to the young'],
      ['เพิ่มนักท่องเที่ยวนอกฤดู', 'more visitors off-season'],
    ],
  },
  disaster_management: {
    ideas: [
      ['ระบบเตือนภัยน้ำท่วมล่วงหน้า', 'early flood warning'],
      ['แผนอพยพชุมชน', 'community evacuation plan'],
      ['เครือข่ายอาสาสมัครกู้ภัย', 'rescue volunteer network'],
      ['คลังเสบียงฉุกเฉินชุมชน', 'community emergency store'],
      ['แผนที่จุดเสี่ยงดินถล่ม', 'landslide risk map'],
      ['บ้านลอยน้ำต้นแบบ', 'prototype floating house'],
      ['ระบบสื่อสารฉุกเฉินผ่านวิทยุชุมชน', 'community-radio emergency alerts'],
      ['ธนาคารเรือชุมชน', 'community boat bank'],
    ],
    problems: [
      ['น้ำท่วมซ้ำซาก', 'recurring floods'],
      ['ดินโคลนถล่ม', 'landslides'],
      ['ภัยแล้งรุนแรง', 'severe drought'],
      ['การเตือนภัยล่าช้า', 'late warnings'],
    ],
    results: [
      ['ได้รับการเตือนภัยล่วงหน้า', 'get warnings in time'],
      ['ลดความสูญเสียจากภัยพิบัติ', 'lower disaster losses'],
      ['ฟื้นตัวหลังภัยได้เร็วขึ้น', 'recover faster after disasters'],
    ],
  },
};

/** How a project works, whatever its theme. */
export const METHODS: readonly Pair[] = [
  ['การมีส่วนร่วมของชุมชน', 'community participation'],
  ['ความร่วมมือกับองค์กรปกครองส่วนท้องถิ่น', 'working with local government'],
  ['การถ่ายทอดความรู้จากมหาวิทยาลัย', 'knowledge from a university'],
  ['การรวมกลุ่มเป็นวิสาหกิจชุมชน', 'forming a community enterprise'],
  ['เทคโนโลยีดิจิทัลที่ใช้ง่าย', 'easy digital tools'],
  ['ภูมิปัญญาท้องถิ่นผสานความรู้สมัยใหม่', 'local wisdom joined with modern knowledge'],
  ['กลไกตลาดที่เป็นธรรม', 'a fair market mechanism'],
  ['เครือข่ายอาสาสมัครในหมู่บ้าน', 'village volunteer networks'],
];

/** Who benefits. */
export const BENEFICIARIES: readonly Pair[] = [
  ['ครัวเรือนยากจน', 'poor households'],
  ['ผู้สูงอายุ', 'older people'],
  ['เด็กและเยาวชน', 'children and youth'],
  ['เกษตรกรรายย่อย', 'smallholder farmers'],
  ['คนพิการ', 'people with disabilities'],
  ['แรงงานนอกระบบ', 'informal workers'],
  ['ผู้หญิงในชุมชน', 'women in the community'],
  ['กลุ่มชาติพันธุ์', 'ethnic communities'],
  ['ชาวประมงพื้นบ้าน', 'small-scale fishers'],
];

/** How a title ends, before the place. */
export const QUALIFIERS: readonly Pair[] = [
  ['โดยชุมชน', 'run by the community'],
  ['เพื่อครัวเรือนยากจน', 'for poor households'],
  ['แบบมีส่วนร่วม', 'through participation'],
  ['ของกลุ่มเยาวชน', 'by a youth group'],
  ['สำหรับผู้สูงอายุ', 'for older people'],
  ['เพื่อการพึ่งตนเอง', 'for self-reliance'],
  ['ต้นแบบ', 'pilot'],
  ['ระยะที่สอง', 'phase two'],
  ['แบบบูรณาการ', 'integrated'],
  ['ของเทศบาล', 'by the municipality'],
  ['', ''],
  ['', ''],
];

export const REVIEW_COMMENTS = [
  'ข้อเสนอชัดเจน ชุมชนมีส่วนร่วมสูง และมีแผนขยายผล',
  'แนวคิดน่าสนใจ แต่ควรระบุตัวชี้วัดผลลัพธ์ให้ชัดเจนกว่านี้',
  'งบประมาณบางหมวดสูงเกินความจำเป็น ควรปรับลด',
  'ทีมงานมีประสบการณ์ในพื้นที่ แผนงานเป็นไปได้',
  'ยังไม่เห็นความแตกต่างจากสิ่งที่ชุมชนทำอยู่เดิม',
  'มีภาคีร่วมดำเนินงานที่เข้มแข็ง โอกาสยั่งยืนสูง',
  'ควรอธิบายกลไกการดูแลหลังจบโครงการ',
  'ตอบโจทย์ปัญหาความยากจนในพื้นที่ได้ตรงจุด',
] as const;

export const LOW_SCORE_COMMENTS = [
  'ข้อมูลสนับสนุนยังไม่เพียงพอ',
  'แผนงานยังไม่สอดคล้องกับระยะเวลา',
  'ยังไม่ชัดเจนว่าใครเป็นผู้ได้รับประโยชน์',
  'ต้นทุนต่อผู้ได้รับประโยชน์สูงเกินไป',
] as const;

export const REJECT_REASONS = [
  'คะแนนรวมต่ำกว่าเกณฑ์ที่คณะกรรมการกำหนด',
  'งบประมาณของรอบไม่เพียงพอสำหรับข้อเสนอลำดับถัดไป',
  'ข้อเสนอยังไม่แสดงความเป็นนวัตกรรมที่ชัดเจน',
  'แผนการดำเนินงานยังไม่เป็นไปได้ในระยะเวลาที่เสนอ',
] as const;

export const SCREEN_OUT_REASONS = [
  'เอกสารไม่ครบถ้วนตามประกาศ',
  'พื้นที่ดำเนินงานอยู่นอกกลุ่มจังหวัดเป้าหมาย',
  'ประเภทองค์กรไม่ตรงตามเงื่อนไขของรอบ',
  'งบประมาณที่ขอเกินวงเงินต่อโครงการ',
] as const;

export const AWARD_REASONS = [
  'ชุมชนพร้อมดำเนินการ มีแผนการดูแลระบบในระยะยาวชัดเจน',
  'คะแนนประเมินสูง ตอบโจทย์ของรอบและมีโอกาสขยายผล',
  'มีภาคีร่วมสนับสนุนและแผนความยั่งยืนชัดเจน',
] as const;

export const REPORT_NARRATIVES = [
  'ดำเนินกิจกรรมตามแผน จัดประชุมคณะทำงานและอบรมแกนนำชุมชน',
  'ทดลองใช้ต้นแบบกับกลุ่มเป้าหมายนำร่องและเก็บข้อมูลผลการใช้งาน',
  'ขยายการใช้งานไปยังหมู่บ้านใกล้เคียงและปรับปรุงต้นแบบตามข้อเสนอแนะ',
  'จัดเวทีแลกเปลี่ยนเรียนรู้กับภาคีและหน่วยงานท้องถิ่น',
  'สรุปผลการดำเนินงาน ถอดบทเรียน และจัดทำคู่มือการขยายผล',
] as const;

export const REPORT_PROBLEMS = [
  'ฝนตกต่อเนื่องทำให้กิจกรรมภาคสนามล่าช้า',
  'ราคาวัสดุบางรายการสูงขึ้นกว่าที่ประมาณการไว้',
  'แกนนำบางคนติดภารกิจ ต้องปรับตารางกิจกรรม',
  '',
] as const;

export const LESSONS = [
  'การให้ชุมชนเป็นเจ้าของตั้งแต่ต้นทำให้ดูแลต่อได้เองหลังจบโครงการ',
  'ความร่วมมือกับ อปท. ช่วยให้ได้งบประมาณสมทบและขยายผลได้เร็ว',
  'ต้องออกแบบเครื่องมือให้ผู้สูงอายุใช้งานได้ง่าย',
  'การเก็บข้อมูลตั้งแต่ต้นช่วยให้เห็นผลลัพธ์ชัดเจน',
] as const;

export const ADAPTATIONS = [
  'ปรับขนาดให้เหมาะกับจำนวนครัวเรือนและใช้วัสดุที่หาได้ในท้องถิ่น',
  'แปลคู่มือเป็นภาษาถิ่นและฝึกอบรมแกนนำเพิ่มเติม',
  'ปรับรอบการดำเนินงานให้ตรงกับฤดูกาลเพาะปลูก',
  'ใช้งบประมาณของ อปท. ร่วมกับแรงงานอาสาของชุมชน',
  '',
] as const;

export const DISCONTINUED_REASONS = [
  'ขาดงบประมาณดำเนินการต่อเนื่อง',
  'แกนนำย้ายออกจากพื้นที่',
  'ชุมชนเลือกแนวทางอื่นที่เหมาะสมกว่า',
] as const;

export const LOCAL_FUNDING_SOURCES = [
  'ข้อบัญญัติงบประมาณ อบต.',
  'กองทุนหมู่บ้าน',
  'เงินสมทบจากสมาชิกกลุ่ม',
  'งบประมาณเทศบาล',
  'กองทุนหลักประกันสุขภาพระดับท้องถิ่น',
] as const;

export const PAYMENT_BANKS = ['KTB', 'BAAC', 'GSB', 'SCB', 'KBANK'] as const;
