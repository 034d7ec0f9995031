/**
 * Turning what the page logs or throws into text, without ever throwing:
 * a value's own toString, getters or toJSON are page code and may fail.
 */
import type { Intrinsics } from './intrinsics';
import { MAX_FRAMES, MAX_TEXT } from './protocol';

interface ErrorLike {
  name?: unknown;
  message?: unknown;
  stack?: unknown;
}

export function cap(x: Intrinsics, text: string, max = MAX_TEXT): string {
  return text.length > max ? x.slice(text, 0, max - 1) + '…' : text;
}

/** Whether a line has anything but spaces (no RegExp: its prototype belongs to the page too). */
function hasText(line: string): boolean {
  for (let i = 0; i < line.length; i++) if ((line[i] ?? ' ') > ' ') return true;
  return false;
}

/** An error's own `message` as a string, if the value looks like an error (any realm). */
function isErrorLike(value: unknown): value is ErrorLike {
  return typeof value === 'object' && value !== null && typeof (value as ErrorLike).message === 'string';
}

/** `name: message`, as V8 starts an error's stack with it. */
function errorHeader(error: ErrorLike): string {
  const { name, message } = error;
  return (
    (typeof name === 'string' && name !== '' ? name : 'Error') +
    (typeof message === 'string' && message !== '' ? ': ' + message : '')
  );
}

/** The first stack frames of an error, each on its own line, after its `name: message` if the stack has it. */
export function stackFrames(x: Intrinsics, error: unknown, header?: string): string {
  try {
    if (!isErrorLike(error) || typeof error.stack !== 'string') return '';
    let stack = error.stack;
    header ??= errorHeader(error);
    // V8 starts the stack with `name: message`; Firefox and Safari do not.
    if (x.indexOf(stack, header) === 0) stack = x.slice(stack, header.length);
    let frames = '';
    let kept = 0;
    for (let start = 0; kept < MAX_FRAMES && start < stack.length;) {
      let end = x.indexOf(stack, '\n', start);
      if (end < 0) end = stack.length;
      const line = x.slice(stack, start, end);
      if (hasText(line)) {
        frames += '\n' + line;
        kept++;
      }
      start = end + 1;
    }
    return frames;
  } catch {
    return '';
  }
}

/** `name: message` and the first stack frames. */
export function errorText(x: Intrinsics, error: ErrorLike): string {
  const header = errorHeader(error);
  return header + stackFrames(x, error, header);
}

/** One logged or thrown value as text: errors with their first frames, plain objects and arrays as JSON. */
export function describe(x: Intrinsics, value: unknown): string {
  try {
    if (typeof value === 'string') return value;
    if (isErrorLike(value)) return errorText(x, value);
    if (typeof value === 'object' && value !== null) {
      const proto = x.getPrototypeOf(value);
      if (x.isArray(value) || proto === x.objectPrototype || proto === null) {
        const json = x.json(value);
        if (typeof json === 'string') return json;
      }
    }
    return x.str(value);
  } catch {
    return '[unprintable]';
  }
}

/**
 * What a console call prints: with more than one argument, `%s`-style
 * substitutions in a first string; then the other arguments, space-separated.
 */
export function consoleText(x: Intrinsics, args: ArrayLike<unknown>): string {
  let text = '';
  let next = 0;
  const first = args[0];
  if (typeof first === 'string' && args.length > 1) {
    next = 1;
    let from = 0;
    for (let at = x.indexOf(first, '%'); at >= 0 && at < first.length - 1; at = x.indexOf(first, '%', from)) {
      const directive = first[at + 1] ?? '';
      text += x.slice(first, from, at);
      from = at + 2;
      if (directive === '%') text += '%';
      else if (x.indexOf('sdifoOc', directive) >= 0 && next < args.length) {
        // %c styles the output: it takes an argument and prints nothing.
        if (directive !== 'c') text += describe(x, args[next]);
        next++;
      } else text += '%' + directive;
    }
    text += x.slice(first, from);
  }
  for (; next < args.length; next++) text += (text === '' ? '' : ' ') + describe(x, args[next]);
  return text;
}
