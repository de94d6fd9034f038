import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { type AdapterHealth, invalidInput, notFound, secretNames, validateAdapterConfig } from '@maillage/core';
import { type Actor, assertCanActFor, requireSignedIn } from '../auth/actor';
import { audit } from '../auth/audit';
import { Role } from '../common/enums';
import { SecretBox } from '../common/secrets';
import { Point } from '../points/point.entity';
import { SECRET_BOX } from '../points/points.service';
import { PgNotifications } from '../events/pg-notifications';
import { AdapterBinding } from './adapter-binding.entity';
import { AdapterHost, BINDINGS_CHANNEL } from './adapter-host';

const isPlainObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Binding adapters to points: validation, sealed secrets, and telling every process to (re)load. */
@Injectable()
export class AdaptersService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    @Inject(SECRET_BOX) private readonly box: SecretBox,
    private readonly host: AdapterHost,
    private readonly notifications: PgNotifications,
  ) {}

  private async pointFor(actor: Actor, pointId: string): Promise<Point> {
    requireSignedIn(actor);
    const point = UUID.test(pointId) ? await this.db.getRepository(Point).findOneBy({ id: pointId }) : null;
    if (!point) throw notFound('Point', pointId);
    assertCanActFor(actor, point.organisationId, Role.ORGANISATION_ADMIN);
    return point;
  }

  /**
   * Validates everything before writing: the adapter exists, `config` fits the manifest's schema
   * (secrets excluded), `secrets` names only secret properties, gives every required one, as strings.
   */
  async bind(actor: Actor, pointId: string, adapterId: string, config: unknown, secrets: unknown): Promise<AdapterBinding> {
    const point = await this.pointFor(actor, pointId);
    const definition = this.host.registry.get(adapterId);
    if (!definition) throw invalidInput(['adapterId'], `Unknown adapter ${adapterId}`, { messageFr: 'Adaptateur inconnu', details: { known: [...this.host.registry.keys()] } });
    const schema = definition.manifest.configSchema;
    const secretKeys = secretNames(schema);
    if (isPlainObject(config)) {
      const misplaced = secretKeys.find((k) => k in config);
      if (misplaced) throw invalidInput(['config', misplaced], `${misplaced} is a secret: pass it in secrets`, { messageFr: `${misplaced} est un secret : passez-le dans secrets` });
    }
    const validConfig = validateAdapterConfig(definition.manifest, config);
    const givenSecrets = secrets ?? {};
    if (!isPlainObject(givenSecrets)) throw invalidInput(['secrets'], 'secrets must be an object of strings', { messageFr: 'Les secrets doivent être un objet' });
    for (const [name, value] of Object.entries(givenSecrets)) {
      if (!secretKeys.includes(name)) throw invalidInput(['secrets', name], `Adapter ${adapterId} has no secret ${name}`, { messageFr: `Secret inconnu : ${name}` });
      if (typeof value !== 'string' || value.length === 0 || value.length > 4096) throw invalidInput(['secrets', name], `Secret ${name} must be a non-empty string`, { messageFr: `Secret ${name} invalide` });
    }
    for (const name of (schema.required ?? []).filter((n) => secretKeys.includes(n))) {
      if (!(name in givenSecrets)) throw invalidInput(['secrets', name], `Secret ${name} is required`, { messageFr: `Secret ${name} requis` });
    }
    const sealed = Object.keys(givenSecrets).length ? this.box.seal(givenSecrets as Record<string, string>) : null;
    const binding = await this.db.transaction(async (em) => {
      const saved = await em.getRepository(AdapterBinding).save(
        em.getRepository(AdapterBinding).create({ pointId: point.id, adapterId, config: validConfig, secrets: sealed, secretNames: Object.keys(givenSecrets).sort(), enabled: true }),
      );
      await audit(em, actor, 'adapter.bind', 'adapter_binding', saved.id, { pointId: point.id, adapterId, secretNames: saved.secretNames });
      await em.query(`SELECT pg_notify($1, $2)`, [BINDINGS_CHANNEL, saved.id]);
      return saved;
    });
    if (!this.notifications.connected) await this.host.reload(binding.id);
    return binding;
  }

  async unbind(actor: Actor, id: string): Promise<boolean> {
    requireSignedIn(actor);
    const binding = UUID.test(id) ? await this.db.getRepository(AdapterBinding).findOneBy({ id }) : null;
    if (!binding) throw notFound('Adapter binding', id);
    await this.pointFor(actor, binding.pointId);
    await this.db.transaction(async (em) => {
      await em.getRepository(AdapterBinding).delete({ id });
      await audit(em, actor, 'adapter.unbind', 'adapter_binding', id, { pointId: binding.pointId, adapterId: binding.adapterId });
      await em.query(`SELECT pg_notify($1, $2)`, [BINDINGS_CHANNEL, id]);
    });
    if (!this.notifications.connected) await this.host.reload(id);
    return true;
  }

  async bindings(actor: Actor, pointId: string): Promise<AdapterBinding[]> {
    const point = await this.pointFor(actor, pointId);
    return this.db.getRepository(AdapterBinding).find({ where: { pointId: point.id }, order: { createdAt: 'ASC', id: 'ASC' } });
  }

  health(bindingId: string): Promise<AdapterHealth> {
    return this.host.health(bindingId);
  }
}
