package dev.snel.netty.internal;

import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.DecoderResult;
import io.netty.handler.codec.http.HttpContent;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.TooLongHttpLineException;
import io.netty.util.ReferenceCountUtil;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Checks each request head before its body is read (RFC 9112): the HTTP version, the request
 * target, {@code Host}, {@code Expect} and a declared {@code Content-Length} over the body limit
 * (the upload limit for a multipart body). A refused request reaches {@link HttpHandler} as a
 * {@link Refusal}; from then on nothing the client sends is read as a request, so a refused
 * request's body can never be smuggled in as the next one.
 *
 * <p>An absolute-form target ({@code GET http://host/items/5}) is routed by its path, and its
 * authority replaces {@code Host}, as RFC 9112 §3.2.2 asks of an origin server.
 *
 * <p>A connection's first multipart request adds {@link UploadStreams} to its pipeline, its first
 * request with an {@code Upgrade} header {@link WebSocketUpgrade}.
 *
 * <p>Sits between the HTTP codec and the body aggregator; runs on the channel's event loop.
 */
final class RequestGuard extends ChannelInboundHandlerAdapter {
  private final long maxBodySize;
  private final long maxUploadSize;
  private final ChannelSetup setup;
  private boolean refused;
  private boolean streamsUploads;
  private boolean acceptsWebSockets;

  RequestGuard(long maxBodySize, long maxUploadSize, ChannelSetup setup) {
    this.maxBodySize = maxBodySize;
    this.maxUploadSize = maxUploadSize;
    this.setup = setup;
  }

  @Override
  public void channelRead(ChannelHandlerContext ctx, Object msg) {
    if (refused) {
      ReferenceCountUtil.release(msg);
      return;
    }
    if (msg instanceof HttpContent content
        && !(msg instanceof HttpRequest)
        && content.decoderResult().isFailure()) {
      // A bad chunk, not a bad request line, whatever Netty's exception says.
      String detail =
          content.decoderResult().cause() instanceof TooLongHttpLineException
              ? "Invalid chunked body: chunk header is too long"
              : "Invalid chunked body";
      content.setDecoderResult(DecoderResult.failure(invalid(detail)));
    }
    if (msg instanceof HttpRequest request && request.decoderResult().isSuccess()) {
      boolean streams = UploadStreams.streams(request);
      Refusal refusal = check(request, streams);
      if (refusal != null) {
        refused = true;
        ctx.channel().config().setAutoRead(false);
        ReferenceCountUtil.release(msg);
        ctx.fireChannelRead(refusal.asRequest());
        return;
      }
      addHandlersFor(ctx, request, streams);
    }
    ctx.fireChannelRead(msg);
  }

  /**
   * Adds the upload streamer and the WebSocket handshake to the connection's pipeline when its
   * first request that needs them comes: a plain request's way then passes neither (two handler
   * hops and their header checks, measured at about 5 % of the adapter's time per request).
   */
  private void addHandlersFor(ChannelHandlerContext ctx, HttpRequest request, boolean streams) {
    if (streams && !streamsUploads) {
      streamsUploads = true;
      setup.streamUploads(ctx.pipeline());
    }
    if (!acceptsWebSockets && request.headers().contains(HttpHeaderNames.UPGRADE)) {
      acceptsWebSockets = true;
      setup.acceptWebSockets(ctx.pipeline());
    }
  }

  private @Nullable Refusal check(HttpRequest request, boolean streams) {
    HttpVersion version = request.protocolVersion();
    boolean http11 = version.equals(HttpVersion.HTTP_1_1);
    if (!http11 && !version.equals(HttpVersion.HTTP_1_0)) {
      return new Refusal(
          HttpResponseStatus.HTTP_VERSION_NOT_SUPPORTED, "HTTP Version Not Supported");
    }
    HttpHeaders headers = request.headers();
    String uri = request.uri();
    if (!isVisibleAscii(uri)) {
      return invalid("Invalid request target");
    }
    if (uri.charAt(0) != '/' && !(uri.equals("*") && request.method().name().equals("OPTIONS"))) {
      URI absolute = absoluteForm(uri);
      if (absolute == null) {
        return invalid("Invalid request target");
      }
      String path = absolute.getRawPath().isEmpty() ? "/" : absolute.getRawPath();
      request.setUri(absolute.getRawQuery() == null ? path : path + "?" + absolute.getRawQuery());
      headers.set(HttpHeaderNames.HOST, absolute.getRawAuthority());
    }
    List<String> hosts = headers.getAll(HttpHeaderNames.HOST);
    if (hosts.size() > 1) {
      return invalid("Multiple Host headers");
    }
    if (hosts.isEmpty() && http11) {
      return invalid("Missing Host header");
    }
    if (!hosts.isEmpty() && !isValidHost(hosts.get(0))) {
      return invalid("Invalid Host header");
    }
    if (headers.contains(HttpHeaderNames.EXPECT)) { // rare: no list for every request
      List<String> expect = headers.getAll(HttpHeaderNames.EXPECT);
      if (!http11) {
        headers.remove(HttpHeaderNames.EXPECT); // RFC 9110 §10.1.1: ignored in HTTP/1.0
      } else if (expect.size() > 1
          || !HttpHeaderValues.CONTINUE.contentEqualsIgnoreCase(expect.get(0).strip())) {
        return new Refusal(HttpResponseStatus.EXPECTATION_FAILED, "Expectation Failed");
      }
    }
    // an upload streams (UploadStreams) under its own limit; other bodies are held in memory
    long limit = streams ? maxUploadSize : maxBodySize;
    if (HttpUtil.getContentLength(request, -1L) > limit) {
      return new Refusal(
          HttpResponseStatus.REQUEST_ENTITY_TOO_LARGE,
          "Request body is larger than " + limit + " bytes");
    }
    return null;
  }

  private static Refusal invalid(String detail) {
    return new Refusal(HttpResponseStatus.BAD_REQUEST, detail);
  }

  /** Bytes 0x21-0x7E only: uvicorn refuses raw non-ASCII bytes in the target too. */
  private static boolean isVisibleAscii(String text) {
    if (text.isEmpty()) {
      return false;
    }
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c <= 0x20 || c >= 0x7F) {
        return false;
      }
    }
    return true;
  }

  /**
   * An {@code http://} or {@code https://} target with a host and no user info, or null: the
   * absolute form a client sends to a proxy (RFC 9112 §3.2.2).
   */
  private static @Nullable URI absoluteForm(String target) {
    try {
      URI uri = new URI(target);
      String scheme = uri.getScheme();
      boolean http = "http".equalsIgnoreCase(scheme) || "https".equalsIgnoreCase(scheme);
      return http && uri.getRawAuthority() != null && uri.getRawUserInfo() == null ? uri : null;
    } catch (URISyntaxException e) {
      return null;
    }
  }

  /**
   * RFC 9110 §7.2: {@code uri-host [":" port]}; a reg-name of unreserved, percent-encoded and
   * sub-delim characters, or a bracketed IP literal. Empty is allowed (RFC 9112 §3.2).
   */
  static boolean isValidHost(String host) {
    if (host.startsWith("[")) {
      int close = host.indexOf(']');
      if (close < 0) {
        return false;
      }
      for (int i = 1; i < close; i++) {
        char c = host.charAt(i);
        if (!(isHexDigit(c) || c == ':' || c == '.')) {
          return false;
        }
      }
      return close == host.length() - 1
          || (host.charAt(close + 1) == ':' && isPort(host, close + 2));
    }
    int colon = host.lastIndexOf(':');
    int nameEnd = colon >= 0 ? colon : host.length();
    if (colon >= 0 && !isPort(host, colon + 1)) {
      return false;
    }
    for (int i = 0; i < nameEnd; i++) {
      char c = host.charAt(i);
      if (c >= 128 || !REG_NAME[c]) {
        return false;
      }
    }
    return true;
  }

  /** The characters of a host name (RFC 3986 reg-name: unreserved, pct-encoded, sub-delims). */
  private static final boolean[] REG_NAME = new boolean[128];

  static {
    for (char c = 0; c < 128; c++) {
      REG_NAME[c] =
          (c >= 'a' && c <= 'z')
              || (c >= 'A' && c <= 'Z')
              || (c >= '0' && c <= '9')
              || "-._~%!$&'()*+,;=".indexOf(c) >= 0;
    }
  }

  /** Whether the host's characters from {@code from} to its end are a port: 0 to 5 digits. */
  private static boolean isPort(String host, int from) {
    int length = host.length() - from;
    if (length > 5) {
      return false;
    }
    for (int i = from; i < host.length(); i++) {
      if (host.charAt(i) < '0' || host.charAt(i) > '9') {
        return false;
      }
    }
    return true; // "host:" is allowed by the grammar (port = *DIGIT)
  }

  private static boolean isHexDigit(char c) {
    return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
  }
}
