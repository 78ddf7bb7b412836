/**
 * The CST's node and children types and its visitor interface, generated from the grammar by
 * Chevrotain's `generateCstDts`; `build-ast.ts` types its visitor with them, so a renamed rule or
 * token is a compile error there. Do not edit: `npx vitest run test/cst-types.test.ts -u` rewrites it.
 */
import type { CstNode, ICstVisitor, IToken } from "chevrotain";

export interface FileCstNode extends CstNode {
  name: "file";
  children: FileCstChildren;
}

export type FileCstChildren = {
  framework?: FrameworkCstNode[];
  junk?: JunkCstNode[];
};

export interface JunkCstNode extends CstNode {
  name: "junk";
  children: JunkCstChildren;
}

export type JunkCstChildren = {
  AnyToken: IToken[];
};

export interface FrameworkCstNode extends CstNode {
  name: "framework";
  children: FrameworkCstChildren;
}

export type FrameworkCstChildren = {
  FrameworkKw: IToken[];
  Identifier: IToken[];
  StringLit: IToken[];
  item?: ItemCstNode[];
};

export interface ItemCstNode extends CstNode {
  name: "item";
  children: ItemCstChildren;
}

export type ItemCstChildren = {
  subjectStmt?: SubjectStmtCstNode[];
  localityStmt?: LocalityStmtCstNode[];
  effectiveStmt?: EffectiveStmtCstNode[];
  statusStmt?: StatusStmtCstNode[];
  basisStmt?: BasisStmtCstNode[];
  basedOnStmt?: BasedOnStmtCstNode[];
  targetGroupDecl?: TargetGroupDeclCstNode[];
  attributeDecl?: AttributeDeclCstNode[];
  factDecl?: FactDeclCstNode[];
  competencyDecl?: CompetencyDeclCstNode[];
  criterionDecl?: CriterionDeclCstNode[];
  indicatorDecl?: IndicatorDeclCstNode[];
  dropStmt?: DropStmtCstNode[];
  totalStmt?: TotalStmtCstNode[];
  evidenceRuleStmt?: EvidenceRuleStmtCstNode[];
  floorStmt?: FloorStmtCstNode[];
  roundStmt?: RoundStmtCstNode[];
  missingDataStmt?: MissingDataStmtCstNode[];
  titleDecl?: TitleDeclCstNode[];
  gradingDecl?: GradingDeclCstNode[];
  targetDecl?: TargetDeclCstNode[];
  calendarDecl?: CalendarDeclCstNode[];
  exampleDecl?: ExampleDeclCstNode[];
  junk?: JunkCstNode[];
};

export interface SubjectStmtCstNode extends CstNode {
  name: "subjectStmt";
  children: SubjectStmtCstChildren;
}

export type SubjectStmtCstChildren = {
  SubjectKw: IToken[];
  Colon?: IToken[];
  CitizenKindKw?: IToken[];
  HouseholdKindKw?: IToken[];
  ClanKindKw?: IToken[];
  CommuneKindKw?: IToken[];
  CommunityKindKw?: IToken[];
  UnitKindKw?: IToken[];
};

export interface LocalityStmtCstNode extends CstNode {
  name: "localityStmt";
  children: LocalityStmtCstChildren;
}

export type LocalityStmtCstChildren = {
  LocalityKw: IToken[];
  Colon?: IToken[];
  StringLit: (IToken)[];
};

export interface EffectiveStmtCstNode extends CstNode {
  name: "effectiveStmt";
  children: EffectiveStmtCstChildren;
}

export type EffectiveStmtCstChildren = {
  EffectiveKw: IToken[];
  Colon?: IToken[];
  FromKw?: IToken[];
  DateLit: (IToken)[];
  Dash?: IToken[];
  ToKw?: IToken[];
};

export interface StatusStmtCstNode extends CstNode {
  name: "statusStmt";
  children: StatusStmtCstChildren;
}

export type StatusStmtCstChildren = {
  StatusKw: IToken[];
  Colon?: IToken[];
  InForceKw?: IToken[];
  DraftKw?: IToken[];
};

export interface BasisStmtCstNode extends CstNode {
  name: "basisStmt";
  children: BasisStmtCstChildren;
}

