/** Public shapes of `naervaer statistikk` (its input and output). */
import type { IsoDate, Period } from '../sykefravaer/index.ts';

export type { IsoDate, Period };

export interface StatistikkUnit {
  id: string;
  parentId: string | null;
  name: string;
}

export interface StatistikkEmployee {
  id: string;
  /** Stillingsprosent 1–100, at most two decimals (one position for the whole employment). */
  positionPercent: number;
  /** The unit, or null when the person belongs to the organisation directly. */
  unitId: string | null;
  employmentStart: IsoDate;
  employmentEnd: IsoDate | null;
  periods: Period[];
}

export interface StatistikkInput {
  quarters: string[];
  units: StatistikkUnit[];
  employees: StatistikkEmployee[];
}

export interface Fem {
  total: number;
  legemeldt: number;
  egenmeldt: number;
  korttid: number;
  langtid: number;
}

export interface ProsentFem {
  total: number | null;
  legemeldt: number | null;
  egenmeldt: number | null;
  korttid: number | null;
  langtid: number | null;
}

export type MaskReason = 'population' | 'complementary';

export interface ShownFigures {
  masked: false;
  population: number;
  /** `rolling` only. */
  highestQuarterPopulation?: number;
  avtalteDagsverk: number;
  tapteDagsverk: Fem;
  prosent: ProsentFem;
}

export interface MaskedFigures {
  masked: true;
  maskReason: MaskReason;
}

export type GroupFigures = ShownFigures | MaskedFigures;

export type UnitFigures = GroupFigures & { unitId: string; name: string };

export interface Block {
  start: IsoDate;
  end: IsoDate;
  workingDays: number;
  holidays: IsoDate[];
  organisation: GroupFigures;
  units: UnitFigures[];
}

export interface QuarterBlock extends Block {
  quarter: string;
}

export interface RollingBlock extends Block {
  quarters: string[];
}

export interface StatistikkOutput {
  quarters: QuarterBlock[];
  rolling: RollingBlock;
}
