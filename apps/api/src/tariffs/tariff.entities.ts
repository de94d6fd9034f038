import { Column, CreateDateColumn, Entity, PrimaryColumn, PrimaryGeneratedColumn } from 'typeorm';
import type { Quote, RecurringCostKind } from '@maillage/core';
import type { PriceListDefinition } from './price-list-definition';

/** A price list of a point (point_id set) or of an organisation for all its points without their own. */
@Entity('price_list')
export class PriceListRow {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column({ name: 'point_id', type: 'uuid', nullable: true }) pointId!: string | null;
  @Column({ name: 'organisation_id', type: 'uuid' }) organisationId!: string;
  @Column() name!: string;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt!: Date;
}

/** An immutable version; `definition` is the engine's PriceListVersion without id, version and validity. */
@Entity('price_list_version')
export class PriceListVersionRow {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column({ name: 'price_list_id', type: 'uuid' }) priceListId!: string;
  @Column({ type: 'integer' }) version!: number;
  @Column({ name: 'valid_from', type: 'date' }) validFrom!: string;
  @Column({ name: 'valid_to', type: 'date', nullable: true }) validTo!: string | null;
  @Column({ type: 'jsonb' }) definition!: PriceListDefinition;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt!: Date;
  @Column({ name: 'created_by' }) createdBy!: string;
}

/** The quote frozen when a reservation was confirmed. */
@Entity('reservation_quote')
export class ReservationQuoteRow {
  @PrimaryColumn({ name: 'reservation_id', type: 'uuid' }) reservationId!: string;
  @Column({ name: 'price_list_version_id', type: 'uuid' }) priceListVersionId!: string;
  @Column({ name: 'point_id', type: 'uuid' }) pointId!: string;
  @Column({ name: 'organisation_id', type: 'uuid' }) organisationId!: string;
  @Column({ type: 'jsonb' }) quote!: FrozenQuote;
  @Column({ name: 'total_excl_vat_cents', type: 'integer' }) totalExclVatCents!: number;
  @Column({ name: 'vat_cents', type: 'integer' }) vatCents!: number;
  @Column({ name: 'total_incl_vat_cents', type: 'integer' }) totalInclVatCents!: number;
  @Column({ name: 'frozen_at', type: 'timestamptz' }) frozenAt!: Date;
}

/** Minutes of an allowance consumed by one reservation (consumed once: primary key). */
@Entity('allowance_usage')
export class AllowanceUsageRow {
  @PrimaryColumn({ name: 'reservation_id', type: 'uuid' }) reservationId!: string;
  @PrimaryColumn({ name: 'allowance_id', type: 'text' }) allowanceId!: string;
  @Column({ name: 'organisation_id', type: 'uuid' }) organisationId!: string;
  /** The organiser's e-mail, lower-cased. */
  @Column({ type: 'text' }) requester!: string;
  @Column({ type: 'text' }) month!: string;
  @Column({ type: 'integer' }) minutes!: number;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt!: Date;
}

/** A recurring (monthly_cents, from/to months) or one-off (amount_cents, date) cost of a point. */
@Entity('operating_cost')
export class OperatingCostRow {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column({ name: 'point_id', type: 'uuid' }) pointId!: string;
  @Column({ type: 'text' }) kind!: RecurringCostKind;
  @Column({ name: 'monthly_cents', type: 'integer', nullable: true }) monthlyCents!: number | null;
  @Column({ name: 'amount_cents', type: 'integer', nullable: true }) amountCents!: number | null;
  @Column({ type: 'date', nullable: true }) date!: string | null;
  @Column({ name: 'from_month', type: 'text', nullable: true }) fromMonth!: string | null;
  @Column({ name: 'to_month', type: 'text', nullable: true }) toMonth!: string | null;
  @Column() label!: string;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt!: Date;
  @Column({ name: 'created_by' }) createdBy!: string;
}

/** What reservation_quote.quote holds: the engine's quote and what it was computed from. */
export interface FrozenQuote extends Quote {
  readonly pointId: string;
  readonly priceListVersionId: string;
  readonly request: {
    readonly start: string;
    readonly end: string;
    readonly timeZone: string;
    readonly category: string;
    readonly territory: string;
    readonly offHoursMinutes: number;
    readonly requester: string | null;
    readonly month: string;
    readonly allowanceBalance: Readonly<Record<string, number>>;
    readonly priorUsesByRequester: number;
  };
}
