/**
 * The registration workflow as data: states, actions, and for each action the states it may start
 * from and the state it leads to. Use cases never decide transitions themselves: they ask
 * `transition(action, state)` and throw {@link illegal} (a conflict) when it is not allowed
 * (ASVS v5.0.0-2.3.1: steps in order, none skipped).
 *
 *   registered → self-assessed → submitted → (returned → self-assessed …) → reviewed → proposed
 *   → decided (recognised | not-recognised) → published;   not-recognised → appealed → reviewed
 *   withdrawn: from any state before the proposal.
 */
import type { RegistrationStatus } from '@hoctap/db';
import { AppError } from './errors.js';

/** The states a registration goes through. */
export const STATES = [
  'registered',
  'self-assessed',
  'submitted',
  'returned',
  'reviewed',
  'proposed',
  'recognised',
  'not-recognised',
  'published',
  'withdrawn',
  'appealed',
] as const satisfies readonly RegistrationStatus[];
export type State = (typeof STATES)[number];

/** What can be done to a registration. */
export type Action =
  | 'self-assess'
  | 'submit'
  | 'return'
  | 'review'
  | 'propose'
  | 'recognise'
  | 'not-recognise'
  | 'publish'
  | 'withdraw'
  | 'appeal';

/** Each action: the states it may start from, the state it leads to, and the step of the framework's calendar that times it. */
export const WORKFLOW: Readonly<Record<Action, { readonly from: readonly State[]; readonly to: State; readonly step?: 'self-assessment' | 'review' | 'recognition' }>> = {
  'self-assess': { from: ['registered', 'self-assessed', 'returned'], to: 'self-assessed', step: 'self-assessment' },
  submit: { from: ['self-assessed'], to: 'submitted' },
  return: { from: ['submitted', 'appealed'], to: 'returned' },
  review: { from: ['submitted', 'appealed'], to: 'reviewed', step: 'review' },
  propose: { from: ['reviewed'], to: 'proposed' },
  recognise: { from: ['proposed'], to: 'recognised' },
  'not-recognise': { from: ['proposed'], to: 'not-recognised' },
  publish: { from: ['recognised'], to: 'published' },
  withdraw: { from: ['registered', 'self-assessed', 'submitted', 'returned', 'reviewed'], to: 'withdrawn' },
  appeal: { from: ['not-recognised'], to: 'appealed' },
};

/** Every action, in the order of {@link WORKFLOW}. */
export const ACTIONS = Object.keys(WORKFLOW) as Action[];

/** The state an action leads to from `state`, or undefined when the action is not allowed there. */
export function transition(action: Action, state: string): State | undefined {
  const rule = WORKFLOW[action];
  return (rule.from as readonly string[]).includes(state) ? rule.to : undefined;
}

/** Vietnamese names of the states, for messages. */
export const STATE_NAMES_VI: Record<State, string> = {
  registered: 'đã đăng ký',
  'self-assessed': 'đã tự đánh giá',
  submitted: 'đã nộp hồ sơ',
  returned: 'bị trả lại để bổ sung minh chứng',
  reviewed: 'đã bình xét',
  proposed: 'đã đề nghị công nhận',
  recognised: 'đã được công nhận',
  'not-recognised': 'không được công nhận',
  published: 'đã công bố',
  withdrawn: 'đã rút đăng ký',
  appealed: 'đang khiếu nại',
};

/** Vietnamese names of the actions, for messages. */
export const ACTION_NAMES_VI: Record<Action, string> = {
  'self-assess': 'tự đánh giá',
  submit: 'nộp hồ sơ',
  return: 'trả lại hồ sơ',
  review: 'bình xét',
  propose: 'đề nghị công nhận',
  recognise: 'công nhận',
  'not-recognise': 'không công nhận',
  publish: 'công bố',
  withdraw: 'rút đăng ký',
  appeal: 'khiếu nại',
};

/** The conflict of an action that is not allowed in the registration's state (`ILLEGAL_TRANSITION`, 409). */
export function illegal(action: Action, state: string): AppError {
  return new AppError(
    'conflict',
    'ILLEGAL_TRANSITION',
    `Không thể ${ACTION_NAMES_VI[action]} khi hồ sơ ${STATE_NAMES_VI[state as State] ?? state}`,
    `Cannot ${action} a registration that is ${state}`,
    { state, action },
  );
}