export type BasisStmtCstChildren = {
  BasisKw: IToken[];
  Identifier?: IToken[];
  Colon?: IToken[];
  StringLit: IToken[];
  FromKw?: IToken[];
  DateLit?: IToken[];
};

export interface BasedOnStmtCstNode extends CstNode {
  name: "basedOnStmt";
  children: BasedOnStmtCstChildren;
}

export type BasedOnStmtCstChildren = {
  BasedOnKw: IToken[];
  Colon?: IToken[];
  Identifier: IToken[];
};

export interface TargetGroupDeclCstNode extends CstNode {
  name: "targetGroupDecl";
  children: TargetGroupDeclCstChildren;
}

export type TargetGroupDeclCstChildren = {
  TargetGroupKw: IToken[];
  Identifier: IToken[];
  StringLit: IToken[];
};

export interface AttributeDeclCstNode extends CstNode {
  name: "attributeDecl";
  children: AttributeDeclCstChildren;
}

export type AttributeDeclCstChildren = {
  AttributeKw: IToken[];
  Identifier: IToken[];
  StringLit: (IToken)[];
  Colon: IToken[];
  Comma?: IToken[];
};

export interface FactDeclCstNode extends CstNode {
  name: "factDecl";
  children: FactDeclCstChildren;
}

export type FactDeclCstChildren = {
  FactKw: IToken[];
  Identifier: IToken[];
  StringLit: IToken[];
};

export interface RuleOptionCstNode extends CstNode {
  name: "ruleOption";
  children: RuleOptionCstChildren;
}

export type RuleOptionCstChildren = {
  SourceKw?: IToken[];
  Identifier?: IToken[];
  StringLit?: (IToken)[];
  AssumptionKw?: IToken[];
};

export interface NumberCstNode extends CstNode {
  name: "number";
  children: NumberCstChildren;
}

export type NumberCstChildren = {
  NumberLit?: IToken[];
  Identifier?: IToken[];
};

export interface ValueCstNode extends CstNode {
  name: "value";
  children: ValueCstChildren;
}

export type ValueCstChildren = {
  NumberLit: IToken[];
  Percent?: IToken[];
};

export interface CompetencyDeclCstNode extends CstNode {
  name: "competencyDecl";
  children: CompetencyDeclCstChildren;
}

export type CompetencyDeclCstChildren = {
  CompetencyKw: IToken[];
  number: NumberCstNode[];
  StringLit: IToken[];
  TotalKw?: IToken[];
  NumberLit?: IToken[];
  ruleOption?: RuleOptionCstNode[];
  criterionDecl?: CriterionDeclCstNode[];
  indicatorDecl?: IndicatorDeclCstNode[];
};

export interface CriterionDeclCstNode extends CstNode {
  name: "criterionDecl";
  children: CriterionDeclCstChildren;
}

export type CriterionDeclCstChildren = {
  CriterionKw: IToken[];
  number: NumberCstNode[];
  StringLit: IToken[];
  TotalKw?: IToken[];
  NumberLit?: IToken[];
  ruleOption?: RuleOptionCstNode[];
  indicatorDecl?: IndicatorDeclCstNode[];
};

export interface IndicatorDeclCstNode extends CstNode {
  name: "indicatorDecl";
  children: IndicatorDeclCstChildren;
}

export type IndicatorDeclCstChildren = {
  IndicatorKw: IToken[];
  number: NumberCstNode[];
  StringLit: IToken[];
  indicatorOption?: IndicatorOptionCstNode[];
};

export interface IndicatorOptionCstNode extends CstNode {
  name: "indicatorOption";
  children: IndicatorOptionCstChildren;
}

export type IndicatorOptionCstChildren = {
  MaxKw?: IToken[];
  NumberLit?: (IToken)[];
  StepKw?: IToken[];
  KindKw?: IToken[];
  AchievedKw?: IToken[];
  NeedsEvidenceKw?: IToken[];
  OnlyForKw?: IToken[];
  Identifier?: IToken[];
  Comma?: IToken[];
  MeasureKw?: IToken[];
  StringLit?: IToken[];
  MemberRatioKw?: IToken[];
  memberPredicate?: MemberPredicateCstNode[];
  band?: BandCstNode[];
  variant?: VariantCstNode[];
  ruleOption?: RuleOptionCstNode[];
};

