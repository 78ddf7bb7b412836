/**
 * The concrete-syntax parser: grammar only, no semantics. The visitor in `build-ast.ts` turns
 * its CST into the typed syntax tree.
 */
import { CstParser, EOF, type IParserErrorMessageProvider, type TokenType } from 'chevrotain';
import * as T from './tokens.js';

const K = T.kw as Record<string, TokenType>;
const k = (name: string): TokenType => {
  const t = K[name];
  if (!t) throw new Error(`unknown keyword token ${name}`);
  return t;
};

const isLevelStart = (t: TokenType): boolean => t === k('WhenKw') || t === k('OtherwiseKw');

/** Error payloads are structured so that messages can be rendered in Vietnamese or English later. */
export interface SyntaxErrorPayload {
  readonly type: 'mismatched' | 'no-viable' | 'early-exit' | 'not-all-input';
  readonly expected: readonly string[];
  readonly rule?: string;
}

const tokenNames = (paths: TokenType[][][] | TokenType[][]): string[] => {
  const out = new Set<string>();
  const walk = (x: unknown): void => {
    if (Array.isArray(x)) x.forEach(walk);
    else if (x && typeof x === 'object' && 'name' in x) out.add((x as TokenType).name);
  };
  walk(paths);
  return [...out];
};

const firstOf = (paths: TokenType[][][] | TokenType[][]): string[] => {
  const out = new Set<string>();
  const seq = (p: unknown): void => {
    if (Array.isArray(p) && p.length > 0) {
      const f = p[0];
      if (Array.isArray(f)) p.forEach(seq);
      else if (f && typeof f === 'object' && 'name' in f) out.add((f as TokenType).name);
    }
  };
  (paths as unknown[]).forEach(seq);
  return out.size > 0 ? [...out] : tokenNames(paths);
};

const messageProvider: IParserErrorMessageProvider = {
  buildMismatchTokenMessage({ expected, ruleName }) {
    return JSON.stringify({ type: 'mismatched', expected: [expected.name], rule: ruleName } satisfies SyntaxErrorPayload);
  },
  buildNotAllInputParsedMessage() {
    return JSON.stringify({ type: 'not-all-input', expected: [] } satisfies SyntaxErrorPayload);
  },
  buildNoViableAltMessage({ expectedPathsPerAlt, ruleName }) {
    return JSON.stringify({ type: 'no-viable', expected: firstOf(expectedPathsPerAlt), rule: ruleName } satisfies SyntaxErrorPayload);
  },
  buildEarlyExitMessage({ expectedIterationPaths, ruleName }) {
    return JSON.stringify({ type: 'early-exit', expected: firstOf(expectedIterationPaths), rule: ruleName } satisfies SyntaxErrorPayload);
  },
};

/** The CST parser of `.tieuchi` files. */
export class CriteriaParser extends CstParser {
  constructor() {
    super(T.allTokens, { recoveryEnabled: true, nodeLocationTracking: 'full', maxLookahead: 3, errorMessageProvider: messageProvider });
    this.performSelfAnalysis();
  }

  file = this.RULE('file', () => {
    this.MANY(() =>
      this.OR([
        { ALT: () => this.SUBRULE(this.framework) },
        { ALT: () => this.SUBRULE(this.junk), IGNORE_AMBIGUITIES: true },
      ]),
    );
  });

  /** Anything that starts no statement: kept as an error statement so that parsing goes on. */
  junk = this.RULE('junk', () => {
    this.CONSUME(T.AnyToken);
  });

  framework = this.RULE('framework', () => {
    this.CONSUME(k('FrameworkKw'));
    this.CONSUME(T.Identifier);
    this.CONSUME(T.StringLit);
    // Every keyword is also an AnyToken (for `junk`), so without this gate the loop would enter
    // `item` on the next `bộ tiêu chí` and report a spurious error there.
    this.MANY({ GATE: () => this.LA(1).tokenType !== k('FrameworkKw'), DEF: () => this.SUBRULE(this.item) });
  });

