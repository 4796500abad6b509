import { sql, type SQL } from 'drizzle-orm';
import { innovations } from '@server/db/schema/index';
import { toSearchText } from '@server/lib/thai-text';
import { textSearchArms, textSearchRank, textSearchWhere, type TextSearch } from '@server/lib/text-search';
import { PROVINCES } from '@shared/reference/provinces';
import { THEMES } from '@shared/reference/themes';

/** The text fields of an innovation that search reads. */
export interface InnovationSearchFields {
  titleTh: string;
  titleEn: string;
  summaryTh: string;
  summaryEn: string;
  problemTh: string;
  problemEn: string;
  solutionTh: string;
  solutionEn: string;
  howItWorksTh: string;
  howItWorksEn: string;
  targetUsersTh: string;
  targetUsersEn: string;
  themes: readonly string[];
  /** The area of origin: its province's Thai and English names and the village are searchable too. */
  originProvinceCode?: number | null;
  originVillageName?: string;
}

/** The words an innovation is found by, in both languages: its texts, its themes' and province's names, its village. */
export function innovationSearchParts(fields: InnovationSearchFields): Array<string | null | undefined> {
  const themeNames = THEMES.filter((t) => fields.themes.includes(t.code)).flatMap((t) => [
    t.nameTh,
    t.nameEn,
  ]);
  const province = PROVINCES.find((p) => p.code === fields.originProvinceCode);
  return [
    fields.titleTh,
    fields.titleEn,
    fields.summaryTh,
    fields.summaryEn,
    fields.problemTh,
    fields.problemEn,
    fields.solutionTh,
    fields.solutionEn,
    fields.howItWorksTh,
    fields.howItWorksEn,
    fields.targetUsersTh,
    fields.targetUsersEn,
    ...themeNames,
    province?.nameTh,
    province?.nameEn,
    fields.originVillageName,
  ];
}

/** The `search_text` of an innovation: its words (Thai segmented) in both languages, its themes' names included. */
export function innovationSearchText(fields: InnovationSearchFields): string {
  return toSearchText(...innovationSearchParts(fields));
}

const columns = { vector: innovations.searchVector, trigramText: innovations.searchTitle };

/** The condition (whole, and its two indexed arms) and the rank of a catalogue search. */
export function innovationSearchSql(search: TextSearch): {
  where: SQL;
  arms: { words: SQL; trigram: SQL };
  rank: SQL<number>;
} {
  return {
    where: textSearchWhere(search, columns),
    arms: textSearchArms(search, columns),
    rank:
      search.mode === 'strict'
        ? sql<number>`word_similarity(${search.raw}, ${innovations.searchTitle})`
        : textSearchRank(search, columns),
  };
}
