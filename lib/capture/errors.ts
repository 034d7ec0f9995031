/**
 * Finds the error messages a person sees on the page by evidence, not by one
 * site's class names (the OneLogin console's markup is not public, see
 * docs/ONELOGIN.md): a cheap first pass picks candidates
 * (lib/capture/errors-regions.ts), each is scored for and against
 * (lib/capture/errors-evidence.ts) and kept at or above the threshold with
 * its evidence; full-page HTTP error pages, open shadow roots and
 * same-origin iframes are read too (docs/ARCHITECTURE.md, "Errors").
 */
import type { PageError } from '../schema';
import { parseColour } from './errors-colour';
import { errorThreshold, scoreElement } from './errors-evidence';
import { hasLayout, isHiddenMessage } from './errors-hidden';
import { regionMessages, scanRoot, type Candidate, type ScanRoot } from './errors-regions';
import { isShown, visibleText } from './visibility';

export { errorWording } from './errors-lexicon';

/** Headings of full-page HTTP error pages, in the words servers and OneLogin use. */
const httpErrorHeading =
  /^(?:(?:HTTP\s*)?([45]\d\d)\b|(?:Not Found|Forbidden|Unauthorized|Bad Request|Internal Server Error|Service Unavailable|Bad Gateway|Gateway Timeout)\b|ページが見つかりません|アクセスが拒否されました|サーバーエラー)/i;

/** One message longer than this is cut; the help center wants full texts, pathological pages get a cap. */
export const maxErrorTextLength = 4000;
/** All messages together stop here (a page of thousands of row errors is not a ticket). */
export const maxTotalErrorText = 20_000;
export const maxErrors = 50;
/** Nested same-origin frames are followed this deep. */
const maxFrameDepth = 3;

/** The document's HTTP status when the browser knows it (Navigation Timing `responseStatus`, Chrome 109+). */
function responseStatus(view: Window): number | undefined {
  try {
    const [navigation] = view.performance.getEntriesByType('navigation') as (PerformanceEntry & {
      responseStatus?: number;
    })[];
    return navigation?.responseStatus || undefined;
  } catch {
    return undefined;
  }
}

/**
 * A full-page HTTP error (4xx/5xx): the status from the browser, or a
 * heading or title that reads like one; the page's main heading and first
 * paragraph are its message.
 */
export function httpErrorPage(document: Document, view: Window): PageError | undefined {
  const heading = [...document.querySelectorAll('h1, h2')].find((element) => isShown(element, view));
  const headingText = heading ? visibleText(heading) : '';
  const status = responseStatus(view);
  const statusFromText = httpErrorHeading.exec(headingText) ?? httpErrorHeading.exec(document.title.trim());
  if (!(status && status >= 400) && !statusFromText) return undefined;
  const paragraph = [...document.querySelectorAll('main p, body p')].find((element) =>
    isShown(element, view),
  );
  const parts = [
    status && status >= 400 && !headingText.includes(String(status)) ? `HTTP ${status}` : '',
    headingText || document.title.trim(),
    paragraph ? visibleText(paragraph) : '',
  ].filter(Boolean);
  return { kind: 'http-error', text: cap(parts.join(' — ')) };
}

function cap(text: string): string {
  return text.length > maxErrorTextLength ? `${text.slice(0, maxErrorTextLength)}…` : text;
}

function inPageOrder(a: Candidate, b: Candidate): number {
  if (a.element === b.element) return 0;
  return a.element.compareDocumentPosition(b.element) & Node.DOCUMENT_POSITION_FOLLOWING ? -1 : 1;
}

/** A same-origin frame's document, or undefined when it is cross-origin (the browser says no). */
function frameDocument(frame: HTMLIFrameElement): { document: Document; view: Window } | undefined {
  try {
    const view = frame.contentWindow;
    const document = frame.contentDocument;
    return view && document ? { document, view: view as Window } : undefined;
  } catch {
    return undefined;
  }
}

/** A failed status in a table row comes with the row: its identifying cells, the status and the detail. */
function rowOf(element: Element): Element | undefined {
  const row = element.closest('tr, [role="row"]');
  return row && row.querySelector('td, [role="cell"], [role="gridcell"]') ? row : undefined;
}