  item = this.RULE('item', () => {
    this.OR([
      { ALT: () => this.SUBRULE(this.subjectStmt) },
      { ALT: () => this.SUBRULE(this.localityStmt) },
      { ALT: () => this.SUBRULE(this.effectiveStmt) },
      { ALT: () => this.SUBRULE(this.statusStmt) },
      { ALT: () => this.SUBRULE(this.basisStmt) },
      { ALT: () => this.SUBRULE(this.basedOnStmt) },
      { ALT: () => this.SUBRULE(this.targetGroupDecl) },
      { ALT: () => this.SUBRULE(this.attributeDecl) },
      { ALT: () => this.SUBRULE(this.factDecl) },
      { ALT: () => this.SUBRULE(this.competencyDecl) },
      { ALT: () => this.SUBRULE(this.criterionDecl) },
      { ALT: () => this.SUBRULE(this.indicatorDecl) },
      { ALT: () => this.SUBRULE(this.dropStmt) },
      { ALT: () => this.SUBRULE(this.totalStmt) },
      { ALT: () => this.SUBRULE(this.evidenceRuleStmt) },
      { ALT: () => this.SUBRULE(this.floorStmt) },
      { ALT: () => this.SUBRULE(this.roundStmt) },
      { ALT: () => this.SUBRULE(this.missingDataStmt) },
      { ALT: () => this.SUBRULE(this.titleDecl) },
      { ALT: () => this.SUBRULE(this.gradingDecl) },
      { ALT: () => this.SUBRULE(this.targetDecl) },
      { ALT: () => this.SUBRULE(this.calendarDecl) },
      { ALT: () => this.SUBRULE(this.exampleDecl) },
      {
        GATE: () => this.LA(1).tokenType !== k('FrameworkKw'),
        ALT: () => this.SUBRULE(this.junk),
        IGNORE_AMBIGUITIES: true,
      },
    ]);
  });

  subjectStmt = this.RULE('subjectStmt', () => {
    this.CONSUME(k('SubjectKw'));
    this.OPTION(() => this.CONSUME(T.Colon));
    this.OR([
      { ALT: () => this.CONSUME(k('CitizenKindKw')) },
      { ALT: () => this.CONSUME(k('HouseholdKindKw')) },
      { ALT: () => this.CONSUME(k('ClanKindKw')) },
      { ALT: () => this.CONSUME(k('CommuneKindKw')) },
      { ALT: () => this.CONSUME(k('CommunityKindKw')) },
      { ALT: () => this.CONSUME(k('UnitKindKw')) },
    ]);
  });

  localityStmt = this.RULE('localityStmt', () => {
    this.CONSUME(k('LocalityKw'));
    this.OPTION(() => this.CONSUME(T.Colon));
    this.CONSUME(T.StringLit);
    this.OPTION2(() => this.CONSUME2(T.StringLit));
  });

  effectiveStmt = this.RULE('effectiveStmt', () => {
    this.CONSUME(k('EffectiveKw'));
    this.OPTION(() => this.CONSUME(T.Colon));
    this.OPTION2(() => this.CONSUME(k('FromKw')));
    this.CONSUME(T.DateLit);
    this.OPTION3(() => {
      this.OR([{ ALT: () => this.CONSUME(T.Dash) }, { ALT: () => this.CONSUME(k('ToKw')) }]);
      this.CONSUME2(T.DateLit);
    });
  });

  statusStmt = this.RULE('statusStmt', () => {
    this.CONSUME(k('StatusKw'));
    this.OPTION(() => this.CONSUME(T.Colon));
    this.OR([{ ALT: () => this.CONSUME(k('InForceKw')) }, { ALT: () => this.CONSUME(k('DraftKw')) }]);
  });

  basisStmt = this.RULE('basisStmt', () => {
    this.CONSUME(k('BasisKw'));
    this.OPTION(() => this.CONSUME(T.Identifier));
    this.OPTION2(() => this.CONSUME(T.Colon));
    this.CONSUME(T.StringLit);
    this.OPTION3(() => {
      this.CONSUME(k('FromKw'));
      this.CONSUME(T.DateLit);
    });
  });

