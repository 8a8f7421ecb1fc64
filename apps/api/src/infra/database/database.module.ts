import { DynamicModule, Global, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { dataSourceOptions, type PoolTimeouts } from './data-source';

@Global()
@Module({})
export class DatabaseModule {
  static forRoot(url: string, poolSize: number, timeouts?: PoolTimeouts): DynamicModule {
    return {
      module: DatabaseModule,
      imports: [
        TypeOrmModule.forRoot({
          ...dataSourceOptions(url, poolSize, timeouts),
          autoLoadEntities: false,
        }),
      ],
    };
  }
}
