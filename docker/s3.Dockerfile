# syntax=docker/dockerfile:1
# S3-compatible store for the compose stack: fauxqs from npm, objects as files on a volume.
# Swap for any real S3 (AWS, R2, MinIO, Ceph) by changing S3_* in compose.yml.
FROM node:24-slim
RUN npm i -g fauxqs@2.4.1
COPY docker/fauxqs-init.json /etc/fauxqs/init.json
ENV FAUXQS_PORT=4566 \
    FAUXQS_LOGGER=false \
    FAUXQS_INIT=/etc/fauxqs/init.json \
    FAUXQS_S3_STORAGE_DIR=/data
RUN mkdir -p /data && chown node:node /data
VOLUME /data
USER node
EXPOSE 4566
HEALTHCHECK --interval=5s --timeout=3s --retries=10 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:4566/health').then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"]
CMD ["fauxqs"]
