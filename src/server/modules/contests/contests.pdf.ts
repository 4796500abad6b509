import { translate } from '@server/lib/i18n';
import { PdfBuilder, formatIsoDate } from '@server/lib/pdf';
import { drawCertificateFrame, drawCertificateSeal } from '@server/lib/pdf-certificate';
import type { Language } from '@shared/i18n/index';
import type { PrintableCertificate } from './contests.service';

/**
 * A winner's certificate (เกียรติบัตร) on one A4 page, in Thai or English: the recipient, the place, category and
 * contest, the date, and the verification code with a QR code of the public page that checks it.
 */
export async function renderCertificatePdf(
  certificate: PrintableCertificate,
  lang: Language,
  verifyUrl: string,
): Promise<Buffer> {
  const t = (key: string, params?: Record<string, unknown>) =>
    translate(lang, `contests.certificate.${key}`, params);
  const th = lang === 'th';
  const pdf = new PdfBuilder({
    title: t('documentTitle', { name: certificate.recipientName }),
    author: translate(lang, 'app.agency'),
    lang,
  });
  drawCertificateFrame(pdf, '#0b3a5b');

  pdf.space(72);
  pdf.paragraph(translate(lang, 'app.agency'), { align: 'center', size: 13, color: '#0b3a5b', bold: true });
  pdf.paragraph(th ? certificate.programmeNameTh : certificate.programmeNameEn, {
    align: 'center',
    size: 11,
    color: '#5b6775',
  });
  pdf.space(36);
  pdf.paragraph(t('heading'), { align: 'center', size: 34, bold: true, color: '#0b3a5b' });
  pdf.space(18);
  pdf.paragraph(t('presentedTo'), { align: 'center', size: 13 });
  pdf.space(10);
  pdf.paragraph(certificate.recipientName, { align: 'center', size: 24, bold: true });
  pdf.space(16);
  pdf.paragraph(
    t('award', {
      place: certificate.place,
      category: th ? certificate.categoryNameTh : certificate.categoryNameEn,
    }),
    { align: 'center', size: 15, bold: true, color: '#7a5c00' },
  );
  pdf.space(6);
  pdf.paragraph(t('contest', { contest: th ? certificate.contestTitleTh : certificate.contestTitleEn }), {
    align: 'center',
    size: 13,
  });
  pdf.paragraph(t('year', { year: certificate.fiscalYear }), {
    align: 'center',
    size: 12,
    color: '#5b6775',
  });
  pdf.space(6);
  pdf.paragraph(t('work', { title: th ? certificate.entryTitleTh : certificate.entryTitleEn }), {
    align: 'center',
    size: 12,
    color: '#1a2433',
  });
  pdf.space(18);
  const bangkokDate = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Bangkok' }).format(
    certificate.issuedAt,
  );
  pdf.paragraph(t('issued', { date: formatIsoDate(bangkokDate, lang) }), {
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
