import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { MaskWarning } from '@/components/MaskWarning';
import { translatorFor } from '@/lib/i18n';
import type { UnverifiedMask } from '@/lib/capture/mask-report';
import type { Capture, Locale } from '@/lib/schema';

const capture = (unverifiedMasks?: UnverifiedMask[]): Capture =>
  ({
    url: 'https://acme.onelogin.com/apps/1/edit',
    title: 'アプリ',
    capturedAt: '2026-12-04T21:00:00+09:00',
    redactions: [],
    ...(unverifiedMasks ? { unverifiedMasks } : {}),
  }) as unknown as Capture;

function render(value: Capture | undefined, locale: Locale = 'ja'): HTMLElement | null {
  const container = document.createElement('div');
  container.innerHTML = renderToStaticMarkup(<MaskWarning capture={value} t={translatorFor(locale)} />);
  return container.querySelector('[data-testid="mask-unverified"]');
}

describe('the popup warning for masks that could not be verified', () => {
  it.each([
    ['no capture', undefined],
    ['a capture without the field', capture()],
    ['a capture whose masks were all verified', capture([])],
  ])('is not shown for %s', (_, value) => {
    expect(render(value)).toBeNull();
  });

  it.each<[Locale, UnverifiedMask[], string, string[]]>([
    ['ja', [{ rule: 'password-field', problem: 'covered' }], '1', ['1 件', 'パスワード欄', '画面キャプチャ']],
    [
      'ja',
      [
        { rule: 'password-field', problem: 'moved' },
        { rule: 'secret-field', problem: 'removed' },
        { rule: 'password-field', problem: 'not-checked' },
      ],
      '3',
      ['3 件', 'パスワード欄、シークレット・トークン欄'],
    ],
    ['en', [{ rule: 'jwt', problem: 'covered' }], '1', ['not confirmed', ': 1 (JWT)', 'Open the screenshot']],
    // A rule with no label of its own is named as it is.
    ['en', [{ rule: 'custom-rule-x', problem: 'moved' }], '1', ['custom-rule-x']],
  ])('in %s, for %j: counts %s and names the kinds', (locale, unverified, count, phrases) => {
    const warning = render(capture(unverified), locale);
    expect(warning).not.toBeNull();
    expect(warning!.getAttribute('role')).toBe('alert');
    expect(warning!.getAttribute('data-count')).toBe(count);
    for (const phrase of phrases) expect(warning!.textContent).toContain(phrase);
  });
});
