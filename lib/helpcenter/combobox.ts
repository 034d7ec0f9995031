/**
 * Zendesk Garden comboboxes, as the React request form draws its dropdowns
 * (priority, tagger, ticket type; helpcenter-form.md): a trigger
 * `[role=combobox][aria-haspopup=listbox]` holding a hidden
 * `input[name=…][hidden]` whose value is the option's value (tag); the
 * listbox the trigger's `aria-controls` names stays in the DOM, but its
 * `li[role=option]` items exist only while it is open. Element ids are
 * generated in render order, so fields are found through `label[for]`,
 * `aria-labelledby` and `aria-controls`, never by a fixed id.
 */
import { waitFor, visibleText } from './dom';
import { matchOption, normalise, type TaggerOption } from './fields';

export interface Combobox {
  trigger: HTMLElement;
  /** The hidden input the form submits. */
  input: HTMLInputElement | null;
}

function comboboxOf(element: Element | null): Combobox | null {
  const trigger = element?.closest<HTMLElement>('[role=combobox]') ?? null;
  if (!trigger) return null;
  return { trigger, input: trigger.querySelector<HTMLInputElement>('input[name]') };
}

/** The combobox submitting `name`, found through its hidden input. */
export function comboboxByName(form: HTMLFormElement, name: string): Combobox | null {
  return comboboxOf(form.querySelector(`input[name="${name}"]`));
}

/** The combobox a label matching `labels` names: through `for`, or the trigger's `aria-labelledby`. */
export function comboboxByLabel(form: HTMLFormElement, labels: RegExp): Combobox | null {
  const document = form.ownerDocument;
  for (const label of form.querySelectorAll('label')) {
    if (!labels.test(normalise(visibleText(label)))) continue;
    const byFor = label.htmlFor ? comboboxOf(document.getElementById(label.htmlFor)) : null;
    if (byFor && form.contains(byFor.trigger)) return byFor;
    if (!label.id) continue;
    for (const trigger of form.querySelectorAll<HTMLElement>('[role=combobox][aria-labelledby]')) {
      if (trigger.getAttribute('aria-labelledby')?.split(/\s+/).includes(label.id))
        return comboboxOf(trigger);
    }
  }
  return null;
}

function listboxOf(combobox: Combobox): HTMLElement | null {
  const id = combobox.trigger.getAttribute('aria-controls');
  return id ? combobox.trigger.ownerDocument.getElementById(id) : null;
}

function optionElements(combobox: Combobox): HTMLElement[] {
  return [...(listboxOf(combobox)?.querySelectorAll<HTMLElement>('[role=option]') ?? [])];
}

function isOpen(combobox: Combobox): boolean {
  return combobox.trigger.getAttribute('aria-expanded') === 'true' && optionElements(combobox).length > 0;
}

/**
 * The options of an open listbox, each with its visible label. The empty
 * option ("-", with hidden helper text) gets the empty value so matching
 * never chooses it; `::` in a name marks a nested group, matched on its
 * full path and its last part.
 */
export function readOptions(combobox: Combobox): Array<TaggerOption & { element: HTMLElement }> {
  return optionElements(combobox).map((element) => {
    const label = visibleText(element);
    const value = element.dataset.value ?? (label === '-' || label === '' ? '' : label);
    return { label, value, element };
  });
}

async function open(combobox: Combobox, timeoutMs: number, signal?: AbortSignal): Promise<boolean> {
  if (isOpen(combobox)) return true;
  combobox.trigger.click();
  return waitFor(() => isOpen(combobox), timeoutMs, signal);
}

function close(combobox: Combobox): void {
  if (combobox.trigger.getAttribute('aria-expanded') === 'true') {
    combobox.trigger.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true }));
  }
}

/**
 * Every option of the combobox: opened, read, and closed again so the page
 * is left as it was. Empty when it does not open.
 */
export async function listOptions(
  combobox: Combobox,
  { timeoutMs = 3_000, signal }: { timeoutMs?: number; signal?: AbortSignal } = {},
): Promise<TaggerOption[]> {
  const wasOpen = isOpen(combobox);
  if (!(await open(combobox, timeoutMs, signal))) return [];
  const options = readOptions(combobox).map(({ label, value }) => ({ label, value }));
  if (!wasOpen) close(combobox);
  return options;
}

export type PickResult =
  | { status: 'picked'; label: string; value: string }
  | { status: 'no-match'; labels: string[] }
  | { status: 'not-open' }
  | { status: 'not-taken'; label: string };

/**
 * Opens the combobox, waits for its options, clicks the one `terms` name
 * (exact label first), and checks the hidden input took a value: `expected`
 * when the caller knows the value (priority), else any non-empty value.
 */
export async function pickOption(
  combobox: Combobox,
  terms: string[],
  {
    expected,
    timeoutMs = 3_000,
    signal,
  }: { expected?: string; timeoutMs?: number; signal?: AbortSignal } = {},
): Promise<PickResult> {
  if (!(await open(combobox, timeoutMs, signal))) return { status: 'not-open' };
  const options = readOptions(combobox);
  const wanted = terms.flatMap((term) =>
    term.includes('::') ? [term, term.split('::').at(-1) ?? term] : [term],
  );
  const match =
    matchOption(
      options.map(({ label, value }) => ({ label, value })),
      wanted,
    ) ??
    matchOption(
      options.map(({ label, value }) => ({ label: label.split('::').at(-1) ?? label, value })),
      wanted,
    );
  const element = match && options.find((option) => option.value === match.value)?.element;
  if (!match || !element) {
    close(combobox);
    return { status: 'no-match', labels: options.map((option) => option.label) };
  }
  element.click();
  const taken = await waitFor(
    () => {
      const value = combobox.input?.value ?? '';
      return expected === undefined ? value !== '' : value === expected;
    },
    timeoutMs,
    signal,
  );
  if (!taken) {
    close(combobox);
    return { status: 'not-taken', label: match.label };
  }
  return { status: 'picked', label: match.label, value: combobox.input?.value ?? '' };
}
