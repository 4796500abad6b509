export const PROGRAMME_TYPES = [
  'area_based',
  'village_diffusion',
  'city_challenge',
  'sectoral',
  'ecosystem',
] as const;
export type ProgrammeType = (typeof PROGRAMME_TYPES)[number];

export interface ProgrammeFact {
  slug: string;
  type: ProgrammeType;
  nameTh: string;
  nameEn: string;
  summaryTh: string;
  summaryEn: string;
  descriptionTh: string;
  descriptionEn: string;
  /** Numbers of the Flagship plan objectives (1–5) the programme serves. */
  objectives: number[];
}

/** The five programmes of the social and community innovation business development plan (Flagship). */
export const PROGRAMMES: readonly ProgrammeFact[] = [
  {
    slug: 'area-based',
    type: 'area_based',
    nameTh: 'นวัตกรรมเพื่อสังคมเชิงพื้นที่',
    nameEn: 'Area-based Social Innovation',
    summaryTh: 'แก้ปัญหาสังคมและลดความเหลื่อมล้ำในกลุ่มจังหวัดยากจนด้วยนวัตกรรม ผ่านหน่วยขับเคลื่อนระดับภูมิภาค',
    summaryEn:
      'Innovation against poverty and inequality in the poorest provinces, delivered through regional driving units.',
    descriptionTh:
      'หน่วยขับเคลื่อนนวัตกรรมเพื่อสังคมเชิงพื้นที่ในแต่ละภูมิภาคอบรมและบ่มเพาะชุมชนและผู้ประกอบการทางสังคมในจังหวัดเป้าหมาย ' +
      'จนเกิดผลงานนวัตกรรมเพื่อสังคมที่ตอบโจทย์ปัญหาของพื้นที่ และกลายเป็นต้นแบบการแก้ปัญหาที่ยั่งยืน',
    descriptionEn:
      'Regional area-based driving units train and incubate communities and social entrepreneurs in the target provinces ' +
      'until they produce social-innovation works that answer local problems and become lasting models.',
    objectives: [1, 3, 4],
  },
  {
    slug: 'social-innovation-village',
    type: 'village_diffusion',
    nameTh: 'หมู่บ้านนวัตกรรมเพื่อสังคม',
    nameEn: 'Social Innovation Village',
    summaryTh: 'ขยายผลต้นแบบนวัตกรรมที่สำเร็จแล้วสู่ชุมชนและองค์กรปกครองส่วนท้องถิ่นในพื้นที่ยากจน',
    summaryEn: 'Spreading proven innovation models to communities and local governments in poor areas.',
    descriptionTh:
      'นำโมเดลที่พัฒนาสำเร็จร่วมกับองค์กรเครือข่ายขนาดใหญ่หรือหน่วยงานระหว่างประเทศไปใช้ในชุมชนและ อปท. ' +
      'ของกลุ่มจังหวัดยากจนหรือพื้นที่นำร่อง และติดตามว่าแต่ละโมเดลไปถึงที่ใด อยู่ในขั้นใด และเกิดผลอย่างไร',
    descriptionEn:
      'Models already proven with large network organisations or international agencies are taken to communities and ' +
      'local administrative organisations in poor provinces and pilot areas, tracking where each model went, at what stage ' +
      'and with what result.',
    objectives: [1, 3, 5],
  },
  {
    slug: 'city-challenge',
    type: 'city_challenge',
    nameTh: 'นวัตกรรมเพื่อสังคมสำหรับเมืองและชุมชน',
    nameEn: 'City and Community Innovation Challenge',
    summaryTh: 'ประกาศโจทย์ปัญหาของการขยายตัวของเมือง เปิดรับแนวคิด คัดเลือก และให้ทุนทดลองในพื้นที่จริง',
    summaryEn:
      'Problem statements of urban growth, open calls for ideas, selection and funded pilots in real places.',
    descriptionTh:
      'กำหนดโจทย์ปัญหาของเมืองและชุมชน เปิดรับข้อเสนอแนวคิดในหลายมิติ ตัดสินแนวคิดที่ดีและมีโอกาสขยายผล ' +
      'สนับสนุนทุนให้องค์กรที่ได้รับคัดเลือกดำเนินการจริงในพื้นที่ และสรุปข้อเสนอแนะเพื่อขยายผลไปยังพื้นที่อื่น',
    descriptionEn:
      'Urban and community problem statements are published, concept proposals invited across many dimensions, the ideas ' +
      'with the best quality and scaling potential selected and funded to run in the area, and the conclusions turned into ' +
      'recommendations for other places.',
    objectives: [1, 2, 5],
  },
  {
    slug: 'sectoral',
    type: 'sectoral',
    nameTh: 'นวัตกรรมเพื่อสังคมรายสาขา',
    nameEn: 'Sectoral Social Innovation',
    summaryTh: 'สร้างนวัตกรทางสังคมและกิจการเพื่อสังคมใน 9 สาขา ร่วมกับมหาวิทยาลัย เอกชน มูลนิธิ และสมาคม',
    summaryEn:
      'Building social innovators and social enterprises in nine themes with universities, companies and foundations.',
    descriptionTh:
      'ให้คำปรึกษาด้านนวัตกรรม เทคโนโลยี และการจัดการ เชื่อมโยงองค์ความรู้ จัดกิจกรรมเสริมความเข้มแข็งและการประกวดรางวัลด้านสังคม ' +
      'พัฒนาแนวคิดสู่ต้นแบบและโครงการนำร่อง จนตั้งเป็นกิจการเพื่อสังคมที่ยืนได้ด้วยตนเอง',
    descriptionEn:
      'Consulting on innovation, technology and management, knowledge linking, strengthening activities and social award ' +
      'contests take an idea to a prototype and a pilot, and on to a self-sustaining social enterprise.',
    objectives: [1, 3, 4, 5],
  },
  {
    slug: 'ecosystem',
    type: 'ecosystem',
    nameTh: 'การสร้างระบบนิเวศนวัตกรรมเพื่อสังคม',
    nameEn: 'Social Innovation Ecosystem',
    summaryTh: 'เครือข่ายพันธมิตร หน่วยขับเคลื่อนสำหรับผู้ประกอบการสังคมและเยาวชน และระบบประเมินผลกระทบทางสังคม',
    summaryEn:
      'A partner network, driving units for social entrepreneurs and youth, and a social impact assessment system.',
    descriptionTh:
      'ทำงานร่วมกับเครือข่ายนวัตกรรมเพื่อสังคม จัดตั้งหน่วยขับเคลื่อนสำหรับผู้ประกอบการสังคมและเยาวชน จัดกิจกรรมเชิงสร้างสรรค์ ' +
      'พัฒนาระบบประเมินผลกระทบทางสังคม และเสริมสมรรถนะให้เยาวชน วิสาหกิจ มหาวิทยาลัย อปท. และภาคประชาสังคม',
    descriptionEn:
      'Works with the social-innovation network, sets up driving units for social entrepreneurs and youth, runs creative ' +
      'activities, builds the social impact assessment system and strengthens youth, enterprises, universities, local ' +
      'governments and civil society.',
    objectives: [2, 3, 4, 5],
  },
];

