/**
 * Stoffkartotek and the exposure register — pure rules.
 * - Forskrift om utførelse av arbeid (FUA) § 2-1: a stoffkartotek of hazardous chemicals with the
 *   safety data sheet (SDS), kept before the chemical is used or stored; § 2-2: kept up to date,
 *   easy to search, in Norwegian.
 * - FUA § 31-1: a register of the workers who are or may be exposed to carcinogenic, mutagenic or
 *   reprotoxic (CMR) chemicals: who, which agent, how, concentration, when and how long. Kept at
 *   least 60 years after the exposure ended for carcinogenic or mutagenic agents, at least 5 years
 *   for reprotoxic agents, and not destroyed without Arbeidstilsynet's permission (FUA § 31-1,
 *   § 31-7: handed to Arbeidstilsynet if the enterprise ceases).
 */
import { addMonths, type IsoDate } from '../calendar/index.ts';
import type { Text } from './matrix.ts';

export const CMR_KINDS = ['kreftfremkallende', 'mutagen', 'reproduksjonstoksisk'] as const;
export type CmrKind = (typeof CMR_KINDS)[number];

export const CMR_TEXT: Record<CmrKind, Text> = {
  kreftfremkallende: { nb: 'Kreftfremkallende', en: 'Carcinogenic' },
  mutagen: { nb: 'Arvestoffskadelig (mutagen)', en: 'Mutagenic' },
  reproduksjonstoksisk: { nb: 'Reproduksjonstoksisk', en: 'Reprotoxic' },
};

/**
 * Years the exposure register keeps a row after the exposure ended (FUA § 31-1, lovkrav):
 * 60 for a carcinogenic or mutagenic agent, 5 when the agent is only reprotoxic.
 */
export function exposureRetentionYears(kinds: readonly CmrKind[]): 60 | 5 {
  return kinds.includes('kreftfremkallende') || kinds.includes('mutagen') ? 60 : 5;
}

/** The first day the row could lawfully go — never while the exposure goes on (null). */
export function exposureKeptUntil(kinds: readonly CmrKind[], endedOn: IsoDate | null): IsoDate | null {
  return endedOn === null ? null : addMonths(endedOn, 12 * exposureRetentionYears(kinds));
}

/**
 * Deleting a row of the exposure register is always refused: even after the retention period it
 * needs Arbeidstilsynet's permission (FUA § 31-1), which the product does not record. The message
 * names the rule.
 */
export function exposureDeletionRefusal(kinds: readonly CmrKind[], endedOn: IsoDate | null): Text {
  const years = exposureRetentionYears(kinds);
  const until = exposureKeptUntil(kinds, endedOn);
  const when =
    until === null
      ? { nb: 'etter at eksponeringen er avsluttet', en: 'after the exposure has ended' }
      : { nb: `(til minst ${until})`, en: `(until at least ${until})` };
  return {
    nb: `Eksponeringsregisteret kan ikke slettes: det skal oppbevares i minst ${years} år ${when.nb}, og ikke slettes uten Arbeidstilsynets samtykke (forskrift om utførelse av arbeid § 31-1).`,
    en: `The exposure register cannot be deleted: it is kept for at least ${years} years ${when.en}, and not deleted without the Labour Inspection's permission (Regulations on the performance of work § 31-1).`,
  };
}

/**
 * A safety data sheet is current when the supplier has not issued a later revision than the one
 * uploaded (FUA § 2-2: updated when there are changes). Missing: no sheet uploaded yet (FUA § 2-1).
 */
export type SdsState = 'mangler' | 'gjeldende' | 'utdatert';

export function sdsState(uploadedRevision: IsoDate | null, supplierLatestRevision: IsoDate | null): SdsState {
  if (uploadedRevision === null) return 'mangler';
  if (supplierLatestRevision !== null && supplierLatestRevision > uploadedRevision) return 'utdatert';
  return 'gjeldende';
}

/** A safety data sheet: a PDF of at most 5 MiB (the server's upload limit). */
export const SDS_MAX_BYTES = 5 * 1024 * 1024;
