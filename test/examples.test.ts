/*
 * Every `@example` in the doc comments of lib/ is a test: this file finds them (lib/*.ts and lib/**\/*.ts, read at
 * run time, so new files are picked up), runs them, and checks each printed output.
 *
 * CONVENTION for examples (please follow it in every lib file):
 * - An `@example` block runs from the `@example` line to the next `@tag` line or the end of the doc comment.
 *   Markdown fences (```) inside it are ignored.
 * - The code is JavaScript/TypeScript (types are stripped with esbuild). In scope: every export of the entry points
 *   (lib/index.ts, lib/display/index.ts, lib/studies/index.ts) and every export of the example's own file. Nothing
 *   else (no imports).
 * - `expression; // => value` checks that the expression equals `value`. The expression may start on earlier
 *   lines: everything after the previous line that ended with `;` belongs to it. So END EVERY STATEMENT WITH `;`.
 *   Other lines (`const model = gm11(x);`) simply run, in order, in one scope per block.
 * - `value` is a JavaScript literal: number, 'string', [array], { object }, true, false, null, NaN, Infinity.
 *   It may go on over the next lines that start with `//` (e.g. `// => [1, 2,` then `//    3]`), or the whole
 *   `// => value` may stand on the line after the expression.
 * - Numbers are compared to the printed precision: a number printed with d decimals matches when
 *   |actual - printed| <= 0.5 * 10^-d (print 0.4620911 for 0.46209114...); with an exponent (1.5e-8), to the
 *   printed significant digits. A number printed WITHOUT decimals must match exactly (1e-9 relative), so write
 *   `0` only for a true zero. Trailing zeros count as printed precision (3.354550 is checked to 6 decimals).
 * - Arrays and typed arrays must have the same length and match element by element. An object lists the fields
 *   it shows; the result's other fields are not checked. Strings, booleans and null must be equal.
 * - `expression; // => throws RangeError: some text` checks that it throws that error class with a message
 *   containing the text (the class and the text are both optional: `// => throws`).
 * - A block with no `// =>` line fails: an example must show its output.
 * - Every function exported from an entry point needs an `@example` in the doc comment right above its declaration,
 *   or, where an example cannot run here (it writes files, needs a browser), a tag `@noExample <reason>`.
 * The self-tests at the bottom make sure that a wrong output, a wrong precision or a wrong error fails.
 */
import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { transformSync } from 'esbuild';

const LIB = path.resolve(__dirname, '..', 'lib');

/** Every export of the library's entry points (main, display, studies), as one scope. */
async function entryExports(): Promise<Record<string, unknown>> {
  const main = (await import('../lib/index')) as Record<string, unknown>;
  const display = (await import('../lib/display/index')) as Record<string, unknown>;
  const studies = (await import('../lib/studies/index')) as Record<string, unknown>;
  return { ...main, ...display, ...studies };
}

// ------------------------------------------------------------------------------------------------ extraction

interface Example {
  file: string;
  /** 1-based line of the `@example` tag in the file. */
  line: number;
  /** Name of the declaration after the comment (for test titles). */
  name: string;
  /** Lines of the block with the leading ` * ` removed, each with its 1-based file line. */
  lines: { text: string; line: number }[];
}

function libFiles(dir: string): string[] {
  const out: string[] = [];
  for (const entry of readdirSync(dir).sort()) {
    const full = path.join(dir, entry);
    if (statSync(full).isDirectory()) out.push(...libFiles(full));
    else if (entry.endsWith('.ts') && !entry.endsWith('.d.ts')) out.push(full);
  }
  return out;
}

/** The doc comments of a source text, with their start line and the name declared right after them. */
function docComments(source: string): { body: string[]; startLine: number; name: string }[] {
  const out: { body: string[]; startLine: number; name: string }[] = [];
  const re = /\/\*\*([\s\S]*?)\*\//g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(source)) !== null) {
    const startLine = source.slice(0, m.index).split('\n').length;
    const after = source.slice(re.lastIndex, re.lastIndex + 300);
    const decl = /^\s*(?:export\s+)?(?:declare\s+)?(?:async\s+)?(?:function\*?|const|let|class|interface|type)\s+([A-Za-z_$][\w$]*)/.exec(after);
    const body = m[1].split('\n').map((l) => l.replace(/^\s*\*(?: |$)?/, ''));
    out.push({ body, startLine, name: decl ? decl[1] : '(anonymous)' });
  }
  return out;
}