export interface FlagshipObjectiveFact {
  number: number;
  nameTh: string;
  nameEn: string;
}

/** The five objectives of the Flagship plan that the programmes serve. */
export const FLAGSHIP_OBJECTIVES: readonly FlagshipObjectiveFact[] = [
  {
    number: 1,
    nameTh: 'พัฒนานวัตกรรมหลังการวิจัยและต่อยอดสู่เชิงพาณิชย์',
    nameEn: 'Develop innovations after research and take them to market',
  },
  {
    number: 2,
    nameTh: 'สำรวจและวิเคราะห์ความต้องการเพื่อเสนอแนะนโยบาย',
    nameEn: 'Survey and analyse needs to recommend policy',
  },
  {
    number: 3,
    nameTh: 'ยกระดับความสามารถด้านนวัตกรรมของเครือข่ายวิสาหกิจ',
    nameEn: 'Raise the innovation capability of enterprise networks',
  },
  {
    number: 4,
    nameTh: 'ยกระดับทักษะด้านเทคโนโลยีและการบริหารจัดการนวัตกรรม',
    nameEn: 'Raise technology and innovation-management skills',
  },
  {
    number: 5,
    nameTh: 'สร้างความตื่นตัวและวัฒนธรรมนวัตกรรม',
    nameEn: 'Build awareness and a culture of innovation',
  },
];
