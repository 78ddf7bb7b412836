/**
 * The typed, readonly syntax tree of a criteria file. Every node carries its source range.
 * The tree keeps the author's order of statements so that the formatter can print it back.
 */

/** A position in the source: 0-based offset, 1-based line and column. */
export interface Position {
  readonly offset: number;
  readonly line: number;
  readonly column: number;
}

/** A half-open source range [start, end). */
export interface Range {
  readonly start: Position;
  readonly end: Position;
}

interface NodeBase {
  readonly range: Range;
  /** Comments on the lines just above the node (without the `#`). */
  readonly comments?: readonly string[];
  /** Indices into `comments` after which the author left a blank line (a comment standing alone, e.g. a section heading). */
  readonly commentBreaks?: readonly number[];
  /** A comment at the end of the node's last line. */
  readonly trailingComment?: string;
}

/** An identifier as written (NFC). */
export interface Ident extends NodeBase {
  readonly kind: 'Ident';
  readonly name: string;
}

/** A string literal, unquoted and unescaped. */
export interface Str extends NodeBase {
  readonly kind: 'Str';
  readonly value: string;
}

/** A number; `raw` keeps the text as written ("1.2", "7,5"), `value` its decimal value. */
export interface Num extends NodeBase {
  readonly kind: 'Num';
  readonly raw: string;
  readonly value: number;
  readonly percent: boolean;
}

/** A date dd/mm/yyyy, or dd/mm for a date that recurs every year (year undefined). */
export interface DateLit extends NodeBase {
  readonly kind: 'Date';
  readonly day: number;
  readonly month: number;
  readonly year?: number;
}

/** A reference to a title by id (`cdht`) or by its name as written (`"Công dân học tập"`). */
export type TitleRef = Ident | Str;

/** Subject kinds a framework can judge. */
export type SubjectKind = 'citizen' | 'household' | 'clan' | 'community' | 'commune' | 'unit';

export type FrameworkItem =
  | SubjectStmt
  | LocalityStmt
  | EffectiveStmt
  | StatusStmt
  | BasisStmt
  | BasedOnStmt
  | TargetGroupDecl
  | AttributeDecl
  | FactDecl
  | CompetencyDecl
  | CriterionDecl
  | IndicatorDecl
  | DropStmt
  | TotalStmt
  | EvidenceRuleStmt
  | FloorStmt
  | RoundStmt
  | MissingDataStmt
  | TitleDecl
  | GradingDecl
  | TargetDecl
  | CalendarDecl
  | ExampleDecl;

/** A parsed file: usually one framework. */
export interface CriteriaFile extends NodeBase {
  readonly kind: 'File';
  readonly frameworks: readonly FrameworkDecl[];
  /** Comments after the last statement. */
  readonly endComments?: readonly string[];
}

/** `bộ tiêu chí ID "Tên"` and its statements. */
export interface FrameworkDecl extends NodeBase {
  readonly kind: 'Framework';
  readonly id: Ident;
  readonly title: Str;
  readonly items: readonly FrameworkItem[];
}

/** `đối tượng: công dân` */
export interface SubjectStmt extends NodeBase {
  readonly kind: 'Subject';
  readonly subject: SubjectKind;
}

/** `địa bàn: "25" "tỉnh Phú Thọ"` — administrative-unit code and name. */
export interface LocalityStmt extends NodeBase {
  readonly kind: 'Locality';
  readonly code: Str;
  readonly name?: Str;
}

/** `hiệu lực: 01/05/2018 - 31/12/2018` (the end is optional). */
export interface EffectiveStmt extends NodeBase {
  readonly kind: 'Effective';
  readonly from: DateLit;
  readonly to?: DateLit;
}

/** `trạng thái: ban hành` or `dự thảo`. */
export interface StatusStmt extends NodeBase {
  readonly kind: 'Status';
  readonly status: 'in-force' | 'draft';
}

/** `căn cứ kh41: "Kế hoạch số 41/KH-HKH …" từ 12/04/2018` — a legal text the rules rest on. */
export interface BasisStmt extends NodeBase {
  readonly kind: 'Basis';
  readonly id?: Ident;
  readonly text: Str;
  readonly from?: DateLit;
}

/** `dựa trên: cdht-quoc-gia-2022` */
export interface BasedOnStmt extends NodeBase {
  readonly kind: 'BasedOn';
  readonly ref: Ident;
}

/** `nhóm đối tượng nong-dan "Nông dân và lao động nông thôn"` */
export interface TargetGroupDecl extends NodeBase {
  readonly kind: 'TargetGroup';
  readonly id: Ident;
  readonly name: Str;
}

