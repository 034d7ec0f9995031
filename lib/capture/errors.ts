/**
 * Finds the error messages a person sees on the page, by role and semantics
 * rather than one site's class names (the OneLogin console's markup is not
 * public, see docs/ONELOGIN.md): `role=alert`, live regions and toasts,
 * invalid form fields with their described-by messages, elements marked as
 * errors or warnings, full-page HTTP error pages, and the same inside
 * same-origin iframes.
 */
import type { PageError, PageErrorKind } from '../schema';
import { isShown, visibleText } from './visibility';

/** One message longer than this is cut; the help center wants full texts, pathological pages get a cap. */
export const maxErrorTextLength = 4000;
/** All messages together stop here (a page of thousands of row errors is not a ticket). */
export const maxTotalErrorText = 20_000;
export const maxErrors = 50;
/** Nested same-origin frames are followed this deep. */
const maxFrameDepth = 3;

/** Class tokens that mark an element as an error message (not a wrapper state such as `has-error`). */
const errorClassTokens = [
  'error',
  'errors',
  'error-message',
  'error-text',
  'errormessage',
  'alert-danger',
  'alert-error',
  'flash-error',
  'flash-danger',
  'flash-alert',
  'notification-error',
  'notification-danger',
  'toast-error',
  'toast-danger',
  'snackbar-error',
  'banner-error',
  'banner-danger',
  'message-error',
  'invalid-feedback',
  'validation-error',
  'validation-message',
  'field-error',
  'form-error',
  'text-danger',
  'is-danger',
  'is-error',
];

/** Class tokens of warnings: shown, and kept apart from errors. */
const warningClassTokens = [
  'alert-warning',
  'flash-warning',
  'notification-warning',
  'toast-warning',
  'banner-warning',
  'message-warning',
  'is-warning',
  'warning-message',
];

/** Containers of transient notifications; they count when their text reads as an error. */
const toastClassTokens = [
  'toast',
  'toasts',
  'notification',
  'notifications',
  'snackbar',
  'flash',
  'flash-message',
  'growl',
];

const tokenPattern = (tokens: string[]) => new RegExp(`^(${tokens.join('|')})$`, 'i');
const errorClassToken = tokenPattern(errorClassTokens);
const warningClassToken = tokenPattern(warningClassTokens);
const toastClassToken = tokenPattern(toastClassTokens);

/** Error wording in Japanese and English (docs/ONELOGIN.md), for regions that also carry good news. */
export const errorWording =
  /エラー|失敗|できません|できませんでした|無効|不正|拒否|期限切れ|タイムアウト|見つかりません|権限がありません|error|fail|invalid|denied|expired|timed out|unable|cannot|can't|not allowed|forbidden|not found|unauthori[sz]ed/i;

/** Headings of full-page HTTP error pages, in the words servers and OneLogin use. */
const httpErrorHeading =
  /^(?:(?:HTTP\s*)?([45]\d\d)\b|(?:Not Found|Forbidden|Unauthorized|Bad Request|Internal Server Error|Service Unavailable|Bad Gateway|Gateway Timeout)\b|ページが見つかりません|アクセスが拒否されました|サーバーエラー)/i;

interface Candidate {
  element: Element;
  kind: PageErrorKind | 'frame';
  field?: string;
}

function hasToken(element: Element, pattern: RegExp): boolean {
  return [...element.classList].some((token) => pattern.test(token));
}

function fieldLabel(field: Element, document: Document): string | undefined {
  const labelledBy = field.getAttribute('aria-labelledby');
  if (labelledBy) {
    const text = labelledBy
      .split(/\s+/)
      .map((id) => document.getElementById(id))
      .filter((label): label is HTMLElement => label !== null)
      .map(visibleText)
      .join(' ')
      .trim();
    if (text) return text;
  }
  const ariaLabel = field.getAttribute('aria-label')?.trim();
  if (ariaLabel) return ariaLabel;
  if (field.id) {
    const label = document.querySelector(`label[for="${CSS.escape(field.id)}"]`);
    if (label) return visibleText(label);
  }
  const wrappingLabel = field.closest('label');
  if (wrappingLabel) return visibleText(wrappingLabel);
  return field.getAttribute('name') ?? undefined;
}

function describesError(element: Element): boolean {
  return (
    element.getAttribute('role') === 'alert' ||
    hasToken(element, errorClassToken) ||
    /error|invalid/i.test(element.id) ||
    errorWording.test(element.textContent ?? '')
  );
}

