import type { InnovationSearchFields } from '@server/modules/innovations/innovations.search';
import type { ThemeCode } from '@shared/reference/themes';
import type { OrganisationTypeCode } from '@shared/reference/organisation-types';
import type { Random } from './random';
import {
  AGENCIES,
  BENEFICIARIES,
  BRANDS,
  FEMALE_FIRST_NAMES,
  FOUNDATION_CAUSES,
  HONORIFICS_FEMALE,
  HONORIFICS_MALE,
  INTERNATIONAL_AGENCIES,
  MALE_FIRST_NAMES,
  METHODS,
  PRODUCTS,
  QUALIFIERS,
  SURNAME_HEADS,
  SURNAME_TAILS,
  THEME_WORDS,
  UNIVERSITY_UNITS,
  type Pair,
} from './vocabulary';

/** Thai and English text of the scale data, composed from the word lists by a seeded stream. */

/** A place: a province, and when the geography is imported a district and a subdistrict of it. */
export interface Place {
  provinceCode: number;
  provinceTh: string;
  provinceEn: string;
  districtCode: number | null;
  districtTh: string;
  districtEn: string;
  subdistrictCode: number | null;
  subdistrictTh: string;
  subdistrictEn: string;
}

export interface Bilingual {
  th: string;
  en: string;
}

const BANGKOK = 10;

/** "ตำบลศรีภูมิ อำเภอเมืองเชียงใหม่ จังหวัดเชียงใหม่" (Bangkok: แขวง / เขต), as far as the place is known. */
export function placeLabel(place: Place): Bilingual {
  const bangkok = place.provinceCode === BANGKOK;
  const th: string[] = [];
  const en: string[] = [];
  if (place.subdistrictCode !== null) {
    th.push(`${bangkok ? 'แขวง' : 'ตำบล'}${place.subdistrictTh}`);
    en.push(place.subdistrictEn);
  }
  if (place.districtCode !== null) {
    th.push(`${bangkok ? 'เขต' : 'อำเภอ'}${place.districtTh}`);
    en.push(place.districtEn);
  }
  th.push(bangkok ? place.provinceTh : `จังหวัด${place.provinceTh}`);
  en.push(place.provinceEn);
  return { th: th.join(' '), en: en.join(', ') };
}

/** The most local name of a place: its subdistrict, else its district, else its province. */
function localName(place: Place): Bilingual {
  if (place.subdistrictCode !== null) {
    return { th: place.subdistrictTh, en: place.subdistrictEn };
  }
  if (place.districtCode !== null) {
    return { th: place.districtTh, en: place.districtEn };
  }
  return { th: place.provinceTh, en: place.provinceEn };
}

/** A Thai person's name with an honorific, e.g. "นางสาวสุภาพร ศรีสุข". */
export function personName(random: Random): string {
  const female = random.chance(0.5);
  const first = random.pick(female ? FEMALE_FIRST_NAMES : MALE_FIRST_NAMES);
  const honorific = random.pick(female ? HONORIFICS_FEMALE : HONORIFICS_MALE);
  let tail = random.pick(SURNAME_TAILS);
  const head = random.pick(SURNAME_HEADS);
  if (tail === head) {
    tail = 'ดี';
  }
  return `${honorific}${first} ${head}${tail}`;
}

const capitalise = (text: string) => (text ? text[0]?.toUpperCase() + text.slice(1) : text);

/** An organisation's names in Thai and English, in the style of its type and place. */
export function organisationName(random: Random, type: OrganisationTypeCode, place: Place): Bilingual {
  const local = localName(place);
  const province = { th: place.provinceTh, en: place.provinceEn };
  switch (type) {
    case 'community_enterprise': {
      const product = random.pick(PRODUCTS);
      return {
        th: `วิสาหกิจชุมชน${product[0]}บ้าน${local.th}`,
        en: `Ban ${local.en} ${capitalise(product[1])} Community Enterprise`,
      };
    }
    case 'social_enterprise': {
      const brand = random.pick(BRANDS);
      return {
        th: `บริษัท ${brand[0]}${local.th} วิสาหกิจเพื่อสังคม จำกัด`,
        en: `${brand[1]} ${local.en} Social Enterprise Co., Ltd.`,
      };
    }
    case 'youth_group':
      return random.chance(0.5)
        ? { th: `กลุ่มเยาวชนรักษ์บ้าน${local.th}`, en: `Ban ${local.en} Youth Group` }
        : { th: `สภาเด็กและเยาวชนตำบล${local.th}`, en: `${local.en} Children and Youth Council` };
    case 'npo_foundation': {
      const cause = random.pick(FOUNDATION_CAUSES);
      return random.chance(0.5)
        ? { th: `มูลนิธิ${cause[0]}${province.th}`, en: `${province.en} Foundation for ${cause[1]}` }
        : { th: `สมาคม${cause[0]}${local.th}`, en: `${local.en} Association for ${cause[1]}` };
    }
    case 'university': {
      const unit = random.pick(UNIVERSITY_UNITS);
      return random.chance(0.6)
        ? {
            th: `${unit[0]} มหาวิทยาลัยราชภัฏ${province.th}`,
            en: `${unit[1]}, ${province.en} Rajabhat University`,
          }
        : {
            th: `${unit[0]} มหาวิทยาลัยเทคโนโลยีราชมงคล${province.th}`,
            en: `${unit[1]}, Rajamangala University of Technology ${province.en}`,
          };
    }
    case 'local_government':
      return random.chance(0.7)
        ? {
            th: `องค์การบริหารส่วนตำบล${local.th}`,
            en: `${local.en} Subdistrict Administrative Organisation`,
          }
        : { th: `เทศบาลตำบล${local.th}`, en: `${local.en} Subdistrict Municipality` };
    case 'private_company': {
      const brand = random.pick(BRANDS);
      return { th: `บริษัท ${brand[0]}${province.th} จำกัด`, en: `${brand[1]} ${province.en} Co., Ltd.` };
    }
    case 'civil_society_group': {
      const cause = random.pick(FOUNDATION_CAUSES);
      return { th: `เครือข่าย${cause[0]}${local.th}`, en: `${local.en} Network for ${cause[1]}` };
    }
    case 'government_agency': {
      const agency = random.pick(AGENCIES);
      return { th: `${agency[0]}${province.th}`, en: `${province.en} ${agency[1]}` };
    }
    case 'international_agency': {
      const agency = random.pick(INTERNATIONAL_AGENCIES);
      return { th: `${agency[0]} สำนักงาน${province.th}`, en: `${agency[1]}, ${province.en} office` };
    }
    default: {
      const exhaustive: never = type;
      return exhaustive;
    }
  }
}

