import { translate } from '@server/lib/i18n';
import { PdfBuilder, formatBaht, formatDateTime, formatIsoDate } from '@server/lib/pdf';
import type { AgreementTerms } from '@shared/contracts/projects';
import type { Language } from '@shared/i18n/index';
import { bahtText, titleIn } from './projects.service';

export interface AgreementDocument {
  terms: AgreementTerms;
  sha256: string;
  acceptedAt: Date | null;
  acceptedName: string | null;
}

/**
 * The grant agreement as a PDF in Thai or English, rendered only from the terms frozen when it was issued (so every
 * copy says what the owner signed): parties, award and period, budget by line, milestones, reporting schedule,
 * instalments with what releases each, the reallocation limit, the signature when there is one, and the SHA-256 of
 * the terms. Thai is set in Sarabun by `PdfBuilder`.
 */
export async function renderAgreement(doc: AgreementDocument, lang: Language, now: Date): Promise<Buffer> {
  const { terms } = doc;
  const t = (key: string, params?: Record<string, unknown>) =>
    translate(lang, `projects.agreement.${key}`, params);
  const printedAt = formatDateTime(now, lang);
  const pdf = new PdfBuilder({
    title: t('documentTitle', { number: terms.agreementNumber }),
    author: t('agency'),
    lang,
    footer: (page, pages) => t('footer', { number: terms.agreementNumber, page, pages, printedAt }),
  });
  pdf.paragraph(t('agency'), { bold: true, size: 14, align: 'center' });
  pdf.paragraph(t('heading'), { bold: true, size: 13, align: 'center' });
  pdf.rule();
  pdf.field(t('number'), terms.agreementNumber);
  pdf.field(t('issuedAt'), formatDateTime(new Date(terms.issuedAt), lang));
  pdf.field(t('grantee'), titleIn(lang, terms.organisationNameTh, terms.organisationNameEn));
  pdf.field(t('project'), titleIn(lang, terms.projectTitleTh, terms.projectTitleEn));
  pdf.field(t('call'), `${terms.callCode} · ${terms.callTitleTh}`);
  pdf.field(t('fiscalYear'), String(terms.fiscalYear));
  pdf.field(t('award'), formatBaht(terms.awardSatang, lang));
  pdf.field(
    t('period'),
    t('periodValue', { start: formatIsoDate(terms.startsOn, lang), end: formatIsoDate(terms.endsOn, lang) }),
  );
  pdf.space(6);
  pdf.paragraph(t('intro'));

  pdf.heading(t('budget'), 3);
  pdf.table(
    [
      { header: t('category'), width: 2 },
      { header: t('description'), width: 4 },
      { header: t('amount'), width: 2, align: 'right' },
    ],
    [
      ...terms.budgetLines.map((l) => [
        translate(lang, `proposalPdf.budget.categories.${l.category}`),
        l.description,
        bahtText(l.amountSatang),
      ]),
      [t('total'), '', bahtText(terms.awardSatang)],
    ],
  );

  pdf.heading(t('milestones'), 3);
  pdf.table(
    [
      { header: '#', width: 0.5 },
      { header: t('milestone'), width: 3.5 },
      { header: t('deliverable'), width: 3 },
      { header: t('dueOn'), width: 1.6 },
    ],
    terms.milestones.map((m, i) => [String(i + 1), m.titleTh, m.deliverable, formatIsoDate(m.dueOn, lang)]),
  );

  pdf.heading(t('reports'), 3);
  pdf.table(
    [
      { header: '#', width: 0.5 },
      { header: t('report'), width: 3 },
      { header: t('periodEnd'), width: 2 },
      { header: t('dueOn'), width: 2 },
    ],
    terms.reports.map((r) => [
      String(r.sequence),
      translate(lang, `projects.reportKind.${r.kind}`),
      formatIsoDate(r.periodEnd, lang),
      formatIsoDate(r.dueOn, lang),
    ]),
  );

  pdf.heading(t('instalments'), 3);
  pdf.table(
    [
      { header: t('instalment'), width: 1 },
      { header: t('amount'), width: 2, align: 'right' },
      { header: t('release'), width: 4 },
    ],
    terms.instalments.map((i) => [
      String(i.sequence),
      bahtText(i.amountSatang),
      i.releaseAfterReport === null
        ? t('releaseOnAcceptance')
        : t('releaseAfterReport', { sequence: i.releaseAfterReport }),
    ]),
  );

  pdf.space(6);
  pdf.paragraph(t('reallocation', { percent: terms.reallocationLimitPercent }));
  pdf.paragraph(t('reporting'));

  pdf.heading(t('acceptance'), 3);
  pdf.paragraph(
    doc.acceptedAt && doc.acceptedName
      ? t('acceptedBy', { name: doc.acceptedName, at: formatDateTime(doc.acceptedAt, lang) })
      : t('notAccepted'),
    { bold: true },
  );
  pdf.space(6);
  pdf.paragraph(t('fingerprint', { sha: doc.sha256 }), { size: 9, color: '#5b6775' });
  return pdf.toBuffer();
}