  basedOnStmt = this.RULE('basedOnStmt', () => {
    this.CONSUME(k('BasedOnKw'));
    this.OPTION(() => this.CONSUME(T.Colon));
    this.CONSUME(T.Identifier);
  });

  targetGroupDecl = this.RULE('targetGroupDecl', () => {
    this.CONSUME(k('TargetGroupKw'));
    this.CONSUME(T.Identifier);
    this.CONSUME(T.StringLit);
  });

  attributeDecl = this.RULE('attributeDecl', () => {
    this.CONSUME(k('AttributeKw'));
    this.CONSUME(T.Identifier);
    this.CONSUME(T.StringLit);
    this.CONSUME(T.Colon);
    this.AT_LEAST_ONE_SEP({ SEP: T.Comma, DEF: () => this.CONSUME2(T.StringLit) });
  });

  factDecl = this.RULE('factDecl', () => {
    this.CONSUME(k('FactKw'));
    this.CONSUME(T.Identifier);
    this.CONSUME(T.StringLit);
  });

  /**
   * `theo ID ["khoản"]` or `giả định "…"`. Under `xếp loại` a string followed by `khi` / `còn lại`
   * is the next grade level, not the clause of a clause-less `theo`.
   */
  ruleOption = this.RULE('ruleOption', (beforeLevels?: boolean) => {
    this.OR([
      {
        ALT: () => {
          this.CONSUME(k('SourceKw'));
          this.CONSUME(T.Identifier);
          this.OPTION({
            GATE: () => !beforeLevels || !isLevelStart(this.LA(2).tokenType),
            DEF: () => this.CONSUME(T.StringLit),
          });
        },
      },
      {
        ALT: () => {
          this.CONSUME(k('AssumptionKw'));
          this.CONSUME2(T.StringLit);
        },
      },
    ]);
  });

  number = this.RULE('number', () => {
    this.OR([{ ALT: () => this.CONSUME(T.NumberLit) }, { ALT: () => this.CONSUME(T.Identifier) }]);
  });

  value = this.RULE('value', () => {
    this.CONSUME(T.NumberLit);
    this.OPTION(() => this.CONSUME(T.Percent));
  });

  competencyDecl = this.RULE('competencyDecl', () => {
    this.CONSUME(k('CompetencyKw'));
    this.SUBRULE(this.number);
    this.CONSUME(T.StringLit);
    this.OPTION(() => {
      this.CONSUME(k('TotalKw'));
      this.CONSUME(T.NumberLit);
    });
    this.MANY(() => this.SUBRULE(this.ruleOption));
    this.MANY2(() =>
      this.OR([{ ALT: () => this.SUBRULE(this.criterionDecl) }, { ALT: () => this.SUBRULE(this.indicatorDecl) }]),
    );
  });

  criterionDecl = this.RULE('criterionDecl', () => {
    this.CONSUME(k('CriterionKw'));
    this.SUBRULE(this.number);
    this.CONSUME(T.StringLit);
    this.OPTION(() => {
      this.CONSUME(k('TotalKw'));
      this.CONSUME(T.NumberLit);
    });
    this.MANY(() => this.SUBRULE(this.ruleOption));
    this.MANY2(() => this.SUBRULE(this.indicatorDecl));
  });

  indicatorDecl = this.RULE('indicatorDecl', () => {
    this.CONSUME(k('IndicatorKw'));
    this.SUBRULE(this.number);
    this.CONSUME(T.StringLit);
    this.MANY(() => this.SUBRULE(this.indicatorOption));
  });

