/**
 * Keeps the recorder's wrappers from showing their source. A wrapper is page-world JavaScript,
 * so `Function.prototype.toString` would print its code and tell every page that HelpDraft is
 * installed (issue 15, item 5: "the recorder's wrappers do not show their source through
 * toString"). Patching `toString` is the only way to change that answer: ECMAScript gives a
 * function defined in source its source text (https://tc39.es/ecma262/#sec-function.prototype.tostring),
 * and a Proxy prints no name in V8 (`function () { [native code] }`), unlike the original.
 *
 * The replacement answers for a wrapper what the original's own toString answers (e.g.
 * `function error() { [native code] }`), for itself what the native toString answers (so
 * `toString.toString()` looks native too), and for everything else exactly the native answer,
 * exceptions included: it is the native function applied to the same receiver.
 */
import type { Intrinsics } from './intrinsics';

type Method = (this: unknown, ...args: unknown[]) => unknown;

export interface Disguise {
  /** From now on `toString` of `wrapper` answers what it answers for `original`. */
  add(wrapper: object, original: object): void;
  /** Puts the page's `Function.prototype.toString` back (tests: a page keeps its recorder). */
  uninstall(): void;
}

export function installDisguise(win: Window & typeof globalThis, x: Intrinsics): Disguise {
  const functionPrototype = win.Function.prototype;
  const descriptor = Object.getOwnPropertyDescriptor(functionPrototype, 'toString');
  const nativeToString = descriptor?.value as unknown;
  const originals = new x.WeakMap<object, object>();
  const add = (wrapper: object, original: object): void => x.weakSet(originals, wrapper, original);
  if (!descriptor || typeof nativeToString !== 'function') return { add, uninstall: () => {} };
  // A method, not a `function`: like the native one it has no `prototype` and is no constructor.
  const { toString } = {
    toString(this: unknown): unknown {
      // WeakMap's get answers undefined for a primitive receiver rather than throwing.
      const original = x.weakGet(originals, this as object);
      return x.apply(nativeToString as Method, original ?? this, []);
    },
  };
  add(toString, nativeToString);
  Object.defineProperty(functionPrototype, 'toString', { ...descriptor, value: toString });
  return {
    add,
    uninstall: () => {
      if (functionPrototype.toString === toString)
        Object.defineProperty(functionPrototype, 'toString', descriptor);
    },
  };
}
