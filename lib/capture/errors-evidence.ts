/**
 * Scores one candidate element: evidence for an error message (ARIA roles
 * and states, class and id words, colour, an error icon, wording, position)
 * and against it (good news, information, controls and navigation). The
 * evidence is kept in the PageError, so the popup can say why a message was
 * taken. Roles: WAI-ARIA 1.2 (https://www.w3.org/TR/wai-aria-1.2/#alert,
 * #alertdialog, #status, #aria-errormessage).
 */
import type { PageErrorKind } from '../schema';
import { colourFamily, parseColour, sameColour, type Rgba } from './errors-colour';
import {
  errorIconWording,
  errorNameWords,
  errorWording,
  messageNameWords,
  stateNameWords,
  successIconWording,
  successNameWords,
  successWording,
  warningNameWords,
  warningWording,
} from './errors-lexicon';
import { elementNameWords } from './words';

/** Kept at or above this score; one strong sign (a role, an error class) and one more are needed. */
export const errorThreshold = 4;

export interface Scored {
  score: number;
  evidence: string[];
  kind: PageErrorKind;
}

/** Where a candidate came from: a field's error message, or a part of a region. */
export interface CandidateContext {
  /** aria-errormessage target (an error by definition) or aria-describedby target of an invalid field. */
  fieldMessage?: 'errormessage' | 'describedby';
  /** The role or live region the candidate is a part of, when a region was split. */
  region?: Element;
  /** The page's normal text colour (the body's). */
  bodyColour?: Rgba;
}

const controlSelector =
  'button, a[href], nav, select, option, label, [role="button"], [role="navigation"], [role="menuitem"], [role="tab"], [role="link"]';

const iconSelector = 'svg, img, i, use, [data-icon], [class*="icon" i]';

interface Signs {
  score: number;
  warning: boolean;
  error: boolean;
}

function nameEvidence(element: Element, evidence: string[], hasRole: boolean): Signs {
  let score = 0;
  let warning = false;
  let error = false;
  const words = elementNameWords(element);
  const data = (element.getAttribute('data-status') ?? element.getAttribute('data-type') ?? '').toLowerCase();
  if (data) words.push(data);
  const seen = new Set<string>();
  words.forEach((word, index) => {
    if (seen.has(word)) return;
    seen.add(word);
    if (errorNameWords.has(word)) {
      if (index > 0 && stateNameWords.has(words[index - 1] ?? '')) return;
      score += 3;
      error = true;
      evidence.push(`class:${word}`);
    } else if (warningNameWords.has(word)) {
      score += 3;
      warning = true;
      evidence.push(`class:${word}`);
    } else if (messageNameWords.has(word)) {
      // A notification's name says what a role already said: counted once.
      if (hasRole) return;
      score += 1;
      evidence.push(`class:${word}`);
    } else if (successNameWords.has(word)) {
      score -= 3;
      evidence.push(`against:class:${word}`);
    }
  });
  return { score, warning, error };
}

function roleEvidence(element: Element, evidence: string[]): number {
  const role = element.getAttribute('role');
  const live = element.getAttribute('aria-live');
  if (role === 'alert' || role === 'alertdialog') {
    evidence.push(`role:${role}`);
    // Not enough alone: snackbars announce good news with role=alert too (MUI Snackbar, notistack).
    return 3;
  }
  if (live === 'assertive') {
    evidence.push('live:assertive');
    return 3;
  }
  if (role === 'status' || live === 'polite') {
    evidence.push(role === 'status' ? 'role:status' : 'live:polite');
    return 1;
  }
  return 0;
}

/** Red text, background or border (the element's or its box's), against the page's own text colour. */
function colourEvidence(
  element: Element,
  view: Window,
  bodyColour: Rgba | undefined,
  evidence: string[],
): number {
  let score = 0;
  let node: Element | null = element;
  for (let depth = 0; node && depth < 3 && node.localName !== 'body'; depth += 1, node = node.parentElement) {
    const style = view.getComputedStyle(node);
    const text = parseColour(style.color);
    const textFamily = colourFamily(text);
    const backgroundFamily = colourFamily(parseColour(style.backgroundColor));
    const borderFamily = colourFamily(parseColour(style.borderLeftColor || style.borderTopColor));
    if (textFamily === 'red' && !sameColour(text, bodyColour) && !evidence.includes('colour:red')) {
      score += 2;
      evidence.push('colour:red');
    }
    if (backgroundFamily === 'red' && !evidence.includes('background:red')) {
      score += 2;
      evidence.push('background:red');
    }
    if (borderFamily === 'red' && !evidence.includes('border:red')) {
      score += 1;
      evidence.push('border:red');
    }
    for (const [family, where] of [
      [textFamily, 'colour'],
      [backgroundFamily, 'background'],
    ] as const) {
      if (
        (family === 'green' || family === 'blue') &&
        !evidence.some((item) => item.endsWith(`:${family}`))
      ) {
        score -= 2;
        evidence.push(`against:${where}:${family}`);
      }
    }
  }
  return score;
}

