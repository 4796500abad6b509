export interface SdgFact {
  number: number;
  nameTh: string;
  nameEn: string;
}

/** The 17 Sustainable Development Goals of the United Nations 2030 Agenda. */
export const SDGS: readonly SdgFact[] = [
  { number: 1, nameTh: 'ขจัดความยากจน', nameEn: 'No poverty' },
  { number: 2, nameTh: 'ขจัดความหิวโหย', nameEn: 'Zero hunger' },
  { number: 3, nameTh: 'การมีสุขภาพและความเป็นอยู่ที่ดี', nameEn: 'Good health and well-being' },
  { number: 4, nameTh: 'การศึกษาที่มีคุณภาพ', nameEn: 'Quality education' },
  { number: 5, nameTh: 'ความเท่าเทียมทางเพศ', nameEn: 'Gender equality' },
  { number: 6, nameTh: 'การจัดการน้ำและสุขาภิบาล', nameEn: 'Clean water and sanitation' },
  { number: 7, nameTh: 'พลังงานสะอาดที่ทุกคนเข้าถึงได้', nameEn: 'Affordable and clean energy' },
  { number: 8, nameTh: 'การจ้างงานที่มีคุณค่าและการเติบโตทางเศรษฐกิจ', nameEn: 'Decent work and economic growth' },
  {
    number: 9,
    nameTh: 'อุตสาหกรรม นวัตกรรม และโครงสร้างพื้นฐาน',
    nameEn: 'Industry, innovation and infrastructure',
  },
  { number: 10, nameTh: 'ลดความเหลื่อมล้ำ', nameEn: 'Reduced inequalities' },
  { number: 11, nameTh: 'เมืองและถิ่นฐานมนุษย์อย่างยั่งยืน', nameEn: 'Sustainable cities and communities' },
  { number: 12, nameTh: 'แผนการบริโภคและการผลิตที่ยั่งยืน', nameEn: 'Responsible consumption and production' },
  { number: 13, nameTh: 'การรับมือการเปลี่ยนแปลงสภาพภูมิอากาศ', nameEn: 'Climate action' },
  { number: 14, nameTh: 'การใช้ประโยชน์จากมหาสมุทรและทรัพยากรทางทะเล', nameEn: 'Life below water' },
  { number: 15, nameTh: 'การใช้ประโยชน์จากระบบนิเวศทางบก', nameEn: 'Life on land' },
  { number: 16, nameTh: 'สังคมสงบสุข ยุติธรรม ไม่แบ่งแยก', nameEn: 'Peace, justice and strong institutions' },
  { number: 17, nameTh: 'ความร่วมมือเพื่อการพัฒนาที่ยั่งยืน', nameEn: 'Partnerships for the goals' },
];
