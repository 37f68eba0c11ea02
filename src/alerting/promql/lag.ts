/**
 * Reading any expression some time earlier, exactly: every selector in it gets `offset L` (added to
 * an offset it already has). PromQL's `offset` only applies to selectors and subqueries, and wrapping
 * the whole expression in a short subquery would be exact too, but a range query (a dashboard panel,
 * `promtool tsdb create-blocks-from rules`) evaluates a subquery over its whole range at the
 * subquery's own step, which for a millisecond step is millions of evaluations.
 *
 * A selector pinned with `@` keeps its time (a fixed baseline stays fixed). Functions of the
 * evaluation time itself (`time()`, `hour()`, ...) are not selectors and are not shifted.
 */
import { AlertInputError } from '../problems';
import { durationLiteral, parseDuration } from './literals';

const GROUPING = new Set(['by', 'without', 'on', 'ignoring', 'group_left', 'group_right']);
const KEYWORDS = new Set(['and', 'or', 'unless', 'bool', 'atan2', 'inf', 'nan']);
const AGGREGATIONS = new Set([
  'sum',
  'min',
  'max',
  'avg',
  'group',
  'stddev',
  'stdvar',
  'count',
  'count_values',
  'bottomk',
  'topk',
  'quantile',
  'limitk',
  'limit_ratio',
]);
const IDENT = /[a-zA-Z_:][a-zA-Z0-9_:]*/y;
const NUMBER = /(0[xX][0-9a-fA-F]+|(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?)/y;
const DURATION = /-?(\d+(ms|s|m|h|d|w|y))+/y;

class Scanner {
  i = 0;
  constructor(readonly s: string) {}

  match(re: RegExp): string | undefined {
    re.lastIndex = this.i;
    const m = re.exec(this.s);
    if (!m) {
      return undefined;
    }
    this.i += m[0].length;
    return m[0];
  }

  space(): string {
    const start = this.i;
    while (this.i < this.s.length && /\s/.test(this.s[this.i])) {
      this.i++;
    }
    return this.s.slice(start, this.i);
  }

  /** Copies a string literal starting at the quote. */
  string(): string {
    const quote = this.s[this.i];
    let j = this.i + 1;
    while (j < this.s.length && this.s[j] !== quote) {
      j += quote !== '`' && this.s[j] === '\\' ? 2 : 1;
    }
    const out = this.s.slice(this.i, j + 1);
    this.i = j + 1;
    return out;
  }

  /** Copies a bracketed group (`{...}` or `[...]`), strings inside included. */
  group(close: string): string {
    const start = this.i;
    this.i++;
    while (this.i < this.s.length && this.s[this.i] !== close) {
      if (['"', "'", '`'].includes(this.s[this.i])) {
        this.string();
      } else {
        this.i++;
      }
    }
    this.i++;
    return this.s.slice(start, this.i);
  }

  peekWord(): string {
    const save = this.i;
    this.space();
    const w = this.match(IDENT) ?? this.s[this.i] ?? '';
    this.i = save;
    return w.toLowerCase();
  }
}

/**
 * After a selector (and its range): existing `offset`/`@` modifiers, re-emitted with the lag added
 * (lag 0: as they were, for a subquery whose selectors inside are shifted already).
 */
function modifiers(sc: Scanner, lagSeconds: number): string {
  let offset = 0;
  let at = '';
  for (;;) {
    const save = sc.i;
    sc.space();
    if (sc.s[sc.i] === '@') {
      sc.i++;
      sc.space();
      const call = sc.match(/(start|end)\(\s*\)/y);
      at = ` @ ${call ?? sc.match(NUMBER) ?? ''}`;
      continue;
    }
    const word = sc.match(IDENT);
    if (word?.toLowerCase() === 'offset') {
      sc.space();
      const d = sc.match(DURATION) ?? '';
      offset += d.startsWith('-') ? -parseDuration(d.slice(1)) : parseDuration(d);
      continue;
    }
    sc.i = save;
    break;
  }
  // A pinned selector reads a fixed time: lagging the expression does not move it.
  const total = at ? offset : offset + lagSeconds;
  if (total < 0) {
    throw new AlertInputError('a selector would need a negative offset after the lag (Prometheus 2.x refuses those)');
  }
  return `${at}${total > 0 ? ` offset ${durationLiteral(total, 'offset')}` : ''}`;
}

/** `expr` read `lagSeconds` earlier: every selector offset by the lag. */
export function lagged(expr: string, lagSeconds: number): string {
  if (!(lagSeconds > 0)) {
    return expr;
  }
  durationLiteral(lagSeconds, 'lag');
  const sc = new Scanner(expr);
  const stack: Array<'labels' | 'expr'> = [];
  let labelListNext = false;
  let out = '';
  const selectorTail = () => {
    let tail = '';
    const save = sc.i;
    tail += sc.space();
    if (sc.s[sc.i] === '[') {
      tail += sc.group(']');
    } else {
      sc.i = save;
      tail = '';
    }
    return tail + modifiers(sc, lagSeconds);
  };
  while (sc.i < expr.length) {
    const c = expr[sc.i];
    const inLabels = stack[stack.length - 1] === 'labels';
    if (/\s/.test(c)) {
      out += sc.space();
      continue;
    }
    // A label list only ever follows its keyword directly (`group_left` may have none).
    if (labelListNext && c !== '(') {
      labelListNext = false;
    }
    if (c === '"' || c === "'" || c === '`') {
      out += sc.string();
    } else if (c === '(') {
      stack.push(labelListNext ? 'labels' : 'expr');
      labelListNext = false;
      out += c;
      sc.i++;
    } else if (c === ')') {
      stack.pop();
      out += c;
      sc.i++;
    } else if (c === '[') {
      // A subquery's range: its selectors inside are shifted already, its own modifiers stay.
      out += sc.group(']') + modifiers(sc, 0);
    } else if (c === '{' && !inLabels) {
      out += sc.group('}') + selectorTail();
    } else if (/[a-zA-Z_:]/.test(c)) {
      const word = sc.match(IDENT)!;
      const lower = word.toLowerCase();
      const next = sc.peekWord();
      if (inLabels || KEYWORDS.has(lower) || lower === 'offset') {
        out += word;
      } else if (GROUPING.has(lower)) {
        labelListNext = true;
        out += word;
      } else if (next === '(' || (AGGREGATIONS.has(lower) && (next === 'by' || next === 'without'))) {
        out += word;
      } else {
        const save = sc.i;
        const space = sc.space();
        const braces = sc.s[sc.i] === '{' ? sc.group('}') : '';
        if (!braces) {
          sc.i = save;
        }
        out += word + (braces ? space + braces : '') + selectorTail();
      }
    } else if (/[0-9.]/.test(c)) {
      const n = sc.match(NUMBER);
      out += n ?? c;
      sc.i += n === undefined ? 1 : 0;
    } else {
      out += c;
      sc.i++;
    }
  }
  return out;
}
