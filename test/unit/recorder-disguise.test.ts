/**
 * The recorder's wrappers look like the built-ins they replace (issue 15, item 5): through
 * `Function.prototype.toString`, `name`, `length` and `prototype`, and `toString` itself looks
 * native. happy-dom gives each Window its own realm, so the page's `Function.prototype.toString`
 * is `win.Function.prototype.toString` (the test's own realm is left alone).
 */
import { afterEach, describe, expect, it } from 'vitest';
import { Window as HappyWindow } from 'happy-dom';
import { createBuffer } from '@/lib/recorder/buffer';
import { installHooks } from '@/lib/recorder/hooks';
import { captureIntrinsics } from '@/lib/recorder/intrinsics';

type PageWindow = Window & typeof globalThis;
type Callable = (...args: unknown[]) => unknown;

const windows: HappyWindow[] = [];
afterEach(async () => {
  await Promise.all(windows.splice(0).map((happy) => happy.happyDOM.close()));
});

function pageWindow(): PageWindow {
  const happy = new HappyWindow({ url: 'https://acme.onelogin.com/admin2' });
  windows.push(happy);
  return happy as unknown as PageWindow;
}

const wrapped: Array<[string, (win: PageWindow) => Callable]> = [
  ['console.error', (win) => win.console.error as Callable],
  ['fetch', (win) => win.fetch as Callable],
  ['XMLHttpRequest.prototype.open', (win) => win.XMLHttpRequest.prototype.open as Callable],
];

function pageToString(win: PageWindow, value: unknown): string {
  return Reflect.apply(win.Function.prototype.toString, value, []) as string;
}

describe('a wrapped built-in', () => {
  it.each(wrapped)('%s reads as the original', (_name, pick) => {
    const win = pageWindow();
    const original = pick(win);
    const before = {
      source: pageToString(win, original),
      name: original.name,
      length: original.length,
      hasPrototype: Object.hasOwn(original, 'prototype'),
    };
    const uninstall = installHooks(win, captureIntrinsics(win), createBuffer(captureIntrinsics(win)).record);
    const wrapper = pick(win);
    expect(wrapper).not.toBe(original);
    expect({
      source: pageToString(win, wrapper),
      name: wrapper.name,
      length: wrapper.length,
      hasPrototype: Object.hasOwn(wrapper, 'prototype'),
    }).toEqual(before);
    // Called as a method of the page's own toString, too (`console.error.toString()`).
    expect(Reflect.apply(win.Function.prototype.toString, wrapper, [])).toBe(before.source);
    expect(() => Reflect.construct(wrapper, [])).toThrow(TypeError);
    uninstall();
    expect(pick(win)).toBe(original);
  });
});

describe("the page's Function.prototype.toString", () => {
  it('looks native itself, and is put back by the uninstaller', () => {
    const win = pageWindow();
    const native = win.Function.prototype.toString;
    const nativeSource = pageToString(win, native);
    expect(nativeSource).toBe('function toString() { [native code] }');
    const uninstall = installHooks(win, captureIntrinsics(win), createBuffer(captureIntrinsics(win)).record);
    const replaced = win.Function.prototype.toString;
    expect(replaced).not.toBe(native);
    expect(pageToString(win, replaced)).toBe(nativeSource);
    expect([replaced.name, replaced.length, Object.hasOwn(replaced, 'prototype')]).toEqual([
      'toString',
      0,
      false,
    ]);
    expect(Object.getOwnPropertyDescriptor(win.Function.prototype, 'toString')).toMatchObject({
      writable: true,
      enumerable: false,
      configurable: true,
    });
    uninstall();
    expect(win.Function.prototype.toString).toBe(native);
  });

  it.each<[string, (win: PageWindow) => unknown]>([
    ['a page function', (win) => new win.Function('a', 'return a + 1')],
    ['a class', (win) => new win.Function('return class Page { method() {} }')()],
    ['a built-in left alone', (win) => win.JSON.stringify],
  ])('answers for %s exactly as before', (_name, make) => {
    const win = pageWindow();
    const value = make(win);
    const before = pageToString(win, value);
    installHooks(win, captureIntrinsics(win), createBuffer(captureIntrinsics(win)).record);
    expect(pageToString(win, value)).toBe(before);
  });

  it.each<[string, unknown]>([
    ['an object', {}],
    ['a number', 1],
    ['undefined', undefined],
  ])('throws the native TypeError for %s', (_name, receiver) => {
    const win = pageWindow();
    const thrown = (): unknown => {
      try {
        return pageToString(win, receiver);
      } catch (error) {
        return error;
      }
    };
    const before = thrown();
    // The page's realm has its own TypeError.
    expect(before).toBeInstanceOf(win.TypeError);
    installHooks(win, captureIntrinsics(win), createBuffer(captureIntrinsics(win)).record);
    const after = thrown();
    expect(after).toBeInstanceOf(win.TypeError);
    expect((after as Error).message).toBe((before as Error).message);
  });
});
