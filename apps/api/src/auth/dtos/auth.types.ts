import { Field, ID, InputType, Int, ObjectType } from '@nestjs/graphql';
import { ArrayMaxSize, IsEmail, IsEnum, IsInt, IsOptional, IsString, IsUUID, Length, Matches, Max, MaxLength, Min } from 'class-validator';
import { Role } from '../../common/enums';
import { ApiKey, User } from '../user.entity';

@ObjectType()
export class AuthPayload {
  @Field({ description: 'Bearer token for the Authorization header.' }) token!: string;
  @Field() expiresAt!: Date;
  @Field(() => User) user!: User;
}

@ObjectType()
export class CreatedApiKey {
  @Field({ description: 'Shown once; keep it safe.' }) key!: string;
  @Field(() => ApiKey) apiKey!: ApiKey;
}

@InputType()
export class CreateUserInput {
  @Field() @IsEmail() @MaxLength(254) email!: string;
  @Field() @IsString() @Length(1, 200) displayName!: string;
  @Field() @IsString() @Length(12, 200) password!: string;
  @Field(() => Role) @IsEnum(Role) role!: Role;
  @Field(() => ID, { nullable: true }) @IsOptional() @IsUUID() organisationId?: string;
}

/** A web origin as browsers send it: scheme, host and optional port, nothing else. */
const ORIGIN = /^https?:\/\/[a-z0-9.-]+(:\d{1,5})?$/i;
const originMessage = { each: true, message: 'each allowed origin is like https://www.example.org (no path, no trailing slash)' };

@InputType()
export class UpdateApiKeyInput {
  @Field({ nullable: true }) @IsOptional() @IsString() @Length(1, 100) name?: string;
  @Field(() => Int, { nullable: true, description: 'Requests per hour; null: the platform default.' }) @IsOptional() @IsInt() @Min(1) @Max(1_000_000) quotaPerHour?: number | null;
  @Field(() => [String], { nullable: true, description: 'Origins (https://www.epci.example) allowed to use the key from a browser and to frame the booking widget.' })
  @IsOptional() @Matches(ORIGIN, originMessage) @ArrayMaxSize(20)
  allowedOrigins?: string[];
}

@InputType()
export class CreateApiKeyInput extends UpdateApiKeyInput {
  @Field(() => ID) @IsUUID() organisationId!: string;
  @Field() @IsString() @Length(1, 100) declare name: string;
  @Field(() => Role, { defaultValue: Role.BOOKER }) @IsEnum(Role) role!: Role;
}

@InputType()
export class UpdateUserInput {
  @Field({ nullable: true }) @IsOptional() @IsString() @Length(1, 200) displayName?: string;
  @Field(() => Role, { nullable: true }) @IsOptional() @IsEnum(Role) role?: Role;
}