export interface BandCstNode extends CstNode {
  name: "band";
  children: BandCstChildren;
}

export type BandCstChildren = {
  BandKw: IToken[];
  comparison?: ComparisonCstNode[];
  value?: ValueCstNode[];
  ThenKw: IToken[];
  NumberLit: IToken[];
};

export interface VariantCstNode extends CstNode {
  name: "variant";
  children: VariantCstChildren;
}

export type VariantCstChildren = {
  VariantKw: IToken[];
  Identifier: IToken[];
  StringLit: IToken[];
  MaxKw?: IToken[];
  NumberLit?: IToken[];
};

export interface DropStmtCstNode extends CstNode {
  name: "dropStmt";
  children: DropStmtCstChildren;
}

export type DropStmtCstChildren = {
  ExcludeKw: IToken[];
  IndicatorKw?: IToken[];
  number?: (NumberCstNode)[];
  CriterionKw?: IToken[];
  TargetKw?: IToken[];
};

export interface TotalStmtCstNode extends CstNode {
  name: "totalStmt";
  children: TotalStmtCstChildren;
}

export type TotalStmtCstChildren = {
  TotalPointsKw: IToken[];
  NumberLit: IToken[];
};

export interface EvidenceRuleStmtCstNode extends CstNode {
  name: "evidenceRuleStmt";
  children: EvidenceRuleStmtCstChildren;
}

export type EvidenceRuleStmtCstChildren = {
  EveryIndicatorKw: IToken[];
  NeedsEvidenceKw: IToken[];
  ruleOption?: RuleOptionCstNode[];
};

export interface FloorStmtCstNode extends CstNode {
  name: "floorStmt";
  children: FloorStmtCstChildren;
}

export type FloorStmtCstChildren = {
  FloorKw: IToken[];
  NumberLit: IToken[];
  ruleOption?: RuleOptionCstNode[];
};

export interface RoundStmtCstNode extends CstNode {
  name: "roundStmt";
  children: RoundStmtCstChildren;
}

export type RoundStmtCstChildren = {
  RoundKw: IToken[];
  NumberLit: IToken[];
  ruleOption?: RuleOptionCstNode[];
};

export interface MissingDataStmtCstNode extends CstNode {
  name: "missingDataStmt";
  children: MissingDataStmtCstChildren;
}

export type MissingDataStmtCstChildren = {
  MissingDataKw: IToken[];
  Colon?: IToken[];
  NotAchievedKw?: IToken[];
  ExcludeKw?: IToken[];
  ruleOption?: RuleOptionCstNode[];
};

export interface TitleDeclCstNode extends CstNode {
  name: "titleDecl";
  children: TitleDeclCstChildren;
}

export type TitleDeclCstChildren = {
  TitleKw: IToken[];
  Identifier?: IToken[];
  StringLit: IToken[];
  WhenKw?: IToken[];
  condition?: ConditionCstNode[];
  guardedCase?: GuardedCaseCstNode[];
  ruleOption?: RuleOptionCstNode[];
};

export interface GuardedCaseCstNode extends CstNode {
  name: "guardedCase";
  children: GuardedCaseCstChildren;
}

export type GuardedCaseCstChildren = {
  IfKw: IToken[];
  condition: (ConditionCstNode)[];
  ThenKw: IToken[];
};

export interface GradingDeclCstNode extends CstNode {
  name: "gradingDecl";
  children: GradingDeclCstChildren;
}

export type GradingDeclCstChildren = {
  GradingKw: IToken[];
  ruleOption?: RuleOptionCstNode[];
  gradeLevel?: GradeLevelCstNode[];
};

export interface GradeLevelCstNode extends CstNode {
  name: "gradeLevel";
  children: GradeLevelCstChildren;
}

export type GradeLevelCstChildren = {
  StringLit: IToken[];
  WhenKw?: IToken[];
  condition?: ConditionCstNode[];
  OtherwiseKw?: IToken[];
};

export interface HoldingCstNode extends CstNode {
  name: "holding";
  children: HoldingCstChildren;
}

export type HoldingCstChildren = {
  FactKw?: IToken[];
  Identifier?: IToken[];
  titleRef?: TitleRefCstNode[];
};