/** `thuộc tính vung "Vùng": "phát triển", "khó khăn"` */
export interface AttributeDecl extends NodeBase {
  readonly kind: 'Attribute';
  readonly id: Ident;
  readonly name: Str;
  readonly values: readonly Str[];
}

/** `sự kiện ttldtt "Tập thể lao động tiên tiến"` — a fact that comes from outside. */
export interface FactDecl extends NodeBase {
  readonly kind: 'Fact';
  readonly id: Ident;
  readonly name: Str;
}

/** Options that any rule may carry: its source and the assumption it makes. */
export interface RuleOptions {
  /** `theo kh41 "mục II.3"` */
  readonly source?: SourceRef;
  /** `giả định "…"` */
  readonly assumption?: Str;
}

/** `theo ID ["khoản"]` */
export interface SourceRef extends NodeBase {
  readonly kind: 'Source';
  readonly basis: Ident;
  readonly clause?: Str;
}

/** `nhóm năng lực 1 "Năng lực tự học …"` and the criteria or indicators under it. */
export interface CompetencyDecl extends NodeBase, RuleOptions {
  readonly kind: 'Competency';
  readonly number: Num | Ident;
  readonly text: Str;
  readonly total?: Num;
  readonly children: readonly (CriterionDecl | IndicatorDecl)[];
}

/** `tiêu chí 1 "…" tổng 17` and its indicators. */
export interface CriterionDecl extends NodeBase, RuleOptions {
  readonly kind: 'Criterion';
  readonly number: Num | Ident;
  readonly text: Str;
  readonly total?: Num;
  readonly indicators: readonly IndicatorDecl[];
}

/** How an indicator is scored. */
export type IndicatorMeasure =
  /** `dạng đạt`: yes/no, full points or none. */
  | { readonly kind: 'YesNo'; readonly range: Range }
  /** `đo "%"`: a measured value mapped to points by bands. */
  | { readonly kind: 'Measured'; readonly unit?: Str; readonly range: Range }
  /** `đo tỉ lệ thành viên đạt cdht`: a share of the subject's members, mapped by bands. */
  | { readonly kind: 'MemberRatio'; readonly predicate: MemberPredicate; readonly range: Range };

/** `mức >= 80% thì 10` (a bare number means "từ … trở lên"). */
export interface Band extends NodeBase {
  readonly kind: 'Band';
  readonly test: Comparison;
  readonly points: Num;
}

/** `riêng nong-dan "…" [tối đa 10]`: the wording (and maximum) for one target group. */
export interface Variant extends NodeBase {
  readonly kind: 'Variant';
  readonly group: Ident;
  readonly text: Str;
  readonly max?: Num;
}

/** `chỉ số 1.1 "…" tối đa 6` and its options. */
export interface IndicatorDecl extends NodeBase, RuleOptions {
  readonly kind: 'Indicator';
  readonly number: Num | Ident;
  readonly text: Str;
  readonly max?: Num;
  readonly step?: Num;
  readonly needsEvidence: boolean;
  readonly onlyFor: readonly Ident[];
  readonly measure?: IndicatorMeasure;
  readonly bands: readonly Band[];
  readonly variants: readonly Variant[];
}

/** `bỏ qua chỉ số 3`: a derived framework drops an indicator (or a whole criterion) of its base. */
export interface DropStmt extends NodeBase {
  readonly kind: 'Drop';
  /** `targets`: `bỏ qua chỉ tiêu` drops every inherited target (no number). */
  readonly target: 'indicator' | 'criterion' | 'targets';
  readonly number?: Num | Ident;
}

/** `tổng điểm 100` */
export interface TotalStmt extends NodeBase {
  readonly kind: 'Total';
  readonly value: Num;
}

/** `mọi chỉ số cần minh chứng` */
export interface EvidenceRuleStmt extends NodeBase, RuleOptions {
  readonly kind: 'EvidenceRule';
}

/** `điểm sàn 5`: a score above 0 but below the floor counts as the floor (partly done). */
export interface FloorStmt extends NodeBase, RuleOptions {
  readonly kind: 'Floor';
  readonly value: Num;
}

/** `làm tròn 0,5`: scores are rounded to the nearest multiple before checks. */
export interface RoundStmt extends NodeBase, RuleOptions {
  readonly kind: 'Round';
  readonly value: Num;
}

