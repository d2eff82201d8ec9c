// A scripted operator speaking the plain NL chat protocol: one JSON object per line over TCP.
import { connect } from "node:net";
import { waitUntil } from "./wait.mjs";

export class NlOperator {
  /** @param {{uuid: string, log?: (line: string) => void}} options */
  constructor({ uuid, log = () => {} }) {
    this.uuid = uuid;
    this.log = log;
    this.packets = []; // every packet received, in order
    this.consumed = new Set(); // indexes already returned by expect()
    this.buffer = "";
    this.socket = null;
    this.closed = false;
  }

  /** Opens the TCP connection to the operator endpoint. */
  connect(port, host = "127.0.0.1") {
    return new Promise((resolve, reject) => {
      const socket = connect({ port, host }, () => resolve());
      socket.setEncoding("utf8");
      socket.on("data", (chunk) => this.receive(chunk));
      socket.on("error", (error) => reject(error));
      socket.on("close", () => (this.closed = true));
      this.socket = socket;
    });
  }

  send(packet) {
    this.log(`operator → ${JSON.stringify(packet)}`);
    this.socket.write(`${JSON.stringify(packet)}\n`);
  }

  receive(chunk) {
    this.buffer += chunk;
    let newline;
    while ((newline = this.buffer.indexOf("\n")) >= 0) {
      const line = this.buffer.slice(0, newline).trim();
      this.buffer = this.buffer.slice(newline + 1);
      if (line === "") continue;
      let packet;
      try {
        packet = JSON.parse(line);
      } catch {
        this.log(`operator ← (not JSON) ${line}`);
        continue;
      }
      this.log(`operator ← ${line}`);
      this.packets.push(packet);
      // Silent operators are probed and dropped (spec 2.4); a scripted one must answer too.
      if (packet.type === "probe") this.send({ type: "probeACK", UUID: this.uuid });
    }
  }

  /**
   * Waits for the first packet not returned before that satisfies `match`, and returns it.
   * The timeout error lists what did arrive, which usually explains the failure.
   */
  async expect(what, match, timeoutMs = 10000) {
    try {
      return await waitUntil(
        () => {
          const index = this.packets.findIndex((packet, i) => !this.consumed.has(i) && match(packet));
          if (index < 0) {
            if (this.closed) throw new Error("the server closed the operator connection");
            return null;
          }
          this.consumed.add(index);
          return this.packets[index];
        },
        { what: `operator to receive ${what}`, timeoutMs, intervalMs: 20 },
      );
    } catch (error) {
      const recent = this.packets.slice(-10).map((packet) => `  ${JSON.stringify(packet)}`);
      error.message += `\nlast packets the operator received:\n${recent.join("\n") || "  (none)"}`;
      throw error;
    }
  }

  /** Plain-mode handshake and login; resolves with the login answer. */
  async login(username, password) {
    await this.expect("server_online", (p) => p.type === "server_online");
    this.send({ type: "key", UUID: this.uuid, key: "" });
    await this.expect("status", (p) => p.type === "status");
    this.send({ type: "login", username, password });
    const answer = await this.expect("login answer", (p) => p.type === "login");
    if (answer.result !== 1) throw new Error(`login as ${username} refused: ${JSON.stringify(answer)}`);
    return answer;
  }

  close() {
    this.socket?.destroy();
  }
}
