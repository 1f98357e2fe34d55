import { parseError } from '../errors.ts';

/** One `->`/`->>` step of a JSON path; `index` when the operand is an array position like `->0`. */
export interface JsonStep {
  arrow: '->' | '->>';
  key: string;
  index: boolean;
}

/** A column with an optional JSON path, as it appears in select, filters and order. */
export interface FieldRef {
  name: string;
  json: JsonStep[];
}

/** Output name PostgREST gives a field: the last JSON key, else the column. */
export function fieldOutputName(f: FieldRef): string {
  const last = f.json[f.json.length - 1];
  return last ? last.key : f.name;
}

const IDENT_CHAR = /[\p{L}\p{N}_ $]/u;

/**
 * A hand-written cursor over one query-string value. The grammar follows PostgREST's parsec parsers
 * closely enough that the same inputs are accepted; failures become PGRST100 with a position.
 */
export class Cursor {
  pos = 0;
  constructor(
    readonly input: string,
    readonly what: string,
  ) {}

  get done(): boolean {
    return this.pos >= this.input.length;
  }
  peek(n = 1): string {
    return this.input.slice(this.pos, this.pos + n);
  }
  startsWith(s: string): boolean {
    return this.input.startsWith(s, this.pos);
  }
  eat(s: string): boolean {
    if (!this.startsWith(s)) return false;
    this.pos += s.length;
    return true;
  }
  expect(s: string, expecting = `"${s}"`): void {
    if (!this.eat(s)) this.fail(expecting);
  }
  skipWs(): void {
    while (this.peek() === ' ' || this.peek() === '\t') this.pos++;
  }
  fail(expecting: string): never {
    const ch = this.done ? 'end of input' : JSON.stringify(this.peek());
    throw parseError(this.what, this.input, this.pos + 1, `unexpected ${ch} expecting ${expecting}`);
  }

  /** `"…"` with backslash escapes. */
  quoted(): string | null {
    if (this.peek() !== '"') return null;
    let i = this.pos + 1;
    let out = '';
    while (i < this.input.length) {
      const ch = this.input[i] as string;
      if (ch === '\\' && i + 1 < this.input.length) {
        out += this.input[i + 1];
        i += 2;
        continue;
      }
      if (ch === '"') {
        this.pos = i + 1;
        return out;
      }
      out += ch;
      i++;
    }
    return null;
  }

  /** Identifier characters joined by dashes that do not start an arrow (`a-b` but not `a->b`). */
  identifier(): string | null {
    const parts: string[] = [];
    for (;;) {
      const segStart = this.pos;
      let s = '';
      while (!this.done && IDENT_CHAR.test(this.peek())) s += this.input[this.pos++];
      if (!s) {
        // A dash not followed by an identifier is not part of the name: give it back.
        if (parts.length) this.pos = segStart - 1;
        return parts.length ? parts.join('-') : null;
      }
      parts.push(s.trim());
      if (this.peek() === '-' && this.peek(2) !== '->') {
        this.pos++;
        continue;
      }
      return parts.join('-');
    }
  }

  fieldName(): string {
    const q = this.quoted();
    if (q !== null) return q;
    const id = this.identifier();
    if (id === null || id === '') this.fail('field name (* or [a..z0..9_$])');
    return id;
  }

  jsonPath(): JsonStep[] {
    const steps: JsonStep[] = [];
    for (;;) {
      let arrow: JsonStep['arrow'];
      if (this.eat('->>')) arrow = '->>';
      else if (this.eat('->')) arrow = '->';
      else return steps;
      const idx = /^-?\d+/.exec(this.input.slice(this.pos));
      if (idx) {
        const after = this.input.slice(this.pos + idx[0].length);
        if (after === '' || /^(->|::|\.|,|\))/.test(after)) {
          this.pos += idx[0].length;
          steps.push({ arrow, key: idx[0], index: true });
          continue;
        }
      }
      const q = this.quoted();
      if (q !== null) {
        steps.push({ arrow, key: q, index: false });
        continue;
      }
      let key = '';
      while (!this.done && !'(-:.,>)'.includes(this.peek())) key += this.input[this.pos++];
      while (this.peek() === '-' && this.peek(2) !== '->') {
        this.pos++;
        let more = '';
        while (!this.done && !'(-:.,>)'.includes(this.peek())) more += this.input[this.pos++];
        key += `-${more}`;
      }
      key = key.trim();
      if (!key) this.fail('any non reserved character different from: .,>()');
      steps.push({ arrow, key, index: false });
    }
  }

  field(): FieldRef {
    this.skipWs();
    const name = this.fieldName();
    const json = this.jsonPath();
    this.skipWs();
    return { name, json };
  }
}