  indicatorOption = this.RULE('indicatorOption', () => {
    this.OR([
      { ALT: () => { this.CONSUME(k('MaxKw')); this.CONSUME(T.NumberLit); } },
      { ALT: () => { this.CONSUME(k('StepKw')); this.CONSUME2(T.NumberLit); } },
      { ALT: () => { this.CONSUME(k('KindKw')); this.CONSUME(k('AchievedKw')); } },
      { ALT: () => this.CONSUME(k('NeedsEvidenceKw')) },
      {
        ALT: () => {
          this.CONSUME(k('OnlyForKw'));
          this.AT_LEAST_ONE_SEP({ SEP: T.Comma, DEF: () => this.CONSUME(T.Identifier) });
        },
      },
      {
        ALT: () => {
          this.CONSUME(k('MeasureKw'));
          // A bare `đo` measures a number without a unit (the tree's `unit` is optional).
          this.OPTION(() =>
            this.OR2([
              { ALT: () => this.CONSUME(T.StringLit) },
              { ALT: () => { this.CONSUME(k('MemberRatioKw')); this.SUBRULE(this.memberPredicate); } },
            ]),
          );
        },
      },
      { ALT: () => this.SUBRULE(this.band) },
      { ALT: () => this.SUBRULE(this.variant) },
      { ALT: () => this.SUBRULE(this.ruleOption) },
    ]);
  });

  band = this.RULE('band', () => {
    this.CONSUME(k('BandKw'));
    this.OR([{ ALT: () => this.SUBRULE(this.comparison) }, { ALT: () => this.SUBRULE(this.value) }]);
    this.CONSUME(k('ThenKw'));
    this.CONSUME(T.NumberLit);
  });

  variant = this.RULE('variant', () => {
    this.CONSUME(k('VariantKw'));
    this.CONSUME(T.Identifier);
    this.CONSUME(T.StringLit);
    this.OPTION(() => {
      this.CONSUME(k('MaxKw'));
      this.CONSUME(T.NumberLit);
    });
  });

  dropStmt = this.RULE('dropStmt', () => {
    this.CONSUME(k('ExcludeKw'));
    this.OR([
      { ALT: () => { this.CONSUME(k('IndicatorKw')); this.SUBRULE(this.number); } },
      { ALT: () => { this.CONSUME(k('CriterionKw')); this.SUBRULE2(this.number); } },
      // `bỏ qua chỉ tiêu`: a derived framework drops every target inherited from its base.
      { ALT: () => this.CONSUME(k('TargetKw')) },
    ]);
  });

  totalStmt = this.RULE('totalStmt', () => {
    this.CONSUME(k('TotalPointsKw'));
    this.CONSUME(T.NumberLit);
  });

  evidenceRuleStmt = this.RULE('evidenceRuleStmt', () => {
    this.CONSUME(k('EveryIndicatorKw'));
    this.CONSUME(k('NeedsEvidenceKw'));
    this.MANY(() => this.SUBRULE(this.ruleOption));
  });

  floorStmt = this.RULE('floorStmt', () => {
    this.CONSUME(k('FloorKw'));
    this.CONSUME(T.NumberLit);
    this.MANY(() => this.SUBRULE(this.ruleOption));
  });

  roundStmt = this.RULE('roundStmt', () => {
    this.CONSUME(k('RoundKw'));
    this.CONSUME(T.NumberLit);
    this.MANY(() => this.SUBRULE(this.ruleOption));
  });

  missingDataStmt = this.RULE('missingDataStmt', () => {
    this.CONSUME(k('MissingDataKw'));
    this.OPTION(() => this.CONSUME(T.Colon));
    this.OR([{ ALT: () => this.CONSUME(k('NotAchievedKw')) }, { ALT: () => this.CONSUME(k('ExcludeKw')) }]);
    this.MANY(() => this.SUBRULE(this.ruleOption));
  });

  titleDecl = this.RULE('titleDecl', () => {
    this.CONSUME(k('TitleKw'));
    this.OPTION(() => this.CONSUME(T.Identifier));
    this.CONSUME(T.StringLit);
    this.MANY(() =>
      this.OR([
        { ALT: () => { this.CONSUME(k('WhenKw')); this.SUBRULE(this.condition); } },
        { ALT: () => this.SUBRULE(this.guardedCase) },
        { ALT: () => this.SUBRULE(this.ruleOption) },
      ]),
    );
  });

