import QRCode from 'qrcode';
import type { PdfBuilder } from './pdf';

const QR_SIZE = 96;

/** The frame of a certificate (เกียรติบัตร) page: a heavy border in the certificate's colour inside a thin gold one. */
export function drawCertificateFrame(pdf: PdfBuilder, colour: string): void {
  const doc = pdf.doc;
  const { width, height } = doc.page;
  doc
    .rect(24, 24, width - 48, height - 48)
    .lineWidth(3)
    .strokeColor(colour)
    .stroke();
  doc
    .rect(32, 32, width - 64, height - 64)
    .lineWidth(0.8)
    .strokeColor('#c9a227')
    .stroke();
}

/**
 * The foot of a certificate: a QR code of the public page that checks it, centred near the bottom of the page
 * whatever the text above took, then the verification code and the address in words.
 */
export async function drawCertificateSeal(
  pdf: PdfBuilder,
  seal: { verifyUrl: string; codeLine: string; verifyLine: string },
): Promise<void> {
  const { width, height } = pdf.doc.page;
  const qr = await QRCode.toBuffer(seal.verifyUrl, {
    type: 'png',
    margin: 1,
    width: 240,
    errorCorrectionLevel: 'M',
  });
  const qrY = height - 72 - QR_SIZE - 54;
  pdf.doc.image(qr, (width - QR_SIZE) / 2, qrY, { width: QR_SIZE, height: QR_SIZE });
  pdf.space(Math.max(0, qrY + QR_SIZE + 10 - pdf.cursor));
  pdf.paragraph(seal.codeLine, { align: 'center', size: 12, bold: true });
  pdf.paragraph(seal.verifyLine, { align: 'center', size: 9, color: '#5b6775' });
}
