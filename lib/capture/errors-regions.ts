/**
 * The cheap first pass of the error finder: which elements are worth
 * scoring (lib/capture/errors-evidence.ts). One walk over a root's elements
 * picks roles, live regions, invalid fields' messages and names that look
 * like messages, notes open shadow roots and frames; one walk over its text
 * picks what is worded like an error. Live regions holding several messages
 * (a success toast beside an error toast) are split into those messages.
 */
import type { CandidateContext } from './errors-evidence';
import { colourFamily, parseColour } from './errors-colour';
import { errorWording } from './errors-lexicon';
import { visibleText } from './visibility';

export interface Candidate {
  element: Element;
  context: CandidateContext;
  field?: string;
}

export interface RootScan {
  candidates: Candidate[];
  shadowRoots: ShadowRoot[];
  frames: HTMLIFrameElement[];
}

/** Substrings of class names and ids worth a look; the scorer splits the words and decides. */
const cheapName =
  /err|danger|invalid|fail|negativ|critical|fatal|warn|caution|alert|toast|snack|notif|notice|flash|banner|message|feedback|callout|explain|growl/i;
const cheapData = /error|danger|fail|invalid|warn/i;
const skippedTextParents = new Set(['script', 'style', 'noscript', 'template', 'textarea', 'title']);

function fieldLabel(field: Element, root: Document | ShadowRoot): string | undefined {
  const labelledBy = field.getAttribute('aria-labelledby');
  if (labelledBy) {
    const text = labelledBy
      .split(/\s+/)
      .map((id) => root.getElementById(id))
      .filter((label): label is HTMLElement => label !== null)
      .map(visibleText)
      .join(' ')
      .trim();
    if (text) return text;
  }
  const ariaLabel = field.getAttribute('aria-label')?.trim();
  if (ariaLabel) return ariaLabel;
  if (field.id) {
    const label = root.querySelector(`label[for="${CSS.escape(field.id)}"]`);
    if (label) return visibleText(label);
  }
  const wrappingLabel = field.closest('label');
  if (wrappingLabel) return visibleText(wrappingLabel);
  return field.getAttribute('name') ?? undefined;
}

function fieldMessages(field: Element, root: Document | ShadowRoot): Candidate[] {
  const label = fieldLabel(field, root);
  const found: Candidate[] = [];
  const add = (ids: string | null, fieldMessage: CandidateContext['fieldMessage']) => {
    for (const id of (ids ?? '').split(/\s+/).filter(Boolean)) {
      const message = root.getElementById(id);
      if (message)
        found.push({ element: message, context: { fieldMessage }, ...(label ? { field: label } : {}) });
    }
  };
  add(field.getAttribute('aria-errormessage'), 'errormessage');
  add(field.getAttribute('aria-describedby'), 'describedby');
  return found;
}

/** A live region or a toast stack: it may hold several messages, each judged alone. */
function isRegion(element: Element): boolean {
  const role = element.getAttribute('role');
  return element.hasAttribute('aria-live') || role === 'status' || role === 'log' || role === 'region';
}

/** Its messages when a region holds two or more alike (same tag) children with text, else undefined. */
export function regionMessages(region: Element): Element[] | undefined {
  const children = [...region.children].filter((child) => visibleText(child) !== '');
  if (children.length < 2) return undefined;
  const tag = children[0]?.localName;
  return children.every((child) => child.localName === tag) ? children : undefined;
}

/** The red box a worded message sits in (a colour-only utility-class alert), or the text's own element. */
function messageBox(element: Element, view: Window): Element {
  let box = element;
  let node: Element | null = element;
  // Five levels: Tailwind UI's alert puts its heading four elements inside the coloured box.
  for (let depth = 0; node && depth < 5 && node.localName !== 'body'; depth += 1, node = node.parentElement) {
    const style = view.getComputedStyle(node);
    const red = [style.backgroundColor, style.borderLeftColor || style.borderTopColor].some(
      (colour) => colourFamily(parseColour(colour)) === 'red',
    );
    if (red) box = node;
  }
  return box;
}

/** A page, a shadow root, or one element and what is inside it (the watcher's added nodes). */
export type ScanRoot = Document | ShadowRoot | Element;

export function scanRoot(root: ScanRoot, view: Window): RootScan {
  const lookup = root instanceof Element ? root.ownerDocument : root;
  const byElement = new Map<Element, Candidate>();
  const add = (candidate: Candidate) => {
    if (!byElement.has(candidate.element)) byElement.set(candidate.element, candidate);
  };
  const shadowRoots: ShadowRoot[] = [];
  const frames: HTMLIFrameElement[] = [];
  const regions: Element[] = [];
  for (const element of root instanceof Element
    ? [root, ...root.querySelectorAll('*')]
    : root.querySelectorAll('*')) {
    if (element.shadowRoot) shadowRoots.push(element.shadowRoot);
    if (element.localName === 'iframe') {
      frames.push(element as HTMLIFrameElement);
      continue;
    }
    if (element.getAttribute('aria-invalid') === 'true') fieldMessages(element, lookup).forEach(add);
    const role = element.getAttribute('role');
    if (isRegion(element)) regions.push(element);
    else if (role === 'alert' || role === 'alertdialog') add({ element, context: {} });
    else if (cheapName.test(`${element.getAttribute('class') ?? ''} ${element.id}`))
      add({ element, context: {} });
    else if (cheapData.test(element.getAttribute('data-status') ?? element.getAttribute('data-type') ?? ''))
      add({ element, context: {} });
  }
  for (const region of regions) {
    const messages = regionMessages(region);
    if (!messages) {
      add({ element: region, context: {} });
      continue;
    }
    for (const message of messages) {
      // A part of a region is judged with the region's role, unless it is an invalid field's message.
      if (!byElement.get(message)?.context.fieldMessage)
        byElement.set(message, { element: message, context: { region } });
    }
  }
  const walker = (root.ownerDocument ?? (root as Document)).createTreeWalker(root, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const parent = node.parentElement;
    if (!parent || skippedTextParents.has(parent.localName) || !errorWording.test(node.nodeValue ?? ''))
      continue;
    add({ element: messageBox(parent, view), context: {} });
  }
  return { candidates: [...byElement.values()], shadowRoots, frames };
}
