import { Field, ID, InputType, ObjectType } from '@nestjs/graphql';
import { IsEmail, IsEnum, IsOptional, IsString, IsUUID, Length, MaxLength } from 'class-validator';
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

@InputType()
export class CreateApiKeyInput {
  @Field(() => ID) @IsUUID() organisationId!: string;
  @Field() @IsString() @Length(1, 100) name!: string;
  @Field(() => Role, { defaultValue: Role.BOOKER }) @IsEnum(Role) role!: Role;
}
