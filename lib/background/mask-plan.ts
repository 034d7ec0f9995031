/**
 * Which boxes to paint into a visible-area screenshot, from what the
 * collector measured before it and what the check measured right after
 * (lib/capture/mask-measure.ts). Generous on purpose: every rectangle of
 * both measurements is painted, and a target that moved also gets the box
 * over everywhere it was, since the screenshot may show it anywhere between.
 * Pure; test/unit/mask-plan.test.ts pins it.
 */
import {
  cssToBitmap,
  unionRectangles,
  type MaskRectangle,
  type ViewportMetrics,
} from '../capture/mask-geometry';
import type { MaskCheck, MaskReport, UnverifiedMask } from '../capture/mask-report';

export interface MaskPlan {
  /** Bitmap px, clamped to the image. */
  boxes: MaskRectangle[];
  unverified: UnverifiedMask[];
}

function toBitmap(
  rects: MaskRectangle[],
  metrics: ViewportMetrics,
  bitmap: { width: number; height: number },
): MaskRectangle[] {
  return rects.flatMap((rect) => cssToBitmap(rect, metrics, bitmap) ?? []);
}

export function planMasks(
  report: MaskReport,
  check: MaskCheck | undefined,
  bitmap: { width: number; height: number },
): MaskPlan {
  // A check of another length does not describe these targets: trust only the first measurement.
  const usableCheck = check && check.targets.length === report.targets.length ? check : undefined;
  const boxes: MaskRectangle[] = [];
  const unverified: UnverifiedMask[] = [];
  report.targets.forEach((target, index) => {
    const before = toBitmap(target.rects, report.metrics, bitmap);
    const checked = usableCheck?.targets[index];
    const after = checked && usableCheck ? toBitmap(checked.rects, usableCheck.metrics, bitmap) : [];
    boxes.push(...before, ...after);
    const problem = checked ? checked.problem : 'not-checked';
    if (problem === 'moved' && before.length + after.length > 1) {
      boxes.push([...before, ...after].reduce(unionRectangles));
    }
    if (problem) unverified.push({ rule: target.rule, problem });
  });
  return { boxes, unverified };
}
