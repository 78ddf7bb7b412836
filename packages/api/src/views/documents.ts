/** The names of the documents the API and its jobs hand out. */
import type { Decision } from '@hoctap/db';
import { fileName } from './files.js';

/** The file name of a decision's certificates PDF (the route's download and the job's file). */
export function certificatesFileName(decision: Pick<Decision, 'number'>): string {
  return `giay-cong-nhan-${fileName(decision.number)}.pdf`;
}
