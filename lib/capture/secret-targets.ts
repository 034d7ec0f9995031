/**
 * What on the page is a secret, and where it is drawn, for the screenshot's
 * masks (issue 15, item 2: secrets found by meaning). An element's text is
 * judged joined (`Bearer <span>eyJ…</span>`, a <code> in a <td>) by the text
 * redactor's own rules (lib/capture/redact.ts: one rule set for text and
 * pixels), and together with its label (lib/capture/secret-labels.ts): a
 * value that looks like a credential beside "Client Secret" or 「API キー」 is
 * one. Fields are judged by type, autocomplete, labels and value. Shadow roots
 * and same-origin frames are walked (lib/capture/secret-walk.ts).
 */
import type { MaskOptions, MaskTarget } from './masks';
import { customPatternRule, emailPattern, secretSpans, type SecretSpan } from './redact';
import { contextLabels, fieldLabels, labelTags, maxLabelLength, parentOrHost } from './secret-labels';
import { labelNamesSecret } from './secret-words';
import { isShown } from './visibility';
import { walkPage, type WalkedRoot, type WalkOptions } from './secret-walk';

/** The mask options, plus how to read closed shadow roots (the collector passes the browser's). */
export type SecretTargetOptions = MaskOptions & WalkOptions;

/** More line boxes than this in one secret text are covered by one box over their bounds. */
export const maxBoxesPerText = 50;

/** A value a label can make a secret: one printable ASCII token, not a number, date, URL or address. */
const credentialCharacters = /^[\x21-\x7e]{6,8192}$/;
const notCredential = /^(?:[\d\-/.:+]+|https?:\/\/.*|[^@\s]+@[^@\s]+\.[a-z]+|\(.*\)|<.*>|\[.*\])$/i;

export function looksLikeCredential(value: string): boolean {
  if (!credentialCharacters.test(value) || notCredential.test(value)) return false;
  const letters = /[A-Za-z]/.test(value);
  return letters && (/\d/.test(value) || /[^A-Za-z0-9]/.test(value) || value.length >= 12);
}

/** Inline elements: their text is read with the block around them, as a person reads it. */
const inlineTags = new Set([
  'A', 'ABBR', 'B', 'BDI', 'BDO', 'CITE', 'CODE', 'DATA', 'DEL', 'DFN', 'EM', 'FONT', 'I', 'INS', 'KBD',
  'MARK', 'Q', 'S', 'SAMP', 'SMALL', 'SPAN', 'STRONG', 'SUB', 'SUP', 'TIME', 'TT', 'U', 'VAR',
]); // prettier-ignore

function hasOwnLabel(element: Element): boolean {
  return element.hasAttribute('aria-label') || element.hasAttribute('aria-labelledby');
}

/** The block a text node is read in: its nearest ancestor that is not inline (or a shadow root's host). */
function unitOf(text: Text): Element | null {
  let element = text.parentElement;
  // An inline element with a label of its own is read alone (`<span aria-label="API key">…</span>`).
  while (element && inlineTags.has(element.tagName) && !hasOwnLabel(element)) {
    if (!element.parentElement) break;
    element = element.parentElement;
  }
  return element ?? parentOrHost(text);
}

/** Where a piece of a unit's joined text is, and the rule that masks it. */
interface Piece {
  start: number;
  end: number;
  rule: string;
}

const labelSeparated = /^([\s\S]{1,60}?)[\s:：=]+(\S+)\s*$/;

function trimmedBounds(text: string, from = 0): { start: number; end: number } {
  const start = from + (text.slice(from).length - text.slice(from).trimStart().length);
  return { start, end: text.trimEnd().length };
}

/** A label written before its value in the same block: "Client Secret: abc…", `<span>API Key</span><code>…</code>`. */
function inlineLabelled(joined: string, boundaries: number[]): Piece | undefined {
  const separated = joined.length <= 8300 ? labelSeparated.exec(joined) : null;
  const [, label = '', value = ''] = separated ?? [];
  if (separated && looksLikeCredential(value) && labelNamesSecret(label)) {
    const end = joined.trimEnd().length;
    return { start: end - value.length, end, rule: 'secret-label' };
  }
  for (const boundary of boundaries) {
    const label = joined.slice(0, boundary).replace(/[\s:：=]+$/, '');
    if (label.trim().length > maxLabelLength) break;
    const value = trimmedBounds(joined, boundary);
    if (looksLikeCredential(joined.slice(value.start, value.end)) && labelNamesSecret(label))
      return { ...value, rule: 'secret-label' };
  }
  return undefined;
}

