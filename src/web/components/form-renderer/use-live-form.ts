import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { AnswerIssue, Answers, FormDefinition } from '@shared/contracts/forms';
import { validateAnswers } from '@shared/forms/validate';
import { questionOfField } from './issues';

export interface LiveValidation {
  /** Issues to show now: shape problems always; the rest for questions left once, or all after `revealAll`. */
  issues: AnswerIssue[];
  /** Every issue the submit check finds (for the list before submitting). */
  allIssues: AnswerIssue[];
  touch: (questionId: string) => void;
  revealAll: () => void;
}

/**
 * Live messages from the one validator: what `validateAnswers(…, 'submit')` finds, shown under a question once the
 * person has left it (so an empty form is not all red), and everywhere once they try to submit.
 */
export function useLiveValidation(form: FormDefinition, answers: Answers): LiveValidation {
  const [touched, setTouched] = useState<ReadonlySet<string>>(() => new Set());
  const [all, setAll] = useState(false);
  const allIssues = useMemo(() => validateAnswers(form, answers, 'submit'), [form, answers]);
  const shapeIssues = useMemo(() => validateAnswers(form, answers, 'draft'), [form, answers]);
  const issues = useMemo(() => {
    if (all) {
      return allIssues;
    }
    const shown = allIssues.filter((issue) => touched.has(questionOfField(issue.field) ?? ''));
    for (const issue of shapeIssues) {
      if (!shown.some((s) => s.field === issue.field && s.key === issue.key)) {
        shown.push(issue);
      }
    }
    return shown;
  }, [all, allIssues, shapeIssues, touched]);
  const addTouched = useCallback((ids: readonly string[]) => {
    setTouched((current) => (ids.every((id) => current.has(id)) ? current : new Set([...current, ...ids])));
  }, []);

  // A message that appears when a field is left moves what is below it. When the field is left by pressing on
  // another control, wait until the press is over, so that the press still lands on the control it began on.
  const pointerDown = useRef(false);
  const waiting = useRef<Set<string>>(new Set());
  useEffect(() => {
    const down = () => {
      pointerDown.current = true;
    };
    const up = () => {
      pointerDown.current = false;
      if (waiting.current.size > 0) {
        const ids = [...waiting.current];
        waiting.current.clear();
        setTimeout(() => addTouched(ids), 0);
      }
    };
    document.addEventListener('pointerdown', down, true);
    document.addEventListener('pointerup', up, true);
    document.addEventListener('pointercancel', up, true);
    return () => {
      document.removeEventListener('pointerdown', down, true);
      document.removeEventListener('pointerup', up, true);
      document.removeEventListener('pointercancel', up, true);
    };
  }, [addTouched]);

  const touch = useCallback(
    (questionId: string) => {
      if (pointerDown.current) {
        waiting.current.add(questionId);
      } else {
        addTouched([questionId]);
      }
    },
    [addTouched],
  );
  const revealAll = useCallback(() => setAll(true), []);
  return { issues, allIssues, touch, revealAll };
}

/**
 * Answers held in the page alone, with live messages: what the form builder's preview needs to try a form out.
 */
export function usePreviewAnswers(form: FormDefinition) {
  const [answers, setAnswers] = useState<Answers>({});
  const live = useLiveValidation(form, answers);
  const onAnswer = useCallback((questionId: string, change: (previous: unknown) => unknown) => {
    setAnswers((current) => ({ ...current, [questionId]: change(current[questionId]) }));
  }, []);
  const reset = useCallback(() => setAnswers({}), []);
  return { answers, onAnswer, issues: live.issues, onTouch: live.touch, reset };
}
