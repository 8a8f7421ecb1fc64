/** Error codes of the Socket.IO transport (unknown events, slow consumers). */
export const RealtimeErrorCodes = [
  'REALTIME_EVENT_UNKNOWN',
  'REALTIME_SLOW_CONSUMER',
  'REALTIME_TOO_MANY_SOCKETS',
] as const;
