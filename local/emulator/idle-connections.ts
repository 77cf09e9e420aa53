// Who closes an idle keep-alive connection, for the servers of the local stack (emulator, functions host).
//
// node-sdk's agent (agentkeepalive) reuses an idle connection for up to 4.8 s, fetch (undici) for up to 4 s, or
// 1 s less than the server's Keep-Alive hint; Node's server closes one after 5 s of its own clock. A request sent
// just before that, on a machine busy enough to delay the server's reading it past its timer, meets the close:
// ECONNRESET, which neither client retries for a POST, so a function answers INTERNAL for a call that never
// reached it. With the server's timer off (and so no Keep-Alive hint), the client is always the one to close an
// idle connection, and no request can be sent into a closing one. Loopback only: idle sockets cost nothing here.
import type http from 'node:http';

export function letClientsCloseIdleConnections(server: http.Server): http.Server {
  server.keepAliveTimeout = 0;
  return server;
}
