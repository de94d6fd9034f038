import { Field, InputType } from '@nestjs/graphql';
import { ArrayMaxSize, IsEmail, IsEnum, IsOptional, IsString, Length, Matches } from 'class-validator';
import { OrganisationKind } from '../../common/enums';

@InputType()
export class UpdateOrganisationInput {
  @Field({ nullable: true }) @IsOptional() @IsString() @Length(1, 200) name?: string;
  @Field({ nullable: true }) @IsOptional() @Matches(/^\d{14}$/, { message: 'siret must have 14 digits' }) siret?: string;
  @Field({ nullable: true }) @IsOptional() @IsString() @Length(1, 300) address?: string;
  @Field({ nullable: true }) @IsOptional() @Matches(/^\d{5}$/, { message: 'postcode must have 5 digits' }) postcode?: string;
  @Field({ nullable: true }) @IsOptional() @IsString() @Length(1, 200) town?: string;
  @Field(() => [String], { nullable: true }) @IsOptional() @Matches(/^\d{5}$/, { each: true, message: 'territory postcodes must have 5 digits' }) @ArrayMaxSize(500) territoryPostcodes?: string[];
  @Field({ nullable: true }) @IsOptional() @IsEmail() contactEmail?: string;
  @Field({ nullable: true }) @IsOptional() @IsString() @Length(1, 40) contactPhone?: string;
}

@InputType()
export class CreateOrganisationInput extends UpdateOrganisationInput {
  @Field() @Matches(/^[a-z0-9][a-z0-9-]{0,79}$/, { message: 'slug must be lowercase letters, digits and dashes' }) slug!: string;
  @Field(() => OrganisationKind) @IsEnum(OrganisationKind) kind!: OrganisationKind;
  @Field() @IsString() @Length(1, 200) declare name: string;
  @Field() @IsString() @Length(1, 300) declare address: string;
  @Field() @Matches(/^\d{5}$/, { message: 'postcode must have 5 digits' }) declare postcode: string;
  @Field() @IsString() @Length(1, 200) declare town: string;
}
