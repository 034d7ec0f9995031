import { describe, expect, it } from 'vitest';
import type { ViewportMetrics } from '@/lib/capture/mask-geometry';
import type { MaskCheck, MaskReport } from '@/lib/capture/mask-report';
import { planMasks } from '@/lib/background/mask-plan';

const metrics: ViewportMetrics = {
  innerWidth: 100,
  innerHeight: 100,
  devicePixelRatio: 1,
  visualOffsetLeft: 0,
  visualOffsetTop: 0,
  visualScale: 1,
  zoom: 1,
  transformed: false,
};
const bitmap = { width: 200, height: 200 };
const rect = (x: number, y: number, width: number, height: number) => ({ x, y, width, height });
const report: MaskReport = {
  metrics,
  targets: [
    { rule: 'password-field', rects: [rect(10, 10, 20, 10)] },
    { rule: 'bearer-token', rects: [rect(50, 50, 10, 10)] },
  ],
};
const unchanged: MaskCheck = {
  metrics,
  targets: [{ rects: [rect(10, 10, 20, 10)] }, { rects: [rect(50, 50, 10, 10)] }],
};

describe('planMasks', () => {
  it.each<[string, MaskCheck | undefined, { rule: string; problem: string }[], number]>([
    // Each target: its rectangle before and after, 2 bitmap px per CSS px, padded by 4 CSS px.
    ['nothing changed', unchanged, [], 4],
    [
      'the second target moved: both places and the box over both',
      { metrics, targets: [unchanged.targets[0]!, { rects: [rect(70, 50, 10, 10)], problem: 'moved' }] },
      [{ rule: 'bearer-token', problem: 'moved' }],
      5,
    ],
    [
      'the first target was removed: painted where it was',
      { metrics, targets: [{ rects: [], problem: 'removed' }, unchanged.targets[1]!] },
      [{ rule: 'password-field', problem: 'removed' }],
      3,
    ],
    [
      'covered: painted anyway',
      { metrics, targets: [unchanged.targets[0]!, { rects: [rect(50, 50, 10, 10)], problem: 'covered' }] },
      [{ rule: 'bearer-token', problem: 'covered' }],
      4,
    ],
    [
      'no check: every mask not checked',
      undefined,
      [
        { rule: 'password-field', problem: 'not-checked' },
        { rule: 'bearer-token', problem: 'not-checked' },
      ],
      2,
    ],
    [
      'a check of other targets: ignored',
      { metrics, targets: [unchanged.targets[0]!] },
      [
        { rule: 'password-field', problem: 'not-checked' },
        { rule: 'bearer-token', problem: 'not-checked' },
      ],
      2,
    ],
  ])('%s', (_name, check, unverified, boxCount) => {
    const plan = planMasks(report, check, bitmap);
    expect(plan.unverified).toEqual(unverified);
    expect(plan.boxes).toHaveLength(boxCount);
  });

  it('maps CSS px to bitmap px by the bitmap size and pads each box', () => {
    const plan = planMasks(report, unchanged, bitmap);
    expect(plan.boxes[0]).toEqual(rect(12, 12, 56, 36));
  });

  it('covers every place of a target that moved', () => {
    const moved: MaskCheck = {
      metrics,
      targets: [unchanged.targets[0]!, { rects: [rect(70, 80, 10, 10)], problem: 'moved' }],
    };
    const union = planMasks(report, moved, bitmap).boxes.at(-1);
    expect(union).toEqual(rect(92, 92, 76, 96));
  });

  it('paints nothing off the image', () => {
    const offScreen: MaskReport = { metrics, targets: [{ rule: 'jwt', rects: [rect(150, 150, 10, 10)] }] };
    expect(
      planMasks(offScreen, { metrics, targets: [{ rects: [rect(150, 150, 10, 10)] }] }, bitmap).boxes,
    ).toEqual([]);
  });
});
