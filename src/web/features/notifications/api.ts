/** A message the platform sent, as the development mail viewer shows it. */
export interface CapturedMail {
  id: string;
  toAddress: string;
  subject: string;
  textBody: string;
  htmlBody: string;
  template: string;
  status: string;
  createdAt: string;
}

export const DEV_MAIL_PATH = '/api/dev/mail';
