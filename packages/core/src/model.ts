/** The checked model of a framework: what the engine evaluates. Plain, serialisable data. */
import type * as A from '@hoctap/criteria-dsl';

/** An ISO date `yyyy-mm-dd`. */
export type IsoDate = string;

/** A legal text a framework rests on. */
export interface Basis {
  readonly id: string;
  readonly text: string;
  readonly from?: IsoDate;
}

/** The source a rule cites: the basis, the clause, and the date the basis takes effect. */
export interface Citation {
  readonly basis: string;
  readonly text: string;
  readonly clause?: string;
  readonly from?: IsoDate;
}

/** What a rule carries besides its meaning. */
export interface RuleMeta {
  readonly source?: Citation;
  readonly assumption?: string;
}

export interface TargetGroup {
  readonly id: string;
  readonly name: string;
}

export interface Attribute {
  readonly id: string;
  readonly name: string;
  readonly values: readonly string[];
}

export interface Fact {
  readonly id: string;
  readonly name: string;
}

/** How an indicator turns its input into points. */
export type Measure =
  | { readonly kind: 'points' }
  | { readonly kind: 'yes-no' }
  | { readonly kind: 'measured'; readonly unit?: string }
  | { readonly kind: 'member-ratio'; readonly predicate: A.MemberPredicate };

export interface Band {
  readonly op: A.CompareOp;
  readonly value: number;
  readonly points: number;
}

export interface Indicator extends RuleMeta {
  /** The official number as written: "1.2". */
  readonly id: string;
  readonly text: string;
  readonly max: number;
  readonly step: number;
  readonly criterion: string;
  readonly needsEvidence: boolean;
  /** Target groups it applies to; empty = all. */
  readonly onlyFor: readonly string[];
  readonly measure: Measure;
  readonly bands: readonly Band[];
  /** Wording and maximum per target group, where they differ. */
  readonly variants: Readonly<Record<string, { readonly text: string; readonly max?: number }>>;
}

export interface Criterion extends RuleMeta {
  readonly id: string;
  readonly text: string;
  /** Sum of its indicators' maxima (for the widest group). */
  readonly max: number;
  readonly statedTotal?: number;
  readonly competency?: string;
  readonly indicators: readonly string[];
}

export interface Competency {
  readonly id: string;
  readonly text: string;
  readonly criteria: readonly string[];
}

export interface Title extends RuleMeta {
  readonly id: string;
  readonly name: string;
  readonly when?: A.Condition;
  readonly cases: readonly { readonly guard: A.Condition; readonly then: A.Condition }[];
  /** Titles of this framework that its rule refers to (same year), for dependency order. */
  readonly dependsOn: readonly string[];
}

export interface GradeLevel {
  readonly name: string;
  readonly when?: A.Condition;
}

export interface Target extends RuleMeta {
  readonly what: { readonly kind: 'title'; readonly title: string } | { readonly kind: 'fact'; readonly fact: string };
  readonly year?: number;
  /** Share in percent. */
  readonly share: number;
  readonly perYearIncrease: boolean;
  readonly population?: string;
  readonly among?: { readonly kind: 'title'; readonly title: string } | { readonly kind: 'fact'; readonly fact: string };
  readonly guard?: A.Condition;
}

export interface CalendarStep extends RuleMeta {
  readonly step: A.StepKind;
  readonly label?: string;
  /** Month-day bounds `mm-dd`, and the year when the file fixes one, or the years after the campaign's (`năm sau`: 1). */
  readonly from?: { readonly month: number; readonly day: number; readonly year?: number; readonly yearOffset?: number };
  readonly to: { readonly month: number; readonly day: number; readonly year?: number; readonly yearOffset?: number };
  /** The window as the author wrote it, in Vietnamese. */
  readonly description: string;
  readonly late: 'refuse' | 'flag';
}

export interface Rules {
  readonly evidenceForAll: boolean;
  readonly floor?: number;
  readonly round?: number;
  readonly missingData: 'fail' | 'exclude';
}

/** A checked framework. */
export interface Model {
  readonly id: string;
  readonly title: string;
  readonly subject: A.SubjectKind;
  readonly locality?: { readonly code: string; readonly name?: string };
  readonly effective?: { readonly from: IsoDate; readonly to?: IsoDate };
  readonly status: 'in-force' | 'draft';
  readonly bases: readonly Basis[];
  readonly basedOn?: string;
  readonly groups: readonly TargetGroup[];
  readonly attributes: readonly Attribute[];
  readonly facts: readonly Fact[];
  readonly competencies: readonly Competency[];
  readonly criteria: readonly Criterion[];
  /** All indicators in document order. */
  readonly indicators: readonly Indicator[];
  /** Maximum total (for the widest group). */
  readonly max: number;
  readonly statedTotal?: number;
  readonly rules: Rules;
  /** Titles in dependency order (a title comes after the titles it refers to). */
  readonly titles: readonly Title[];
  readonly grading?: { readonly levels: readonly GradeLevel[] } & RuleMeta;
  readonly targets: readonly Target[];
  readonly calendar: readonly CalendarStep[];
  readonly examples: readonly A.ExampleDecl[];
}

export const SUBJECT_NAMES_VI: Record<A.SubjectKind, string> = {
  citizen: 'công dân',
  household: 'gia đình',
  clan: 'dòng họ',
  community: 'cộng đồng (thôn, tổ dân phố)',
  commune: 'cộng đồng cấp xã',
  unit: 'đơn vị',
};
