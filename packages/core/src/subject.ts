/** What the engine is told about a subject: scores, evidence, facts, history and members. */

/** A person, household, clan, community or unit to evaluate. */
export interface Subject {
  readonly id?: string;
  /** The campaign year; needed for titles held over consecutive years. */
  readonly year?: number;
  /** Target group id (nhóm đối tượng), when the framework has groups. */
  readonly group?: string;
  /** Attributes such as the kind of area: `{ vung: "khó khăn" }`. */
  readonly attributes?: Readonly<Record<string, string>>;
  /** Points per indicator number (`"1.2": 6`); yes/no indicators also take true/false. */
  readonly scores?: Readonly<Record<string, number | boolean | null | undefined>>;
  /** Evidence per indicator number: true/false or a list of evidence items. */
  readonly evidence?: Readonly<Record<string, boolean | readonly unknown[] | null | undefined>>;
  /** Facts from outside that hold for the subject (ids or names). */
  readonly facts?: readonly string[];
  /** Titles held in past years: year → titles (ids or names). */
  readonly history?: Readonly<Record<string, readonly string[]>>;
  /** Members (themselves subjects), for member ratios. */
  readonly members?: readonly Subject[];
  /** Titles the subject holds this year, when known from elsewhere (typically for members). */
  readonly titles?: readonly string[];
}

/** A problem with a subject's data that prevents scoring it. */
export interface EvaluationError {
  readonly code: string;
  /** The indicator or field concerned. */
  readonly field?: string;
  readonly message: string;
  readonly messageEn: string;
}

/** One line of an explanation, with the lines that support it. */
export interface Explanation {
  readonly text: string;
  /** Whether the statement holds (for conditions), absent for plain information. */
  readonly ok?: boolean;
  readonly children?: readonly Explanation[];
}

export interface IndicatorScore {
  readonly id: string;
  readonly points: number;
  readonly max: number;
  /** Why the points differ from the input, if they do. */
  readonly note?: string;
}

export interface CriterionScore {
  readonly id: string;
  readonly points: number;
  readonly max: number;
}

export interface TitleResult {
  readonly id: string;
  readonly name: string;
  readonly achieved: boolean;
  readonly explanation?: Explanation;
}

/** The result of evaluating one subject. */
export interface EvaluationResult {
  readonly id?: string;
  readonly framework: string;
  readonly total: number;
  readonly max: number;
  readonly criteria: readonly CriterionScore[];
  readonly indicators: readonly IndicatorScore[];
  /** Names of the titles awarded, as written in the file. */
  readonly titles: readonly string[];
  readonly titleResults: readonly TitleResult[];
  readonly level?: string;
  /** Present when asked for. */
  readonly explanation?: Explanation;
  /** Present when the subject could not be scored; then nothing else is meaningful. */
  readonly errors?: readonly EvaluationError[];
}