function overlaps(piece: Piece, pieces: Piece[]): boolean {
  return pieces.some((other) => piece.start < other.end && other.start < piece.end);
}

/** The secrets in one block's joined text: the redactor's shapes, then values named by a label. */
function judgeUnit(unit: Element, joined: string, boundaries: number[], options: MaskOptions): Piece[] {
  const trimmed = trimmedBounds(joined);
  const custom = (options.maskPatterns?.length ?? 0) > 0;
  if (trimmed.end - trimmed.start < 6 && !custom) return [];
  // Every block goes through the redactor's whole rule set (no keyword pre-filter): a
  // pre-filter is a second, weaker copy of the rules, and shapes it did not foresee
  // (`PHPSESSID=…`, `SSWS …`, a code after "MFA code") got no box. The rules bound their
  // own cost (lib/capture/redact.ts: 4096-character windows and a time budget).
  const pieces: Piece[] = secretSpans(joined, {
    maskEmails: options.maskEmails,
    maskPatterns: options.maskPatterns,
  }).map((span: SecretSpan) => ({ start: span.index, end: span.index + span.length, rule: span.rule }));
  if (labelTags.has(unit.tagName)) return pieces;
  const whole = joined.slice(trimmed.start, trimmed.end);
  const labelled: Piece | undefined =
    looksLikeCredential(whole) && contextLabels(unit).some(labelNamesSecret)
      ? { ...trimmed, rule: 'secret-label' }
      : inlineLabelled(joined, boundaries);
  if (labelled && !overlaps(labelled, pieces)) pieces.push(labelled);
  return pieces;
}

function isPemOpening(text: string): boolean {
  return /-----BEGIN [A-Z ]*PRIVATE KEY-----/.test(text) && !/-----END [A-Z ]*PRIVATE KEY-----/.test(text);
}

/**
 * A PEM block whose lines are blocks of their own (a <div> a line): the
 * nearest ancestor holding its END line is judged whole, so the body lines
 * are masked with the BEGIN line and not left in the picture.
 */
function pemContainer(unit: Element): Element | undefined {
  let node: Element | null = unit.parentElement;
  for (let level = 0; node && level < 4; level += 1, node = node.parentElement) {
    if (/-----END [A-Z ]*PRIVATE KEY-----/.test(node.textContent ?? '')) return node;
  }
  return undefined;
}

/** The blocks of a root and their text nodes, with PEM blocks spread over lines read as one. */
function unitsOf(walked: WalkedRoot): Map<Element, Text[]> {
  const units = new Map<Element, Text[]>();
  for (const text of walked.texts) {
    const unit = unitOf(text);
    if (!unit) continue;
    const nodes = units.get(unit);
    if (nodes) nodes.push(text);
    else units.set(unit, [text]);
  }
  for (const [unit, nodes] of [...units]) {
    if (!units.has(unit) || !isPemOpening(nodes.map((node) => node.nodeValue).join(''))) continue;
    const container = pemContainer(unit);
    if (!container) continue;
    for (const inner of [...units.keys()]) if (container.contains(inner)) units.delete(inner);
    units.set(
      container,
      walked.texts.filter((text) => container.contains(text)),
    );
  }
  return units;
}

/** Shown here and in every shadow host and frame around it. */
function shownInPage(element: Element, walked: WalkedRoot | undefined): boolean {
  if (!walked) return true;
  return isShown(element, walked.view) && (!walked.container || shownInPage(walked.container, walked.parent));
}

function shifted(rects: Iterable<DOMRect>, offset: { x: number; y: number }): DOMRect[] {
  return [...rects]
    .filter((rect) => rect.width > 0 || rect.height > 0)
    .map((rect) =>
      offset.x === 0 && offset.y === 0
        ? rect
        : new DOMRect(rect.x + offset.x, rect.y + offset.y, rect.width, rect.height),
    );
}

function intersectsViewport(rect: DOMRect, view: Window): boolean {
  return (
    rect.width > 0 &&
    rect.height > 0 &&
    rect.bottom > 0 &&
    rect.right > 0 &&
    rect.top < view.innerHeight &&
    rect.left < view.innerWidth
  );
}

/** A target whose rects are measured now and again later; undefined when nothing of it is in scope. */
function target(
  measure: () => DOMRect[],
  rule: string,
  element: Element,
  view: Window,
  scope: MaskOptions['scope'],
): MaskTarget | undefined {
  const rects = measure();
  if (scope === 'document') return { rects, rule, element, measure };
  const inView = rects.filter((rect) => intersectsViewport(rect, view));
  return inView.length > 0 ? { rects: inView, rule, element, measure } : undefined;
}

