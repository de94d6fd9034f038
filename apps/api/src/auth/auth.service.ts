import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, IsNull } from 'typeorm';
import { DomainError, invalidInput, type RateRule } from '@maillage/core';
import { ApiKeyOrigins } from '../security/api-key-origins';
import { PublicUrl } from '../security/public-url';
import { RateLimiter } from '../security/rate-limiter';
import type { SecuritySettings } from '../security/security-settings';
import { SECURITY_SETTINGS } from '../security/tokens';
import { Role } from '../common/enums';
import { Organisation } from '../organisations/organisation.entity';
import { ANONYMOUS, type Actor, assertCanActFor, assertRole, hasRole, requireSignedIn } from './actor';
import { hashPassword, randomToken, sha256, verifyPassword } from './passwords';
import { ApiKey, Session, User } from './user.entity';
import { audit } from './audit';

const SESSION_TTL_MS = 12 * 3600_000;
/**
 * Every refused login answers after at least this long, whether the address is unknown, the password
 * wrong or the account locked (a locked account's password is not even checked): the answer's time and
 * words say nothing about which. Longer than a password check (scrypt, ~50 ms here).
 */
export const LOGIN_FAILURE_MS = 250;
/** A verification against this hash costs what a real one costs, for addresses that have no account. */
const NO_ACCOUNT_HASH = 'scrypt$16384$8$1$bm8tYWNjb3VudC1zYWx0$' + 'A'.repeat(43);
const wrongCredentials = () =>
  new DomainError('UNAUTHENTICATED', 'Wrong e-mail or password, or account temporarily locked', {
    messageFr: 'Adresse ou mot de passe incorrect (ou compte bloqué quelques minutes après trop d’essais)',
  });

/** Counts the password verifications this process ran (the lockout test checks a locked account costs none). */
export const passwordChecks = { count: 0 };

export interface ApiKeyLimits {
  quotaPerHour?: number | null;
  allowedOrigins?: string[];
}

export interface NewUser {
  email: string;
  displayName: string;
  password: string;
  role: Role;
  organisationId?: string | null;
}

