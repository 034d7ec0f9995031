/**
 * What label an element has on the page, the way a person reading it would
 * pair them: its linked <label>s, aria-label and aria-labelledby, the cell
 * before it in its row and its column's header, the <dt> before a <dd>, a
 * short label element or text right before it, and for fields their
 * placeholder, name, id and autocomplete words. The secret finder
 * (lib/capture/secret-targets.ts) asks whether any of them names a secret.
 * Labels are read across shadow roots and iframes: tags, not `instanceof`
 * (a frame's elements come from its own window's classes).
 */

/** Longer than this, a text is content, not a label ("Client Secret", 「API キー」). */
export const maxLabelLength = 60;

/** Elements that label something and never hold a secret value themselves. */
export const labelTags = new Set([
  'LABEL',
  'TH',
  'DT',
  'H1',
  'H2',
  'H3',
  'H4',
  'H5',
  'H6',
  'BUTTON',
  'LEGEND',
  'CAPTION',
  'SUMMARY',
  'OPTION',
]);

function folded(text: string | null | undefined): string {
  return (text ?? '').replace(/\s+/g, ' ').trim();
}

/** The parent element, or the host when the element is at the top of a shadow root. */
export function parentOrHost(node: Node): Element | null {
  if (node.parentElement) return node.parentElement;
  const parent = node.parentNode;
  return parent && parent.nodeType === Node.DOCUMENT_FRAGMENT_NODE && 'host' in parent
    ? (parent as ShadowRoot).host
    : null;
}

/** An element by id in the same tree (document or shadow root) as `element`. */
function byIdInTree(element: Element, id: string): Element | null {
  const root = element.getRootNode() as Document | ShadowRoot;
  return typeof root.getElementById === 'function' ? root.getElementById(id) : null;
}

function ariaLabels(element: Element): string[] {
  const labels = [folded(element.getAttribute('aria-label'))];
  for (const id of (element.getAttribute('aria-labelledby') ?? '').split(/\s+/).filter(Boolean)) {
    labels.push(folded(byIdInTree(element, id)?.textContent));
  }
  return labels;
}

/** `<label for=id>` in the same tree, and a wrapping <label>. */
function linkedLabels(element: Element): string[] {
  const labels: string[] = [];
  const root = element.getRootNode() as Document | ShadowRoot;
  if (element.id && typeof root.querySelectorAll === 'function') {
    for (const label of root.querySelectorAll(`label[for="${CSS.escape(element.id)}"]`))
      labels.push(folded(label.textContent));
  }
  const wrapping = element.closest('label');
  if (wrapping) labels.push(folded(wrapping.textContent));
  return labels;
}

/** A table's column headers, read once per table (a table of 5000 rows asks for each row). */
const columnHeaderCache = new WeakMap<Element, string[]>();

function columnHeaders(table: HTMLTableElement): string[] {
  const cached = columnHeaderCache.get(table);
  if (cached) return cached;
  // The header row: the last row of <thead>, or else a first row made of <th> cells.
  const head = table.tHead?.rows;
  const headerRow = head && head.length > 0 ? head[head.length - 1] : table.rows[0];
  const headers =
    headerRow && [...headerRow.cells].some((cell) => cell.tagName === 'TH')
      ? [...headerRow.cells].map((cell) => folded(cell.textContent))
      : [];
  columnHeaderCache.set(table, headers);
  return headers;
}

/** The cell before this one in its row, and the header of its column. */
function cellLabels(cell: HTMLTableCellElement): string[] {
  const labels: string[] = [];
  const before = cell.previousElementSibling;
  if (before && (before.tagName === 'TD' || before.tagName === 'TH')) labels.push(folded(before.textContent));
  const table = cell.closest('table');
  if (table) labels.push(columnHeaders(table)[cell.cellIndex] ?? '');
  return labels;
}

/** The <dt>s right before a <dd> (a <dd> may follow another <dd> of the same terms). */
function termLabels(definition: Element): string[] {
  const labels: string[] = [];
  for (let before = definition.previousElementSibling; before; before = before.previousElementSibling) {
    if (before.tagName === 'DT') labels.push(folded(before.textContent));
    else if (labels.length > 0 || before.tagName !== 'DD') break;
  }
  return labels;
}

/** A short text right before the node: a label element, or a text node ("Client Secret: "). */
function precedingLabel(node: Node): string | undefined {
  for (let before = node.previousSibling; before; before = before.previousSibling) {
    if (before.nodeType === Node.TEXT_NODE) {
      const text = folded(before.nodeValue);
      if (text) return text.length <= maxLabelLength ? text : undefined;
      continue;
    }
    if (before.nodeType !== Node.ELEMENT_NODE) continue;
    const text = folded(before.textContent);
    if (text) return text.length <= maxLabelLength ? text : undefined;
  }
  return undefined;
}

/**
 * The labels of the element holding a value, from nearest to farthest: its own,
 * then, up to three levels out (a value in <code> in a <div> in a <td>), the
 * first context that pairs it with a label: a table cell, a <dd>, or a short
 * text before it.
 */
export function contextLabels(element: Element): string[] {
  const labels = [...ariaLabels(element), ...linkedLabels(element)];
  let node: Element | null = element;
  for (let level = 0; node && level < 4; level += 1, node = parentOrHost(node)) {
    if (node.tagName === 'TD' || node.tagName === 'TH') {
      labels.push(...cellLabels(node as HTMLTableCellElement));
      break;
    }
    if (node.tagName === 'DD') {
      labels.push(...termLabels(node));
      break;
    }
    const before = precedingLabel(node);
    if (before !== undefined) {
      labels.push(before);
      break;
    }
    if (level > 0) labels.push(...ariaLabels(node));
  }
  return labels.filter((label) => label.length > 0 && label.length <= maxLabelLength * 3);
}

/** A field's labels: its context, and the words of its placeholder, name, id and autocomplete. */
export function fieldLabels(field: Element): string[] {
  return [
    ...contextLabels(field),
    ...['placeholder', 'name', 'id', 'autocomplete', 'title'].map((attribute) =>
      folded(field.getAttribute(attribute)),
    ),
  ].filter((label) => label.length > 0);
}
