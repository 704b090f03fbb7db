package dev.snel.internal.websocket;

import dev.snel.Request;
import dev.snel.RequestValidationException;
import dev.snel.Response;
import dev.snel.ValidationError;
import dev.snel.WebSocketDisconnect;
import dev.snel.WebSocketException;
import dev.snel.WebSocketSession;
import dev.snel.internal.json.Json;
import dev.snel.internal.schema.Decoding;
import dev.snel.internal.schema.Schemas;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;

/**
 * The session a WebSocket handler holds, over a transport. The state moves one way: CONNECTING,
 * then CONNECTED (accepted) or DISCONNECTED (refused), then DISCONNECTED.
 *
 * <p>Threading: receives come from the handler's thread; sends and closes may come from any thread
 * and are serialized by a lock, so that messages never interleave.
 */
final class Session implements WebSocketSession {
  private final Request request;
  private final WebSocketTransport transport;
  private final Schemas types;
  private final Object sendLock = new Object();
  private volatile State state = State.CONNECTING;
  private volatile boolean receivedClose;
  private volatile boolean accepted;

  /** What the server sent when it closed, for a send after it: null while open. */
  private volatile WebSocketTransport.@Nullable Close sentClose;

  Session(Request request, WebSocketTransport transport, Schemas types) {
    this.request = request;
    this.transport = transport;
    this.types = types;
  }

  @Override
  public void accept() {
    handshake(null);
  }

  @Override
  public void accept(String subprotocol) {
    handshake(subprotocol);
  }

  private void handshake(@Nullable String subprotocol) {
    synchronized (sendLock) {
      if (state != State.CONNECTING) {
        throw new IllegalStateException("the WebSocket handshake was answered already");
      }
      try {
        transport.accept(subprotocol);
      } catch (WebSocketTransport.Gone gone) {
        state = State.DISCONNECTED;
        receivedClose = true;
        throw new WebSocketDisconnect(gone.code, gone.reason);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        state = State.DISCONNECTED;
        throw new WebSocketDisconnect(CloseCodes.ABNORMAL, "interrupted");
      }
      accepted = true;
      state = State.CONNECTED;
    }
  }

  @Override
  public List<String> subprotocols() {
    List<String> offered = new ArrayList<>();
    for (String header : request.headers().all("sec-websocket-protocol")) {
      for (String protocol : header.split(",")) {
        if (!protocol.isBlank()) {
          offered.add(protocol.strip());
        }
      }
    }
    return List.copyOf(offered);
  }

  @Override
  public Request request() {
    return request;
  }

  @Override
  public String receiveText() {
    return switch (receive()) {
      case WebSocketTransport.Text text -> text.text();
      default ->
          throw new WebSocketException(CloseCodes.UNSUPPORTED_DATA, "expected a text message");
    };
  }

  @Override
  public byte[] receiveBytes() {
    return switch (receive()) {
      case WebSocketTransport.Binary binary -> binary.bytes();
      default ->
          throw new WebSocketException(CloseCodes.UNSUPPORTED_DATA, "expected a binary message");
    };
  }

  @Override
  public <T> T receiveJson(Class<T> type) {
    String text = receiveText();
    return type.cast(decode(text, type));
  }

  /** The text decoded and validated through the type's schema, as a body is. */
  private Object decode(String text, Class<?> type) {
    byte[] json = text.getBytes(StandardCharsets.UTF_8);
    Decoding decoding = new Decoding(json, List.of());
    Object value;
    try (JsonParser parser = Json.mapper().createParser(json)) {
      JsonToken first = parser.nextToken();
      value = first == null ? Decoding.INVALID : types.get(type).decode(parser, decoding);
      if (first == null || parser.nextToken() != null) {
        throw invalidJson();
      }
    } catch (JacksonException e) {
      throw invalidJson();
    }
    if (!decoding.errors().isEmpty() || Decoding.invalid(value) || value == null) {
      List<ValidationError> errors = decoding.errors();
      throw new RequestValidationException(
          errors.isEmpty()
              ? List.of(new ValidationError("missing", List.of(), "Field required", null))
              : errors);
    }
    return value;
  }

  private static RequestValidationException invalidJson() {
    return new RequestValidationException(
        List.of(
            new ValidationError(
                "json_invalid", List.of(), "JSON decode error", Map.of(), Map.of())));
  }

  /** The next message; a close becomes WebSocketDisconnect. */
  private WebSocketTransport.Message receive() {
    if (state == State.CONNECTING) {
      throw new IllegalStateException("the WebSocket is not accepted yet: call accept() first");
    }
    if (receivedClose) {
      throw new IllegalStateException("the client has closed this WebSocket already");
    }
    WebSocketTransport.Message message;
    try {
      message = transport.receive();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new WebSocketDisconnect(CloseCodes.ABNORMAL, "interrupted");
    }
    if (message instanceof WebSocketTransport.Close close) {
      receivedClose = true;
      state = State.DISCONNECTED;
      throw new WebSocketDisconnect(close.code(), close.reason());
    }
    return message;
  }

  @Override
  public void sendText(String text) {
    send(new WebSocketTransport.Text(text));
  }

  @Override
  public void sendBytes(byte[] bytes) {
    send(new WebSocketTransport.Binary(bytes.clone()));
  }

  @Override
  public void sendJson(Object value) {
    send(new WebSocketTransport.Text(new String(Json.encode(value), StandardCharsets.UTF_8)));
  }

  private void send(WebSocketTransport.Message message) {
    synchronized (sendLock) {
      if (state == State.CONNECTING) {
        throw new IllegalStateException("the WebSocket is not accepted yet: call accept() first");
      }
      WebSocketTransport.Close closed = sentClose;
      if (closed != null) {
        throw new IllegalStateException("this WebSocket was closed (" + closed.code() + ")");
      }
      try {
        transport.send(message);
      } catch (WebSocketTransport.Gone gone) {
        state = State.DISCONNECTED;
        throw new WebSocketDisconnect(gone.code, gone.reason);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new WebSocketDisconnect(CloseCodes.ABNORMAL, "interrupted");
      }
    }
  }

  @Override
  public void close() {
    close(CloseCodes.NORMAL, "");
  }

  @Override
  public void close(int code, String reason) {
    CloseCodes.checkSendable(code);
    CloseCodes.checkReason(reason);
    synchronized (sendLock) {
      switch (state) {
        case CONNECTING -> refuse(forbidden());
        case CONNECTED -> {
          if (sentClose == null) {
            sentClose = new WebSocketTransport.Close(code, reason);
            state = State.DISCONNECTED;
            transport.close(code, reason);
          }
        }
        case DISCONNECTED -> {
          if (sentClose == null && !receivedClose) {
            sentClose = new WebSocketTransport.Close(code, reason);
            transport.close(code, reason);
          }
        }
      }
    }
  }

  /** Refuses the handshake with this response, once. */
  void refuse(Response response) {
    synchronized (sendLock) {
      if (state == State.CONNECTING) {
        state = State.DISCONNECTED;
        sentClose = new WebSocketTransport.Close(CloseCodes.POLICY_VIOLATION, "");
        transport.refuse(response);
      }
    }
  }

  /** Whether the handshake was accepted at some point. */
  boolean wasAccepted() {
    return accepted;
  }

  /** Whether the server has not closed the accepted connection yet. */
  boolean open() {
    return accepted && sentClose == null;
  }

  /** What uvicorn answers a close before accept: 403, and no body. */
  static Response forbidden() {
    return Response.empty(403);
  }

  @Override
  public State state() {
    return state;
  }
}