function extractExamples(source: string, file: string): Example[] {
  const examples: Example[] = [];
  for (const comment of docComments(source)) {
    let current: Example | null = null;
    comment.body.forEach((text, i) => {
      const line = comment.startLine + i;
      const tag = /^\s*@(\w+)/.exec(text);
      if (tag) {
        current = null;
        if (tag[1] === 'example') {
          current = { file, line, name: comment.name, lines: [] };
          examples.push(current);
          const rest = text.replace(/^\s*@example\s*/, '');
          if (rest.trim() !== '') current.lines.push({ text: rest, line });
        }
        return;
      }
      if (current && !/^\s*```/.test(text)) current.lines.push({ text, line });
    });
  }
  return examples;
}

// ------------------------------------------------------------------------------------------------ parsing a block

interface Check {
  line: number;
  expression: string;
  expected: string;
}

/** Split `code // comment` (outside strings) into its two parts. */
function splitComment(text: string): { code: string; comment: string | null } {
  let quote: string | null = null;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quote) {
      if (c === '\\') i++;
      else if (c === quote) quote = null;
    } else if (c === '"' || c === "'" || c === '`') quote = c;
    else if (c === '/' && text[i + 1] === '/') return { code: text.slice(0, i), comment: text.slice(i + 2) };
  }
  return { code: text, comment: null };
}

/** Turn a block into code that runs its statements and calls __check(index, () => expression) for each output. */
function compileExample(lines: { text: string; line: number }[]): { code: string; checks: Check[] } {
  const checks: Check[] = [];
  const out: string[] = [];
  let pending: string[] = [];
  let lastCheck: Check | null = null;
  for (let i = 0; i < lines.length; i++) {
    const { code, comment } = splitComment(lines[i].text);
    const arrow = comment !== null ? /^\s*=>\s?(.*)$/.exec(comment) : null;
    if (arrow) {
      let expression = (pending.join('\n') + '\n' + code).trim();
      pending = [];
      if (expression === '' && out.length > 0 && lastCheck === null) {
        // `// => value` on the line after its expression statement: take that statement back.
        expression = out.pop() as string;
      }
      expression = expression.replace(/;\s*$/, '');
      const check: Check = { line: lines[i].line, expression, expected: arrow[1] };
      checks.push(check);
      out.push(`__check(${checks.length - 1}, () => (${expression}\n));`);
      lastCheck = check;
      continue;
    }
    if (lastCheck && code.trim() === '' && comment !== null) {
      lastCheck.expected += '\n' + comment; // continuation of a multi-line expected value
      continue;
    }
    lastCheck = null;
    if (code.trim() === '') continue;
    pending.push(code);
    if (/;\s*$/.test(code)) {
      out.push(pending.join('\n'));
      pending = [];
    }
  }
  if (pending.length > 0) out.push(pending.join('\n'));
  return { code: out.join('\n'), checks };
}

// ------------------------------------------------------------------------------------------------ comparing

/** Number literals of an expected-value text, in order (string literals removed first). */
function numberTokens(text: string): string[] {
  const noStrings = text.replace(/'(?:[^'\\]|\\.)*'|"(?:[^"\\]|\\.)*"|`(?:[^`\\]|\\.)*`/g, "''");
  return noStrings.match(/(?<![\w$.])(?:\d+\.?\d*|\.\d+)(?:[eE][-+]?\d+)?/g) ?? [];
}

function tolerance(token: string | undefined, expected: number): number {
  if (token === undefined) return 1e-9 * Math.max(1, Math.abs(expected)); // no printed form found: near-exact
  const m = /^(\d*)(?:\.(\d*))?(?:[eE]([-+]?\d+))?$/.exec(token);
  if (!m) return 1e-9 * Math.max(1, Math.abs(expected));
  const decimals = m[2] === undefined ? 0 : m[2].length;
  const exponent = m[3] === undefined ? 0 : Number(m[3]);
  if (decimals === 0 && m[3] === undefined) return 1e-9 * Math.max(1, Math.abs(expected)); // integers: exact
  return 0.5 * 10 ** (exponent - decimals) * (1 + 1e-9) + 1e-15 * Math.abs(expected);
}

function isPlainObject(x: unknown): x is Record<string, unknown> {
  return x !== null && typeof x === 'object' && !Array.isArray(x) && !ArrayBuffer.isView(x);
}

/** Compare actual with expected; push a message per mismatch. `tokens` supplies printed precisions in order. */
function compare(actual: unknown, expected: unknown, where: string, tokens: string[], problems: string[]): void {
  if (typeof expected === 'number') {
    const token = tokens.shift();
    if (typeof actual !== 'number') {
      problems.push(`${where}: expected the number ${token ?? expected}, got ${show(actual)}`);
      return;
    }
    if (Number.isNaN(expected) || !Number.isFinite(expected)) {
      if (!Object.is(actual, expected)) problems.push(`${where}: expected ${expected}, got ${actual}`);
      return;
    }
    if (!(Math.abs(actual - expected) <= tolerance(token, expected))) {
      problems.push(`${where}: expected ${token ?? expected} (to the printed precision), got ${actual}`);
    }
    return;
  }
  if (Array.isArray(expected)) {
    const list = ArrayBuffer.isView(actual) ? Array.from(actual as unknown as ArrayLike<unknown>) : actual;
    if (!Array.isArray(list)) {
      problems.push(`${where}: expected an array, got ${show(actual)}`);
      return;
    }
    if (list.length !== expected.length) {
      problems.push(`${where}: expected ${expected.length} elements, got ${list.length}`);
      return;
    }
    expected.forEach((e, i) => compare(list[i], e, `${where}[${i}]`, tokens, problems));
    return;
  }
  if (isPlainObject(expected)) {
    if (actual === null || typeof actual !== 'object') {
      problems.push(`${where}: expected an object, got ${show(actual)}`);
      return;
    }
    for (const key of Object.keys(expected)) {
      if (!(key in (actual as object))) {
        problems.push(`${where}.${key}: missing`);
        numberTokens(JSON.stringify(expected[key]) ?? '').forEach(() => tokens.shift());
        continue;
      }
      compare((actual as Record<string, unknown>)[key], expected[key], `${where}.${key}`, tokens, problems);
    }
    return;
  }
  if (!Object.is(actual, expected)) problems.push(`${where}: expected ${show(expected)}, got ${show(actual)}`);
}

function show(x: unknown): string {
  if (typeof x === 'string') return JSON.stringify(x);
  if (typeof x === 'function') return 'a function';
  try {
    return JSON.stringify(x) ?? String(x);
  } catch {
    return String(x);
  }
}

function countNumbers(x: unknown): number {
  if (typeof x === 'number') return 1;
  if (Array.isArray(x)) return x.reduce((s: number, e) => s + countNumbers(e), 0);
  if (isPlainObject(x)) return Object.values(x).reduce((s: number, e) => s + countNumbers(e), 0);
  return 0;
}

/** Run one example block against a scope; returns the problems found (empty when every output is right). */
function runExample(lines: { text: string; line: number }[], scope: Record<string, unknown>): string[] {
  const { code, checks } = compileExample(lines);
  if (checks.length === 0) return ['the example shows no output (add `expression; // => value`)'];
  const problems: string[] = [];
  const names = Object.keys(scope).filter((k) => /^[A-Za-z_$][\w$]*$/.test(k) && k !== 'default');
  let js: string;
  try {
    js = transformSync(code, { loader: 'ts', format: 'cjs' }).code;
  } catch (e) {
    return [`does not compile: ${(e as Error).message}`];
  }
  const seen = new Set<number>();
  const check = (index: number, thunk: () => unknown): void => {
    seen.add(index);
    const c = checks[index];
    const where = `line ${c.line}: ${c.expression.replace(/\s+/g, ' ')}`;
    const throwsSpec = /^\s*throws\b\s*(\w*Error)?\s*:?\s*([\s\S]*?)\s*$/.exec(c.expected);
    if (throwsSpec) {
      try {
        const value = thunk();
        problems.push(`${where}: expected it to throw, got ${show(value)}`);
      } catch (e) {
        const err = e as Error;
        if (throwsSpec[1] && err?.name !== throwsSpec[1]) problems.push(`${where}: expected a ${throwsSpec[1]}, got ${err?.name}: ${err?.message}`);
        if (throwsSpec[2] && !String(err?.message).includes(throwsSpec[2])) {
          problems.push(`${where}: expected the message to contain "${throwsSpec[2]}", got "${err?.message}"`);
        }
      }
      return;
    }
    let expected: unknown;
    try {
      expected = new Function(`return (${c.expected}\n);`)();
    } catch (e) {
      problems.push(`${where}: cannot read the expected value "${c.expected}" (${(e as Error).message})`);
      return;
    }
    let actual: unknown;
    try {
      actual = thunk();
    } catch (e) {
      problems.push(`${where}: threw ${(e as Error).name}: ${(e as Error).message}`);
      return;
    }
    let tokens = numberTokens(c.expected);
    if (tokens.length !== countNumbers(expected)) tokens = []; // cannot pair printed forms: compare near-exactly
    compare(actual, expected, where, tokens, problems);
  };
  try {
    new Function(...names, '__check', js)(...names.map((n) => scope[n]), check);
  } catch (e) {
    problems.push(`the example threw ${(e as Error).name}: ${(e as Error).message}`);
  }
  checks.forEach((c, i) => {
    if (!seen.has(i)) problems.push(`line ${c.line}: this check never ran`);
  });
  return problems;
}

// ------------------------------------------------------------------------------------------------ the tests

const files = libFiles(LIB);
const examplesByFile = files
  .map((file) => ({ file, examples: extractExamples(readFileSync(file, 'utf8'), file) }))
  .filter((f) => f.examples.length > 0);

describe('@example outputs in lib/', () => {
  it('finds examples', () => {
    expect(examplesByFile.length).toBeGreaterThan(0);
  });

  for (const { file, examples } of examplesByFile) {
    const rel = path.relative(path.resolve(LIB, '..'), file);
    describe(rel, () => {
      for (const example of examples) {
        it(`${example.name} (line ${example.line})`, async () => {
          const index = await entryExports();
          const own = (await import(file)) as Record<string, unknown>;
          const problems = runExample(example.lines, { ...index, ...own });
          expect(problems, `${rel}: @example of ${example.name} at line ${example.line}`).toEqual([]);
        });
      }
    });
  }
});

/**
 * Exports of lib/index.ts that are functions (classes included: a class is a function at run time) and lack an
 * `@example` or `@noExample <reason>` in the doc comment right above their declaration. The declaration is looked
 * for as `export [async|abstract] function|const|let|class NAME` in the sources; an export whose declaration cannot
 * be found (a form this search does not know) counts as missing too, so nothing is skipped silently.
 */
function missingExamples(index: Record<string, unknown>, sources: { f: string; s: string }[]): string[] {
  const missing: string[] = [];
  for (const [name, value] of Object.entries(index)) {
    if (typeof value !== 'function') continue;
    let found = false;
    for (const { f, s } of sources) {
      const decl = new RegExp(
        `\\bexport\\s+(?:declare\\s+)?(?:async\\s+|abstract\\s+)?(?:function\\*?|const|let|class)\\s+${name.replace(/\$/g, '\\$')}\\b`,
      ).exec(s);
      if (!decl) continue;
      found = true;
      const before = s.slice(0, decl.index);
      const open = before.lastIndexOf('/**');
      const close = before.lastIndexOf('*/');
      const docAttached = open >= 0 && close > open && before.slice(close + 2).trim() === '';
      if (!docAttached || !/@example|@noExample\s+\S/.test(before.slice(open, close))) missing.push(`${name} (${path.basename(f)})`);
      break;
    }
    if (!found) missing.push(`${name} (declaration not found)`);
  }
  return missing;
}

describe('every function and class exported from lib/index, lib/studies/index and the figure builders has an @example (or @noExample <reason>)', () => {
  it('has one', async () => {
    // The notebook-output and PNG helpers of lib/display need a kernel or a browser: test/display covers them.
    const main = (await import('../lib/index')) as Record<string, unknown>;
    const studies = (await import('../lib/studies/index')) as Record<string, unknown>;
    const charts = (await import('../lib/display/charts')) as Record<string, unknown>;
    const version = (await import('../lib/display/version')) as Record<string, unknown>;
    const index = { ...main, ...studies, ...charts, ...version };
    const sources = files.map((f) => ({ f, s: readFileSync(f, 'utf8') }));
    expect(missingExamples(index, sources)).toEqual([]);
  });
});

/** The doc comment right above `export ... NAME` in a source, or null when there is none (or no such declaration). */
function docAbove(source: string, name: string): string | null {
  const decl = new RegExp(
    `\\bexport\\s+(?:declare\\s+)?(?:async\\s+|abstract\\s+)?(?:function\\*?|const|let|class)\\s+${name.replace(/\$/g, '\\$')}\\b`,
  ).exec(source);
  if (!decl) return null;
  const before = source.slice(0, decl.index);
  const open = before.lastIndexOf('/**');
  const close = before.lastIndexOf('*/');
  return open >= 0 && close > open && before.slice(close + 2).trim() === '' ? before.slice(open, close) : null;
}

/** A DOI (`doi:10.xxxx/...`) or an explicit statement that there is none. */
const REFERENCE = /doi:10\.\d{4,9}\/\S+|\bno (?:reference or )?DOI\b/;

/**
 * Functions exported from lib/index.ts and declared in a lib/measures/*.ts file whose doc comment (or, for helper
 * modules, the module's header comment) neither gives a DOI nor says that none exists.
 */
function missingReferences(index: Record<string, unknown>, sources: { f: string; s: string }[]): string[] {
  const missing: string[] = [];
  for (const [name, value] of Object.entries(index)) {
    if (typeof value !== 'function') continue;
    for (const { f, s } of sources) {
      if (!new RegExp(`\\bexport\\s+(?:async\\s+)?(?:function\\*?|const|let|class)\\s+${name.replace(/\$/g, '\\$')}\\b`).test(s)) continue;
      // the module's header: a leading doc comment that is not attached to a declaration
      const lead = /^\s*\/\*\*([\s\S]*?)\*\/\s*(\S+)/.exec(s);
      const header = lead && !/^(?:export|declare|async|function|const|let|class|interface|type)\b/.test(lead[2]) ? lead[1] : '';
      if (!REFERENCE.test(docAbove(s, name) ?? '') && !REFERENCE.test(header)) missing.push(`${name} (${path.basename(f)})`);
      break;
    }
  }
  return missing;
}

describe('every function exported from a lib/measures/*.ts file cites a reference with a DOI, or says none exists', () => {
  it('has one', async () => {
    const index = (await import('../lib/index')) as Record<string, unknown>;
    const measures = files.filter((f) => path.dirname(f) === path.join(LIB, 'measures')).map((f) => ({ f, s: readFileSync(f, 'utf8') }));
    expect(measures.length).toBeGreaterThan(8);
    expect(missingReferences(index, measures)).toEqual([]);
  });

  it('coefficientOfVariation cites Cowell 2011 with its DOI; growthByPeriod says the Li et al. preprint has no DOI', () => {
    const theil = readFileSync(path.join(LIB, 'measures', 'entropy.ts'), 'utf8');
    expect(docAbove(theil, 'coefficientOfVariation')).toMatch(/Cowell FA \(2011\)[\s\S]*doi:10\.1093\/acprof:osobl\/9780199594030\.001\.0001/);
    const growth = readFileSync(path.join(LIB, 'measures', 'growth.ts'), 'utf8');
    expect(docAbove(growth, 'growthByPeriod')).toMatch(/Li S\., Liao C\., Zhang S\. \(2024, preprint\)[\s\S]*no DOI/);
  });

  it('the check itself: a DOI or "no DOI" passes, a bare citation does not', () => {
    const source = [
      '/** Cited. Reference: A (2000). J 1:1. doi:10.1000/xyz */',
      'export function a() {}',
      '/** Reference: a book (no DOI). */',
      'export function b() {}',
      '/** Reference: Cowell FA (2011). Measuring Inequality. */',
      'export function c() {}',
    ].join('\n');
    const index = { a: () => 0, b: () => 0, c: () => 0 };
    expect(missingReferences(index, [{ f: 'x.ts', s: source }])).toEqual(['c (x.ts)']);
    expect(missingReferences(index, [{ f: 'x.ts', s: '/** Helpers: no reference or DOI to cite. */\n' + source }])).toEqual([]);
  });
});

// ------------------------------------------------------------------------------------------------ self-tests

describe('the example checker itself', () => {
  const scope = { double: (x: number) => 2 * x, third: 1 / 3, boom: () => { throw new RangeError('boom: bad input'); } };
  const block = (...texts: string[]) => texts.map((text, i) => ({ text, line: i + 1 }));

  it('accepts right outputs, to the printed precision', () => {
    expect(runExample(block('double(2); // => 4', 'third; // => 0.3333', '[third, 1]; // => [0.333, 1]'), scope)).toEqual([]);
    expect(runExample(block('const x = { a: third, b: "s", c: [1, 2] };', 'x; // => { a: 0.33333, c: [1, 2] }'), scope)).toEqual([]);
    expect(runExample(block('double(', '  2.5', '); // => 5'), scope)).toEqual([]);
    expect(runExample(block('[1, 2, 3];', '// => [1, 2,', '//     3]'), scope)).toEqual([]);
    expect(runExample(block('boom(); // => throws RangeError: bad input'), scope)).toEqual([]);
    expect(runExample(block('const y: number = 3;', 'y; // => 3'), scope)).toEqual([]);
    expect(runExample(block('new Float64Array([0.25, 0.5]); // => [0.25, 0.5]'), scope)).toEqual([]);
    expect(runExample(block('1.5e-8 + 1e-12; // => 1.5e-8'), scope)).toEqual([]);
    expect(runExample(block("'unit 4'; // => 'unit 4'"), scope)).toEqual([]);
  });

  it('rejects wrong outputs', () => {
    expect(runExample(block('double(2); // => 5'), scope)).toHaveLength(1);
    expect(runExample(block('third; // => 0.3334'), scope)).toHaveLength(1); // off in the 4th decimal
    expect(runExample(block('third; // => 0'), scope)).toHaveLength(1); // an integer must be exact
    expect(runExample(block('0.4620911; // => 0.4620912'), scope)).toHaveLength(1);
    expect(runExample(block('3.35455; // => 3.354550'), scope)).toEqual([]);
    expect(runExample(block('3.3545504; // => 3.354550'), scope)).toEqual([]);
    expect(runExample(block('3.354556; // => 3.354550'), scope)).toHaveLength(1); // trailing zero is precision
    expect(runExample(block('[1, 2]; // => [1, 2, 3]'), scope)).toHaveLength(1);
    expect(runExample(block('({ a: 1 }); // => { a: 1, b: 2 }'), scope)).toHaveLength(1);
    expect(runExample(block("'a'; // => 'b'"), scope)).toHaveLength(1);
    expect(runExample(block('double(1); // => throws'), scope)).toHaveLength(1);
    expect(runExample(block('boom(); // => throws TypeError'), scope)).toHaveLength(1);
    expect(runExample(block('boom(); // => 1'), scope)).toHaveLength(1);
    expect(runExample(block('double(1);'), scope)).toHaveLength(1); // no output shown
    expect(runExample(block('undefinedName(1); // => 1'), scope)).toHaveLength(1);
  });

  it('flags exported functions and classes without an example, and exports it cannot find', () => {
    const source = [
      '/** Documented. @example f(); // => 1 */',
      'export function f() { return 1; }',
      '/** An error, undocumented example. */',
      'export class BadError extends Error {}',
      '/**',
      ' * An error with an example.',
      ' * @example',
      " * new GoodError('x').message; // => 'x'",
      ' */',
      'export class GoodError extends Error {}',
      '/** Cannot run here. @noExample needs a browser */',
      'export const g = () => 2;',
      'function hidden() { return 3; }',
      'export { hidden as h };',
    ].join('\n');
    class BadError extends Error {}
    class GoodError extends Error {}
    const index = { f: () => 1, BadError, GoodError, g: () => 2, h: () => 3, PALETTE: ['#000'] };
    expect(missingExamples(index, [{ f: 'x.ts', s: source }])).toEqual(['BadError (x.ts)', 'h (declaration not found)']);
  });

  it('reads @example blocks from doc comments', () => {
    const source = [
      '/**',
      ' * Doubles.',
      ' * @example',
      ' * ```js',
      ' * double(2); // => 4',
      ' * ```',
      ' * @see elsewhere',
      ' */',
      'export function double(x: number) { return 2 * x; }',
    ].join('\n');
    const [example] = extractExamples(source, 'x.ts');
    expect(example.name).toBe('double');
    expect(example.line).toBe(3);
    expect(example.lines.map((l) => l.text.trim()).filter(Boolean)).toEqual(['double(2); // => 4']);
    expect(runExample(example.lines, scope)).toEqual([]);
  });
});
