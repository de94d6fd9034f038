import { Field, Float, ID, InputType, Int } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize, IsBoolean, IsEnum, IsInt, IsIP, IsLatitude, IsLongitude, IsOptional, IsString, IsUUID, Length, Matches, Max, MaxLength, Min, ValidateNested,
} from 'class-validator';
import GraphQLJSON from '../../common/json-scalar';
import { AccessPolicy, EndpointKind, EndpointProtocol, HostSiteType, NetworkLine, PointStatus } from '../../common/enums';
import { OpeningScheduleInput } from './opening-schedule.types';

@InputType()
export class RoomInput {
  @Field() @IsString() @Length(1, 200) name!: string;
  @Field(() => Int) @IsInt() @Min(1) @Max(1000) capacity!: number;
  @Field({ defaultValue: true }) @IsBoolean() dedicated!: boolean;
  @Field(() => [String], { defaultValue: [] }) @IsString({ each: true }) @MaxLength(100, { each: true }) @ArrayMaxSize(50) equipment!: string[];
}

@InputType()
export class UpdateRoomInput {
  @Field({ nullable: true }) @IsOptional() @IsString() @Length(1, 200) name?: string;
  @Field(() => Int, { nullable: true }) @IsOptional() @IsInt() @Min(1) @Max(1000) capacity?: number;
  @Field({ nullable: true }) @IsOptional() @IsBoolean() dedicated?: boolean;
  @Field(() => [String], { nullable: true }) @IsOptional() @IsString({ each: true }) @MaxLength(100, { each: true }) @ArrayMaxSize(50) equipment?: string[];
}

/** Fields common to creating and updating a point; all optional here, required ones checked by CreatePointInput. */
@InputType({ isAbstract: true })
abstract class PointFields {
  @Field({ nullable: true }) @IsOptional() @IsString() @Length(1, 200) name?: string;
  @Field(() => HostSiteType, { nullable: true }) @IsOptional() @IsEnum(HostSiteType) hostSiteType?: HostSiteType;
  @Field(() => AccessPolicy, { nullable: true }) @IsOptional() @IsEnum(AccessPolicy) accessPolicy?: AccessPolicy;
  @Field({ nullable: true }) @IsOptional() @IsString() @Length(1, 300) address?: string;
  @Field({ nullable: true }) @IsOptional() @Matches(/^\d{5}$/, { message: 'postcode must have 5 digits' }) postcode?: string;
  @Field({ nullable: true }) @IsOptional() @IsString() @Length(1, 200) town?: string;
  @Field(() => Float, { nullable: true }) @IsOptional() @IsLatitude({ message: 'latitude must be between -90 and 90' }) latitude?: number;
  @Field(() => Float, { nullable: true }) @IsOptional() @IsLongitude({ message: 'longitude must be between -180 and 180' }) longitude?: number;
  @Field({ nullable: true }) @IsOptional() @IsString() @Length(1, 40) phone?: string;
  @Field({ nullable: true }) @IsOptional() @IsString() @Length(1, 60) timeZone?: string;
  @Field({ nullable: true }) @IsOptional() @IsBoolean() accessibleReducedMobility?: boolean;
  @Field({ nullable: true }) @IsOptional() @IsBoolean() independentEntrance?: boolean;
  @Field({ nullable: true }) @IsOptional() @IsBoolean() receptionOnSite?: boolean;
  @Field({ nullable: true }) @IsOptional() @IsBoolean() technicianOnSite?: boolean;
  @Field(() => NetworkLine, { nullable: true }) @IsOptional() @IsEnum(NetworkLine) networkLine?: NetworkLine;
  @Field(() => Int, { nullable: true }) @IsOptional() @IsInt() @Min(0) @Max(10_000_000) bandwidthKbps?: number;
  @Field({ nullable: true }) @IsOptional() @IsIP() fixedIp?: string;
  @Field({ nullable: true }) @IsOptional() @IsString() @MaxLength(5000) internalNotes?: string;
  @Field(() => PointStatus, { nullable: true }) @IsOptional() @IsEnum(PointStatus) status?: PointStatus;
  @Field({ nullable: true }) @IsOptional() @IsString() @MaxLength(20000) rulesOfUse?: string;
}

@InputType()
export class UpdatePointInput extends PointFields {}

