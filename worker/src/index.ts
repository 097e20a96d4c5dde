export * from './config.ts';
export * from './queues.ts';
export * from './worker.ts';
export * from './mail/transport.ts';
