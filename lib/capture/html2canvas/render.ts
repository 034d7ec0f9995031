/**
 * Full-page and error-area screenshots drawn by html2canvas inside the page
 * (content script), fast on long pages, masked, and always with an answer.
 *
 * 1. The region: the document from its top (capped at 4 viewports or the
 *    canvas limits, the cut stated), or the first visible error padded and
 *    clamped to the page.
 * 2. Pruning (pages of `pruneThreshold` elements or more): subtrees lying
 *    entirely below the region are left out of html2canvas's clone through
 *    `ignoreElements` (see prune.ts). In `onclone` the clone's tables get the
 *    live column widths, the clone is made scrollable to the page's scroll
 *    position, and elements around the cut are compared with the live page;
 *    if anything moved, the screenshot is taken again without pruning.
 * 3. Masking, in `onclone` (the clone only): elements matching the mask
 *    selectors, in the clone or as live elements mapped to their copies,
 *    become opaque black boxes of their size.
 * 4. Failures are classified; an "unsupported color function" error is
 *    retried once with such colours rewritten as rgba() in the clone.
 */
import html2canvasLibrary, { type Options } from 'html2canvas';
import { classifyScreenshotError, ScreenshotTimeout, unsupportedColorFunction } from './classify';
import { mapClone, type CloneMap } from './clone-map';
import { sanitizeColors } from './colors';
import { findErrorElement } from './find-error';
import { maskElements, maskFrames, matchAll } from './mask';
import { paintMaskRects, type ViewportMaskRect } from './paint';
import { liveLayout, planPruning, type PrunePlan } from './prune';
import {
  defaultCanvasLimits,
  errorAreaRegion,
  fullPageRegion,
  type CanvasLimits,
  type PageMetrics,
  type PlannedRegion,
} from './region';
import {
  alwaysMaskedSelectors,
  defaultAreaPadding,
  defaultErrorSelector,
  screenshotFailure,
  screenshotRequestSchema,
  type ScreenshotFailure,
  type ScreenshotResult,
} from './types';
import {
  chooseProbes,
  cloneBoxReader,
  findMoved,
  keepScrollPosition,
  measureTablePins,
  pinTables,
  type Probe,
  type TablePin,
} from './verify';

export type Html2canvas = (element: HTMLElement, options?: Partial<Options>) => Promise<HTMLCanvasElement>;

export interface RenderOptions {
  /** Replaces the library (tests). */
  html2canvas?: Html2canvas;
  /** The whole call, all attempts included, ends by then with a 'failed' answer. */
  timeoutMs?: number;
  limits?: CanvasLimits;
  /** Prune only documents with at least this many elements (small pages render fast whole). */
  pruneThreshold?: number;
  /** Data URLs longer than this are refused as 'too-large' (they travel through executeScript). */
  maxDataUrlLength?: number;
  /** The collector's mask rectangles, painted on the canvas before it is encoded (paint.ts). */
  maskRects?: () => readonly ViewportMaskRect[];
}

export const defaultTimeoutMs = 25_000;
export const defaultPruneThreshold = 1500;
export const defaultMaxDataUrlLength = 48 * 1024 * 1024;

/** Elements never cloned: the capture masks HelpDraft may lay over the live page for captureVisibleTab. */
const ignoredIds = new Set(['helpdraft-capture-masks']);

/** The document's size as html2canvas measures it, and the viewport. */
export function measurePage(document: Document, view: Window): PageMetrics {
  const html = document.documentElement;
  const body = document.body;
  return {
    pageWidth: Math.max(
      html.scrollWidth,
      html.offsetWidth,
      html.clientWidth,
      body?.scrollWidth ?? 0,
      body?.offsetWidth ?? 0,
      body?.clientWidth ?? 0,
    ),
    pageHeight: Math.max(
      html.scrollHeight,
      html.offsetHeight,
      html.clientHeight,
      body?.scrollHeight ?? 0,
      body?.offsetHeight ?? 0,
      body?.clientHeight ?? 0,
    ),
    viewportWidth: view.innerWidth,
    viewportHeight: view.innerHeight,
    scale: view.devicePixelRatio > 0 ? view.devicePixelRatio : 1,
  };
}

