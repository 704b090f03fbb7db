package dev.snel;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a method as the handler of WebSocket connections to a path template: FastAPI's {@code
 * @app.websocket("/ws")}. The method takes a {@link WebSocketSession} and, like any route, path,
 * query, header and cookie parameters and {@link Depends} dependencies, resolved from the handshake
 * request before the handler runs. It is plain blocking code on its own virtual thread, for as long
 * as the connection lasts.
 *
 * <pre>{@code
 * @WebSocket("/ws/{room}")
 * public void chat(WebSocketSession session, String room, @Depends(CurrentUser.class) User user) {
 *   session.accept();
 *   try {
 *     while (true) {
 *       session.sendText(user.name() + " in " + room + ": " + session.receiveText());
 *     }
 *   } catch (WebSocketDisconnect gone) {
 *     // the client closed; the request scope's cleanups run when this method returns
 *   }
 * }
 * }</pre>
 *
 * <p>Before {@link WebSocketSession#accept()}, a failure refuses the handshake: an {@link
 * HttpException} is answered as HTTP by the exception handlers (Starlette's denial response), a
 * validation error, a {@link WebSocketException} or a {@link WebSocketSession#close()} with 403 (what
 * uvicorn answers to a close before accept). WebSocket routes are not in the OpenAPI document and
 * middleware does not run for them.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface WebSocket {
  /** The path template, e.g. {@code "/ws/{room}"}. */
  String value();
}
