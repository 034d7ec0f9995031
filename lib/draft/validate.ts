/**
 * Whether a draft may go to the help center, and if not, why, in the
 * user's language: the help center's own rules (SPEC.md: CC for shared
 * accounts, the connector field, ZIP files) and the form's limits.
 */
import { z } from 'zod';
import type { MessageKey } from '../i18n';
import type { AttachmentRef, Draft, Settings } from '../schema';
import { maxTitleLength } from './compose';
import { splitAddresses } from './create';

export interface Problem {
  field: 'title' | 'description' | 'cc' | 'connector' | 'attachments';
  key: MessageKey;
  params?: Record<string, string>;
}

/** Zendesk's per-file limit for request attachments (50 MB). */
export const maxAttachmentBytes = 50 * 1024 * 1024;

const zipSignatures = [
  [0x50, 0x4b, 0x03, 0x04],
  [0x50, 0x4b, 0x05, 0x06],
  [0x50, 0x4b, 0x07, 0x08],
];

/**
 * A ZIP by its name, its type or its first bytes: the help center refuses
 * ZIP files, encrypted or not (seed article, 添付ファイル).
 */
export function isZip(name: string, type: string, firstBytes?: Uint8Array): boolean {
  if (/\.zip$/i.test(name) || /zip/i.test(type)) return true;
  return zipSignatures.some((signature) => signature.every((byte, index) => firstBytes?.[index] === byte));
}

export function isSharedAddress(address: string, sharedAddresses: string[]): boolean {
  const lower = address.toLowerCase();
  return sharedAddresses.some((shared) => {
    const pattern = shared.toLowerCase();
    return pattern.endsWith('@') ? lower.startsWith(pattern) : lower === pattern;
  });
}

const email = z.email();

function attachmentProblems(attachments: AttachmentRef[]): Problem[] {
  return attachments.flatMap((attachment): Problem[] => [
    ...(isZip(attachment.name, attachment.type)
      ? [
          {
            field: 'attachments' as const,
            key: 'validation.zipRefused' as const,
            params: { name: attachment.name },
          },
        ]
      : []),
    ...(attachment.size > maxAttachmentBytes
      ? [
          {
            field: 'attachments' as const,
            key: 'validation.attachmentTooLarge' as const,
            params: { name: attachment.name },
          },
        ]
      : []),
  ]);
}

export function validateDraft(
  draft: Draft,
  settings: Pick<Settings, 'sharedAccount' | 'sharedAddresses'>,
): Problem[] {
  const problems: Problem[] = [];
  if (!draft.title.trim()) problems.push({ field: 'title', key: 'validation.titleRequired' });
  if ([...draft.title].length > maxTitleLength)
    problems.push({ field: 'title', key: 'validation.titleTooLong' });
  if (!draft.description.trim())
    problems.push({ field: 'description', key: 'validation.descriptionRequired' });
  const addresses = splitAddresses(draft.cc);
  for (const address of addresses) {
    if (!email.safeParse(address).success)
      problems.push({ field: 'cc', key: 'validation.ccInvalid', params: { address } });
  }
  const personal = addresses.filter(
    (address) => email.safeParse(address).success && !isSharedAddress(address, settings.sharedAddresses),
  );
  if (settings.sharedAccount && personal.length === 0)
    problems.push({ field: 'cc', key: 'validation.ccPersonalRequired' });
  if (draft.connector !== '' && draft.answers.inquiryType !== 'connector-request') {
    problems.push({ field: 'connector', key: 'validation.connectorOnlyForRequests' });
  }
  return [...problems, ...attachmentProblems(draft.attachments)];
}
