import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { notFound } from '@maillage/core';
import { type Actor, assertCanActFor, assertRole } from '../auth/actor';
import { audit } from '../auth/audit';
import { Role } from '../common/enums';
import { defined } from '../common/defined';
import type { CreateOrganisationInput, UpdateOrganisationInput } from './dtos/organisation.inputs';
import { Organisation } from './organisation.entity';

@Injectable()
export class OrganisationsService {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  list(): Promise<Organisation[]> {
    return this.db.getRepository(Organisation).find({ order: { name: 'ASC' } });
  }

  async get(id: string): Promise<Organisation> {
    const org = await this.db.getRepository(Organisation).findOneBy({ id });
    if (!org) throw notFound('Organisation', id);
    return org;
  }

  async create(actor: Actor, input: CreateOrganisationInput): Promise<Organisation> {
    assertRole(actor, Role.NETWORK_ADMIN);
    return this.db.transaction(async (em) => {
      const org = await em.getRepository(Organisation).save(
        em.getRepository(Organisation).create({ ...input, territoryPostcodes: input.territoryPostcodes ?? [input.postcode] }),
      );
      await audit(em, actor, 'organisation.created', 'organisation', org.id, { slug: org.slug });
      return org;
    });
  }

  async update(actor: Actor, id: string, input: UpdateOrganisationInput): Promise<Organisation> {
    const org = await this.get(id);
    assertCanActFor(actor, org.id, Role.ORGANISATION_ADMIN);
    return this.db.transaction(async (em) => {
      const saved = await em.getRepository(Organisation).save({ ...org, ...defined(input) });
      await audit(em, actor, 'organisation.updated', 'organisation', id, { ...input });
      return saved;
    });
  }
}
