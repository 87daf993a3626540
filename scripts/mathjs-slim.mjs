/**
 * The interactive sheet's mathjs: only the expression parser (and fraction.js for exact numbers),
 * built from mathjs's own factories, so the page bundle carries ≈ 100 KB of mathjs instead of the
 * 650 KB single-file build src/mathjs.ts loads in Node. scripts/bundle-checker.mjs aliases
 * 'mathjs/lib/browser/math.js' to this file; test/interactive/mathjs-slim.test.ts checks that both
 * parse every input to the same tree.
 *
 * The parser is mathjs's `parse` with its real node classes, `typed`, `number` and `numeric` (so
 * numbers such as 0x1Fi8 read the same). What the nodes would need to evaluate themselves (the
 * math namespace, subset, size, …) is left out: gradsheet never evaluates a mathjs node; those
 * slots get a stub that throws if it is ever called.
 */
import {
  createAccessorNode,
  createArrayNode,
  createAssignmentNode,
  createBlockNode,
  createConditionalNode,
  createConstantNode,
  createFunctionAssignmentNode,
  createFunctionNode,
  createIndexNode,
  createNode,
  createNumber,
  createNumeric,
  createObjectNode,
  createOperatorNode,
  createParenthesisNode,
  createParse,
  createRangeNode,
  createRelationalNode,
  createSymbolNode,
  createTyped,
} from 'mathjs';
import Fraction from 'fraction.js';

const unused = new Proxy(
  function unusedMathjs() {
    throw new Error('gradsheet: a mathjs node was evaluated in the page');
  },
  { get: () => unused },
);

const typed = createTyped({});
const number = createNumber({ typed });
const numeric = createNumeric({ number });
const Node = createNode({ mathWithTransform: unused });
const SymbolNode = createSymbolNode({ math: unused, Node });

const parse = createParse({
  typed,
  numeric,
  config: { number: 'number' },
  AccessorNode: createAccessorNode({ subset: unused, Node }),
  ArrayNode: createArrayNode({ Node }),
  AssignmentNode: createAssignmentNode({ subset: unused, matrix: unused, Node }),
  BlockNode: createBlockNode({ ResultSet: unused, Node }),
  ConditionalNode: createConditionalNode({ Node }),
  ConstantNode: createConstantNode({ Node, isBounded: unused }),
  FunctionAssignmentNode: createFunctionAssignmentNode({ typed, Node }),
  FunctionNode: createFunctionNode({ math: unused, Node, SymbolNode }),
  IndexNode: createIndexNode({ Node, size: unused }),
  ObjectNode: createObjectNode({ Node }),
  OperatorNode: createOperatorNode({ Node }),
  ParenthesisNode: createParenthesisNode({ Node }),
  RangeNode: createRangeNode({ Node }),
  RelationalNode: createRelationalNode({ Node }),
  SymbolNode,
});

export default { parse, Fraction };
