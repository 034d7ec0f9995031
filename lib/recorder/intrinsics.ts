/**
 * The built-ins the recorder needs after page scripts have started, captured
 * once at document_start (before any page script exists) into a closure.
 *
 * The recorder runs in the page's own JS world, so a page can later replace
 * `EventTarget.prototype.dispatchEvent`, `JSON.stringify`, `Function.prototype.call`,
 * a getter such as `Response.prototype.status`, or define setters on
 * `Object.prototype`. Every call the recorder makes after start goes through
 * these captures and `Reflect.apply` (never `.call`), and every object it hands
 * to a built-in carries all the properties that built-in reads (so no lookup
 * reaches a page-controlled prototype). A page that overrides things can then
 * only change what its own code does, not what the recorder records or sends.
 */

type Constructor = abstract new (...args: never[]) => unknown;

export interface Intrinsics {
  apply: typeof Reflect.apply;
  /** `String(value)` (may run the value's own toString: callers catch). */
  str: (value: unknown) => string;
  /** `JSON.stringify`; on a primitive string it runs no page code. */
  json: (value: unknown) => string | undefined;
  isArray: (value: unknown) => value is unknown[];
  getPrototypeOf: (value: object) => object | null;
  objectPrototype: object;
  slice: (text: string, start: number, end?: number) => string;
  indexOf: (text: string, search: string, from?: number) => number;
  upper: (text: string) => string;
  /** The current time as an ISO string. */
  now: () => string;
  /** An object without a prototype: writing to it never reaches a page-defined setter. */
  bare: <T>() => Record<string, T>;
  listen: (target: EventTarget, type: string, listener: (event: Event) => void, capture?: boolean) => void;
  unlisten: (target: EventTarget, type: string, listener: (event: Event) => void, capture?: boolean) => void;
  /** Dispatches a CustomEvent with a string detail; false when a listener cancelled it. */
  emit: (target: EventTarget, type: string, detail?: string, cancelable?: boolean) => boolean;
  /** A URL made absolute against the document's base URL (as fetch and XHR resolve it). */
  absolute: (url: string) => string;
  /** The value of a property as its original getter computes it. */
  getter: (constructor: Constructor | undefined, name: string) => (object: object) => unknown;
  weakGet: <T>(map: WeakMap<object, T>, key: object) => T | undefined;
  weakSet: <T>(map: WeakMap<object, T>, key: object, value: T) => void;
  WeakMap: WeakMapConstructor;
  then: (
    promise: Promise<unknown>,
    onFulfilled: (value: unknown) => void,
    onRejected: (reason: unknown) => void,
  ) => void;
  Request: typeof Request | undefined;
}

export function captureIntrinsics(win: Window & typeof globalThis): Intrinsics {
  const apply = Reflect.apply;
  const getOwnPropertyDescriptor = Object.getOwnPropertyDescriptor;
  const getPrototypeOf = Object.getPrototypeOf as (value: object) => object | null;
  const create = Object.create;
  const StringConstructor = String;
  const stringify = JSON.stringify;
  const stringProto = String.prototype;
  const { slice, indexOf, toUpperCase } = stringProto;
  const DateConstructor = Date;
  const toISOString = Date.prototype.toISOString;
  const { addEventListener, removeEventListener, dispatchEvent } = win.EventTarget.prototype;
  const CustomEventConstructor = win.CustomEvent;
  const URLConstructor = win.URL;
  const WeakMapConstructor = WeakMap;
  const { get: weakGet, set: weakSet } = WeakMap.prototype;
  const promiseThen = Promise.prototype.then;
  const document = win.document;

  const getter = (constructor: Constructor | undefined, name: string) => {
    let descriptor: PropertyDescriptor | undefined;
    for (let proto = constructor?.prototype as object | null | undefined; proto && !descriptor;) {
      descriptor = getOwnPropertyDescriptor(proto, name);
      proto = getPrototypeOf(proto);
    }
    const get = descriptor?.get;
    return (object: object): unknown =>
      get ? apply(get, object, []) : (object as Record<string, unknown>)[name];
  };
  const baseURI = getter(win.Document, 'baseURI');
  const href = getter(URLConstructor, 'href');

  return {
    apply,
    str: (value) => StringConstructor(value),
    json: (value) => stringify(value) as string | undefined,
    isArray: Array.isArray,
    getPrototypeOf,
    objectPrototype: Object.prototype,
    slice: (text, start, end) => apply(slice, text, [start, end]) as string,
    indexOf: (text, search, from = 0) => apply(indexOf, text, [search, from]) as number,
    upper: (text) => apply(toUpperCase, text, []) as string,
    now: () => apply(toISOString, new DateConstructor(), []) as string,
    bare: <T>() => create(null) as Record<string, T>,
    listen: (target, type, listener, capture = false) =>
      apply(addEventListener, target, [type, listener, capture]),
    unlisten: (target, type, listener, capture = false) =>
      apply(removeEventListener, target, [type, listener, capture]),
    emit: (target, type, detail, cancelable = false) =>
      apply(dispatchEvent, target, [
        // Every member of CustomEventInit given: no lookup reaches Object.prototype.
        new CustomEventConstructor(type, { bubbles: false, cancelable, composed: false, detail }),
      ]) as boolean,
    absolute: (url) => {
      try {
        return href(new URLConstructor(url, baseURI(document) as string)) as string;
      } catch {
        return url;
      }
    },
    getter,
    weakGet: <T>(map: WeakMap<object, T>, key: object) => apply(weakGet, map, [key]) as T | undefined,
    weakSet: <T>(map: WeakMap<object, T>, key: object, value: T) => {
      apply(weakSet, map, [key, value]);
    },
    WeakMap: WeakMapConstructor,
    then: (promise, onFulfilled, onRejected) => {
      apply(promiseThen, promise, [onFulfilled, onRejected]);
    },
    Request: win.Request,
  };
}
