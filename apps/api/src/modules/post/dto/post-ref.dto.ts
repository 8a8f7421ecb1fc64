import type { PostRef } from '@orgo/contracts';
import { IsUUID } from 'class-validator';

/** Socket payload naming one post. */
export class PostRefDto implements PostRef {
  @IsUUID()
  postId: string;
}