  guardedCase = this.RULE('guardedCase', () => {
    this.CONSUME(k('IfKw'));
    this.SUBRULE(this.condition);
    this.CONSUME(k('ThenKw'));
    this.SUBRULE2(this.condition);
  });

  gradingDecl = this.RULE('gradingDecl', () => {
    this.CONSUME(k('GradingKw'));
    this.MANY(() => this.SUBRULE(this.ruleOption, { ARGS: [true] }));
    this.MANY2(() => this.SUBRULE(this.gradeLevel));
  });

  gradeLevel = this.RULE('gradeLevel', () => {
    this.CONSUME(T.StringLit);
    this.OR([
      { ALT: () => { this.CONSUME(k('WhenKw')); this.SUBRULE(this.condition); } },
      { ALT: () => this.CONSUME(k('OtherwiseKw')) },
    ]);
  });

  holding = this.RULE('holding', () => {
    this.OR([
      { ALT: () => { this.CONSUME(k('FactKw')); this.CONSUME(T.Identifier); } },
      { ALT: () => this.SUBRULE(this.titleRef) },
    ]);
  });

  titleRef = this.RULE('titleRef', () => {
    this.OR([{ ALT: () => this.CONSUME(T.Identifier) }, { ALT: () => this.CONSUME(T.StringLit) }]);
  });

  targetDecl = this.RULE('targetDecl', () => {
    this.CONSUME(k('TargetKw'));
    this.SUBRULE(this.holding);
    this.OR([
      {
        ALT: () => {
          this.CONSUME(k('YearKw'));
          this.CONSUME(T.NumberLit);
          this.OPTION(() => this.CONSUME(T.Colon));
          this.SUBRULE(this.value);
        },
      },
      {
        ALT: () => {
          this.CONSUME(k('EachYearKw'));
          this.CONSUME(k('IncreaseKw'));
          this.SUBRULE2(this.value);
        },
      },
    ]);
    this.MANY(() =>
      this.OR2([
        { ALT: () => { this.CONSUME(k('InKw')); this.CONSUME(T.StringLit); } },
        {
          ALT: () => {
            this.CONSUME(k('AmongKw'));
            this.OR3([
              { ALT: () => { this.CONSUME(k('AchievedKw')); this.SUBRULE(this.titleRef); } },
              { ALT: () => { this.CONSUME(k('HasKw')); this.CONSUME2(k('FactKw')); this.CONSUME(T.Identifier); } },
            ]);
          },
        },
        { ALT: () => { this.CONSUME(k('IfKw')); this.SUBRULE(this.condition); } },
        { ALT: () => this.SUBRULE(this.ruleOption) },
      ]),
    );
  });

  calendarDecl = this.RULE('calendarDecl', () => {
    this.CONSUME(k('CalendarKw'));
    this.MANY(() => this.SUBRULE(this.calendarStep));
  });

  calendarStep = this.RULE('calendarStep', () => {
    this.OR([
      { ALT: () => this.CONSUME(k('RegistrationKw')) },
      { ALT: () => this.CONSUME(k('SelfAssessmentKw')) },
      { ALT: () => this.CONSUME(k('ReviewKw')) },
      { ALT: () => this.CONSUME(k('ReportKw')) },
      { ALT: () => this.CONSUME(k('RecognitionKw')) },
      { ALT: () => this.CONSUME(k('SubmissionKw')) },
    ]);
    this.OPTION(() => this.CONSUME(T.StringLit));
    this.SUBRULE(this.window);
    this.OPTION2(() => {
      this.CONSUME(k('LateKw'));
      this.OPTION3(() => this.CONSUME(T.Colon));
      this.OR2([{ ALT: () => this.CONSUME(k('RefuseKw')) }, { ALT: () => this.CONSUME(k('FlagKw')) }]);
    });
    this.MANY(() => this.SUBRULE(this.ruleOption));
  });

