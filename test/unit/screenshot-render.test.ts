import { Window as HappyWindow } from 'happy-dom';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Options } from 'html2canvas';
import { invalidSelector, renderScreenshot, type Html2canvas } from '@/lib/capture/html2canvas/render';
import type { ScreenshotRequest } from '@/lib/capture/html2canvas/types';

/**
 * A stand-in for html2canvas with its contract as far as renderScreenshot
 * relies on it: it asks `ignoreElements` about each element child in
 * document order (scripts excepted) while copying the page into another
 * document, calls `onclone` with that document, and draws a canvas of
 * width × scale by height × scale. Layout is happy-dom's (no boxes), so
 * boxes come from `data-box="left top width height"`.
 */
interface Call {
  options: Partial<Options>;
  clone: Document;
}

function fakeHtml2canvas(
  calls: Call[],
  behaviour: (attempt: number) => 'draw' | Error | 'hang' | 'tainted' | 'empty' = () => 'draw',
  onWindow?: (cloneWindow: HappyWindow, attempt: number) => void,
): Html2canvas {
  return async (element, options = {}) => {
    const attempt = calls.length + 1;
    const cloneWindow = new HappyWindow();
    onWindow?.(cloneWindow, attempt);
    const clone = cloneWindow.document as unknown as Document;
    const copy = (live: Element): Element => {
      const copied = live.cloneNode(false) as Element;
      for (const child of live.childNodes) {
        if (child.nodeType === 3) copied.append(child.cloneNode());
        if (child.nodeType !== 1) continue;
        const childElement = child as Element;
        if (childElement.tagName === 'SCRIPT') continue;
        if (options.ignoreElements?.(childElement)) continue;
        copied.append(copy(childElement));
      }
      return copied;
    };
    // happy-dom refuses to swap a document's root element: its children are moved instead.
    const root = clone.documentElement;
    root.replaceChildren(...clone.adoptNode(copy(element)).childNodes);
    calls.push({ options, clone });
    const outcome = behaviour(attempt);
    if (outcome === 'hang') return new Promise<HTMLCanvasElement>(() => undefined);
    await options.onclone?.(clone, root as HTMLElement);
    if (outcome instanceof Error) throw outcome;
    const scale = options.scale ?? 1;
    return {
      width: Math.floor((options.width ?? 0) * scale),
      height: Math.floor((options.height ?? 0) * scale),
      toDataURL: () => {
        if (outcome === 'tainted') {
          const error = new Error('Tainted canvases may not be exported.');
          error.name = 'SecurityError';
          throw error;
        }
        return outcome === 'empty' ? 'data:,' : 'data:image/png;base64,iVBORw0KGgo=';
      },
    } as HTMLCanvasElement;
  };
}

function boxOf(element: Element): DOMRect {
  const [left = 0, top = 0, width = 0, height = 0] = (element.getAttribute('data-box') ?? '')
    .split(' ')
    .filter(Boolean)
    .map(Number);
  return { left, top, width, height, right: left + width, bottom: top + height, x: left, y: top } as DOMRect;
}

function pageSize(width: number, height: number) {
  vi.spyOn(document.documentElement, 'scrollWidth', 'get').mockReturnValue(width);
  vi.spyOn(document.documentElement, 'scrollHeight', 'get').mockReturnValue(height);
}

const sso = `
  <div class="alert alert-danger" role="alert" data-box="100 300 800 40">SAML レスポンスの検証に失敗しました</div>
  <div class="alert alert-danger" role="alert" hidden data-box="100 350 800 40">テンプレート</div>
  <label for="secret">クライアントシークレット</label>
  <input type="password" id="secret" value="sk_live_secret" data-box="300 600 600 30">
  <input type="text" id="token" class="api-token" value="tok_123" data-box="300 640 600 30">
  <p id="plain">公開情報</p>`;

let calls: Call[];

beforeEach(() => {
  calls = [];
  document.body.innerHTML = sso;
  pageSize(1200, 1000);
  vi.spyOn(Element.prototype, 'getBoundingClientRect').mockImplementation(function (this: Element) {
    return boxOf(this);
  });
  vi.spyOn(Element.prototype, 'getClientRects').mockImplementation(function (this: Element) {
    const box = boxOf(this);
    return (box.width > 0 ? [box] : []) as unknown as DOMRectList;
  });
});

