import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ErrorCodes } from '@orgo/contracts';

export class FieldErrorDto {
  @ApiProperty({ example: 'email' })
  field: string;

  @ApiProperty({ example: 'isEmail' })
  code: string;

  @ApiProperty()
  message: string;
}

/** RFC 9457 problem details: the one error body of every endpoint. */
export class ProblemDto {
  @ApiProperty({ example: 'about:blank' })
  type: string;

  @ApiProperty({ example: 'Bad Request' })
  title: string;

  @ApiProperty({ example: 400 })
  status: number;

  @ApiProperty({ enum: ErrorCodes, enumName: 'ErrorCode' })
  code: string;

  @ApiProperty()
  message: string;

  @ApiPropertyOptional({ type: () => FieldErrorDto, isArray: true })
  errors?: FieldErrorDto[];

  @ApiPropertyOptional()
  requestId?: string;
}