function formFieldCandidates(document: Document): Candidate[] {
  const candidates: Candidate[] = [];
  for (const field of document.querySelectorAll('[aria-invalid="true"]')) {
    const describedBy = `${field.getAttribute('aria-errormessage') ?? ''} ${field.getAttribute('aria-describedby') ?? ''}`;
    const label = fieldLabel(field, document);
    for (const id of new Set(describedBy.split(/\s+/).filter(Boolean))) {
      const message = document.getElementById(id);
      // aria-describedby also points at plain hints ("半角英数字が使用できます"): keep only what reads as an error.
      if (message && describesError(message)) {
        candidates.push({ element: message, kind: 'form-field', ...(label ? { field: label } : {}) });
      }
    }
  }
  return candidates;
}

/** Elements worth a look besides the class tokens above: roles, live regions, frames. */
const roleSelector = '[role="alert"], [role="alertdialog"], [role="status"], [aria-live], iframe';
const classTokens = [...errorClassTokens, ...warningClassTokens, ...toastClassTokens];

/**
 * Candidates by role, then by class token: one pass over the elements that
 * have a class, each token looked up in a set. Profiled in Chromium 156 on
 * a 3000-row table: a selector list of every token (or `[class*=error i]`)
 * cost about 10 ms, getElementsByClassName per token about 7 ms (a document
 * walk each), this pass a few.
 */
const classTokenSet = new Set(classTokens.map((token) => token.toLowerCase()));

function candidateElements(document: Document): Element[] {
  const found = new Set<Element>(document.querySelectorAll(roleSelector));
  for (const element of document.querySelectorAll('[class]')) {
    for (const token of element.classList) {
      if (classTokenSet.has(token.toLowerCase())) {
        found.add(element);
        break;
      }
    }
  }
  return [...found];
}

function semanticKind(element: Element): Candidate['kind'] | undefined {
  const role = element.getAttribute('role');
  const live = element.getAttribute('aria-live');
  if (element.localName === 'iframe') return 'frame';
  if (role === 'alert' || role === 'alertdialog' || live === 'assertive') return 'alert';
  if (hasToken(element, errorClassToken)) return 'marked-error';
  if (hasToken(element, warningClassToken)) return 'warning';
  if (live === 'polite' || role === 'status' || hasToken(element, toastClassToken)) return 'live-region';
  return undefined;
}

function semanticCandidates(document: Document): Candidate[] {
  const candidates: Candidate[] = [];
  for (const element of candidateElements(document)) {
    const kind = semanticKind(element);
    if (kind) candidates.push({ element, kind });
  }
  return candidates;
}

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
function frameDocument(frame: Element): { document: Document; view: Window } | undefined {
  try {
    const view = (frame as HTMLIFrameElement).contentWindow;
    const document = (frame as HTMLIFrameElement).contentDocument;
    return view && document ? { document, view: view as Window } : undefined;
  } catch {
    return undefined;
  }
}

function collectFrom(document: Document, view: Window, depth: number): PageError[] {
  const byElement = new Map<Element, Candidate>();
  // Form-field messages first, so their field label wins over a plain class match on the same element.
  for (const candidate of [...formFieldCandidates(document), ...semanticCandidates(document)]) {
    if (!byElement.has(candidate.element)) byElement.set(candidate.element, candidate);
  }
  const ordered = [...byElement.values()].sort(inPageOrder);
  const httpError = httpErrorPage(document, view);
  const errors: PageError[] = httpError ? [httpError] : [];
  const taken: Element[] = [];
  for (const candidate of ordered) {
    if (taken.some((outer) => outer.contains(candidate.element))) continue;
    if (!isShown(candidate.element, view)) continue;
    if (candidate.kind === 'frame') {
      const frame = depth < maxFrameDepth ? frameDocument(candidate.element) : undefined;
      if (frame) errors.push(...collectFrom(frame.document, frame.view, depth + 1));
      continue;
    }
    const text = visibleText(candidate.element);
    if (!text) continue;
    // A polite live region also announces successes ("保存しました"): keep it only when it reads as an error.
    if (candidate.kind === 'live-region' && !errorWording.test(text)) continue;
    taken.push(candidate.element);
    errors.push({
      kind: candidate.kind,
      text: cap(text),
      ...(candidate.field ? { field: candidate.field } : {}),
    });
  }
  return errors;
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
