import { describe, expect, it } from 'vitest';
import { innovationSearchText } from '@server/modules/innovations/innovations.search';
import { toSearchText } from '@server/lib/thai-text';
import { hasValidThaiIdChecksum } from '@shared/validation/thai-ids';
import { ORGANISATION_TYPE_CODES } from '@shared/reference/organisation-types';
import { THEME_CODES } from '@shared/reference/themes';
import { innovationSearchTextCached } from './catalogue';
import { juristicId } from './organisations';
import { createRandom } from './random';
import { searchTextOf } from './search-text';
import {
  drawTopic,
  innovationText,
  organisationName,
  personName,
  placeLabel,
  projectAbstract,
  projectTitle,
  type Place,
} from './text';

const CHIANG_MAI: Place = {
  provinceCode: 50,
  provinceTh: 'เชียงใหม่',
  provinceEn: 'Chiang Mai',
  districtCode: 5001,
  districtTh: 'เมืองเชียงใหม่',
  districtEn: 'Mueang Chiang Mai',
  subdistrictCode: 500101,
  subdistrictTh: 'ศรีภูมิ',
  subdistrictEn: 'Si Phum',
};
const BANGKOK_ONLY: Place = {
  provinceCode: 10,
  provinceTh: 'กรุงเทพมหานคร',
  provinceEn: 'Bangkok',
  districtCode: null,
  districtTh: '',
  districtEn: '',
  subdistrictCode: null,
  subdistrictTh: '',
  subdistrictEn: '',
};

describe('composed Thai text', () => {
  it('names places, people and organisations in Thai and English', () => {
    expect(placeLabel(CHIANG_MAI)).toEqual({
      th: 'ตำบลศรีภูมิ อำเภอเมืองเชียงใหม่ จังหวัดเชียงใหม่',
      en: 'Si Phum, Mueang Chiang Mai, Chiang Mai',
    });
    expect(placeLabel(BANGKOK_ONLY).th).toBe('กรุงเทพมหานคร');
    const r = createRandom(1);
    for (let i = 0; i < 50; i += 1) {
      expect(personName(r)).toMatch(/^(นาย|นาง|นางสาว|ดร\.|ผศ\.)[\u0E00-\u0E7F]+ [\u0E00-\u0E7F]+$/u);
    }
    for (const type of ORGANISATION_TYPE_CODES) {
      const name = organisationName(r, type, CHIANG_MAI);
      expect(name.th).toMatch(/[\u0E00-\u0E7F]/u);
      expect(name.en).toMatch(/^[\x20-\x7E]+$/);
    }
    expect(organisationName(createRandom(2), 'local_government', CHIANG_MAI).th).toMatch(/ศรีภูมิ$/u);
  });

  it('builds titles and abstracts from a theme and a place, the same for the same seed', () => {
    for (const theme of THEME_CODES) {
      const topic = drawTopic(createRandom(theme), theme);
      const title = projectTitle(topic, CHIANG_MAI);
      expect(title.th).toContain('จังหวัดเชียงใหม่');
      expect(title.en).toContain('Chiang Mai');
      const abstract = projectAbstract(createRandom(theme), topic, CHIANG_MAI);
      expect(abstract.th.length).toBeGreaterThan(100);
      expect(abstract).toEqual(projectAbstract(createRandom(theme), topic, CHIANG_MAI));
    }
  });

  it('keeps the search text the application itself would store', () => {
    const r = createRandom(9);
    for (let i = 0; i < 200; i += 1) {
      const theme = r.pick(THEME_CODES);
      const place = i % 3 === 0 ? BANGKOK_ONLY : CHIANG_MAI;
      const topic = drawTopic(r, theme);
      const text = innovationText(r, topic, place);
      const org = organisationName(r, r.pick(ORGANISATION_TYPE_CODES), place);
      const receipt = `AB-2569-${String(i).padStart(4, '0')}`;
      expect(searchTextOf(text.titleTh, text.titleEn, org.th, org.en, receipt, text.summaryTh)).toBe(
        toSearchText(text.titleTh, text.titleEn, org.th, org.en, receipt, text.summaryTh),
      );
      const fields = {
        ...text,
        themes: [theme],
        originProvinceCode: place.provinceCode,
        originVillageName: 'บ้านศรีภูมิ',
      };
      expect(innovationSearchTextCached(fields)).toBe(innovationSearchText(fields));
    }
  });

  it('makes juristic-person numbers with a valid check digit', () => {
    for (let serial = 1; serial < 2000; serial += 37) {
      expect(hasValidThaiIdChecksum(juristicId(50, serial))).toBe(true);
    }
    expect(juristicId(10, 1)).not.toBe(juristicId(10, 2));
  });
});
