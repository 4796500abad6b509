import { fieldIssue } from '@server/lib/errors';
import type { CallStageMode, FormStage } from '@shared/contracts/calls';

/** The stages of a call's stage mode, in order. */
export function stagesOf(stageMode: CallStageMode): FormStage[] {
  switch (stageMode) {
    case 'single':
      return ['proposal'];
    case 'two_stage':
      return ['concept', 'full'];
    default: {
      const exhaustive: never = stageMode;
      return exhaustive;
    }
  }
}

export interface CallShape {
  opensAt: Date;
  closesAt: Date;
  fullClosesAt: Date | null;
  stageMode: CallStageMode;
  totalBudgetSatang: number;
  minGrantSatang: number;
  maxGrantSatang: number;
}

/**
 * The rules a call's dates and money obey together (zod checks each field alone): it closes after it opens; only a
 * two-stage call has a full-proposal deadline, after the concept deadline; min grant ≤ max grant ≤ total budget.
 */
export function callRuleIssues(call: CallShape): ReturnType<typeof fieldIssue>[] {
  const issues: ReturnType<typeof fieldIssue>[] = [];
  if (call.closesAt.getTime() <= call.opensAt.getTime()) {
    issues.push(fieldIssue('body.closesAt', 'invalid', 'errors.CALL_CLOSES_BEFORE_OPENS'));
  }
  if (call.fullClosesAt !== null && call.stageMode !== 'two_stage') {
    issues.push(fieldIssue('body.fullClosesAt', 'invalid', 'errors.CALL_FULL_CLOSES_SINGLE'));
  } else if (call.fullClosesAt !== null && call.fullClosesAt.getTime() <= call.closesAt.getTime()) {
    issues.push(fieldIssue('body.fullClosesAt', 'invalid', 'errors.CALL_FULL_CLOSES_BEFORE_CLOSES'));
  }
  if (call.minGrantSatang > call.maxGrantSatang) {
    issues.push(fieldIssue('body.minGrantSatang', 'invalid', 'errors.CALL_GRANT_RANGE'));
  }
  if (call.maxGrantSatang > call.totalBudgetSatang) {
    issues.push(fieldIssue('body.maxGrantSatang', 'invalid', 'errors.CALL_GRANT_ABOVE_BUDGET'));
  }
  return issues;
}
