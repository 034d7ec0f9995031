/**
 * What the recorder watches on a page: console.error, uncaught exceptions and
 * failed resource loads (window `error`, capture phase), unhandled promise
 * rejections, and failed fetch / XMLHttpRequest calls.
 *
 * Wrap, don't break: each wrapper calls the original with the same `this` and
 * arguments and returns its result or lets its exception through untouched;
 * the recording itself happens inside try/catch. Listeners never cancel nor
 * stop an event. `installHooks` returns an uninstaller (for tests: on a real
 * page the recorder lives as long as the page).
 */
import type { RecordEvent } from './buffer';
import { consoleText, describe, stackFrames } from './format';
import { installDisguise, type Disguise } from './disguise';
import type { Intrinsics } from './intrinsics';

type RecorderWindow = Window & typeof globalThis;
type Method = (this: unknown, ...args: unknown[]) => unknown;

/**
 * Returns `wrap`, which replaces `target[key]` (own or inherited) by `makeWrapper(original)`,
 * keeping the property's attributes, and returns the undo. What the page sees is a method
 * named after the key: like a built-in it has the original's `name` and `length`, no
 * `prototype`, is no constructor, and its `toString` answers the original's (./disguise.ts).
 */
function wrapping(x: Intrinsics, disguise: Disguise) {
  return function wrap(target: object, key: string, makeWrapper: (original: Method) => Method): () => void {
    let descriptor: PropertyDescriptor | undefined;
    for (let proto: object | null = target; proto && !descriptor; proto = Object.getPrototypeOf(proto)) {
      descriptor = Object.getOwnPropertyDescriptor(proto, key);
    }
    const original = descriptor?.value as unknown;
    if (!descriptor || typeof original !== 'function') return () => {};
    const own = Object.getOwnPropertyDescriptor(target, key);
    const inner = makeWrapper(original as Method);
    // A computed method name gives the function the key as its `name`.
    const { [key]: wrapper } = {
      [key](this: unknown, ...args: unknown[]): unknown {
        return x.apply(inner, this, args);
      },
    } as Record<string, Method>;
    if (!wrapper) return () => {};
    Object.defineProperty(wrapper, 'name', { value: (original as Method).name });
    Object.defineProperty(wrapper, 'length', { value: (original as Method).length });
    disguise.add(wrapper, original);
    Object.defineProperty(target, key, {
      value: wrapper,
      writable: descriptor.writable ?? true,
      enumerable: descriptor.enumerable ?? false,
      configurable: true,
    });
    return () => {
      if ((target as Record<string, unknown>)[key] !== wrapper) return;
      if (own) Object.defineProperty(target, key, own);
      else Reflect.deleteProperty(target, key);
    };
  };
}

