/**
 * User PromQL enters rules whole, wrapped in parentheses. That is only safe when the text is one
 * balanced expression: otherwise `x) or vector(1) or (y` would close our parenthesis and add terms
 * of its own, and a trailing `# comment` would swallow the closing parenthesis. This scanner knows
 * PromQL's strings (`"…"`, `'…'` with backslash escapes, raw `` `…` ``) and comments, removes the
 * comments and refuses unbalanced brackets and unterminated strings. It does not parse PromQL:
 * `promtool check rules` does that on the generated file.
 */
import { AlertInputError } from '../problems';
import { labelName, stringLiteral, wellFormed } from './literals';

const CLOSE: Record<string, string> = { '(': ')', '[': ']', '{': '}' };

/** Index just past the string literal opening at `start` (its quote character). */
function skipString(text: string, start: number): number {
  const quote = text[start];
  let i = start + 1;
  while (i < text.length) {
    const c = text[i];
    if (quote !== '`' && c === '\\') {
      i += 2;
      continue;
    }
    if (quote !== '`' && c === '\n') {
      break;
    }
    if (c === quote) {
      return i + 1;
    }
    i++;
  }
  throw new AlertInputError(`unterminated string starting at character ${start + 1}`);
}

/** The expression without comments, checked to be one balanced piece of text. */
export function checkedExpression(expr: string, what = 'expression'): string {
  const text = wellFormed(expr, what);
  let out = '';
  const stack: string[] = [];
  let i = 0;
  while (i < text.length) {
    const c = text[i];
    if (c === '"' || c === "'" || c === '`') {
      const end = skipString(text, i);
      out += text.slice(i, end);
      i = end;
      continue;
    }
    if (c === '#') {
      while (i < text.length && text[i] !== '\n') {
        i++;
      }
      continue;
    }
    if (c in CLOSE) {
      stack.push(CLOSE[c]);
    } else if (c === ')' || c === ']' || c === '}') {
      if (stack.pop() !== c) {
        throw new AlertInputError(`${what} has an unbalanced "${c}" at character ${i + 1}`);
      }
    }
    out += c;
    i++;
  }
  if (stack.length > 0) {
    throw new AlertInputError(`${what} has ${stack.length} unclosed bracket(s)`);
  }
  const trimmed = out.trim();
  if (!trimmed) {
    throw new AlertInputError(`${what} is empty`);
  }
  return trimmed;
}

export type MatchOp = '=' | '!=' | '=~' | '!~';

export interface Matcher {
  label: string;
  op: MatchOp;
  value: string;
}

export interface Selector {
  metric: string;
  matchers: Matcher[];
}

const SIMPLE_ESCAPES: Record<string, string> = {
  n: '\n',
  r: '\r',
  t: '\t',
  a: '\x07',
  b: '\b',
  f: '\f',
  v: '\v',
  '\\': '\\',
  '"': '"',
  "'": "'",
};

/** The value of a PromQL string literal (Go escapes), starting at `start`; returns value and end. */
function readString(text: string, start: number): { value: string; end: number } {
  const end = skipString(text, start);
  const quote = text[start];
  const body = text.slice(start + 1, end - 1);
  if (quote === '`') {
    return { value: body, end };
  }
  let value = '';
  for (let i = 0; i < body.length; i++) {
    if (body[i] !== '\\') {
      value += body[i];
      continue;
    }
    const e = body[++i];
    const hex = (n: number) => {
      const digits = body.slice(i + 1, i + 1 + n);
      if (!new RegExp(`^[0-9a-fA-F]{${n}}$`).test(digits)) {
        throw new AlertInputError(`bad \\${e} escape in string literal`);
      }
      i += n;
      return String.fromCodePoint(parseInt(digits, 16));
    };
    if (e in SIMPLE_ESCAPES) {
      value += SIMPLE_ESCAPES[e];
    } else if (e === 'x') {
      value += hex(2);
    } else if (e === 'u') {
      value += hex(4);
    } else if (e === 'U') {
      value += hex(8);
    } else if (/[0-7]/.test(e ?? '') && /^[0-7]{3}$/.test(body.slice(i, i + 3))) {
      value += String.fromCharCode(parseInt(body.slice(i, i + 3), 8));
      i += 2;
    } else {
      throw new AlertInputError(`unknown escape \\${e ?? ''} in string literal`);
    }
  }
  return { value, end };
}

const SELECTOR_HEAD = /^\s*([a-zA-Z_:][a-zA-Z0-9_:]*)\s*/;

/**
 * Reads `metric{label="value", ...}` (the form histogram and counter signals take) into parts, so
 * they can be re-emitted with escaping and extra matchers. Anything else (functions, ranges,
 * offsets) is refused with a message.
 */
export function parseSelector(text: string, what = 'selector'): Selector {
  const source = wellFormed(text, what);
  const head = SELECTOR_HEAD.exec(source);
  if (!head) {
    throw new AlertInputError(
      `${what} must start with a metric name, e.g. my_histogram{job="x"}; got ${JSON.stringify(text)}`
    );
  }
  const matchers: Matcher[] = [];
  let i = head[0].length;
  const skipSpace = () => {
    while (i < source.length && /\s/.test(source[i])) {
      i++;
    }
  };
  if (source[i] === '{') {
    i++;
    for (;;) {
      skipSpace();
      if (source[i] === '}') {
        i++;
        break;
      }
      const name = /^[a-zA-Z_][a-zA-Z0-9_]*/.exec(source.slice(i));
      if (!name) {
        throw new AlertInputError(`${what}: expected a label name at character ${i + 1} of ${JSON.stringify(text)}`);
      }
      i += name[0].length;
      skipSpace();
      const op = /^(=~|!~|!=|=)/.exec(source.slice(i));
      if (!op) {
        throw new AlertInputError(`${what}: expected =, !=, =~ or !~ after ${name[0]}`);
      }
      i += op[0].length;
      skipSpace();
      if (!['"', "'", '`'].includes(source[i])) {
        throw new AlertInputError(`${what}: expected a quoted value after ${name[0]}${op[0]}`);
      }
      const { value, end } = readString(source, i);
      matchers.push({ label: name[0], op: op[0] as MatchOp, value });
      i = end;
      skipSpace();
      if (source[i] === ',') {
        i++;
      } else if (source[i] !== '}') {
        throw new AlertInputError(`${what}: expected "," or "}" at character ${i + 1} of ${JSON.stringify(text)}`);
      }
    }
  }
  skipSpace();
  if (i !== source.length) {
    throw new AlertInputError(
      `${what} must be a metric name with optional label matchers only; unexpected text at character ${i + 1} of ${JSON.stringify(text)}`
    );
  }
  return { metric: head[1], matchers };
}

/** A selector as PromQL text, every label name checked and every value escaped. */
export function formatSelector(selector: Selector): string {
  const parts = selector.matchers.map(
    (m) => `${m.label === '__name__' ? m.label : labelName(m.label, 'matcher label')}${m.op}${stringLiteral(m.value)}`
  );
  return parts.length ? `${selector.metric}{${parts.join(', ')}}` : selector.metric;
}