function rowText(row: Element): string {
  return [...row.children].map(visibleText).filter(Boolean).join(' | ');
}

interface Reading {
  document: Document;
  view: Window;
  layout: boolean;
  bodyColour: ReturnType<typeof parseColour>;
}

function splitsInto(element: Element, candidateSet: Set<Element>, reading: Reading): boolean {
  const parts = regionMessages(element)?.filter((part) => candidateSet.has(part));
  if (!parts || parts.length < 2) return false;
  return parts.some(
    (part) =>
      scoreElement(part, visibleText(part), reading.view, { bodyColour: reading.bodyColour }).score >=
      errorThreshold,
  );
}

function collectFromRoot(root: ScanRoot, reading: Reading, depth: number): PageError[] {
  const scan = scanRoot(root, reading.view);
  const candidates = scan.candidates.sort(inPageOrder);
  const candidateSet = new Set(candidates.map((candidate) => candidate.element));
  const errors: PageError[] = [];
  const taken: Element[] = [];
  for (const candidate of candidates) {
    const { element } = candidate;
    if (taken.some((outer) => outer.contains(element))) continue;
    if (isHiddenMessage(element, reading.view, reading.layout)) continue;
    // A container of several candidate messages (a toast stack without a live region) is judged by its
    // parts when one of them is an error by itself; else it is one message (an alert's title and text).
    if (!candidate.context.fieldMessage && splitsInto(element, candidateSet, reading)) continue;
    const text = visibleText(element);
    if (!text) continue;
    const scored = scoreElement(element, text, reading.view, {
      ...candidate.context,
      bodyColour: reading.bodyColour,
    });
    if (scored.score < errorThreshold) continue;
    const row = rowOf(element);
    taken.push(row ?? element);
    errors.push({
      kind: scored.kind,
      text: cap(row ? rowText(row) : text),
      ...(candidate.field ? { field: candidate.field } : {}),
      evidence: scored.evidence,
    });
  }
  for (const shadowRoot of scan.shadowRoots) errors.push(...collectFromRoot(shadowRoot, reading, depth));
  for (const frame of scan.frames) {
    if (depth >= maxFrameDepth || !isShown(frame, reading.view)) continue;
    const inner = frameDocument(frame);
    if (inner) errors.push(...collectFrom(inner.document, inner.view, depth + 1));
  }
  return errors;
}

function readingOf(document: Document, view: Window): Reading {
  const bodyColour = document.body ? parseColour(view.getComputedStyle(document.body).color) : undefined;
  return { document, view, layout: hasLayout(document), bodyColour };
}

/** The error messages in one element and below it, by the same scorer (the watcher's second pass). */
export function collectErrorsWithin(element: Element, view: Window): PageError[] {
  return collectFromRoot(element, readingOf(element.ownerDocument, view), maxFrameDepth);
}

function collectFrom(document: Document, view: Window, depth: number): PageError[] {
  const reading = readingOf(document, view);
  const httpError = httpErrorPage(document, view);
  return [...(httpError ? [httpError] : []), ...collectFromRoot(document, reading, depth)];
}

/**
 * Visible error messages in page order (a frame's where the frame is), each
 * once. A message inside one already taken (an alert holding an `.error`
 * paragraph) is not repeated, a form field's message keeps its field's
 * label, and the whole is capped by count and by total length.
 */
export function collectPageErrors(document: Document, view: Window): PageError[] {
  const seen = new Set<string>();
  const errors: PageError[] = [];
  let total = 0;
  for (const error of collectFrom(document, view, 0)) {
    const key = `${error.field ?? ''}\u0000${error.text}`;
    if (seen.has(key)) continue;
    seen.add(key);
    if (errors.length >= maxErrors || total >= maxTotalErrorText) break;
    const text =
      total + error.text.length > maxTotalErrorText
        ? `${error.text.slice(0, maxTotalErrorText - total)}…`
        : error.text;
    total += text.length;
    errors.push({ ...error, text });
  }
  return errors;
}
