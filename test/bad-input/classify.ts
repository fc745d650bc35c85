/**
 * The classes of the bad-input catalogue (issue 14) and the one function that sorts an outcome into them. Shared by
 * test/bad-input/catalogue.test.ts (which requires every case to be a clear error or a correct result) and
 * test/bad-input/measure.ts (which prints the counts of every class, to measure the code before and after a fix).
 */

/** What a case expects. */
export type Expectation =
  /** An error of this class whose message matches every pattern (the function or file, and the unit or row and column). */
  | { error: new (...args: never[]) => Error; message: RegExp[] }
  /** A result; `check` returns true when it is the correct one (its source is written in the case). */
  | { result: (value: never) => boolean }
  /** Either a result that passes `check`, or an error of this class with a matching message (e.g. overflow). */
  | { result: (value: never) => boolean; orError: new (...args: never[]) => Error; message: RegExp[] };

/** One bad input: a name (what a careless user or an adversary does), the call, and what must happen. */
export interface BadInput {
  /** `area: what` — the area is the function, reader or loader. */
  name: string;
  run: () => unknown;
  expect: Expectation;
}

export type Outcome = 'clear error' | 'correct result' | 'silent NaN' | 'silently wrong' | 'unhelpful error' | 'hang';

export interface Classified {
  outcome: Outcome;
  /** The message thrown, or a short description of the result. */
  detail: string;
}

/** Whether a value holds NaN or an infinity anywhere (numbers, arrays, typed arrays, plain objects; depth-limited). */
export function hasNonFinite(value: unknown, depth = 0): boolean {
  if (typeof value === 'number') return !Number.isFinite(value);
  if (depth > 6 || value === null || typeof value !== 'object') return false;
  if (ArrayBuffer.isView(value) && !(value instanceof DataView)) {
    const a = value as unknown as ArrayLike<number>;
    for (let i = 0; i < a.length; i++) if (!Number.isFinite(a[i])) return true;
    return false;
  }
  const items = Array.isArray(value) ? value : Object.values(value as Record<string, unknown>);
  return items.some((v) => hasNonFinite(v, depth + 1));
}

function describe(value: unknown): string {
  try {
    const s = JSON.stringify(value, (_, v) => (typeof v === 'number' && !Number.isFinite(v) ? String(v) : ArrayBuffer.isView(v) ? Array.from(v as unknown as ArrayLike<number>) : v));
    return s === undefined ? String(value) : s.length > 160 ? `${s.slice(0, 160)}…` : s;
  } catch {
    return String(value);
  }
}

/** Run one case and sort its outcome (a case that takes longer than `timeoutMs` is a hang). */
export async function classify(c: BadInput, timeoutMs = 60_000): Promise<Classified> {
  let value: unknown;
  let thrown: unknown;
  let threw = false;
  try {
    const r = c.run();
    value = r instanceof Promise ? await Promise.race([r, new Promise((_, reject) => setTimeout(() => reject(new HangError()), timeoutMs))]) : r;
  } catch (e) {
    threw = true;
    thrown = e;
  }
  if (thrown instanceof HangError) return { outcome: 'hang', detail: `no answer in ${timeoutMs} ms` };
  const x = c.expect;
  if (threw) {
    const message = thrown instanceof Error ? thrown.message : String(thrown);
    const kind = thrown instanceof Error ? thrown.constructor.name : typeof thrown;
    const detail = `${kind}: ${message.length > 300 ? `${message.slice(0, 300)}…` : message}`;
    const wanted = 'error' in x ? x : 'orError' in x ? { error: x.orError, message: x.message } : undefined;
    if (wanted && thrown instanceof wanted.error && wanted.message.every((m) => m.test(message))) return { outcome: 'clear error', detail };
    return { outcome: 'unhelpful error', detail };
  }
  const detail = describe(value);
  if ('result' in x) {
    let ok = false;
    try {
      ok = !hasNonFinite(value) && (x.result as (v: unknown) => boolean)(value);
    } catch {
      ok = false;
    }
    if (ok) return { outcome: 'correct result', detail };
  }
  return { outcome: hasNonFinite(value) ? 'silent NaN' : 'silently wrong', detail };
}

class HangError extends Error {}
