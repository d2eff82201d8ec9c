/**
 * A small in-process stand-in for ringdesk-server's visitor endpoint (docs/visitor-api.md), so the
 * widget's tests do not need the C++ server. It keeps one conversation per token, numbers messages,
 * replays them after `hello` with `since`, and lets the test play the operator.
 */
import { WebSocketServer, type WebSocket } from "ws";
import type { ConversationState } from "../protocol";

interface StoredMessage {
  seq: number;
  from: "visitor" | "operator";
  text: string;
  ts: number;
  operator?: string;
}

interface Visitor {
  token: string;
  id: string;
  conversation: number;
  state: ConversationState;
  operator?: string;
  messages: StoredMessage[];
}

type Frame = Record<string, unknown>;

export class FakeVisitorServer {
  /** Every frame received from any widget, in order. */
  readonly received: Frame[] = [];
  /** Every hello received, for resume checks. */
  readonly hellos: Frame[] = [];
  /** When true, the first message of a conversation gets `no_operator` instead of `ringing`. */
  noOperator = false;
  /**
   * Order of the two frames that open a conversation. ringdesk-server echoes the first message
   * before it announces `ringing`; the document's example shows the opposite. The widget must
   * handle both.
   */
  stateBeforeEcho = false;
  /** When true, the next visitor `msg` is lost: the connection drops before the server stores it. */
  loseNextMessage = false;
  private readonly wss: WebSocketServer;
  private readonly visitors = new Map<string, Visitor>();
  private readonly sockets = new Map<WebSocket, Visitor | null>();
  private nextConversation = 7;
  private nextToken = 1;

  private constructor(wss: WebSocketServer) {
    this.wss = wss;
    wss.on("connection", (socket) => {
      this.sockets.set(socket, null);
      socket.on("message", (data) => this.receive(socket, String(data)));
      socket.on("close", () => this.sockets.delete(socket));
    });
  }

  static start(): Promise<FakeVisitorServer> {
    return new Promise((resolve) => {
      const wss = new WebSocketServer({ host: "127.0.0.1", port: 0, path: "/visitor/ws" });
      wss.on("listening", () => resolve(new FakeVisitorServer(wss)));
    });
  }

  get url(): string {
    const address = this.wss.address();
    if (address === null || typeof address === "string") throw new Error("server is not listening on TCP");
    return `ws://127.0.0.1:${address.port}/visitor/ws`;
  }

  get connectionCount(): number {
    return this.sockets.size;
  }

  /** The single visitor of the test (the one who connected last). */
  get visitor(): Visitor {
    const all = [...this.visitors.values()];
    if (all.length === 0) throw new Error("no visitor has connected");
    return all[all.length - 1];
  }

  operatorJoins(name: string): void {
    const v = this.visitor;
    v.operator = name;
    this.setState(v, "connected");
  }

  operatorTyping(state: "composing" | "paused"): void {
    this.broadcast(this.visitor, { type: "chat_state", state });
  }

  operatorSays(text: string): void {
    const v = this.visitor;
    this.store(v, { from: "operator", text, operator: v.operator });
  }

  setState(v: Visitor, state: ConversationState): void {
    v.state = state;
    const frame: Frame = { type: "state", state, conversation: v.conversation };
    if (state === "connected" || state === "waiting") frame.operator = v.operator;
    this.broadcast(v, frame);
  }

  /** Cuts every connection, as a server restart or a network drop would. */
  dropAll(): void {
    for (const socket of this.sockets.keys()) socket.terminate();
  }

  close(): Promise<void> {
    this.dropAll();
    return new Promise((resolve) => this.wss.close(() => resolve()));
  }

  private receive(socket: WebSocket, data: string): void {
    const frame = JSON.parse(data) as Frame;
    this.received.push(frame);
    const visitor = this.sockets.get(socket) ?? null;
    if (frame.type === "hello") {
      this.hello(socket, frame);
      return;
    }
    if (!visitor) {
      socket.send(JSON.stringify({ type: "error", code: "hello_first", message: "say hello first" }));
      return;
    }
    if (frame.type === "msg" && this.loseNextMessage) {
      this.loseNextMessage = false;
      socket.terminate();
      return;
    }
    switch (frame.type) {
      case "msg":
        if (visitor.state === "ringing" || visitor.state === "connected" || visitor.state === "waiting") {
          this.store(visitor, { from: "visitor", text: String(frame.text) });
        } else {
          visitor.conversation = this.nextConversation++;
          visitor.messages = [];
          visitor.operator = undefined;
          const opening = this.noOperator ? "no_operator" : "ringing";
          if (this.stateBeforeEcho) this.setState(visitor, opening);
          this.store(visitor, { from: "visitor", text: String(frame.text) });
          if (!this.stateBeforeEcho) this.setState(visitor, opening);
        }
        break;
      case "close":
        this.setState(visitor, "ended");
        break;
      case "leave_message":
        socket.send(JSON.stringify({ type: "left_message", ok: true }));
        break;
      case "chat_state":
        break;
      default:
        socket.send(JSON.stringify({ type: "error", code: "unknown_type", message: "unknown type" }));
    }
  }

  private hello(socket: WebSocket, frame: Frame): void {
    this.hellos.push(frame);
    let visitor = typeof frame.token === "string" ? this.visitors.get(frame.token) : undefined;
    if (!visitor) {
      const token = `token-${this.nextToken++}`;
      visitor = { token, id: `v-${token}`, conversation: 0, state: "idle", messages: [] };
      this.visitors.set(token, visitor);
    }
    this.sockets.set(socket, visitor);
    const welcome: Frame = {
      type: "welcome",
      token: visitor.token,
      visitor: visitor.id,
      conversation: visitor.conversation,
      state: visitor.state,
    };
    if (visitor.operator) welcome.operator = visitor.operator;
    socket.send(JSON.stringify(welcome));
    const since = typeof frame.since === "number" ? frame.since : 0;
    for (const message of visitor.messages) {
      if (message.seq > since) socket.send(JSON.stringify({ type: "msg", ...message }));
    }
  }

  private store(v: Visitor, message: Omit<StoredMessage, "seq" | "ts">): void {
    const stored: StoredMessage = { ...message, seq: v.messages.length + 1, ts: Date.now() };
    v.messages.push(stored);
    this.broadcast(v, { type: "msg", ...stored });
  }

  private broadcast(v: Visitor, frame: Frame): void {
    for (const [socket, owner] of this.sockets) if (owner === v) socket.send(JSON.stringify(frame));
  }
}
