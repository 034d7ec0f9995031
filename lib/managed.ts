/**
 * The organisation's policy (`storage.managed`) over the user's own
 * settings. Pure: lib/storage.ts reads the managed area and hands it here.
 * A policy value wins over the user's, and the settings page shows it as
 * set by the organisation; the user's own value stays stored underneath,
 * so it comes back if the organisation lifts the policy.
 */
import { z } from 'zod';
import {
  managedPolicySchema,
  parseMaskPatternList,
  type ManagedPolicy,
  type ManagedPolicyKey,
  type Settings,
} from './schema';

/** The policy keys that stand for a setting of the settings page. */
export const managedSettingKeys = [
  'helpCenterUrl',
  'language',
  'maskEmails',
  'maskPatterns',
  'sharedAccount',
  'sharedAddresses',
] as const satisfies readonly (ManagedPolicyKey & keyof Settings)[];
export type ManagedSettingKey = (typeof managedSettingKeys)[number];

/** The policy keys that switch a feature off (there is no user setting for them). */
export const managedFeatureKeys = [
  'exportEnabled',
  'articleSearchEnabled',
] as const satisfies readonly ManagedPolicyKey[];

export interface ParsedPolicy {
  policy: ManagedPolicy;
  /** Keys the organisation set to a value HelpDraft cannot use (ignored, and shown in the settings page). */
  invalid: ManagedPolicyKey[];
  /** The organisation's mask patterns HelpDraft refuses (left out; its other patterns apply). */
  refusedMaskPatterns: string[];
}

export const noPolicy: ParsedPolicy = { policy: {}, invalid: [], refusedMaskPatterns: [] };

function isPolicyKey(key: string): key is ManagedPolicyKey {
  return Object.hasOwn(managedPolicySchema.shape, key);
}

/**
 * The managed area key by key: a bad value is ignored while the good ones
 * apply, and unknown keys (a newer version's) are left alone.
 */
export function parseManagedPolicy(raw: unknown): ParsedPolicy {
  const record = z.record(z.string(), z.unknown()).safeParse(raw);
  if (!record.success) return noPolicy;
  const policy: Record<string, unknown> = {};
  const invalid: ManagedPolicyKey[] = [];
  let refusedMaskPatterns: string[] = [];
  for (const [key, value] of Object.entries(record.data)) {
    if (!isPolicyKey(key) || value === undefined) continue;
    if (key === 'maskPatterns') {
      // Pattern by pattern: the organisation's usable rules still mask beside one that is refused.
      const list = parseMaskPatternList(value);
      if (!list) invalid.push(key);
      else {
        refusedMaskPatterns = list.refused;
        // None usable: the user's own patterns stay rather than being locked to an empty list.
        if (list.patterns.length > 0 || list.refused.length === 0) policy[key] = list.patterns;
      }
      continue;
    }
    const field = managedPolicySchema.shape[key].safeParse(value);
    if (field.success) policy[key] = field.data;
    else invalid.push(key);
  }
  return { policy: policy as ManagedPolicy, invalid: invalid.sort(), refusedMaskPatterns };
}

/** The settings in force: the user's, with every value the organisation set put over them. */
export function applyPolicy(settings: Settings, policy: ManagedPolicy): Settings {
  const applied: Settings = { ...settings };
  for (const key of managedSettingKeys) {
    if (policy[key] !== undefined) Object.assign(applied, { [key]: policy[key] });
  }
  return applied;
}

/** Whether the settings page must show the setting as the organisation's, not editable. */
export function isLocked(policy: ManagedPolicy, key: ManagedSettingKey): boolean {
  return policy[key] !== undefined;
}

export interface Features {
  export: boolean;
  articleSearch: boolean;
}

/** The features the organisation left on (everything, without a policy). */
export function featuresOf(policy: ManagedPolicy): Features {
  return { export: policy.exportEnabled !== false, articleSearch: policy.articleSearchEnabled !== false };
}

/**
 * What the settings page saves: the form's values for what the user may
 * change, and for a locked setting the user's own stored value, untouched
 * (the form shows the organisation's value there, which is not theirs to keep).
 */
export function userSettingsToSave(form: Settings, stored: Settings, policy: ManagedPolicy): Settings {
  const saved: Settings = { ...form };
  for (const key of managedSettingKeys) {
    if (isLocked(policy, key)) Object.assign(saved, { [key]: stored[key] });
  }
  return saved;
}