  window = this.RULE('window', () => {
    this.OR([
      {
        ALT: () => {
          this.CONSUME(k('FromKw'));
          this.CONSUME(T.DateLit);
          this.CONSUME(k('ToKw'));
          this.CONSUME2(T.DateLit);
        },
      },
      { ALT: () => { this.CONSUME2(k('ToKw')); this.CONSUME3(T.DateLit); } },
      { ALT: () => { this.CONSUME(k('BeforeKw')); this.CONSUME4(T.DateLit); } },
      {
        ALT: () => {
          this.CONSUME(k('InKw'));
          this.OR2([
            {
              ALT: () => {
                this.OPTION(() => this.CONSUME(k('EarlyKw')));
                this.CONSUME(k('QuarterKw'));
                this.OR3([{ ALT: () => this.CONSUME(T.Identifier) }, { ALT: () => this.CONSUME(T.NumberLit) }]);
              },
            },
            {
              ALT: () => {
                this.CONSUME(k('MonthKw'));
                this.CONSUME2(T.NumberLit);
                this.OPTION2(() => {
                  this.CONSUME(T.Dash);
                  this.CONSUME3(T.NumberLit);
                });
              },
            },
          ]);
          // `năm sau`: the quarter or months of the year after the campaign's.
          this.OPTION3(() => this.CONSUME(k('NextYearKw')));
        },
      },
    ]);
  });

  exampleDecl = this.RULE('exampleDecl', () => {
    this.CONSUME(k('ExampleKw'));
    this.CONSUME(T.StringLit);
    this.MANY(() => this.SUBRULE(this.exampleLine));
  });

  exampleLine = this.RULE('exampleLine', () => {
    this.OR([
      { ALT: () => { this.CONSUME(k('GroupKw')); this.CONSUME(T.Identifier); } },
      { ALT: () => { this.CONSUME(k('YearKw')); this.CONSUME(T.NumberLit); } },
      {
        ALT: () => {
          this.CONSUME2(T.Identifier);
          this.OR2([{ ALT: () => this.CONSUME(k('IsKw')) }, { ALT: () => this.CONSUME(T.Eq) }]);
          this.CONSUME(T.StringLit);
        },
      },
      { ALT: () => { this.CONSUME(k('HasKw')); this.CONSUME(k('FactKw')); this.CONSUME3(T.Identifier); } },
      {
        ALT: () => {
          this.CONSUME(k('ScoresKw'));
          this.AT_LEAST_ONE_SEP({ SEP: T.Comma, DEF: () => this.SUBRULE(this.scoreEntry) });
        },
      },
      {
        ALT: () => {
          this.OPTION(() => this.CONSUME(k('NotKw')));
          this.CONSUME(k('EvidenceKw'));
          this.AT_LEAST_ONE_SEP2({ SEP: T.Comma, DEF: () => this.SUBRULE(this.number) });
        },
      },
      {
        ALT: () => {
          this.CONSUME(k('HistoryKw'));
          this.AT_LEAST_ONE_SEP3({ SEP: T.Semicolon, DEF: () => this.SUBRULE(this.historyEntry) });
        },
      },
      {
        ALT: () => {
          this.CONSUME(k('MembersKw'));
          this.CONSUME2(T.NumberLit);
          this.OR3([
            { ALT: () => this.CONSUME(k('MissingDataKw')) },
            { ALT: () => this.AT_LEAST_ONE_SEP4({ SEP: k('AndKw'), DEF: () => this.SUBRULE(this.memberPredicate) }) },
          ]);
        },
      },
      { ALT: () => { this.CONSUME(k('PopulationKw')); this.CONSUME2(T.StringLit); } },
      {
        ALT: () => {
          this.CONSUME(k('BaselineKw'));
          this.CONSUME4(T.NumberLit);
          this.OPTION2(() => this.CONSUME(T.Colon));
          this.SUBRULE(this.value);
        },
      },
      {
        ALT: () => {
          this.CONSUME(k('ExpectKw'));
          this.AT_LEAST_ONE_SEP5({ SEP: T.Comma, DEF: () => this.SUBRULE(this.expectation) });
        },
      },
    ]);
  });

