/**
 * Finding form fields by what a person reads, for when a help center renames
 * or reorders fields (docs/HELPCENTER-FORM.md: by name first, then by label).
 */
export interface TaggerOption {
  label: string;
  value: string;
}

export function normalise(text: string): string {
  return text.normalize('NFKC').replace(/\s+/g, ' ').trim().toLowerCase();
}

/** The control a `<label>` names: through `for`, Zendesk's `<id>_label` convention, or nesting. */
function controlOf(label: HTMLLabelElement, document: Document): Element | null {
  if (label.htmlFor) return document.getElementById(label.htmlFor);
  if (label.id.endsWith('_label')) return document.getElementById(label.id.slice(0, -'_label'.length));
  return label.querySelector('input, select, textarea');
}

/** Every control a matching label names, in the labels' order (./visible.ts picks among them). */
export function findControlsByLabel<T extends Element>(
  root: ParentNode & Node,
  labels: RegExp,
  selector?: string,
): T[] {
  const document = root.ownerDocument ?? (root as Document);
  const controls: T[] = [];
  for (const label of root.querySelectorAll('label')) {
    if (!labels.test(normalise(label.textContent ?? ''))) continue;
    const control = controlOf(label, document);
    if (control && (!selector || control.matches(selector)) && root.contains(control))
      controls.push(control as T);
  }
  return controls;
}

export function findControlByLabel<T extends Element>(
  root: ParentNode & Node,
  labels: RegExp,
  selector?: string,
): T | null {
  return findControlsByLabel<T>(root, labels, selector)[0] ?? null;
}

/**
 * The option best named by `terms` (most specific first): an exact label
 * match wins over a label that merely contains a term. The empty "-" option
 * is never chosen.
 */
export function matchOption(options: TaggerOption[], terms: string[]): TaggerOption | undefined {
  const candidates = options.filter((option) => option.value !== '');
  const wanted = terms.map(normalise).filter(Boolean);
  for (const term of wanted) {
    const exact = candidates.find((option) => normalise(option.label) === term);
    if (exact) return exact;
  }
  for (const term of wanted) {
    const partial = candidates.find((option) => normalise(option.label).includes(term));
    if (partial) return partial;
  }
  return undefined;
}