function iconName(icon: Element): string {
  const use = icon.localName === 'use' ? icon : icon.querySelector('use');
  return [
    icon.getAttribute('aria-label'),
    icon.getAttribute('alt'),
    icon.getAttribute('title'),
    icon.querySelector('title')?.textContent,
    icon.getAttribute('data-icon'),
    icon.getAttribute('data-testid'),
    icon.getAttribute('name'),
    typeof icon.className === 'string' ? icon.className : icon.getAttribute('class'),
    use?.getAttribute('href') ?? use?.getAttribute('xlink:href'),
    icon.localName === 'img' ? icon.getAttribute('src') : '',
  ]
    .filter(Boolean)
    .join(' ');
}

function iconEvidence(element: Element, evidence: string[]): number {
  const icons = [...element.querySelectorAll(iconSelector)].slice(0, 4);
  for (const icon of icons) {
    const name = iconName(icon);
    if (errorIconWording.test(name)) {
      evidence.push('icon:error');
      return 2;
    }
    if (successIconWording.test(name)) {
      evidence.push('against:icon:success');
      return -2;
    }
  }
  return 0;
}

function wordingEvidence(text: string, evidence: string[]): Signs {
  const error = errorWording.exec(text);
  if (error) {
    evidence.push(`wording:${error[0]}`);
    return { score: 3, warning: false, error: true };
  }
  const warning = warningWording.exec(text);
  if (warning) {
    evidence.push(`wording:${warning[0]}`);
    return { score: 2, warning: true, error: false };
  }
  const success = successWording.exec(text);
  if (success) {
    evidence.push(`against:wording:${success[0]}`);
    return { score: -5, warning: false, error: false };
  }
  return { score: 0, warning: false, error: false };
}

function positionEvidence(element: Element, view: Window, evidence: string[]): number {
  if (element.closest('dialog, [role="dialog"], [aria-modal="true"]')) {
    evidence.push('position:dialog');
    return 1;
  }
  const position = view.getComputedStyle(element).position;
  if (position === 'fixed' || position === 'sticky') {
    evidence.push('position:fixed');
    return 1;
  }
  return 0;
}

/** A short table cell that says a row failed ("失敗", "Failed", "Error"). */
function tableEvidence(element: Element, text: string, evidence: string[]): number {
  if (!element.closest('td, [role="cell"], [role="gridcell"]')) return 0;
  if (text.length > 40 || !errorWording.test(text)) return 0;
  evidence.push('table:status');
  return 1;
}

/** Everything for and against one element whose visible text is `text`. */
export function scoreElement(
  element: Element,
  text: string,
  view: Window,
  context: CandidateContext = {},
): Scored {
  const evidence: string[] = [];
  let score = 0;
  if (context.fieldMessage === 'errormessage') {
    evidence.push('aria:errormessage');
    score += 10;
  } else if (context.fieldMessage === 'describedby') {
    evidence.push('aria:describedby');
    score += 2;
  }
  const ownRole = roleEvidence(element, evidence);
  const regionRole =
    context.region && context.region !== element ? roleEvidence(context.region, evidence) : 0;
  score += ownRole + regionRole;
  const names = nameEvidence(element, evidence, ownRole + regionRole >= 3);
  score += names.score;
  const wording = wordingEvidence(text, evidence);
  score += wording.score;
  score += colourEvidence(element, view, context.bodyColour, evidence);
  score += iconEvidence(element, evidence);
  score += positionEvidence(element, view, evidence);
  score += tableEvidence(element, text, evidence);
  if (element.closest(controlSelector) || element.querySelector('input, textarea, select')) {
    evidence.push('against:control');
    score -= 6;
  }
  return {
    score,
    evidence,
    kind: kindOf(
      element,
      context,
      evidence,
      (names.warning || wording.warning) && !names.error && !wording.error,
    ),
  };
}

const toastWords = new Set(['toast', 'toastr', 'snackbar', 'notification', 'flash', 'growl']);

function kindOf(
  element: Element,
  context: CandidateContext,
  evidence: string[],
  warning: boolean,
): PageErrorKind {
  if (context.fieldMessage) return 'form-field';
  if (['role:alert', 'role:alertdialog', 'live:assertive'].some((sign) => evidence.includes(sign)))
    return 'alert';
  if (warning) return 'warning';
  if (evidence.includes('role:status') || evidence.includes('live:polite') || context.region)
    return 'live-region';
  return elementNameWords(element).some((word) => toastWords.has(word)) ? 'live-region' : 'marked-error';
}