/** `thiếu dữ liệu: không đạt | bỏ qua` — how member ratios treat members whose data is missing. */
export interface MissingDataStmt extends NodeBase, RuleOptions {
  readonly kind: 'MissingData';
  readonly policy: 'fail' | 'exclude';
}

/** `danh hiệu cdht "Công dân học tập" khi … [nếu … thì …]` */
export interface TitleDecl extends NodeBase, RuleOptions {
  readonly kind: 'Title';
  readonly id?: Ident;
  readonly name: Str;
  /** The rule that applies when no guarded clause applies. */
  readonly when?: Condition;
  /** `nếu GUARD thì COND`: checked in order; the first guard that holds decides. */
  readonly cases: readonly GuardedCase[];
}

/** `nếu vung là "khó khăn" thì tổng điểm từ 70 trở lên` */
export interface GuardedCase extends NodeBase {
  readonly kind: 'Case';
  readonly guard: Condition;
  readonly then: Condition;
}

/** `xếp loại` followed by its levels. */
export interface GradingDecl extends NodeBase, RuleOptions {
  readonly kind: 'Grading';
  readonly levels: readonly GradeLevel[];
}

/** `"Tốt" khi tổng điểm từ 85 trở lên` or `"Không đạt" còn lại`. */
export interface GradeLevel extends NodeBase {
  readonly kind: 'Level';
  readonly name: Str;
  readonly when?: Condition;
}

/** What a target counts: holders of a title, or subjects with a fact. */
export type Holding =
  | { readonly kind: 'HoldsTitle'; readonly title: TitleRef; readonly range: Range }
  | { readonly kind: 'HasFact'; readonly fact: Ident; readonly range: Range };

/**
 * `chỉ tiêu cdht năm 2025: 65% [trong "nguoi-lon"] [trong số đạt cdht] [nếu GUARD]`
 * or `chỉ tiêu gdht mỗi năm tăng 2,5%`.
 */
export interface TargetDecl extends NodeBase, RuleOptions {
  readonly kind: 'Target';
  readonly what: Holding;
  readonly year?: Num;
  readonly share: Num;
  readonly perYearIncrease: boolean;
  readonly population?: Str;
  readonly among?: Holding;
  readonly guard?: Condition;
}

export type StepKind = 'registration' | 'self-assessment' | 'review' | 'report' | 'recognition' | 'submission';

/**
 * A window of dates: `từ D đến D`, `đến D`, `trước D`, `trong quý I`, `trong tháng 11 - 12`;
 * a quarter or months may be of the next year (`trong quý I năm sau`: `nextYear`).
 */
export type Window =
  /** `before`: written `trước D`, the window ends the day before D. */
  | { readonly kind: 'Dates'; readonly from?: DateLit; readonly to: DateLit; readonly before?: boolean; readonly range: Range }
  | { readonly kind: 'Quarter'; readonly quarter: number; readonly early: boolean; readonly nextYear?: boolean; readonly range: Range }
  | { readonly kind: 'Months'; readonly from: number; readonly to: number; readonly nextYear?: boolean; readonly range: Range };

/** One step of the yearly calendar. */
export interface CalendarStep extends NodeBase, RuleOptions {
  readonly kind: 'Step';
  readonly step: StepKind;
  readonly label?: Str;
  readonly window: Window;
  readonly late?: 'refuse' | 'flag';
}

/** `lịch` and its steps. */
export interface CalendarDecl extends NodeBase {
  readonly kind: 'Calendar';
  readonly steps: readonly CalendarStep[];
}

/** A worked example: the facts of a subject and what the file must conclude about it. */
export interface ExampleDecl extends NodeBase {
  readonly kind: 'Example';
  readonly name: Str;
  readonly lines: readonly ExampleLine[];
}

/** The comments `parse` attaches to an example line (lines are statements for comments, not NodeBase). */
export interface LineComments {
  readonly comments?: readonly string[];
  readonly commentBreaks?: readonly number[];
  readonly trailingComment?: string;
}

