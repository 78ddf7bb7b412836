import { generateCstDts } from 'chevrotain';
import { expect, it } from 'vitest';
import { criteriaParser } from '../src/parser.js';

const HEADER = `/**
 * The CST's node and children types and its visitor interface, generated from the grammar by
 * Chevrotain's \`generateCstDts\`; \`build-ast.ts\` types its visitor with them, so a renamed rule or
 * token is a compile error there. Do not edit: \`npx vitest run test/cst-types.test.ts -u\` rewrites it.
 */
`;

it('the committed CST types are the grammar’s', async () => {
  const dts = generateCstDts(criteriaParser.getGAstProductions(), { visitorInterfaceName: 'CriteriaCstVisitor' });
  await expect(HEADER + dts).toMatchFileSnapshot('../src/cst.generated.ts');
});
