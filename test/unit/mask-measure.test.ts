import { afterEach, describe, expect, it, vi } from 'vitest';
import { keepMaskTargets, keptMaskTargets, releaseMaskTargets } from '@/lib/capture/mask-measure';
import { maskAttribute, type MaskTarget } from '@/lib/capture/masks';

/** happy-dom has no layout: each element's box is what the test says. */
function placeAt(element: Element, x: number, y: number, width = 40, height = 10) {
  vi.spyOn(element, 'getBoundingClientRect').mockReturnValue(new DOMRect(x, y, width, height));
}

function targetOn(id: string): MaskTarget {
  const element = document.getElementById(id)!;
  return { rects: [element.getBoundingClientRect()], rule: 'secret-field', element };
}

afterEach(() => releaseMaskTargets());

describe('kept mask targets', () => {
  it.each<[string, (element: HTMLElement) => void, string | undefined]>([
    ['left alone', () => undefined, undefined],
    ['moved by the page', (element) => placeAt(element, 200, 10), 'moved'],
    ['resized by the page', (element) => placeAt(element, 10, 10, 400, 10), 'moved'],
    ['removed by the page', (element) => element.remove(), 'removed'],
  ])('a target %s after the screenshot: %s', (_name, change, problem) => {
    document.body.innerHTML = '<input id="secret" name="api_token" value="x">';
    const element = document.getElementById('secret')!;
    placeAt(element, 10, 10);
    const report = keepMaskTargets(document, window, [targetOn('secret')], false);
    expect(report.targets).toEqual([
      { rule: 'secret-field', rects: [{ x: 10, y: 10, width: 40, height: 10 }] },
    ]);
    change(element);
    const check = keptMaskTargets()!.check();
    expect(check.targets[0]?.problem).toBe(problem);
  });

  it('follows an element that moved: its rectangles move with it', () => {
    document.body.innerHTML = '<p id="secret">token</p>';
    const element = document.getElementById('secret')!;
    placeAt(element, 10, 10);
    keepMaskTargets(document, window, [targetOn('secret')], false);
    placeAt(element, 10, 60);
    expect(keptMaskTargets()!.check().targets[0]?.rects).toEqual([{ x: 10, y: 60, width: 40, height: 10 }]);
    // html2canvas paints both places: where it was measured and where it is now.
    expect(
      keptMaskTargets()!
        .paintRects()
        .map(({ rect }) => rect.y),
    ).toEqual([10, 60]);
  });

  it.each([true, false])(
    'marks the elements for the clone only when asked (%s), and unmarks them',
    (mark) => {
      document.body.innerHTML = '<input id="secret" name="api_token">';
      keepMaskTargets(document, window, [targetOn('secret')], mark);
      expect(document.getElementById('secret')!.hasAttribute(maskAttribute)).toBe(mark);
      releaseMaskTargets();
      expect(document.getElementById('secret')!.hasAttribute(maskAttribute)).toBe(false);
      expect(keptMaskTargets()).toBeUndefined();
    },
  );

  it('reports the viewport the background maps rectangles with', () => {
    document.body.innerHTML = '';
    const { metrics } = keepMaskTargets(document, window, [], false);
    expect(metrics).toMatchObject({
      innerWidth: window.innerWidth,
      innerHeight: window.innerHeight,
      devicePixelRatio: window.devicePixelRatio,
      visualScale: 1,
      transformed: false,
    });
  });
});
