import { Field, InputType, Int, ObjectType } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsBoolean, IsIn, IsInt, IsOptional, IsString, Matches, Max, MaxLength, Min, ValidateNested } from 'class-validator';

const HHMM = /^([01]\d|2[0-3]):[0-5]\d$|^24:00$/;
const DATE = /^\d{4}-\d{2}-\d{2}$/;

@ObjectType('WeeklyRule')
@InputType('WeeklyRuleInput')
export class WeeklyRuleType {
  @Field(() => Int, { description: 'ISO weekday, Monday = 1.' }) @IsInt() @Min(1) @Max(7) weekday!: 1 | 2 | 3 | 4 | 5 | 6 | 7;
  @Field({ description: 'HH:mm local time.' }) @Matches(HHMM, { message: 'opens must be HH:mm' }) opens!: string;
  @Field({ description: 'HH:mm local time, 24:00 for midnight.' }) @Matches(HHMM, { message: 'closes must be HH:mm' }) closes!: string;
  @Field({ nullable: true, description: 'Bookable only on request (needs approval).' }) @IsOptional() @IsBoolean() onRequest?: boolean;
}

@ObjectType('TimeRange')
@InputType('TimeRangeInput')
export class TimeRangeType {
  @Field() @Matches(HHMM, { message: 'opens must be HH:mm' }) opens!: string;
  @Field() @Matches(HHMM, { message: 'closes must be HH:mm' }) closes!: string;
  @Field({ nullable: true }) @IsOptional() @IsBoolean() onRequest?: boolean;
}

@ObjectType('DatedException')
@InputType('DatedExceptionInput')
export class DatedExceptionType {
  @Field({ description: 'YYYY-MM-DD, local date.' }) @Matches(DATE, { message: 'date must be YYYY-MM-DD' }) date!: string;
  @Field({ description: 'closed: the whole day; hours: the day’s hours are replaced by ranges.' }) @IsIn(['closed', 'hours']) kind!: 'closed' | 'hours';
  @Field(() => [TimeRangeType], { nullable: true }) @IsOptional() @ValidateNested({ each: true }) @Type(() => TimeRangeType) @ArrayMaxSize(10) ranges?: TimeRangeType[];
  @Field({ nullable: true }) @IsOptional() @IsString() @MaxLength(200) reason?: string;
}

@InputType()
export class OpeningScheduleInput {
  @Field(() => [WeeklyRuleType]) @ValidateNested({ each: true }) @Type(() => WeeklyRuleType) @ArrayMaxSize(50) weekly!: WeeklyRuleType[];
  @Field(() => [DatedExceptionType], { defaultValue: [] }) @ValidateNested({ each: true }) @Type(() => DatedExceptionType) @ArrayMaxSize(1000) exceptions!: DatedExceptionType[];
  @Field({ defaultValue: true }) @IsBoolean() closedOnPublicHolidays!: boolean;
}

@ObjectType()
export class OpeningSchedule {
  @Field() timeZone!: string;
  @Field(() => [WeeklyRuleType]) weekly!: WeeklyRuleType[];
  @Field(() => [DatedExceptionType]) exceptions!: DatedExceptionType[];
  @Field() closedOnPublicHolidays!: boolean;
}

@ObjectType({ description: 'A French public holiday in the point’s calendar (metropole, or Alsace-Moselle with two more).' })
export class PublicHolidayView {
  @Field({ description: 'YYYY-MM-DD, local date.' }) date!: string;
  @Field({ description: 'French name, e.g. Fête nationale.' }) name!: string;
}

@ObjectType()
export class OpenInterval {
  @Field(() => Date) start!: Date;
  @Field(() => Date) end!: Date;
  @Field() onRequest!: boolean;
}

@ObjectType()
export class OpenState {
  @Field() open!: boolean;
  @Field() onRequest!: boolean;
  @Field(() => Date, { nullable: true }) closesAt!: Date | null;
}
