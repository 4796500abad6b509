export { FormRenderer, type FormRendererProps } from './form-renderer';
export type { AnswerUpdate, FileHandlers, GrantRange } from './context';
export { useLiveValidation, usePreviewAnswers, type LiveValidation } from './use-live-form';
export { focusField, issueCountBySection, issueText, sectionOfField, domIdOf } from './issues';
export { MoneyInput } from './inputs';
export { formatBahtInput, parseBahtInput } from './money';
export { answerSummary } from './answer-summary';
