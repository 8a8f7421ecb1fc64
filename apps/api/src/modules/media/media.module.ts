import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { MediaObjectEntity } from './entities/media-object.entity';
import { ImageProcessor } from './image-processor';
import { MediaUrls } from './media-urls';
import { MediaController } from './media.controller';
import { MediaService } from './media.service';

@Module({
  imports: [TypeOrmModule.forFeature([MediaObjectEntity])],
  controllers: [MediaController],
  providers: [MediaService, MediaUrls, ImageProcessor],
  exports: [MediaService, MediaUrls],
})
export class MediaModule {}
