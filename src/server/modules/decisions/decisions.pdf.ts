import { translate } from '@server/lib/i18n';
import { PdfBuilder, formatBaht, formatDateTime } from '@server/lib/pdf';
import type { Language } from '@shared/i18n/index';
import { letterBody, type LetterFacts } from './decisions.service';

const titleIn = (lang: Language, th: string, en: string | null) => (lang === 'en' && en ? en : th);

/** The date line of a letter: the day only, Buddhist Era in Thai, Asia/Bangkok. */
function letterDate(at: Date, lang: Language): string {
  return new Intl.DateTimeFormat(lang === 'th' ? 'th-TH-u-ca-buddhist-nu-latn' : 'en-GB', {
    timeZone: 'Asia/Bangkok',
    day: 'numeric',
    month: 'long',
    year: 'numeric',
  }).format(at);
}

/**
 * The decision letter of a proposal as a PDF, in Thai or English from the catalogue's templates: the agency's
 * heading, the date of release (or of the decision, for an officer's preview before release, marked as a draft),
 * the subject, the addressee organisation, the outcome paragraph, the amount of an award, the reason, and the
 * closing. Thai is set in Sarabun by `PdfBuilder`.
 */
export async function renderDecisionLetter(
  facts: LetterFacts & { decidedAt: Date; releasedAt: Date | null },
  lang: Language,
  now: Date,
): Promise<Buffer> {
  const t = (key: string, params?: Record<string, unknown>) =>
    translate(lang, `decisions.letter.${key}`, params);
  const printedAt = formatDateTime(now, lang);
  const pdf = new PdfBuilder({
    title: t('documentTitle', { receipt: facts.receiptNumber ?? '' }),
    author: t('agency'),
    lang,
    footer: (page, pages) => t('footer', { receipt: facts.receiptNumber ?? '', page, pages, printedAt }),
  });
  pdf.paragraph(t('agency'), { bold: true, size: 14, align: 'center' });
  pdf.paragraph(t('agencyAddress'), { size: 10, color: '#5b6775', align: 'center' });
  pdf.rule();
  if (!facts.releasedAt) {
    pdf.paragraph(t('draftNotice'), { bold: true, color: '#a33a00' });
  }
  pdf.paragraph(t('dateLine', { date: letterDate(facts.releasedAt ?? facts.decidedAt, lang) }), {
    align: 'right',
  });
  pdf.space(6);
  pdf.field(
    t('subject'),
    t('subjectValue', { outcome: translate(lang, `decisions.outcome.${facts.outcome}`) }),
  );
  pdf.field(t('to'), titleIn(lang, facts.organisationNameTh, facts.organisationNameEn));
  pdf.field(
    t('reference'),
    `${facts.receiptNumber ?? '—'} · ${facts.call.code} · ${titleIn(lang, facts.call.titleTh, facts.call.titleEn)}`,
  );
  pdf.field(t('proposalTitle'), titleIn(lang, facts.titleTh, facts.titleEn));
  pdf.space(6);
  pdf.paragraph(letterBody(facts, lang));
  pdf.space(4);
  if (facts.outcome === 'award' && facts.amountSatang !== null) {
    pdf.field(t('amount'), formatBaht(facts.amountSatang, lang));
  }
  if (facts.reason) {
    pdf.field(t('reason'), facts.reason);
  }
  pdf.space(6);
  pdf.paragraph(t(`next.${facts.outcome}`));
  pdf.space(18);
  pdf.paragraph(t('closing'));
  pdf.space(24);
  pdf.paragraph(t('signature'), { bold: true });
  pdf.paragraph(t('signatureRole'), { size: 10, color: '#5b6775' });
  return pdf.toBuffer();
}
