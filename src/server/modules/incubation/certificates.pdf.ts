import { translate } from '@server/lib/i18n';
import { PdfBuilder, formatIsoDate } from '@server/lib/pdf';
import { drawCertificateFrame, drawCertificateSeal } from '@server/lib/pdf-certificate';
import type { Language } from '@shared/i18n/index';
import type { PrintableActivityCertificate } from './certificates.service';

const bangkokDay = (value: Date) =>
  new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Bangkok' }).format(value);

/**
 * A completion certificate (เกียรติบัตร) of an incubation activity on one A4 page, in Thai or English: the person,
 * the activity, its unit, dates and hours, and the verification code with a QR code of the public page that checks
 * it (the layout of the contests' certificates).
 */
export async function renderActivityCertificatePdf(
  certificate: PrintableActivityCertificate,
  lang: Language,
  verifyUrl: string,
): Promise<Buffer> {
  const t = (key: string, params?: Record<string, unknown>) =>
    translate(lang, `activities.certificate.${key}`, params);
  const th = lang === 'th';
  const pdf = new PdfBuilder({
    title: t('documentTitle', { name: certificate.recipientName }),
    author: translate(lang, 'app.agency'),
    lang,
  });
  drawCertificateFrame(pdf, '#0b5b45');

  pdf.space(72);
  pdf.paragraph(translate(lang, 'app.agency'), { align: 'center', size: 13, color: '#0b5b45', bold: true });
  pdf.paragraph(th ? certificate.unitNameTh : certificate.unitNameEn, {
    align: 'center',
    size: 11,
    color: '#5b6775',
  });
  pdf.space(36);
  pdf.paragraph(t('heading'), { align: 'center', size: 32, bold: true, color: '#0b5b45' });
  pdf.space(18);
  pdf.paragraph(t('presentedTo'), { align: 'center', size: 13 });
  pdf.space(10);
  pdf.paragraph(certificate.recipientName, { align: 'center', size: 24, bold: true });
  if (certificate.organisationNameTh) {
    pdf.paragraph(certificate.organisationNameTh, { align: 'center', size: 12, color: '#5b6775' });
  }
  pdf.space(16);
  pdf.paragraph(t('completed', { kind: translate(lang, `activities.kinds.${certificate.kind}`) }), {
    align: 'center',
    size: 13,
  });
  pdf.space(4);
  pdf.paragraph(
    th ? certificate.activityTitleTh : certificate.activityTitleEn || certificate.activityTitleTh,
    { align: 'center', size: 17, bold: true, color: '#7a5c00' },
  );
  pdf.space(8);
  const startDay = bangkokDay(certificate.startsAt);
  const endDay = bangkokDay(certificate.endsAt);
  pdf.paragraph(
    startDay === endDay
      ? t('heldOn', { date: formatIsoDate(startDay, lang) })
      : t('heldFromTo', { from: formatIsoDate(startDay, lang), to: formatIsoDate(endDay, lang) }),
    { align: 'center', size: 12 },
  );
  if (certificate.hours > 0) {
    pdf.paragraph(t('hours', { hours: certificate.hours }), { align: 'center', size: 12 });
  }
  pdf.space(16);
  pdf.paragraph(t('issued', { date: formatIsoDate(bangkokDay(certificate.issuedAt), lang) }), {
    align: 'center',
    size: 11,
    color: '#5b6775',
  });

  await drawCertificateSeal(pdf, {
    verifyUrl,
    codeLine: t('code', { code: certificate.code }),
    verifyLine: t('verifyAt', { url: verifyUrl }),
  });
  return pdf.toBuffer();
}