/** The first selector `document` refuses, with the browser's message. */
export function invalidSelector(document: Document, selectors: readonly string[]): string | undefined {
  for (const selector of selectors) {
    try {
      document.createDocumentFragment().querySelector(selector);
    } catch (error) {
      return `${selector}: ${error instanceof Error ? error.message : String(error)}`;
    }
  }
  return undefined;
}

function withTimeout<T>(promise: Promise<T>, milliseconds: number): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const timer = setTimeout(() => reject(new ScreenshotTimeout(milliseconds)), Math.max(0, milliseconds));
    promise.then(
      (value) => {
        clearTimeout(timer);
        resolve(value);
      },
      (error: unknown) => {
        clearTimeout(timer);
        reject(error instanceof Error ? error : new Error(String(error)));
      },
    );
  });
}

/** html2canvas leaves its clone's iframe in the page when it fails; such leftovers are removed. */
function containersOf(document: Document): Set<Element> {
  return new Set(document.querySelectorAll('iframe.html2canvas-container'));
}

function removeLeftovers(document: Document, before: Set<Element>): void {
  for (const container of containersOf(document)) if (!before.has(container)) container.remove();
}

/**
 * Makes the clone's layout viewport the page's: should the clone's frame
 * show a scrollbar after all (or lose one), it is resized by the difference,
 * so the clone is laid out at the page's width and height.
 */
export function matchFrameToPage(clone: Document, width: number, height: number): void {
  const view = clone.defaultView;
  const frame = view?.frameElement as HTMLIFrameElement | null | undefined;
  if (!view || !frame) return;
  const root = clone.documentElement;
  const dx = width - root.clientWidth;
  const dy = height - root.clientHeight;
  if (dx === 0 && dy === 0) return;
  const scrollX = view.scrollX;
  const scrollY = view.scrollY;
  frame.width = String(Number(frame.width) + dx);
  frame.height = String(Number(frame.height) + dy);
  view.scrollTo(scrollX, scrollY);
}

interface AttemptInput {
  document: Document;
  view: Window;
  region: PlannedRegion['region'];
  metrics: PageMetrics;
  selectors: string[];
  anchors: Element[];
  plan: PrunePlan | undefined;
  sanitize: boolean;
  timeoutMs: number;
  html2canvas: Html2canvas;
}

type AttemptOutcome =
  | { type: 'canvas'; canvas: HTMLCanvasElement; masked: number }
  | { type: 'moved'; detail: string }
  | { type: 'error'; error: unknown; cspViolation?: string };