  scoreEntry = this.RULE('scoreEntry', () => {
    this.SUBRULE(this.number);
    this.CONSUME(T.Eq);
    this.CONSUME(T.NumberLit);
  });

  historyEntry = this.RULE('historyEntry', () => {
    this.CONSUME(T.NumberLit);
    this.CONSUME(T.Colon);
    this.AT_LEAST_ONE_SEP({ SEP: T.Comma, DEF: () => this.SUBRULE(this.titleRef) });
  });

  expectation = this.RULE('expectation', () => {
    this.OR([
      {
        ALT: () => {
          this.OR2([{ ALT: () => this.CONSUME(k('TotalKw')) }, { ALT: () => this.CONSUME(k('TotalPointsKw')) }]);
          this.CONSUME(T.NumberLit);
        },
      },
      { ALT: () => { this.CONSUME(k('CriterionKw')); this.SUBRULE(this.number); this.CONSUME(T.Eq); this.CONSUME2(T.NumberLit); } },
      { ALT: () => { this.CONSUME(k('IndicatorKw')); this.SUBRULE2(this.number); this.CONSUME2(T.Eq); this.CONSUME3(T.NumberLit); } },
      { ALT: () => { this.CONSUME(k('AchievedKw')); this.SUBRULE(this.titleRef); } },
      { ALT: () => { this.CONSUME(k('NotAchievedKw')); this.SUBRULE2(this.titleRef); } },
      { ALT: () => { this.CONSUME(k('GradingKw')); this.CONSUME(T.StringLit); } },
      {
        ALT: () => {
          this.CONSUME(k('TargetKw'));
          this.SUBRULE(this.holding);
          this.CONSUME(k('YearKw'));
          this.CONSUME4(T.NumberLit);
          this.OR3([{ ALT: () => this.CONSUME2(k('AchievedKw')) }, { ALT: () => this.CONSUME2(k('NotAchievedKw')) }]);
        },
      },
      { ALT: () => this.CONSUME(k('ErrorKw')) },
    ]);
  });

  memberPredicate = this.RULE('memberPredicate', () => {
    this.OR([
      { ALT: () => { this.CONSUME(k('AchievedKw')); this.SUBRULE(this.titleRef); } },
      { ALT: () => { this.CONSUME(k('NotAchievedKw')); this.SUBRULE2(this.titleRef); } },
      { ALT: () => { this.CONSUME(k('HasKw')); this.CONSUME(k('FactKw')); this.CONSUME(T.Identifier); } },
    ]);
  });

  comparison = this.RULE('comparison', () => {
    this.OR([
      {
        ALT: () => {
          this.OR2([
            { ALT: () => this.CONSUME(T.Gte) },
            { ALT: () => this.CONSUME(T.Gt) },
            { ALT: () => this.CONSUME(T.Lte) },
            { ALT: () => this.CONSUME(T.Lt) },
            { ALT: () => this.CONSUME(T.Eq) },
            { ALT: () => this.CONSUME(T.Neq) },
          ]);
          this.SUBRULE(this.value);
        },
      },
      {
        ALT: () => {
          this.CONSUME(k('FromKw'));
          this.SUBRULE2(this.value);
          this.OPTION(() => this.CONSUME(k('ScoresKw')));
          this.CONSUME(k('OrMoreKw'));
        },
      },
      { ALT: () => { this.CONSUME(k('BelowKw')); this.SUBRULE3(this.value); this.OPTION2(() => this.CONSUME2(k('ScoresKw'))); } },
      { ALT: () => { this.CONSUME(k('AboveKw')); this.SUBRULE4(this.value); this.OPTION3(() => this.CONSUME3(k('ScoresKw'))); } },
    ]);
  });

  condition = this.RULE('condition', () => {
    this.SUBRULE(this.andExpr);
    this.MANY(() => {
      this.CONSUME(k('OrKw'));
      this.SUBRULE2(this.andExpr);
    });
  });

  andExpr = this.RULE('andExpr', () => {
    this.SUBRULE(this.unaryExpr);
    this.MANY(() => {
      this.CONSUME(k('AndKw'));
      this.SUBRULE2(this.unaryExpr);
    });
  });

