import type { AssignmentReason } from '@shared/contracts/reviewers';
import { THEMES } from '@shared/reference/themes';
import type { Language } from '@shared/i18n/index';
import { localName } from '@web/lib/format';
import type { MessageKey, MessageValues } from '@web/lib/i18n';

type Translate = (key: MessageKey, values?: MessageValues) => string;

/** Theme codes as names in the reader's language. */
export function themeNames(codes: readonly string[], lang: Language): string {
  return codes
    .map((code) => THEMES.find((theme) => theme.code === code))
    .filter((theme) => theme !== undefined)
    .map((theme) => localName(theme, lang))
    .join(', ');
}

/** Why an assignment was made, in words: who chose, theme matches, load at the time and the note. */
export function reasonLines(reason: AssignmentReason, lang: Language, t: Translate): string[] {
  const lines = [t(`reviewers.admin.reason.${reason.rule}`)];
  lines.push(
    reason.themeMatches.length > 0
      ? t('reviewers.admin.reason.themes', { themes: themeNames(reason.themeMatches, lang) })
      : t('reviewers.admin.reason.noThemes'),
  );
  if (reason.maxLoad !== null) {
    lines.push(t('reviewers.admin.reason.load', { load: reason.load, max: reason.maxLoad }));
  }
  if (reason.note) {
    lines.push(t('reviewers.admin.reason.note', { note: reason.note }));
  }
  return lines;
}