export interface TitleRefCstNode extends CstNode {
  name: "titleRef";
  children: TitleRefCstChildren;
}

export type TitleRefCstChildren = {
  Identifier?: IToken[];
  StringLit?: IToken[];
};

export interface TargetDeclCstNode extends CstNode {
  name: "targetDecl";
  children: TargetDeclCstChildren;
}

export type TargetDeclCstChildren = {
  TargetKw: IToken[];
  holding: HoldingCstNode[];
  YearKw?: IToken[];
  NumberLit?: IToken[];
  Colon?: IToken[];
  value?: (ValueCstNode)[];
  EachYearKw?: IToken[];
  IncreaseKw?: IToken[];
  InKw?: IToken[];
  StringLit?: IToken[];
  AmongKw?: IToken[];
  AchievedKw?: IToken[];
  titleRef?: TitleRefCstNode[];
  HasKw?: IToken[];
  FactKw?: IToken[];
  Identifier?: IToken[];
  IfKw?: IToken[];
  condition?: ConditionCstNode[];
  ruleOption?: RuleOptionCstNode[];
};

export interface CalendarDeclCstNode extends CstNode {
  name: "calendarDecl";
  children: CalendarDeclCstChildren;
}

export type CalendarDeclCstChildren = {
  CalendarKw: IToken[];
  calendarStep?: CalendarStepCstNode[];
};

export interface CalendarStepCstNode extends CstNode {
  name: "calendarStep";
  children: CalendarStepCstChildren;
}

export type CalendarStepCstChildren = {
  RegistrationKw?: IToken[];
  SelfAssessmentKw?: IToken[];
  ReviewKw?: IToken[];
  ReportKw?: IToken[];
  RecognitionKw?: IToken[];
  SubmissionKw?: IToken[];
  StringLit?: IToken[];
  window: WindowCstNode[];
  LateKw?: IToken[];
  Colon?: IToken[];
  RefuseKw?: IToken[];
  FlagKw?: IToken[];
  ruleOption?: RuleOptionCstNode[];
};

export interface WindowCstNode extends CstNode {
  name: "window";
  children: WindowCstChildren;
}

export type WindowCstChildren = {
  FromKw?: IToken[];
  DateLit?: (IToken)[];
  ToKw?: (IToken)[];
  BeforeKw?: IToken[];
  InKw?: IToken[];
  EarlyKw?: IToken[];
  QuarterKw?: IToken[];
  Identifier?: IToken[];
  NumberLit?: (IToken)[];
  MonthKw?: IToken[];
  Dash?: IToken[];
  NextYearKw?: IToken[];
};

export interface ExampleDeclCstNode extends CstNode {
  name: "exampleDecl";
  children: ExampleDeclCstChildren;
}

export type ExampleDeclCstChildren = {
  ExampleKw: IToken[];
  StringLit: IToken[];
  exampleLine?: ExampleLineCstNode[];
};

export interface ExampleLineCstNode extends CstNode {
  name: "exampleLine";
  children: ExampleLineCstChildren;
}

export type ExampleLineCstChildren = {
  GroupKw?: IToken[];
  Identifier?: (IToken)[];
  YearKw?: IToken[];
  NumberLit?: (IToken)[];
  IsKw?: IToken[];
  Eq?: IToken[];
  StringLit?: (IToken)[];
  HasKw?: IToken[];
  FactKw?: IToken[];
  ScoresKw?: IToken[];
  scoreEntry?: ScoreEntryCstNode[];
  Comma?: (IToken)[];
  NotKw?: IToken[];
  EvidenceKw?: IToken[];
  number?: NumberCstNode[];
  HistoryKw?: IToken[];
  historyEntry?: HistoryEntryCstNode[];
  Semicolon?: IToken[];
  MembersKw?: IToken[];
  MissingDataKw?: IToken[];
  memberPredicate?: MemberPredicateCstNode[];
  AndKw?: IToken[];
  PopulationKw?: IToken[];
  BaselineKw?: IToken[];
  Colon?: IToken[];
  value?: ValueCstNode[];
  ExpectKw?: IToken[];
  expectation?: ExpectationCstNode[];
};

