import nodemailer from 'nodemailer';
import type { MailTransport } from './notifications.service';

/** SMTP through nodemailer when SMTP_URL is set; otherwise messages are captured for the development mail viewer. */
export function createMailTransport(smtpUrl: string | undefined, from: string): MailTransport {
  if (!smtpUrl) {
    return { kind: 'capture', send: async () => undefined };
  }
  const transporter = nodemailer.createTransport(smtpUrl);
  return {
    kind: 'smtp',
    async send(message) {
      await transporter.sendMail({
        from,
        to: message.to,
        subject: message.subject,
        text: message.text,
        html: message.html,
      });
    },
    close: () => transporter.close(),
  };
}
