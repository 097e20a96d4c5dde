/**
 * One citizen's session at the counter: start → one screen per question → optional procedure →
 * thank-you (back to start after 5 s). On the full form the citizen can go back one screen (the
 * answer given there is kept until changed) and skip a question that is not required. Taps within 1 s of the previous accepted tap are ignored
 * (a double tap must not answer two questions). After `idleMs` without a tap an unfinished session
 * is reset; if the overall question was already answered it is kept as a partial response.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import type { KioskPaired } from '@hailong/contracts';
import type { KioskItem } from '../api/kiosk-api';
import type { AnswerValue } from '../components/question-screen';
import { newClientId } from '@/lib/client-id';
import { shownQuestionIds } from '@hailong/forms/conditions';

export const TAP_GUARD_MS = 1_000;
export const THANKS_MS = 5_000;
const OVERALL = 'OV';

export type Screen = { kind: 'start' } | { kind: 'question'; index: number } | { kind: 'procedure' } | { kind: 'thanks' };

export function useKioskSession(device: KioskPaired, submit: (item: KioskItem) => Promise<void>, idleMs: number) {
  const questions = device.form.sections.flatMap((s) => s.questions);
  const [screen, setScreen] = useState<Screen>({ kind: 'start' });
  const answers = useRef<Record<string, AnswerValue>>({});
  const startedAt = useRef<string>(new Date().toISOString());
  const lastTap = useRef(0);

  const guard = useCallback((fn: () => void) => {
    const now = Date.now();
    if (now - lastTap.current < TAP_GUARD_MS) return;
    lastTap.current = now;
    fn();
  }, []);

  const finish = useCallback(
    (extra: { partial?: boolean; procedureName?: string }) => {
      // Only the answers to questions that apply (an answer changed on the way may hide later ones).
      const shown = shownQuestionIds(device.form, answers.current);
      const item: KioskItem = {
        clientId: newClientId(),
        formCode: device.form.code,
        answers: Object.fromEntries(Object.entries(answers.current).filter(([id]) => shown.has(id))),
        startedAt: startedAt.current,
        completedAt: new Date().toISOString(),
        ...(extra.partial ? { partial: true } : {}),
        ...(extra.procedureName ? { procedureName: extra.procedureName } : {}),
      };
      answers.current = {};
      void submit(item);
    },
    [device.form, submit],
  );

  const afterQuestions = useCallback(() => {
    if (device.procedures.length > 0) setScreen({ kind: 'procedure' });
    else {
      finish({});
      setScreen({ kind: 'thanks' });
    }
  }, [device.procedures.length, finish]);

  const start = () =>
    guard(() => {
      answers.current = {};
      startedAt.current = new Date().toISOString();
      setScreen({ kind: 'question', index: 0 });
    });

  /** The next question after `index` that applies given the answers so far (-1 when none). */
  const nextShown = (index: number): number => {
    const shown = shownQuestionIds(device.form, answers.current);
    return questions.findIndex((q, i) => i > index && shown.has(q.id));
  };

  const answer = (index: number, value: AnswerValue | undefined) =>
    guard(() => {
      const q = questions[index];
      if (q && value !== undefined) answers.current[q.id] = value;
      else if (q) delete answers.current[q.id]; // skipped (again): no answer
      const next = nextShown(index);
      if (next >= 0) setScreen({ kind: 'question', index: next });
      else afterQuestions();
    });

  /** The question before `index` that applies given the answers so far (the first one when none). */
  const previousShown = (index: number): number => {
    const shown = shownQuestionIds(device.form, answers.current);
    for (let i = index - 1; i >= 0; i--) if (shown.has(questions[i]?.id ?? '')) return i;
    return 0;
  };

  const back = (index: number) => guard(() => setScreen({ kind: 'question', index: previousShown(index) }));

  /** The answer already given to a question (shown chosen when the citizen comes back to it). */
  const given = (index: number): AnswerValue | undefined => {
    const q = questions[index];
    return q ? answers.current[q.id] : undefined;
  };

  const chooseProcedure = (name: string | undefined) =>
    guard(() => {
      finish(name ? { procedureName: name } : {});
      setScreen({ kind: 'thanks' });
    });

  // Thank-you → start after 5 s.
  useEffect(() => {
    if (screen.kind !== 'thanks') return;
    const t = setTimeout(() => setScreen({ kind: 'start' }), THANKS_MS);
    return () => clearTimeout(t);
  }, [screen]);

  // Idle reset of an unfinished session (re-armed on every screen change).
  useEffect(() => {
    if (screen.kind === 'start' || screen.kind === 'thanks') return;
    const t = setTimeout(() => {
      if (answers.current[OVERALL] !== undefined) finish({ partial: true });
      answers.current = {};
      setScreen({ kind: 'start' });
    }, idleMs);
    return () => clearTimeout(t);
  }, [screen, idleMs, finish]);

  return { screen, questions, start, answer, back, given, chooseProcedure };
}