export type ExampleLine = LineComments &
  (
    | { readonly kind: 'ExGroup'; readonly group: Ident; readonly range: Range }
    | { readonly kind: 'ExYear'; readonly year: Num; readonly range: Range }
    | { readonly kind: 'ExAttribute'; readonly attribute: Ident; readonly value: Str; readonly range: Range }
    | { readonly kind: 'ExFact'; readonly fact: Ident; readonly range: Range }
    | { readonly kind: 'ExScores'; readonly scores: readonly ScoreEntry[]; readonly range: Range }
    | { readonly kind: 'ExEvidence'; readonly present: boolean; readonly indicators: readonly (Num | Ident)[]; readonly range: Range }
    | { readonly kind: 'ExHistory'; readonly entries: readonly HistoryEntry[]; readonly range: Range }
    | { readonly kind: 'ExMembers'; readonly count: Num; readonly holds: readonly MemberPredicate[]; readonly missing: boolean; readonly range: Range }
    | { readonly kind: 'ExPopulation'; readonly population: Str; readonly range: Range }
    /** `năm gốc 2015: 20%` — the share in a base year, for targets that grow each year. */
    | { readonly kind: 'ExBaseline'; readonly year: Num; readonly share: Num; readonly range: Range }
    | { readonly kind: 'ExExpect'; readonly expectations: readonly Expectation[]; readonly range: Range }
  );

/** `1.1 = 6` */
export interface ScoreEntry {
  readonly indicator: Num | Ident;
  readonly value: Num;
  readonly range: Range;
}

/** `2019: cdht, gdht` — titles held in a past year. */
export interface HistoryEntry {
  readonly year: Num;
  readonly titles: readonly TitleRef[];
  readonly range: Range;
}

export type Expectation =
  | { readonly kind: 'ExpTotal'; readonly value: Num; readonly range: Range }
  | { readonly kind: 'ExpCriterion'; readonly criterion: Num | Ident; readonly value: Num; readonly range: Range }
  | { readonly kind: 'ExpIndicator'; readonly indicator: Num | Ident; readonly value: Num; readonly range: Range }
  | { readonly kind: 'ExpTitle'; readonly title: TitleRef; readonly achieved: boolean; readonly range: Range }
  | { readonly kind: 'ExpLevel'; readonly level: Str; readonly range: Range }
  /** `chỉ tiêu cdht năm 2023 đạt`, `chỉ tiêu sự kiện ky-nang-so năm 2025 không đạt` */
  | { readonly kind: 'ExpTarget'; readonly what: Holding; readonly year: Num; readonly met: boolean; readonly range: Range }
  | { readonly kind: 'ExpError'; readonly range: Range };

/** Who among the members counts: holders of a title, non-holders, or those with a fact. */
export type MemberPredicate =
  | { readonly kind: 'MemberHolds'; readonly title: TitleRef; readonly negated: boolean; readonly range: Range }
  | { readonly kind: 'MemberHasFact'; readonly fact: Ident; readonly range: Range };

export type CompareOp = '>=' | '>' | '<=' | '<' | '=' | '!=';

/** A comparison with a number; `từ 80 trở lên` is `>= 80`, `dưới 5` is `< 5`. */
export interface Comparison {
  readonly op: CompareOp;
  readonly value: Num;
  /** How it was written, so the formatter keeps the author's words. */
  readonly style: 'symbol' | 'words';
  readonly range: Range;
}

export type Condition =
  | { readonly kind: 'And'; readonly items: readonly Condition[]; readonly range: Range }
  | { readonly kind: 'Or'; readonly items: readonly Condition[]; readonly range: Range }
  | { readonly kind: 'Not'; readonly item: Condition; readonly range: Range }
  | { readonly kind: 'Paren'; readonly item: Condition; readonly range: Range }
  | { readonly kind: 'TotalCmp'; readonly test: Comparison; readonly range: Range }
  | { readonly kind: 'EveryIndicator'; readonly test: Comparison; readonly range: Range }
  | { readonly kind: 'NoIndicatorBelow'; readonly value: Num; readonly range: Range }
  | { readonly kind: 'EveryCriterion'; readonly test: Comparison; readonly range: Range }
  | { readonly kind: 'IndicatorCmp'; readonly indicator: Num | Ident; readonly test: Comparison; readonly range: Range }
  | { readonly kind: 'CriterionCmp'; readonly criterion: Num | Ident; readonly test: Comparison; readonly range: Range }
  | { readonly kind: 'InGroup'; readonly group: Ident; readonly range: Range }
  | { readonly kind: 'AttributeIs'; readonly attribute: Ident; readonly value: Str; readonly range: Range }
  | { readonly kind: 'HasFact'; readonly fact: Ident; readonly range: Range }
  | { readonly kind: 'HoldsTitle'; readonly title: TitleRef; readonly years?: Num; readonly range: Range }
  | { readonly kind: 'MemberRatio'; readonly predicate: MemberPredicate; readonly test: Comparison; readonly range: Range }
  | { readonly kind: 'MemberCount'; readonly predicate: MemberPredicate; readonly test: Comparison; readonly range: Range };