@Injectable()
export class AuthService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly limiter: RateLimiter,
    @Inject(SECURITY_SETTINGS) private readonly settings: SecuritySettings,
    private readonly origins: ApiKeyOrigins,
    private readonly publicUrl: PublicUrl,
  ) {}

  /** Resolves the caller from `Authorization: Bearer <session token | API key>` or `X-Api-Key`; an API key within its quota and allowed origins. */
  async resolveActor(headers: Record<string, string | string[] | undefined>): Promise<Actor> {
    const auth = typeof headers.authorization === 'string' ? headers.authorization : undefined;
    const bearer = auth?.match(/^Bearer\s+(\S+)$/i)?.[1];
    const apiKey = (typeof headers['x-api-key'] === 'string' ? headers['x-api-key'] : undefined) ?? (bearer?.startsWith('mlk_') ? bearer : undefined);
    if (apiKey) {
      const key = await this.db.getRepository(ApiKey).findOneBy({ keyHash: sha256(apiKey), revokedAt: IsNull() });
      if (!key) throw new DomainError('UNAUTHENTICATED', 'Unknown or revoked API key', { messageFr: 'Clé d’API inconnue ou révoquée' });
      const origin = typeof headers.origin === 'string' ? headers.origin : undefined;
      if (origin && origin !== this.publicUrl.get() && !key.allowedOrigins.includes(origin)) {
        throw new DomainError('FORBIDDEN', `This API key may not be used from ${origin}`, { messageFr: 'Cette clé d’API n’est pas autorisée sur ce site', details: { origin } });
      }
      await this.limiter.enforce(this.quotaRule(key), key.id);
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

  /** The hourly quota of an API key as a rate rule: a tenth of it at once, the rest spread over the hour. */
  quotaRule(key: Pick<ApiKey, 'quotaPerHour'>): RateRule {
    const perHour = key.quotaPerHour ?? this.settings.apiKeyQuotaPerHour;
    return { name: 'api-key-quota', burst: Math.max(10, Math.ceil(perHour / 10)), perPeriod: perHour, periodSeconds: 3600 };
  }

  /**
   * Signs in. Throttled per client IP (RATE_LIMITED); each attempt on an address takes a token of its
   * failure budget *before* the password is checked, so a flood on one account runs at most that many
   * checks before the account is locked (the budget refills: a temporary lockout); a success gives the
   * budget back. Every refusal looks and lasts the same (LOGIN_FAILURE_MS).
   */
  async login(email: string, password: string, ip = 'internal'): Promise<{ token: string; user: User; expiresAt: Date }> {
    await this.limiter.enforce(this.settings.rules.loginPerIp, ip);
    const started = performance.now();
    const address = email.trim().toLowerCase();
    const failures = this.settings.rules.loginFailuresPerAccount;
    const budget = await this.limiter.take(failures, address);
    const user = await this.db.getRepository(User).findOneBy({ email: address });
    let ok = false;
    if (budget.allowed) {
      passwordChecks.count++;
      ok = await verifyPassword(password, user?.passwordHash ?? NO_ACCOUNT_HASH);
    }
    if (!ok || !user) {
      const wait = LOGIN_FAILURE_MS - (performance.now() - started);
      if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
      throw wrongCredentials();
    }
    await this.limiter.reset(failures, address);
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

  async users(actor: Actor, organisationId?: string): Promise<User[]> {
    if (organisationId) assertCanActFor(actor, organisationId, Role.ORGANISATION_ADMIN);
    else assertRole(actor, Role.NETWORK_ADMIN);
    return this.db.getRepository(User).find({ where: organisationId ? { organisationId } : {}, order: { email: 'ASC' } });
  }

  async updateUser(actor: Actor, id: string, input: { displayName?: string; role?: Role }): Promise<User> {
    requireSignedIn(actor); // before any lookup: a visitor learns nothing about ids
    const user = await this.db.getRepository(User).findOneBy({ id });
    if (!user) throw new DomainError('NOT_FOUND', `User ${id} not found`, { messageFr: 'Utilisateur introuvable' });
    if (user.organisationId) assertCanActFor(actor, user.organisationId, Role.ORGANISATION_ADMIN);
    else assertRole(actor, Role.NETWORK_ADMIN);
    if (input.role && (!hasRole(actor, input.role) || (input.role === Role.NETWORK_ADMIN && !user.organisationId && !hasRole(actor, Role.NETWORK_ADMIN)))) {
      throw invalidInput(['input', 'role'], 'Cannot grant a role above your own', { messageFr: 'Rôle supérieur au vôtre' });
    }
    if (!hasRole(actor, user.role)) throw invalidInput(['id'], 'Cannot change a user above your own role', { messageFr: 'Utilisateur de rôle supérieur au vôtre' });
    return this.db.transaction(async (em) => {
      const saved = await em.getRepository(User).save({ ...user, ...(input.displayName ? { displayName: input.displayName } : {}), ...(input.role ? { role: input.role } : {}) });
      await audit(em, actor, 'user.updated', 'user', id, { ...input });
      return saved;
    });
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
  async createApiKey(actor: Actor, organisationId: string, name: string, role: Role, limits: ApiKeyLimits = {}): Promise<{ key: string; apiKey: ApiKey }> {
    assertCanActFor(actor, organisationId, Role.ORGANISATION_ADMIN);
    if (![Role.ORGANISATION_ADMIN, Role.POINT_OPERATOR, Role.BOOKER].includes(role)) throw invalidInput(['role'], 'An API key is ORGANISATION_ADMIN, POINT_OPERATOR or BOOKER');
    if (!hasRole(actor, role)) throw invalidInput(['role'], 'Cannot grant a role above your own');
    const key = randomToken('mlk');
    return this.db.transaction(async (em) => {
      const apiKey = await em.getRepository(ApiKey).save(
        em.getRepository(ApiKey).create({ organisationId, name, role, prefix: key.slice(0, 10), keyHash: sha256(key), quotaPerHour: limits.quotaPerHour ?? null, allowedOrigins: limits.allowedOrigins ?? [] }),
      );
      await audit(em, actor, 'api-key.created', 'api_key', apiKey.id, { organisationId, role, ...limits });
      this.origins.changed();
      return { key, apiKey };
    });
  }

  /** Changes a key's name, quota (null: the platform default) or allowed origins. */
  async updateApiKey(actor: Actor, id: string, changes: ApiKeyLimits & { name?: string }): Promise<ApiKey> {
    requireSignedIn(actor);
    const apiKey = await this.db.getRepository(ApiKey).findOneBy({ id });
    if (!apiKey) throw new DomainError('NOT_FOUND', `API key ${id} not found`, { messageFr: 'Clé d’API introuvable' });
    assertCanActFor(actor, apiKey.organisationId, Role.ORGANISATION_ADMIN);
    if (changes.name !== undefined) apiKey.name = changes.name;
    if (changes.quotaPerHour !== undefined) apiKey.quotaPerHour = changes.quotaPerHour;
    if (changes.allowedOrigins !== undefined) apiKey.allowedOrigins = changes.allowedOrigins;
    return this.db.transaction(async (em) => {
      await em.getRepository(ApiKey).save(apiKey);
      await audit(em, actor, 'api-key.updated', 'api_key', id, { ...changes });
      this.origins.changed();
      return apiKey;
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
      this.origins.changed();
      return apiKey;
    });
  }
}
