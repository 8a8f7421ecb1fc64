import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { MediaObjectEntity } from './entities/media-object.entity';
import { ImageProcessor } from './image-processor';
import { MediaSweepJob } from './media-sweep.job';
import { MediaUrls } from './media-urls';
import { MediaController } from './media.controller';
import { MediaService } from './media.service';

@Module({
  imports: [TypeOrmModule.forFeature([MediaObjectEntity])],
  controllers: [MediaController],
  providers: [MediaService, MediaUrls, ImageProcessor, MediaSweepJob],
  exports: [MediaService, MediaUrls],
})
export class MediaModule {}
