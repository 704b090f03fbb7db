package dev.snel.netty.internal;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpVersion;
import java.nio.charset.StandardCharsets;

/**
 * The answers the server itself gives before a request reaches the app (limits, timeouts, malformed
 * requests) and the server's last resort when a response cannot be written: {@code {"detail":
 * "..."}} like the app's errors.
 */
final class ErrorResponses {
  private ErrorResponses() {}

  static FullHttpResponse json(HttpResponseStatus status, String detail, boolean close) {
    byte[] body = ("{\"detail\":\"" + detail + "\"}").getBytes(StandardCharsets.UTF_8);
    FullHttpResponse response =
        new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, status, Unpooled.wrappedBuffer(body));
    response
        .headers()
        .set(HttpHeaderNames.CONTENT_TYPE, HttpHeaderValues.APPLICATION_JSON)
        .setInt(HttpHeaderNames.CONTENT_LENGTH, body.length)
        .set(HttpHeaderNames.DATE, DateHeader.now());
    if (close) {
      response.headers().set(HttpHeaderNames.CONNECTION, HttpHeaderValues.CLOSE);
    }
    return response;
  }

  /** The same response as raw bytes, for writing below the HTTP codec. */
  static ByteBuf raw(HttpResponseStatus status, String detail) {
    String body = "{\"detail\":\"" + detail + "\"}";
    String head =
        "HTTP/1.1 "
            + status
            + "\r\n"
            + "content-type: application/json\r\n"
            + "content-length: "
            + body.length()
            + "\r\n"
            + "date: "
            + DateHeader.now()
            + "\r\n"
            + "connection: close\r\n\r\n";
    return Unpooled.copiedBuffer(head + body, StandardCharsets.US_ASCII);
  }
}
