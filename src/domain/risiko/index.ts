/** Kartlegging and risikovurdering — the rules, pure (see each file for its paragraphs). */
export * from './access.ts';
export * from './hazards.ts';
export * from './lifecycle.ts';
export * from './matrix.ts';

/** Tiltak states (the handlingsplan): done needs a short note. */
export const TILTAK_STATUSES = ['planlagt', 'pagar', 'utfort'] as const;
export type TiltakStatus = (typeof TILTAK_STATUSES)[number];

/** Reminders start this many days before a tiltak's due date (anbefalt), and on the day. */
export const TILTAK_REMINDER_DAYS = 14;

export const COMMENT_KINDS = ['kommentar', 'uenighet'] as const;
export type CommentKind = (typeof COMMENT_KINDS)[number];

export const RISK_STATUSES = ['apen', 'lukket'] as const;
export type RiskStatus = (typeof RISK_STATUSES)[number];

/**
 * The bow-tie («sløyfemodellen», anbefalt): causes → preventive barriers → the top event (the risk)
 * → mitigating barriers → consequences. Barriers are records that link to tiltak and can be
 * weakened («svekket») by an avvik, which brings the assessment's review forward (FOLM § 7-1).
 */
export const BOWTIE_KINDS = ['arsak', 'forebyggende', 'begrensende', 'konsekvens'] as const;
export type BowtieKind = (typeof BOWTIE_KINDS)[number];

export const BOWTIE_KIND_TEXT: Record<BowtieKind, { nb: string; en: string }> = {
  arsak: { nb: 'Årsak', en: 'Cause' },
  forebyggende: { nb: 'Forebyggende barriere', en: 'Preventive barrier' },
  begrensende: { nb: 'Konsekvensreduserende barriere', en: 'Mitigating barrier' },
  konsekvens: { nb: 'Konsekvens', en: 'Consequence' },
};

export function isBarrier(kind: BowtieKind): boolean {
  return kind === 'forebyggende' || kind === 'begrensende';
}
export * from './gravide.ts';
export * from './stoff.ts';
export * from './vernerunde.ts';