/** What a project (or an innovation) is about: its theme's idea, a qualifier and where. */
export interface Topic {
  theme: ThemeCode;
  idea: Pair;
  problem: Pair;
  result: Pair;
  beneficiary: Pair;
  method: Pair;
  qualifier: Pair;
}

export function drawTopic(random: Random, theme: ThemeCode): Topic {
  const words = THEME_WORDS[theme];
  return {
    theme,
    idea: random.pick(words.ideas),
    problem: random.pick(words.problems),
    result: random.pick(words.results),
    beneficiary: random.pick(BENEFICIARIES),
    method: random.pick(METHODS),
    qualifier: random.pick(QUALIFIERS),
  };
}

/** A project title, e.g. "ธนาคารขยะรีไซเคิลโดยชุมชน ตำบลศรีภูมิ จังหวัดเชียงใหม่". */
export function projectTitle(topic: Topic, place: Place): Bilingual {
  const local = localName(place);
  const bangkok = place.provinceCode === BANGKOK;
  const where =
    place.subdistrictCode !== null
      ? `${bangkok ? 'แขวง' : 'ตำบล'}${local.th}`
      : place.districtCode !== null
        ? `${bangkok ? 'เขต' : 'อำเภอ'}${local.th}`
        : '';
  const th = `${topic.idea[0]}${topic.qualifier[0]} ${where ? `${where} ` : ''}${bangkok ? place.provinceTh : `จังหวัด${place.provinceTh}`}`;
  const qualifier = topic.qualifier[1] ? ` ${topic.qualifier[1]}` : '';
  const enPlace = local.en === place.provinceEn ? place.provinceEn : `${local.en}, ${place.provinceEn}`;
  return { th, en: `${capitalise(topic.idea[1])}${qualifier}, ${enPlace}` };
}

/** A short abstract (three or four sentences) of a proposal or an innovation. */
export function projectAbstract(random: Random, topic: Topic, place: Place): Bilingual {
  const label = placeLabel(place);
  const people = random.int(3, 60) * 10;
  const villages = random.int(2, 12);
  const th = [
    `${label.th} เผชิญปัญหา${topic.problem[0]} ส่งผลกระทบต่อ${topic.beneficiary[0]}กว่า ${people.toLocaleString('en-US')} คน`,
    `โครงการนี้พัฒนา${topic.idea[0]} โดยอาศัย${topic.method[0]}`,
    `คาดว่าจะช่วย${topic.result[0]} และขยายผลไปยังชุมชนใกล้เคียงอีก ${villages} หมู่บ้าน`,
  ];
  if (random.chance(0.5)) {
    th.push('ชุมชนร่วมกำหนดเป้าหมาย ติดตามผล และดูแลต่อเนื่องหลังจบโครงการ');
  }
  const en = [
    `${label.en} faces ${topic.problem[1]}, which affects more than ${people.toLocaleString('en-US')} ${topic.beneficiary[1]}.`,
    `The project develops a ${topic.idea[1]} through ${topic.method[1]}.`,
    `It is expected to ${topic.result[1]} and to spread to ${villages} nearby villages.`,
  ];
  return { th: th.join(' '), en: en.join(' ') };
}

/** Text fields of a catalogue entry. */
export type InnovationText = Omit<
  InnovationSearchFields,
  'themes' | 'originProvinceCode' | 'originVillageName'
>;

export function innovationText(
  random: Random,
  topic: Topic,
  place: Place,
  title?: Bilingual,
): InnovationText {
  const t = title ?? projectTitle(topic, place);
  const summary = projectAbstract(random, topic, place);
  return {
    titleTh: t.th,
    titleEn: t.en,
    summaryTh: summary.th,
    summaryEn: summary.en,
    problemTh: `${topic.problem[0]}ใน${placeLabel(place).th} ทำให้${topic.beneficiary[0]}เสียโอกาสและรายได้`,
    problemEn: `${capitalise(topic.problem[1])} in ${placeLabel(place).en} costs ${topic.beneficiary[1]} income and opportunity.`,
    solutionTh: `${topic.idea[0]}ที่ออกแบบร่วมกับชุมชน ผ่าน${topic.method[0]}`,
    solutionEn: `A ${topic.idea[1]} designed with the community, through ${topic.method[1]}.`,
    howItWorksTh: `ชุมชนตั้งคณะทำงาน อบรมแกนนำ ทดลองใช้${topic.idea[0]}กับครัวเรือนนำร่อง แล้วปรับปรุงและขยายผล`,
    howItWorksEn: `The community forms a working group, trains local leaders, pilots the ${topic.idea[1]} with a few households, then improves and scales it.`,
    targetUsersTh: topic.beneficiary[0],
    targetUsersEn: topic.beneficiary[1],
  };
}
