import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, IsNull } from 'typeorm';
import { DomainError, invalidInput } from '@maillage/core';
import { Role } from '../common/enums';
import { Organisation } from '../organisations/organisation.entity';
import { ANONYMOUS, type Actor, assertCanActFor, assertRole, hasRole } from './actor';
import { hashPassword, randomToken, sha256, verifyPassword } from './passwords';
import { ApiKey, Session, User } from './user.entity';
import { audit } from './audit';

const SESSION_TTL_MS = 12 * 3600_000;

export interface NewUser {
  email: string;
  displayName: string;
  password: string;
  role: Role;
  organisationId?: string | null;
}

@Injectable()
export class AuthService {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  /** Resolves the caller from `Authorization: Bearer <session token | API key>` or `X-Api-Key`. */
  async resolveActor(headers: Record<string, string | string[] | undefined>): Promise<Actor> {
    const auth = typeof headers.authorization === 'string' ? headers.authorization : undefined;
    const bearer = auth?.match(/^Bearer\s+(\S+)$/i)?.[1];
    const apiKey = (typeof headers['x-api-key'] === 'string' ? headers['x-api-key'] : undefined) ?? (bearer?.startsWith('mlk_') ? bearer : undefined);
    if (apiKey) {
      const key = await this.db.getRepository(ApiKey).findOneBy({ keyHash: sha256(apiKey), revokedAt: IsNull() });
      if (!key) throw new DomainError('UNAUTHENTICATED', 'Unknown or revoked API key', { messageFr: 'Clé d’API inconnue ou révoquée' });
      return { kind: 'api-key', id: key.id, role: key.role, organisationId: key.organisationId, label: `api-key:${key.id}` };
    }
    if (!bearer) return ANONYMOUS;
    const row = await this.db
      .getRepository(Session)
      .createQueryBuilder('s')
      .innerJoinAndMapOne('s.user', User, 'u', 'u.id = s.user_id')
      .where('s.token_hash = :hash AND s.expires_at > now()', { hash: sha256(bearer) })
      .getOne();
    const user = (row as (Session & { user?: User }) | null)?.user;
    if (!user) throw new DomainError('UNAUTHENTICATED', 'Session expired or unknown', { messageFr: 'Session expirée, reconnectez-vous' });
    return { kind: 'user', id: user.id, role: user.role, organisationId: user.organisationId, label: `user:${user.id}` };
  }

  async login(email: string, password: string): Promise<{ token: string; user: User; expiresAt: Date }> {
    const user = await this.db.getRepository(User).findOneBy({ email: email.trim().toLowerCase() });
    if (!user || !(await verifyPassword(password, user.passwordHash))) {
      throw new DomainError('UNAUTHENTICATED', 'Wrong e-mail or password', { messageFr: 'Adresse ou mot de passe incorrect' });
    }
    const token = randomToken('mls');
    const expiresAt = new Date(Date.now() + SESSION_TTL_MS);
    await this.db.getRepository(Session).insert({ userId: user.id, tokenHash: sha256(token), expiresAt });
    return { token, user, expiresAt };
  }

  async logout(token: string): Promise<void> {
    await this.db.getRepository(Session).delete({ tokenHash: sha256(token) });
  }

  /** Creates a user; an organisation admin only inside its organisation and never above its own role. */
  async createUser(actor: Actor, input: NewUser): Promise<User> {
    if (input.role === Role.NETWORK_ADMIN) assertRole(actor, Role.NETWORK_ADMIN);
    else if (input.organisationId) assertCanActFor(actor, input.organisationId, Role.ORGANISATION_ADMIN);
    else assertRole(actor, Role.NETWORK_ADMIN);
    if (!hasRole(actor, input.role)) throw invalidInput(['input', 'role'], 'Cannot grant a role above your own');
    return this.insertUser(actor, input);
  }

  /** Used by the CLI and the seed: creates the user or leaves an existing one untouched. */
  async ensureUser(input: NewUser): Promise<User> {
    const existing = await this.db.getRepository(User).findOneBy({ email: input.email.toLowerCase() });
    return existing ?? this.insertUser({ ...ANONYMOUS, label: 'system' }, input);
  }

  private async insertUser(actor: Actor, input: NewUser): Promise<User> {
    if (input.password.length < 12) throw invalidInput(['input', 'password'], 'Password must have at least 12 characters', { messageFr: 'Mot de passe : 12 caractères au moins' });
    if (input.organisationId && !(await this.db.getRepository(Organisation).existsBy({ id: input.organisationId }))) {
      throw invalidInput(['input', 'organisationId'], 'Unknown organisation');
    }
    const passwordHash = await hashPassword(input.password);
    return this.db.transaction(async (em) => {
      const user = await em.getRepository(User).save(
        em.getRepository(User).create({
          email: input.email.trim().toLowerCase(),
          displayName: input.displayName,
          passwordHash,
          role: input.role,
          organisationId: input.organisationId ?? null,
        }),
      );
      await audit(em, actor, 'user.created', 'user', user.id, { role: user.role, organisationId: user.organisationId });
      return user;
    });
  }

  /** Returns the key once; only its hash is kept. */
  async createApiKey(actor: Actor, organisationId: string, name: string, role: Role): Promise<{ key: string; apiKey: ApiKey }> {
    assertCanActFor(actor, organisationId, Role.ORGANISATION_ADMIN);
    if (![Role.ORGANISATION_ADMIN, Role.POINT_OPERATOR, Role.BOOKER].includes(role)) throw invalidInput(['role'], 'An API key is ORGANISATION_ADMIN, POINT_OPERATOR or BOOKER');
    if (!hasRole(actor, role)) throw invalidInput(['role'], 'Cannot grant a role above your own');
    const key = randomToken('mlk');
    return this.db.transaction(async (em) => {
      const apiKey = await em.getRepository(ApiKey).save(em.getRepository(ApiKey).create({ organisationId, name, role, prefix: key.slice(0, 10), keyHash: sha256(key) }));
      await audit(em, actor, 'api-key.created', 'api_key', apiKey.id, { organisationId, role });
      return { key, apiKey };
    });
  }

  async revokeApiKey(actor: Actor, id: string): Promise<ApiKey> {
    const apiKey = await this.db.getRepository(ApiKey).findOneBy({ id });
    if (!apiKey) throw new DomainError('NOT_FOUND', `API key ${id} not found`);
    assertCanActFor(actor, apiKey.organisationId, Role.ORGANISATION_ADMIN);
    apiKey.revokedAt = new Date();
    return this.db.transaction(async (em) => {
      await em.getRepository(ApiKey).save(apiKey);
      await audit(em, actor, 'api-key.revoked', 'api_key', id, {});
      return apiKey;
    });
  }
}
