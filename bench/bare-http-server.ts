import http from 'node:http';

/**
 * The latency benchmark's floor: a node:http server that answers every request at once, run as
 * its own process as the service is, so that the same open-loop client against it shows what the
 * client, loopback HTTP and the machine add to any latency (`node bench/bare-http-server.ts PORT`).
 */
const port = Number(process.argv[2]);
http
  .createServer((request, response) => {
    request.resume();
    request.on('end', () => response.end('{}'));
  })
  .listen(port, '127.0.0.1');
process.once('SIGTERM', () => process.exit(0));
