// The HTTP server behind `npm start`: Next.js's request handler on a plain Node server, so that
// Baton knows each caller's real socket address (route handlers cannot see it, and a client can
// forge X-Forwarded-For). Plain JavaScript: it must not run with the react-server condition.
import http from "node:http";
import next from "next";

const port = Number(process.env.PORT ?? 3000);
const app = next({ dev: false, dir: process.cwd(), port });
const handle = app.getRequestHandler();
await app.prepare();

const server = http.createServer((request, response) => {
  request.headers["x-baton-client-address"] = request.socket.remoteAddress ?? "unknown";
  handle(request, response);
});
server.listen(port, () => console.log(`Baton: serving on port ${port}`));

// Background jobs (started by instrumentation.ts) finish the job in hand before the process exits.
const stopBackgroundJobs = () => globalThis.__batonStopBackgroundJobs?.().catch(() => undefined);

for (const signal of ["SIGINT", "SIGTERM"])
  process.on(signal, () => {
    setTimeout(() => process.exit(0), 10_000).unref();
    server.close(() => void stopBackgroundJobs().then(() => process.exit(0)));
    server.closeAllConnections();
  });
