/**
 * A loopback SMTP server (smtp-server) for the mail benchmark, run as a child process so that
 * receiving mail does not share an event loop with the worker being measured. It accepts every
 * message, counts them and their distinct envelope recipients (a mail sent twice shows as
 * count > distinct), and answers `{ count, distinct, lastAt, connections, cpuMicros }` to any IPC message. It
 * reads each message's bytes and nothing more: no parsing, no buffering, no reverse DNS per connection.
 */
import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';

let count = 0;
let connections = 0;
let lastAt = 0;
const recipients = new Set<string>();
const server = new SMTPServer({
  authOptional: true,
  disabledCommands: ['STARTTLS'],
  logger: false,
  disableReverseLookup: true,
  onConnect(_session, cb) {
    connections++;
    cb();
  },
  onData(stream, session, cb) {
    stream.on('data', () => undefined);
    stream.on('end', () => {
      count++;
      lastAt = Date.now();
      recipients.add((session.envelope.rcptTo[0]?.address ?? '').toLowerCase());
      cb();
    });
  },
});
server.on('error', () => undefined);
server.listen(0, '127.0.0.1', () => {
  process.send?.({ port: (server.server.address() as AddressInfo).port });
});
process.on('message', () => {
  const cpu = process.cpuUsage();
  process.send?.({ count, distinct: recipients.size, lastAt, connections, cpuMicros: cpu.user + cpu.system });
});
process.on('disconnect', () => server.close(() => process.exit(0)));
