import { Args, ID, Mutation, Query, Resolver } from '@nestjs/graphql';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { type Actor, assertCanActFor, CurrentActor } from './actor';
import { AuthService } from './auth.service';
import { AuthPayload, CreateApiKeyInput, CreatedApiKey, CreateUserInput, UpdateApiKeyInput, UpdateUserInput } from './dtos/auth.types';
import { ClientIp } from '../security/client-ip';
import { ApiKey, User } from './user.entity';
import { Role } from '../common/enums';

@Resolver()
export class AuthResolver {
  constructor(
    private readonly auth: AuthService,
    @InjectDataSource() private readonly db: DataSource,
  ) {}

  @Mutation(() => AuthPayload)
  login(@Args('email') email: string, @Args('password') password: string, @ClientIp() ip: string): Promise<AuthPayload> {
    return this.auth.login(email, password, ip);
  }

  @Query(() => User, { nullable: true, description: 'The signed-in user (null for API keys and visitors).' })
  me(@CurrentActor() actor: Actor): Promise<User | null> {
    return actor.kind === 'user' && actor.id ? this.db.getRepository(User).findOneBy({ id: actor.id }) : Promise.resolve(null);
  }

  @Mutation(() => User)
  createUser(@CurrentActor() actor: Actor, @Args('input') input: CreateUserInput): Promise<User> {
    return this.auth.createUser(actor, input);
  }

  @Query(() => [ApiKey])
  apiKeys(@CurrentActor() actor: Actor, @Args('organisationId', { type: () => ID }) organisationId: string): Promise<ApiKey[]> {
    assertCanActFor(actor, organisationId, Role.ORGANISATION_ADMIN);
    return this.db.getRepository(ApiKey).find({ where: { organisationId }, order: { createdAt: 'DESC' } });
  }

  @Mutation(() => CreatedApiKey)
  createApiKey(@CurrentActor() actor: Actor, @Args('input') input: CreateApiKeyInput): Promise<CreatedApiKey> {
    return this.auth.createApiKey(actor, input.organisationId, input.name, input.role, { quotaPerHour: input.quotaPerHour, allowedOrigins: input.allowedOrigins });
  }

  @Mutation(() => ApiKey, { description: 'Organisation admins: renames a key, sets its hourly quota or its allowed origins.' })
  updateApiKey(@CurrentActor() actor: Actor, @Args('id', { type: () => ID }) id: string, @Args('input') input: UpdateApiKeyInput): Promise<ApiKey> {
    return this.auth.updateApiKey(actor, id, input);
  }

  @Query(() => [User], { description: 'The users of an organisation (organisation admins), or of the whole network (network admins, without organisationId).' })
  users(@CurrentActor() actor: Actor, @Args('organisationId', { type: () => ID, nullable: true }) organisationId?: string): Promise<User[]> {
    return this.auth.users(actor, organisationId);
  }

  @Mutation(() => User, { description: 'Changes a user’s name or role (never above the caller’s own role).' })
  updateUser(@CurrentActor() actor: Actor, @Args('id', { type: () => ID }) id: string, @Args('input') input: UpdateUserInput): Promise<User> {
    return this.auth.updateUser(actor, id, input);
  }

  @Mutation(() => ApiKey)
  revokeApiKey(@CurrentActor() actor: Actor, @Args('id', { type: () => ID }) id: string): Promise<ApiKey> {
    return this.auth.revokeApiKey(actor, id);
  }
}