export function installHooks(win: RecorderWindow, x: Intrinsics, record: RecordEvent): () => void {
  const undo: Array<() => void> = [];
  const disguise = installDisguise(win, x);
  undo.push(disguise.uninstall);
  const wrap = wrapping(x, disguise);
  const attempt = (work: () => void): void => {
    try {
      work();
    } catch {
      // Recording must never disturb the page.
    }
  };
  const failedRequest = (method: string, url: string, status: number, statusText?: string): void =>
    record('failed-request', [
      ['method', method],
      ['url', url],
      ['status', status],
      ['statusText', statusText === '' ? undefined : statusText],
    ]);
  const stringOrEmpty = (value: unknown): string => (typeof value === 'string' ? value : '');

  // console.error
  undo.push(
    wrap(
      win.console,
      'error',
      (original) =>
        function (this: unknown, ...args: unknown[]) {
          attempt(() => record('console-error', [['text', consoleText(x, args)]]));
          return x.apply(original, this, args);
        },
    ),
  );

  // Uncaught exceptions (at the window) and failed resource loads (at an element; seen in the capture phase).
  const target = x.getter(win.Event, 'target');
  const nodeType = x.getter(win.Node, 'nodeType');
  const message = x.getter(win.ErrorEvent, 'message');
  const filename = x.getter(win.ErrorEvent, 'filename');
  const lineno = x.getter(win.ErrorEvent, 'lineno');
  const colno = x.getter(win.ErrorEvent, 'colno');
  const thrown = x.getter(win.ErrorEvent, 'error');
  const onWindowError = (event: Event): void =>
    attempt(() => {
      const element = target(event) as { currentSrc?: unknown; src?: unknown; href?: unknown } | null;
      if (element && element !== win && nodeType(element) === 1) {
        const url =
          stringOrEmpty(element.currentSrc) || stringOrEmpty(element.src) || stringOrEmpty(element.href);
        if (url !== '') failedRequest('GET', url, 0);
        return;
      }
      const line = lineno(event);
      const column = colno(event);
      record('exception', [
        ['text', stringOrEmpty(message(event)) + stackFrames(x, thrown(event))],
        ['source', stringOrEmpty(filename(event)) || undefined],
        ['line', typeof line === 'number' && line > 0 ? line : undefined],
        ['column', typeof column === 'number' && column > 0 ? column : undefined],
      ]);
    });
  x.listen(win, 'error', onWindowError, true);
  undo.push(() => x.unlisten(win, 'error', onWindowError, true));

  // Unhandled promise rejections.
  const reason = x.getter(
    (win as { PromiseRejectionEvent?: typeof PromiseRejectionEvent }).PromiseRejectionEvent,
    'reason',
  );
  const onRejection = (event: Event): void =>
    attempt(() => record('unhandled-rejection', [['text', describe(x, reason(event))]]));
  x.listen(win, 'unhandledrejection', onRejection);
  undo.push(() => x.unlisten(win, 'unhandledrejection', onRejection));

  // fetch: a response with status >= 400, or a rejection (network failure, blocked, CORS) as status 0.
  const responseStatus = x.getter(win.Response, 'status');
  const responseStatusText = x.getter(win.Response, 'statusText');
  const requestMethod = x.getter(x.Request, 'method');
  const requestUrl = x.getter(x.Request, 'url');
  undo.push(
    wrap(
      win,
      'fetch',
      (original) =>
        function (this: unknown, ...args: unknown[]) {
          const result = x.apply(original, this, args);
          attempt(() => {
            // Indexes, not destructuring: the array iterator is the page's to replace.
            const input = args[0];
            const init = args[1] as { method?: unknown } | null | undefined;
            const isRequest = x.Request !== undefined && input instanceof x.Request;
            const method =
              init?.method !== undefined
                ? x.upper(x.str(init.method))
                : isRequest
                  ? stringOrEmpty(requestMethod(input))
                  : 'GET';
            const url = isRequest ? stringOrEmpty(requestUrl(input)) : x.absolute(x.str(input));
            x.then(
              result as Promise<unknown>,
              (response) =>
                attempt(() => {
                  const status = responseStatus(response as object);
                  if (typeof status === 'number' && status >= 400) {
                    failedRequest(method, url, status, stringOrEmpty(responseStatusText(response as object)));
                  }
                }),
              (error) =>
                attempt(() => {
                  // An abort is the page's own choice, not a failure.
                  const failure = error as { name?: unknown; message?: unknown } | null;
                  if (failure?.name !== 'AbortError')
                    failedRequest(method, url, 0, stringOrEmpty(failure?.message));
                }),
            );
          });
          return result;
        },
    ),
  );

  // XMLHttpRequest: `open` remembers method and URL; `load` with status >= 400, `error`, `timeout`.
  const XHR = win.XMLHttpRequest as typeof XMLHttpRequest | undefined;
  if (XHR) {
    const xhrStatus = x.getter(XHR, 'status');
    const xhrStatusText = x.getter(XHR, 'statusText');
    const requests = new x.WeakMap<object, [method: string, url: string]>();
    const onLoad = function (this: XMLHttpRequest): void {
      attempt(() => {
        const request = x.weakGet(requests, this);
        const status = xhrStatus(this);
        if (request && typeof status === 'number' && status >= 400) {
          failedRequest(request[0], request[1], status, stringOrEmpty(xhrStatusText(this)));
        }
      });
    };
    const failure = (statusText?: string) =>
      function (this: XMLHttpRequest): void {
        attempt(() => {
          const request = x.weakGet(requests, this);
          if (request) failedRequest(request[0], request[1], 0, statusText);
        });
      };
    const onError = failure();
    const onTimeout = failure('timeout');
    undo.push(
      wrap(
        XHR.prototype,
        'open',
        (original) =>
          function (this: unknown, ...args: unknown[]) {
            const result = x.apply(original, this, args);
            attempt(() => {
              const xhr = this as XMLHttpRequest;
              if (!x.weakGet(requests, xhr)) {
                x.listen(xhr, 'load', onLoad);
                x.listen(xhr, 'error', onError);
                x.listen(xhr, 'timeout', onTimeout);
              }
              x.weakSet(requests, xhr, [x.upper(x.str(args[0])), x.absolute(x.str(args[1]))]);
            });
            return result;
          },
      ),
    );
  }

  return () => {
    for (let i = undo.length - 1; i >= 0; i--) undo[i]?.();
  };
}