export interface ScoreEntryCstNode extends CstNode {
  name: "scoreEntry";
  children: ScoreEntryCstChildren;
}

export type ScoreEntryCstChildren = {
  number: NumberCstNode[];
  Eq: IToken[];
  NumberLit: IToken[];
};

export interface HistoryEntryCstNode extends CstNode {
  name: "historyEntry";
  children: HistoryEntryCstChildren;
}

export type HistoryEntryCstChildren = {
  NumberLit: IToken[];
  Colon: IToken[];
  titleRef: TitleRefCstNode[];
  Comma?: IToken[];
};

export interface ExpectationCstNode extends CstNode {
  name: "expectation";
  children: ExpectationCstChildren;
}

export type ExpectationCstChildren = {
  TotalKw?: IToken[];
  TotalPointsKw?: IToken[];
  NumberLit?: (IToken)[];
  CriterionKw?: IToken[];
  number?: (NumberCstNode)[];
  Eq?: (IToken)[];
  IndicatorKw?: IToken[];
  AchievedKw?: (IToken)[];
  titleRef?: (TitleRefCstNode)[];
  NotAchievedKw?: (IToken)[];
  GradingKw?: IToken[];
  StringLit?: IToken[];
  TargetKw?: IToken[];
  holding?: HoldingCstNode[];
  YearKw?: IToken[];
  ErrorKw?: IToken[];
};

export interface MemberPredicateCstNode extends CstNode {
  name: "memberPredicate";
  children: MemberPredicateCstChildren;
}

export type MemberPredicateCstChildren = {
  AchievedKw?: IToken[];
  titleRef?: (TitleRefCstNode)[];
  NotAchievedKw?: IToken[];
  HasKw?: IToken[];
  FactKw?: IToken[];
  Identifier?: IToken[];
};

export interface ComparisonCstNode extends CstNode {
  name: "comparison";
  children: ComparisonCstChildren;
}

export type ComparisonCstChildren = {
  Gte?: IToken[];
  Gt?: IToken[];
  Lte?: IToken[];
  Lt?: IToken[];
  Eq?: IToken[];
  Neq?: IToken[];
  value?: (ValueCstNode)[];
  FromKw?: IToken[];
  ScoresKw?: (IToken)[];
  OrMoreKw?: IToken[];
  BelowKw?: IToken[];
  AboveKw?: IToken[];
};

export interface ConditionCstNode extends CstNode {
  name: "condition";
  children: ConditionCstChildren;
}

export type ConditionCstChildren = {
  andExpr: (AndExprCstNode)[];
  OrKw?: IToken[];
};

export interface AndExprCstNode extends CstNode {
  name: "andExpr";
  children: AndExprCstChildren;
}

export type AndExprCstChildren = {
  unaryExpr: (UnaryExprCstNode)[];
  AndKw?: IToken[];
};

export interface UnaryExprCstNode extends CstNode {
  name: "unaryExpr";
  children: UnaryExprCstChildren;
}

export type UnaryExprCstChildren = {
  NotKw?: IToken[];
  unaryExpr?: UnaryExprCstNode[];
  atom?: AtomCstNode[];
};

export interface AtomCstNode extends CstNode {
  name: "atom";
  children: AtomCstChildren;
}

export type AtomCstChildren = {
  LParen?: IToken[];
  condition?: ConditionCstNode[];
  RParen?: IToken[];
  TotalPointsKw?: IToken[];
  TotalKw?: IToken[];
  comparison?: (ComparisonCstNode)[];
  EveryIndicatorKw?: IToken[];
  NoIndicatorKw?: IToken[];
  BelowKw?: IToken[];
  value?: ValueCstNode[];
  ScoresKw?: IToken[];
  EveryCriterionKw?: IToken[];
  IndicatorKw?: IToken[];
  number?: (NumberCstNode)[];
  CriterionKw?: IToken[];
  GroupKw?: IToken[];
  IsKw?: (IToken)[];
  Identifier?: (IToken)[];
  Eq?: IToken[];
  StringLit?: IToken[];
  HasKw?: IToken[];
  FactKw?: IToken[];
  AchievedKw?: (IToken)[];
  titleRef?: (TitleRefCstNode)[];
  NumberLit?: (IToken)[];
  ConsecutiveYearsKw?: (IToken)[];
  NotAchievedKw?: IToken[];
  MemberRatioKw?: IToken[];
  memberPredicate?: (MemberPredicateCstNode)[];
  MemberCountKw?: IToken[];
};