async function attempt(input: AttemptInput): Promise<AttemptOutcome> {
  const { document, view, region, metrics, selectors, anchors, plan } = input;
  const pruned = plan?.pruned ?? new Set<Element>();
  // Everything from the live page is read before html2canvas starts.
  const layout = liveLayout(view);
  const probes: Probe[] = plan ? chooseProbes(plan, anchors, layout) : [];
  const tablePins: TablePin[] = plan ? measureTablePins(plan, view) : [];
  const liveTargets = matchAll(document, selectors);
  const scrollX = view.scrollX;
  const scrollY = view.scrollY;
  const layoutWidth = document.documentElement.clientWidth || view.innerWidth;
  const layoutHeight = document.documentElement.clientHeight || view.innerHeight;

  const kept: Element[] = [];
  let moved: string | undefined;
  let masked = 0;
  let cspViolation: string | undefined;
  const onViolation = (event: SecurityPolicyViolationEvent) => {
    cspViolation ??= `${event.effectiveDirective || event.violatedDirective} ${event.blockedURI}`.trim();
  };
  const before = containersOf(document);
  document.addEventListener('securitypolicyviolation', onViolation);
  try {
    const canvas = await withTimeout(
      input.html2canvas(document.documentElement, {
        x: region.x,
        y: region.y,
        width: region.width,
        height: region.height,
        scale: metrics.scale,
        // The layout viewport, without a classic scrollbar: the clone's frame has none (scrolling=no),
        // and innerWidth would lay it out wider than the page.
        windowWidth: layoutWidth,
        windowHeight: layoutHeight,
        scrollX,
        scrollY,
        useCORS: false,
        allowTaint: false,
        logging: false,
        foreignObjectRendering: false,
        imageTimeout: 5000,
        ignoreElements: (element) => {
          if (pruned.has(element) || ignoredIds.has(element.id)) return true;
          kept.push(element);
          return false;
        },
        onclone: (clone) => {
          matchFrameToPage(clone, layoutWidth, layoutHeight);
          const map: CloneMap | undefined = mapClone(kept, clone.documentElement);
          if (plan) {
            if (map) pinTables(tablePins, map);
            const scrolled = keepScrollPosition(
              clone,
              metrics.pageWidth,
              metrics.pageHeight,
              scrollX,
              scrollY,
            );
            if (!map) moved = 'the pruned clone could not be matched with the page';
            else if (!scrolled) moved = 'the pruned clone could not be scrolled like the page';
            else moved = findMoved(probes, map, cloneBoxReader(clone));
            if (moved) {
              // This clone is thrown away: make drawing it cost nothing.
              clone.body?.replaceChildren();
              return;
            }
          }
          const targets = new Set(matchAll(clone, selectors));
          if (map) {
            for (const live of liveTargets) {
              const copy = map.get(live);
              if (copy) targets.add(copy);
            }
          }
          masked = maskElements(clone, targets) + maskFrames(clone, selectors);
          if (input.sanitize) sanitizeColors(clone);
        },
      }),
      input.timeoutMs,
    );
    if (moved) return { type: 'moved', detail: moved };
    return { type: 'canvas', canvas, masked };
  } catch (error) {
    removeLeftovers(document, before);
    return { type: 'error', error, ...(cspViolation ? { cspViolation } : {}) };
  } finally {
    document.removeEventListener('securitypolicyviolation', onViolation);
  }
}

function encode(canvas: HTMLCanvasElement, maxLength: number): { dataUrl: string } | ScreenshotFailure {
  let dataUrl: string;
  try {
    dataUrl = canvas.toDataURL('image/png');
  } catch (error) {
    const { reason, detail } = classifyScreenshotError(error);
    return screenshotFailure(reason, detail);
  }
  // A canvas the browser could not allocate encodes as an empty data URL.
  if (!dataUrl.startsWith('data:image/png;base64,') || dataUrl.length <= 'data:image/png;base64,'.length) {
    return screenshotFailure(
      'too-large',
      `the browser could not draw a ${canvas.width}×${canvas.height} px canvas`,
    );
  }
  if (dataUrl.length > maxLength) {
    return screenshotFailure(
      'too-large',
      `the PNG is ${Math.round(dataUrl.length / 1024 / 1024)} MB as a data URL (limit ${Math.round(maxLength / 1024 / 1024)} MB)`,
    );
  }
  return { dataUrl };
}

/**
 * Draws the requested screenshot of `document` (shown in `view`). Never
 * throws and never leaves the page changed: every failure is a
 * `{ ok: false, reason, detail }` answer.
 */