  unaryExpr = this.RULE('unaryExpr', () => {
    this.OR([
      { ALT: () => { this.CONSUME(k('NotKw')); this.SUBRULE(this.unaryExpr); } },
      { ALT: () => this.SUBRULE(this.atom) },
    ]);
  });

  atom = this.RULE('atom', () => {
    this.OR([
      { ALT: () => { this.CONSUME(T.LParen); this.SUBRULE(this.condition); this.CONSUME(T.RParen); } },
      {
        ALT: () => {
          this.OR2([{ ALT: () => this.CONSUME(k('TotalPointsKw')) }, { ALT: () => this.CONSUME(k('TotalKw')) }]);
          this.SUBRULE(this.comparison);
        },
      },
      { ALT: () => { this.CONSUME(k('EveryIndicatorKw')); this.SUBRULE2(this.comparison); } },
      { ALT: () => { this.CONSUME(k('NoIndicatorKw')); this.CONSUME(k('BelowKw')); this.SUBRULE(this.value); this.OPTION(() => this.CONSUME(k('ScoresKw'))); } },
      { ALT: () => { this.CONSUME(k('EveryCriterionKw')); this.SUBRULE3(this.comparison); } },
      { ALT: () => { this.CONSUME(k('IndicatorKw')); this.SUBRULE(this.number); this.SUBRULE4(this.comparison); } },
      { ALT: () => { this.CONSUME(k('CriterionKw')); this.SUBRULE2(this.number); this.SUBRULE5(this.comparison); } },
      { ALT: () => { this.CONSUME(k('GroupKw')); this.OPTION2(() => this.CONSUME(k('IsKw'))); this.CONSUME(T.Identifier); } },
      {
        ALT: () => {
          this.CONSUME2(T.Identifier);
          this.OR3([{ ALT: () => this.CONSUME2(k('IsKw')) }, { ALT: () => this.CONSUME(T.Eq) }]);
          this.CONSUME(T.StringLit);
        },
      },
      { ALT: () => { this.OPTION3(() => this.CONSUME(k('HasKw'))); this.CONSUME(k('FactKw')); this.CONSUME3(T.Identifier); } },
      {
        ALT: () => {
          this.CONSUME(k('AchievedKw'));
          this.SUBRULE(this.titleRef);
          this.OPTION4(() => {
            this.CONSUME(T.NumberLit);
            this.CONSUME(k('ConsecutiveYearsKw'));
          });
        },
      },
      {
        ALT: () => {
          this.SUBRULE2(this.titleRef);
          this.CONSUME2(k('AchievedKw'));
          this.CONSUME2(T.NumberLit);
          this.CONSUME2(k('ConsecutiveYearsKw'));
        },
      },
      {
        // `không đạt X` lexes as one keyword, so "not holding a title" needs its own alternative.
        ALT: () => {
          this.CONSUME(k('NotAchievedKw'));
          this.SUBRULE3(this.titleRef);
          this.OPTION5(() => {
            this.CONSUME3(T.NumberLit);
            this.CONSUME3(k('ConsecutiveYearsKw'));
          });
        },
      },
      { ALT: () => { this.CONSUME(k('MemberRatioKw')); this.SUBRULE(this.memberPredicate); this.SUBRULE6(this.comparison); } },
      { ALT: () => { this.CONSUME(k('MemberCountKw')); this.SUBRULE2(this.memberPredicate); this.SUBRULE7(this.comparison); } },
    ]);
  });
}

/**
 * The grammar, analysed once (that takes tens of milliseconds, a parse of a small file well under
 * one). Chevrotain parsers are reused by setting `input` and calling a rule: `syntaxPhase` in
 * `parse.ts` is the only place that does, and it detaches the input before it returns.
 */
export const criteriaParser = new CriteriaParser();

/** The grammar as Chevrotain's serialised productions, for syntax diagrams. */
export function serializedGrammar() {
  return criteriaParser.getSerializedGastProductions();
}

export { EOF };
