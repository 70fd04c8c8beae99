// The runtime's ceiling: a bare Node `http` server answering every request with the same JSON bytes
// the API returns. Run as its own process (like `next start`) so it does not share the load
// generator's event loop. Usage: node --conditions=react-server --import tsx scripts/bench/raw-server.ts <port> <payload-file>
import { readFileSync } from "node:fs";
import { createServer } from "node:http";

const [port, file] = process.argv.slice(2);
if (!port || !file) {
  console.error("usage: raw-server.ts <port> <payload-file>");
  process.exit(2);
}
const body = readFileSync(file);
const headers = { "content-type": "application/json", "content-length": String(body.length) };

createServer((_req, res) => {
  res.writeHead(200, headers);
  res.end(body);
}).listen(Number(port), "127.0.0.1", () => console.log(`raw http listening on ${port}`));
