import { Field, Float, Int, ObjectType } from '@nestjs/graphql';
import { ConnectionType } from '../../common/pagination';
import { Point } from '../point.entity';

@ObjectType()
export class PointSearchHit {
  @Field(() => Point) point!: Point;
  @Field(() => Float, { nullable: true, description: 'Straight-line km from the `near` coordinate.' }) distanceKm!: number | null;
}

@ObjectType()
export class PointSearchConnection extends ConnectionType(PointSearchHit, 'PointSearch') {}

@ObjectType()
export class NetworkSummary {
  @Field(() => Int) organisations!: number;
  @Field(() => Int) activePoints!: number;
  @Field(() => Int) onHoldPoints!: number;
  @Field(() => Int) dismantledPoints!: number;
  @Field(() => Int) accessiblePoints!: number;
  @Field(() => Int) rooms!: number;
  @Field(() => Int) seats!: number;
  @Field(() => Int) openNow!: number;
}