afterEach(() => {
  document.body.innerHTML = '';
});

const fullPage: ScreenshotRequest = { mode: 'full-page', maskSelectors: ['.api-token'] };

describe('renderScreenshot', () => {
  it('draws the page with the agreed html2canvas options', async () => {
    const result = await renderScreenshot(document, window, fullPage, {
      html2canvas: fakeHtml2canvas(calls),
    });
    expect(result).toMatchObject({ ok: true, mode: 'full-page', width: 1200, height: 1000 });
    expect(calls).toHaveLength(1);
    expect(calls[0]!.options).toMatchObject({
      x: 0,
      y: 0,
      width: 1200,
      height: 1000,
      scale: window.devicePixelRatio,
      useCORS: false,
      allowTaint: false,
      logging: false,
      foreignObjectRendering: false,
    });
  });

  it('states the cut of a page taller than 4 viewports', async () => {
    pageSize(1200, 50_000);
    const result = await renderScreenshot(document, window, fullPage, {
      html2canvas: fakeHtml2canvas(calls),
    });
    const cap = window.innerHeight * 4;
    expect(result).toMatchObject({
      ok: true,
      height: cap * window.devicePixelRatio,
      cut: { pageHeightCss: 50_000, cutAtCss: cap },
    });
  });

  it('masks password fields and the requested selectors in the clone only', async () => {
    const result = await renderScreenshot(document, window, fullPage, {
      html2canvas: fakeHtml2canvas(calls),
    });
    expect(result).toMatchObject({ ok: true, masked: 2 });
    const clone = calls[0]!.clone;
    for (const id of ['secret', 'token']) {
      const field = clone.getElementById(id) as HTMLInputElement;
      expect(field.value).toBe('');
      expect(field.style.getPropertyValue('visibility')).toBe('hidden');
    }
    expect((clone.getElementById('plain') as HTMLElement).style.getPropertyValue('visibility')).toBe('');
    // One opaque box per masked element, at its place.
    const boxes = [...clone.querySelectorAll<HTMLElement>('[data-helpdraft-mask-overlay] > div')];
    expect(boxes.map((box) => [box.style.left, box.style.top, box.style.width, box.style.height])).toEqual([
      ['299px', '599px', '602px', '32px'],
      ['299px', '639px', '602px', '32px'],
    ]);
    for (const box of boxes) expect(box.style.background).toMatch(/^(#000|rgb\(0, 0, 0\))$/);
    // The live page is untouched.
    expect((document.getElementById('secret') as HTMLInputElement).value).toBe('sk_live_secret');
    expect((document.getElementById('token') as HTMLInputElement).value).toBe('tok_123');
    expect(document.querySelector('[data-helpdraft-mask-overlay]')).toBeNull();
  });

  it('centres an error area on the first visible error', async () => {
    const result = await renderScreenshot(
      document,
      window,
      { mode: 'error-area', maskSelectors: [], areaPadding: 20 },
      { html2canvas: fakeHtml2canvas(calls) },
    );
    expect(result).toMatchObject({
      ok: true,
      mode: 'error-area',
      region: { x: 80, y: 220, width: 840, height: 200 },
    });
    expect(calls[0]!.options).toMatchObject({ x: 80, y: 220, width: 840, height: 200 });
  });

  it.each([
    ['no error on the page', '<p data-box="0 0 100 20">ok</p>', undefined],
    ['only a hidden template', '<div role="alert" hidden data-box="0 0 100 20">x</div>', undefined],
    ['an empty live region', '<div aria-live="assertive" data-box="0 0 100 20"></div>', undefined],
    ['nothing matching the page’s own selector', sso, '.no-such-error'],
  ])('answers no-error-area for %s', async (_name, html, errorSelector) => {
    document.body.innerHTML = html;
    const result = await renderScreenshot(
      document,
      window,
      { mode: 'error-area', maskSelectors: [], ...(errorSelector ? { errorSelector } : {}) },
      { html2canvas: fakeHtml2canvas(calls) },
    );
    expect(result).toEqual({
      ok: false,
      reason: 'no-error-area',
      detail: 'no visible error element on the page',
    });
    expect(calls).toHaveLength(0);
  });

  it('retries once with colours rewritten when html2canvas cannot parse one', async () => {
    document.body.insertAdjacentHTML('beforeend', '<p id="fancy" style="color: oklch(0.5 0.1 10)">x</p>');
    // happy-dom computes no oklch(): the clone's computed style is what Chromium would answer.
    const chromiumStyle = (cloneWindow: HappyWindow) =>
      vi.spyOn(cloneWindow, 'getComputedStyle').mockImplementation(
        (element) =>
          ({
            getPropertyValue: (property: string) =>
              property === 'color' && element.id === 'fancy' ? 'oklch(0.5 0.1 10)' : '',
          }) as never,
      );
    const result = await renderScreenshot(document, window, fullPage, {
      html2canvas: fakeHtml2canvas(
        calls,
        (attempt) =>
          attempt === 1 ? new Error('Attempting to parse an unsupported color function "oklch"') : 'draw',
        chromiumStyle,
      ),
    });
    expect(result).toMatchObject({
      ok: true,
      timing: { attempts: 2, fallback: 'colours rewritten as rgba() (html2canvas cannot parse oklch())' },
    });
    const fancy = calls[1]!.clone.getElementById('fancy') as HTMLElement;
    expect(fancy.style.getPropertyValue('color')).toMatch(/^rgba\(/);
    expect(fancy.style.getPropertyPriority('color')).toBe('important');
  });

  it.each([
    [
      'the colour error again',
      () => new Error('Attempting to parse an unsupported color function "color"'),
      'unsupported-css',
      2,
    ],
    ['a tainted canvas', () => 'tainted' as const, 'tainted-canvas', 1],
    ['a canvas too large to allocate', () => 'empty' as const, 'too-large', 1],
    ['anything else', () => new Error('Unable to find iframe window'), 'failed', 1],
  ])('classifies %s', async (_name, behaviour, reason, attempts) => {
    const result = await renderScreenshot(document, window, fullPage, {
      html2canvas: fakeHtml2canvas(calls, behaviour),
    });
    expect(result).toMatchObject({ ok: false, reason });
    expect(calls).toHaveLength(attempts);
  });

  it('answers when html2canvas never does', async () => {
    const result = await renderScreenshot(document, window, fullPage, {
      html2canvas: fakeHtml2canvas(calls, () => 'hang'),
      timeoutMs: 200,
    });
    // The attempt gets what is left of the 200 ms after planning, which a busy machine makes less.
    expect(result).toMatchObject({ ok: false, reason: 'failed' });
    expect(result.ok ? '' : result.detail).toMatch(
      /^ScreenshotTimeout: html2canvas did not finish within (1\d\d|200) ms$/,
    );
  });

  it('refuses a data URL over the size limit', async () => {
    const result = await renderScreenshot(document, window, fullPage, {
      html2canvas: fakeHtml2canvas(calls),
      maxDataUrlLength: 10,
    });
    expect(result).toMatchObject({ ok: false, reason: 'too-large' });
  });

  it.each([
    ['an invalid request', { mode: 'visible', maskSelectors: [] }, 'invalid screenshot request'],
    [
      'an invalid mask selector',
      { mode: 'full-page', maskSelectors: ['input[type='] },
      'invalid selector input[type=',
    ],
    [
      'an invalid error selector',
      { mode: 'error-area', maskSelectors: [], errorSelector: '!!' },
      'invalid selector !!',
    ],
  ])('refuses %s before drawing', async (_name, request, detail) => {
    const result = await renderScreenshot(document, window, request, { html2canvas: fakeHtml2canvas(calls) });
    expect(result).toMatchObject({ ok: false, reason: 'failed', detail: expect.stringContaining(detail) });
    expect(calls).toHaveLength(0);
  });
});

describe('invalidSelector', () => {
  it.each([
    [['input[type=password]', '.secret, #token'], undefined],
    [['input[type=password]', 'div >'], 'div >'],
  ])('%o → %s', (selectors, bad) => {
    const found = invalidSelector(document, selectors);
    if (bad === undefined) expect(found).toBeUndefined();
    else expect(found?.startsWith(`${bad}: `)).toBe(true);
  });
});
