import { Type } from '@nestjs/common';
import { ArgsType, Field, Int, ObjectType } from '@nestjs/graphql';
import { IsInt, IsOptional, IsString, Max, MaxLength, Min } from 'class-validator';
import { invalidInput } from '@maillage/core';

@ArgsType()
export class PageArgs {
  @Field(() => Int, { nullable: true, description: 'At most 100.' })
  @IsOptional() @IsInt() @Min(1) @Max(100)
  first?: number;

  @Field(() => String, { nullable: true })
  @IsOptional() @IsString() @MaxLength(100)
  after?: string;
}

@ObjectType()
export class PageInfo {
  @Field() hasNextPage!: boolean;
  @Field() hasPreviousPage!: boolean;
  @Field(() => String, { nullable: true }) startCursor!: string | null;
  @Field(() => String, { nullable: true }) endCursor!: string | null;
}

export interface Connection<T> {
  edges: { cursor: string; node: T }[];
  pageInfo: PageInfo;
  totalCount: number;
}

/** Relay connection type for `T` (edges, pageInfo, totalCount). */
export function ConnectionType<T>(node: Type<T>, name: string) {
  @ObjectType(`${name}Edge`)
  class Edge {
    @Field() cursor!: string;
    @Field(() => node) node!: T;
  }
  @ObjectType(`${name}Connection`)
  class ConnectionClass {
    @Field(() => [Edge]) edges!: Edge[];
    @Field(() => PageInfo) pageInfo!: PageInfo;
    @Field(() => Int) totalCount!: number;
  }
  return ConnectionClass;
}

const encode = (offset: number) => Buffer.from(`offset:${offset}`).toString('base64url');

function decode(cursor: string): number {
  const match = /^offset:(\d{1,9})$/.exec(Buffer.from(cursor, 'base64url').toString());
  if (!match) throw invalidInput(['after'], 'Malformed cursor', { messageFr: 'Curseur de pagination invalide' });
  return Number(match[1]) + 1;
}

/** Pages an ordered, already filtered list (lists here are bounded: the points of one network). */
export function paginate<T>(items: readonly T[], args: PageArgs): Connection<T> {
  const start = args.after ? decode(args.after) : 0;
  const first = args.first ?? 20;
  const slice = items.slice(start, start + first);
  const edges = slice.map((node, i) => ({ cursor: encode(start + i), node }));
  return {
    edges,
    totalCount: items.length,
    pageInfo: {
      hasNextPage: start + first < items.length,
      hasPreviousPage: start > 0,
      startCursor: edges[0]?.cursor ?? null,
      endCursor: edges[edges.length - 1]?.cursor ?? null,
    },
  };
}