/** The range over a piece of a unit's joined text, which may span several text nodes. */
function rangeOver(nodes: Text[], piece: Piece): Range {
  const range = (nodes[0]?.ownerDocument ?? document).createRange();
  let offset = 0;
  for (const node of nodes) {
    const length = node.nodeValue?.length ?? 0;
    if (piece.start >= offset && piece.start <= offset + length) range.setStart(node, piece.start - offset);
    if (piece.end >= offset && piece.end <= offset + length) {
      range.setEnd(node, piece.end - offset);
      break;
    }
    offset += length;
  }
  return range;
}

function textTargets(walked: WalkedRoot, view: Window, options: MaskOptions): MaskTarget[] {
  const targets: MaskTarget[] = [];
  for (const [unit, nodes] of unitsOf(walked)) {
    const boundaries: number[] = [];
    let joined = '';
    for (const node of nodes) {
      if (joined) boundaries.push(joined.length);
      joined += node.nodeValue ?? '';
    }
    const pieces = judgeUnit(unit, joined, boundaries, options);
    if (pieces.length === 0 || !shownInPage(unit, walked)) continue;
    for (const piece of pieces) {
      const range = rangeOver(nodes, piece);
      const measure = () => {
        const rects = shifted(range.getClientRects(), walked.offset());
        return rects.length > maxBoxesPerText
          ? shifted([range.getBoundingClientRect()], walked.offset())
          : rects;
      };
      const common = range.commonAncestorContainer;
      const element =
        common.nodeType === Node.ELEMENT_NODE ? (common as Element) : (parentOrHost(common) ?? unit);
      const found = target(measure, piece.rule, element, view, options.scope);
      if (found) targets.push(found);
    }
  }
  return targets;
}

/** Input types that never show a typed text. */
const skippedInputTypes = new Set([
  'hidden',
  'checkbox',
  'radio',
  'submit',
  'button',
  'reset',
  'image',
  'file',
  'range',
  'color',
]);

function fieldRule(field: HTMLElement, options: MaskOptions): string | undefined {
  const editable = field.tagName !== 'INPUT' && field.tagName !== 'TEXTAREA';
  const type = (field.getAttribute('type') ?? 'text').toLowerCase();
  if (field.tagName === 'INPUT' && skippedInputTypes.has(type)) return undefined;
  if (type === 'password' && field.tagName === 'INPUT') return 'password-field';
  if (/one-time-code|current-password|new-password/.test(field.getAttribute('autocomplete') ?? ''))
    return 'password-field';
  if (fieldLabels(field).some(labelNamesSecret)) return 'secret-field';
  // A contenteditable's text is judged with the page's text; its box only for its labels.
  if (editable) return undefined;
  const value = (field as HTMLInputElement).value ?? '';
  if (!value) return undefined;
  if (secretSpans(value).length > 0) return 'secret-value';
  if (options.maskPatterns?.length && secretSpans(value, { maskPatterns: options.maskPatterns }).length > 0)
    return customPatternRule;
  if (options.maskEmails && (type === 'email' || new RegExp(emailPattern.source).test(value))) return 'email';
  return undefined;
}

function fieldTargets(walked: WalkedRoot, view: Window, options: MaskOptions): MaskTarget[] {
  const targets: MaskTarget[] = [];
  for (const field of walked.fields) {
    const rule = fieldRule(field, options);
    if (!rule || !shownInPage(field, walked)) continue;
    const measure = () => shifted([field.getBoundingClientRect()], walked.offset());
    const found = target(measure, rule, field, view, options.scope);
    if (found) targets.push(found);
  }
  return targets;
}

export interface SecretTargets {
  targets: MaskTarget[];
  /** Frames of another origin: not read, so what they show was not judged (the ticket may say so). */
  unreadFrames: Element[];
}

/** Everything secret on the page, each with the rule that finds it, and the frames that could not be read. */
export function findSecretTargets(
  document: Document,
  view: Window,
  options: SecretTargetOptions,
): SecretTargets {
  const { roots, unreadFrames } = walkPage(document, view, {
    ...options,
    ...(options.scope === 'viewport' ? { onlyNear: view } : {}),
  });
  const fields = roots.flatMap((walked) => fieldTargets(walked, view, options));
  const texts = roots.flatMap((walked) => textTargets(walked, view, options));
  return { targets: [...fields, ...texts], unreadFrames };
}

/** Everything to cover in the screenshot, each with the rule that asks for it. */
export function findMaskTargets(
  document: Document,
  view: Window,
  options: SecretTargetOptions,
): MaskTarget[] {
  return findSecretTargets(document, view, options).targets;
}