@InputType()
export class CreatePointInput extends PointFields {
  @Field(() => ID) @IsUUID() organisationId!: string;
  @Field() @Matches(/^[a-z0-9][a-z0-9-]{0,79}$/, { message: 'slug must be lowercase letters, digits and dashes' }) slug!: string;
  @Field() @IsString() @Length(1, 200) declare name: string;
  @Field(() => HostSiteType) @IsEnum(HostSiteType) declare hostSiteType: HostSiteType;
  @Field(() => AccessPolicy) @IsEnum(AccessPolicy) declare accessPolicy: AccessPolicy;
  @Field() @IsString() @Length(1, 300) declare address: string;
  @Field() @Matches(/^\d{5}$/, { message: 'postcode must have 5 digits' }) declare postcode: string;
  @Field() @IsString() @Length(1, 200) declare town: string;
  @Field(() => Float) @IsLatitude({ message: 'latitude must be between -90 and 90' }) declare latitude: number;
  @Field(() => Float) @IsLongitude({ message: 'longitude must be between -180 and 180' }) declare longitude: number;
  @Field(() => NetworkLine) @IsEnum(NetworkLine) declare networkLine: NetworkLine;
  @Field(() => Int) @IsInt() @Min(0) @Max(10_000_000) declare bandwidthKbps: number;
  @Field(() => OpeningScheduleInput) @ValidateNested() @Type(() => OpeningScheduleInput) openingSchedule!: OpeningScheduleInput;
  @Field(() => [RoomInput], { defaultValue: [] }) @ValidateNested({ each: true }) @Type(() => RoomInput) @ArrayMaxSize(50) rooms!: RoomInput[];
}

@InputType()
export class EndpointInput {
  @Field() @IsString() @Length(1, 200) name!: string;
  @Field(() => EndpointKind) @IsEnum(EndpointKind) kind!: EndpointKind;
  @Field(() => EndpointProtocol) @IsEnum(EndpointProtocol) protocol!: EndpointProtocol;
  @Field({ nullable: true }) @IsOptional() @Matches(/^sips?:[^\s@]+@[^\s@]+$/, { message: 'sipUri must look like sip:room@host' }) @MaxLength(300) sipUri?: string;
  @Field({ nullable: true }) @IsOptional() @IsString() @MaxLength(100) vendor?: string;
  @Field({ nullable: true }) @IsOptional() @IsString() @MaxLength(100) model?: string;
  @Field({ nullable: true }) @IsOptional() @Matches(/^[a-z0-9][a-z0-9-]{0,63}$/) adapterId?: string;
  @Field(() => GraphQLJSON, { nullable: true }) @IsOptional() adapterConfig?: Record<string, unknown>;
  @Field(() => GraphQLJSON, { nullable: true, description: 'Write-only secrets (string values); never readable back.' })
  @IsOptional() adapterSecrets?: Record<string, string>;
}

@InputType()
export class NearInput {
  @Field(() => Float) @IsLatitude({ message: 'latitude must be between -90 and 90' }) latitude!: number;
  @Field(() => Float) @IsLongitude({ message: 'longitude must be between -180 and 180' }) longitude!: number;
  @Field(() => Float, { description: 'Radius in km (straight line), at most 500.' }) @Min(0) @Max(500) radiusKm!: number;
}

@InputType()
export class PointFilter {
  @Field(() => NearInput, { nullable: true }) @IsOptional() @ValidateNested() @Type(() => NearInput) near?: NearInput;
  @Field(() => Date, { nullable: true, description: 'Only points open (or open on request) at this instant.' }) @IsOptional() openAt?: Date;
  @Field(() => Int, { nullable: true }) @IsOptional() @IsInt() @Min(1) @Max(1000) minCapacity?: number;
  @Field({ nullable: true }) @IsOptional() @IsBoolean() accessible?: boolean;
  @Field(() => [AccessPolicy], { nullable: true }) @IsOptional() @IsEnum(AccessPolicy, { each: true }) accessPolicies?: AccessPolicy[];
  @Field(() => [PointStatus], { nullable: true, description: 'Default: ACTIVE only.' }) @IsOptional() @IsEnum(PointStatus, { each: true }) statuses?: PointStatus[];
  @Field({ nullable: true, description: 'Matches name, town, postcode or organisation.' }) @IsOptional() @IsString() @MaxLength(100) text?: string;
  @Field(() => ID, { nullable: true }) @IsOptional() @IsUUID() organisationId?: string;
}
