import { IsUUID } from 'class-validator';

export class StudyRefDto {
  @IsUUID()
  studyId: string;
}
