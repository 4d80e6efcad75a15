import { ArgsType, Field } from '@nestjs/graphql';
import { PageArgs } from '../../../common/pagination';

@ArgsType()
export class ArticlesArgs extends PageArgs {
  @Field(() => String, { nullable: true, description: 'Only articles with this tag.' })
  tag?: string | null;
}
