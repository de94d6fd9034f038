import { Args, Field, ID, Int, Mutation, ObjectType, Resolver } from '@nestjs/graphql';
import { type Actor, CurrentActor } from '../../auth/actor';
import { HostBlocksService } from './host-blocks.service';

@ObjectType({ description: 'Result of importing a host calendar into a shared room.' })
export class HostBlockImport {
  @Field({ description: "'ics:upload' or 'ics:<sha-256 of the URL>'; a new import replaces the blocks of the same source." }) source!: string;
  @Field(() => Int, { description: 'Blocks now held (overlapping events merged).' }) imported!: number;
  @Field(() => Int, { description: 'Blocks of the same source removed by this import.' }) replaced!: number;
  @Field(() => Int, { description: 'Events ignored: cancelled, free (TRANSP:TRANSPARENT) or of no duration.' }) skipped!: number;
  @Field(() => Date, { description: 'Window imported: from now …' }) from!: Date;
  @Field(() => Date, { description: '… to the booking horizon of the room.' }) to!: Date;
}

@ObjectType({ description: 'A slot a host holds its shared room for (theatre, council meeting).' })
export class HostBlock {
  @Field(() => ID) id!: string;
  @Field(() => ID) roomId!: string;
  @Field(() => Date) start!: Date;
  @Field(() => Date) end!: Date;
  @Field(() => String, { nullable: true }) summary!: string | null;
  @Field({ description: "'manual', 'ics:upload' or 'ics:<sha-256 of the URL>'." }) source!: string;
  @Field() uid!: string;
}

@Resolver(() => HostBlock)
export class HostBlocksResolver {
  constructor(private readonly blocks: HostBlocksService) {}

  @Mutation(() => HostBlockImport, {
    description:
      'Imports the host’s own uses of a room from an iCalendar text or an http(s) URL (10 s, 2 MB). Replaces the blocks of the same source; CONFLICT (nothing imported) when a block overlaps a reservation.',
  })
  importHostBlocks(
    @CurrentActor() actor: Actor,
    @Args('roomId', { type: () => ID }) roomId: string,
    @Args('ics', { type: () => String, nullable: true }) ics?: string | null,
    @Args('url', { type: () => String, nullable: true }) url?: string | null,
  ): Promise<HostBlockImport> {
    return this.blocks.importCalendar(actor, roomId, { ics, url });
  }

  @Mutation(() => HostBlock, { description: 'Holds a room for the host’s own use; CONFLICT when it overlaps a reservation or another block.' })
  addHostBlock(
    @CurrentActor() actor: Actor,
    @Args('roomId', { type: () => ID }) roomId: string,
    @Args('start', { type: () => Date }) start: Date,
    @Args('end', { type: () => Date }) end: Date,
    @Args('summary', { type: () => String, nullable: true }) summary?: string | null,
  ): Promise<HostBlock> {
    return this.blocks.add(actor, roomId, start, end, summary);
  }

  @Mutation(() => Boolean, { description: 'Frees a host block (an imported one comes back at the next import of its calendar).' })
  removeHostBlock(@CurrentActor() actor: Actor, @Args('id', { type: () => ID }) id: string): Promise<boolean> {
    return this.blocks.remove(actor, id);
  }
}
