import { Field, ID, ObjectType } from '@nestjs/graphql';
import { Column, CreateDateColumn, Entity, OneToMany, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import { OrganisationKind } from '../common/enums';
import type { Point } from '../points/point.entity';

@ObjectType({ description: 'A body of the network: the operator, an EPCI, a commune, an association, a company.' })
@Entity('organisation')
export class Organisation {
  @Field(() => ID) @PrimaryGeneratedColumn('uuid') id!: string;
  @Field() @Column({ unique: true }) slug!: string;
  @Field() @Column() name!: string;
  @Field(() => OrganisationKind) @Column({ type: 'text' }) kind!: OrganisationKind;
  @Field(() => String, { nullable: true }) @Column({ type: 'text', nullable: true }) siret!: string | null;
  @Field() @Column() address!: string;
  @Field() @Column() postcode!: string;
  @Field() @Column() town!: string;
  @Field(() => [String], { description: 'Postcodes of the communes of its territory (in/out of territory pricing).' })
  @Column({ name: 'territory_postcodes', type: 'text', array: true, default: () => "'{}'" })
  territoryPostcodes!: string[];
  @Field(() => String, { nullable: true }) @Column({ name: 'contact_email', type: 'text', nullable: true }) contactEmail!: string | null;
  @Field(() => String, { nullable: true }) @Column({ name: 'contact_phone', type: 'text', nullable: true }) contactPhone!: string | null;
  @OneToMany('Point', 'organisation') points?: Point[];
  @Field() @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt!: Date;
  @Field() @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' }) updatedAt!: Date;
}