export async function renderScreenshot(
  document: Document,
  view: Window,
  request: unknown,
  options: RenderOptions = {},
): Promise<ScreenshotResult> {
  const started = performance.now();
  const deadline = started + (options.timeoutMs ?? defaultTimeoutMs);
  try {
    const parsed = screenshotRequestSchema.safeParse(request);
    if (!parsed.success) {
      return screenshotFailure(
        'failed',
        `invalid screenshot request: ${parsed.error.issues[0]?.message ?? ''}`,
      );
    }
    const { mode, maskSelectors, maxHeightCss, areaPadding, errorSelector, prune } = parsed.data;
    const selectors = [...alwaysMaskedSelectors, ...maskSelectors];
    const badSelector = invalidSelector(document, [...selectors, errorSelector ?? defaultErrorSelector]);
    if (badSelector) return screenshotFailure('failed', `invalid selector ${badSelector}`);
    if (!document.documentElement || !document.body) {
      return screenshotFailure('failed', 'the document has no body to draw');
    }

    const metrics = measurePage(document, view);
    const limits = options.limits ?? defaultCanvasLimits;
    let planned: PlannedRegion;
    const anchors: Element[] = [];
    if (mode === 'full-page') {
      planned = fullPageRegion(metrics, maxHeightCss, limits);
    } else {
      const found = findErrorElement(document, view, errorSelector ?? defaultErrorSelector, {
        width: metrics.pageWidth,
        height: metrics.pageHeight,
      });
      if (!found) return screenshotFailure('no-error-area', 'no visible error element on the page');
      anchors.push(found.element);
      planned = errorAreaRegion(found.box, metrics, areaPadding ?? defaultAreaPadding, maxHeightCss, limits);
    }
    const { region, cut } = planned;
    const cutY = region.y + region.height;
    const elementCount = document.getElementsByTagName('*').length;
    let plan: PrunePlan | undefined =
      prune !== false &&
      elementCount >= (options.pruneThreshold ?? defaultPruneThreshold) &&
      cutY < metrics.pageHeight
        ? planPruning(document.body, cutY, liveLayout(view), { anchors })
        : undefined;
    if (plan && plan.pruned.size === 0) plan = undefined;
    const prunedElements = plan?.pruned.size ?? 0;
    const planMs = performance.now() - started;
    let fallback: string | undefined;
    let renderMs = 0;

    let sanitize = false;
    let attempts = 0;
    for (;;) {
      attempts += 1;
      const remaining = deadline - performance.now();
      if (remaining <= 0)
        return screenshotFailure('failed', `no screenshot after ${attempts - 1} attempts: out of time`);
      const attemptStarted = performance.now();
      const outcome = await attempt({
        document,
        view,
        region,
        metrics,
        selectors,
        anchors,
        plan,
        sanitize,
        timeoutMs: remaining,
        html2canvas: options.html2canvas ?? html2canvasLibrary,
      });
      renderMs += performance.now() - attemptStarted;
      if (outcome.type === 'moved') {
        plan = undefined; // the page's layout depends on what was pruned: draw it whole
        fallback = outcome.detail;
        continue;
      }
      if (outcome.type === 'error') {
        const color = unsupportedColorFunction(outcome.error);
        if (!sanitize && color !== undefined) {
          sanitize = true;
          fallback = `colours rewritten as rgba() (html2canvas cannot parse ${color}())`;
          continue;
        }
        const { reason, detail } = classifyScreenshotError(outcome.error, outcome.cspViolation);
        return screenshotFailure(reason, detail);
      }
      // A canvas whose masks could not be painted is never encoded: the catch below answers 'failed'.
      const painted = paintMaskRects(outcome.canvas, options.maskRects?.() ?? [], region, metrics.scale);
      const encodeStarted = performance.now();
      const encoded = encode(outcome.canvas, options.maxDataUrlLength ?? defaultMaxDataUrlLength);
      const encodeMs = performance.now() - encodeStarted;
      if ('reason' in encoded) return encoded;
      return {
        ok: true,
        dataUrl: encoded.dataUrl,
        width: outcome.canvas.width,
        height: outcome.canvas.height,
        mode,
        region,
        ...(cut ? { cut } : {}),
        masked: outcome.masked,
        painted,
        timing: {
          totalMs: Math.round(performance.now() - started),
          planMs: Math.round(planMs),
          renderMs: Math.round(renderMs),
          encodeMs: Math.round(encodeMs),
          attempts,
          prunedElements: plan ? prunedElements : 0,
          ...(fallback ? { fallback } : {}),
        },
      };
    }
  } catch (error) {
    const { reason, detail } = classifyScreenshotError(error);
    return screenshotFailure(reason, detail);
  }
}
