import type { Language } from '@shared/i18n/index';
import { translate } from '@server/lib/i18n';

export type EmailTemplate =
  | 'verify_email'
  | 'reset_password'
  | 'password_changed'
  | 'organisation_invitation'
  | 'proposal_submitted'
  | 'proposal_returned'
  | 'proposal_withdrawn'
  | 'proposal_eligibility'
  | 'proposal_invited_full'
  | 'review_invitation'
  | 'review_assigned'
  | 'decision_letter'
  | 'contest_winner'
  | 'project_agreement_issued'
  | 'project_agreement_accepted'
  | 'project_payment_recorded'
  | 'project_closed'
  | 'cohort_member_added'
  | 'project_report_submitted'
  | 'project_report_returned'
  | 'project_report_approved'
  | 'project_report_reminder_before'
  | 'project_report_reminder_after'
  | 'activity_registered'
  | 'activity_waitlisted'
  | 'activity_promoted'
  | 'activity_reminder'
  | 'activity_cancelled'
  | 'activity_certificate_issued'
  | 'mentoring_assigned'
  | 'interest_expressed';

export interface RenderedEmail {
  subject: string;
  text: string;
  html: string;
}

function escapeHtml(value: string): string {
  return value.replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c,
  );
}

/**
 * Renders an email from the catalogue (`email.<template>.subject|intro|action|outro`) in one language. `link`, when
 * given, is the one action of the message.
 */
export function renderEmail(
  template: EmailTemplate,
  lang: Language,
  params: Record<string, string>,
  link?: string,
): RenderedEmail {
  const t = (part: string) => translate(lang, `email.${template}.${part}`, params);
  const subject = t('subject');
  const intro = t('intro');
  const outro = t('outro');
  const greeting = translate(lang, 'email.greeting', params);
  const signature = translate(lang, 'email.signature');
  const lines = [
    greeting,
    '',
    intro,
    ...(link ? ['', `${t('action')}: ${link}`] : []),
    '',
    outro,
    '',
    signature,
  ];
  const html = [
    `<!doctype html><html lang="${lang}"><body style="font-family:Sarabun,Tahoma,sans-serif;line-height:1.7;color:#1a2433">`,
    `<p>${escapeHtml(greeting)}</p>`,
    `<p>${escapeHtml(intro)}</p>`,
    link
      ? `<p><a href="${escapeHtml(link)}" style="display:inline-block;padding:10px 18px;background:#0b3a5b;color:#fff;border-radius:6px;text-decoration:none">${escapeHtml(t('action'))}</a></p><p style="font-size:13px;color:#555">${escapeHtml(link)}</p>`
      : '',
    `<p>${escapeHtml(outro)}</p>`,
    `<p>${escapeHtml(signature)}</p>`,
    '</body></html>',
  ].join('');
  return { subject, text: lines.join('\n'), html };
}