export interface CriteriaCstVisitor<IN, OUT> extends ICstVisitor<IN, OUT> {
  file(children: FileCstChildren, param?: IN): OUT;
  junk(children: JunkCstChildren, param?: IN): OUT;
  framework(children: FrameworkCstChildren, param?: IN): OUT;
  item(children: ItemCstChildren, param?: IN): OUT;
  subjectStmt(children: SubjectStmtCstChildren, param?: IN): OUT;
  localityStmt(children: LocalityStmtCstChildren, param?: IN): OUT;
  effectiveStmt(children: EffectiveStmtCstChildren, param?: IN): OUT;
  statusStmt(children: StatusStmtCstChildren, param?: IN): OUT;
  basisStmt(children: BasisStmtCstChildren, param?: IN): OUT;
  basedOnStmt(children: BasedOnStmtCstChildren, param?: IN): OUT;
  targetGroupDecl(children: TargetGroupDeclCstChildren, param?: IN): OUT;
  attributeDecl(children: AttributeDeclCstChildren, param?: IN): OUT;
  factDecl(children: FactDeclCstChildren, param?: IN): OUT;
  ruleOption(children: RuleOptionCstChildren, param?: IN): OUT;
  number(children: NumberCstChildren, param?: IN): OUT;
  value(children: ValueCstChildren, param?: IN): OUT;
  competencyDecl(children: CompetencyDeclCstChildren, param?: IN): OUT;
  criterionDecl(children: CriterionDeclCstChildren, param?: IN): OUT;
  indicatorDecl(children: IndicatorDeclCstChildren, param?: IN): OUT;
  indicatorOption(children: IndicatorOptionCstChildren, param?: IN): OUT;
  band(children: BandCstChildren, param?: IN): OUT;
  variant(children: VariantCstChildren, param?: IN): OUT;
  dropStmt(children: DropStmtCstChildren, param?: IN): OUT;
  totalStmt(children: TotalStmtCstChildren, param?: IN): OUT;
  evidenceRuleStmt(children: EvidenceRuleStmtCstChildren, param?: IN): OUT;
  floorStmt(children: FloorStmtCstChildren, param?: IN): OUT;
  roundStmt(children: RoundStmtCstChildren, param?: IN): OUT;
  missingDataStmt(children: MissingDataStmtCstChildren, param?: IN): OUT;
  titleDecl(children: TitleDeclCstChildren, param?: IN): OUT;
  guardedCase(children: GuardedCaseCstChildren, param?: IN): OUT;
  gradingDecl(children: GradingDeclCstChildren, param?: IN): OUT;
  gradeLevel(children: GradeLevelCstChildren, param?: IN): OUT;
  holding(children: HoldingCstChildren, param?: IN): OUT;
  titleRef(children: TitleRefCstChildren, param?: IN): OUT;
  targetDecl(children: TargetDeclCstChildren, param?: IN): OUT;
  calendarDecl(children: CalendarDeclCstChildren, param?: IN): OUT;
  calendarStep(children: CalendarStepCstChildren, param?: IN): OUT;
  window(children: WindowCstChildren, param?: IN): OUT;
  exampleDecl(children: ExampleDeclCstChildren, param?: IN): OUT;
  exampleLine(children: ExampleLineCstChildren, param?: IN): OUT;
  scoreEntry(children: ScoreEntryCstChildren, param?: IN): OUT;
  historyEntry(children: HistoryEntryCstChildren, param?: IN): OUT;
  expectation(children: ExpectationCstChildren, param?: IN): OUT;
  memberPredicate(children: MemberPredicateCstChildren, param?: IN): OUT;
  comparison(children: ComparisonCstChildren, param?: IN): OUT;
  condition(children: ConditionCstChildren, param?: IN): OUT;
  andExpr(children: AndExprCstChildren, param?: IN): OUT;
  unaryExpr(children: UnaryExprCstChildren, param?: IN): OUT;
  atom(children: AtomCstChildren, param?: IN): OUT;
}
