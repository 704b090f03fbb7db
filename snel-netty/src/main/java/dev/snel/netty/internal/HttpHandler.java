package dev.snel.netty.internal;

import dev.snel.BodyWriter;
import dev.snel.Headers;
import dev.snel.Request;
import dev.snel.Response;
import dev.snel.Snel;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelOutboundBuffer;
import io.netty.handler.codec.DecoderResult;
import io.netty.handler.codec.TooLongFrameException;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.DefaultHttpHeadersFactory;
import io.netty.handler.codec.http.DefaultHttpResponse;
import io.netty.handler.codec.http.EmptyHttpHeaders;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.HttpHeadersFactory;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.ReadOnlyHttpHeaders;
import io.netty.handler.codec.http.TooLongHttpHeaderException;
import io.netty.handler.codec.http.TooLongHttpLineException;
import io.netty.handler.timeout.IdleState;
import io.netty.handler.timeout.IdleStateEvent;
import io.netty.util.ReferenceCountUtil;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.net.InetSocketAddress;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Iterator;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One connection's requests: turns each aggregated Netty request (or streamed upload, see {@link
 * UploadStreams}) into a Snel {@link Request}, hands it to the app, and writes the responses back
 * in request order (HTTP/1.1 pipelining: requests may finish out of order on their virtual threads,
 * responses may not).
 *
 * <p>What one connection can cost is bounded: at most {@link #MAX_IN_FLIGHT} requests run at once,
 * at most {@code maxPipelined} are read ahead of their answers, and responses are only written
 * while the channel's outbound buffer is under its high water mark. While any of these is at its
 * bound, the connection is not read, so a client that pipelines without reading its answers fills
 * its own TCP window, not the server's memory.
 *
 * <p>Threading: every method runs on the channel's event loop; the app's response callback, called
 * from any thread, hops back to it.
 */
final class HttpHandler extends ChannelInboundHandlerAdapter {
  private static final Logger LOG = LoggerFactory.getLogger(HttpHandler.class);

  /**
   * Response headers without Netty's checks: every name and value comes from Snel's {@link
   * Headers}, which refuses what could end a header line or is no token, when it is added.
   */
  private static final HttpHeadersFactory CHECKED_HEADERS =
      DefaultHttpHeadersFactory.headersFactory().withValidation(false);

  /** The app has the request, and {@link #start} has not returned yet. */
  private static final int STARTING = 0;

  /** The app answered before {@link #start} returned, which writes the answer. */
  private static final int ANSWERED_STARTING = 1;

  /** {@link #start} has returned: an answer comes back to the event loop on its own. */
  private static final int STARTED = 2;

  private static final VarHandle HANDOFF;

  static {
    try {
      HANDOFF = MethodHandles.lookup().findVarHandle(Slot.class, "handoff", int.class);
    } catch (ReflectiveOperationException e) {
      throw new ExceptionInInitializerError(e);
    }
  }

  /** Requests of one connection running in the app at once. */
  static final int MAX_IN_FLIGHT = 32;

  private final Snel app;
  private final Connections connections;
  private final RequestDeadline deadline;
  private final IdleTimeout idleTimeout;
  private final ReadGate gate;
  private final int maxPipelined;

  /** Where handlers run: virtual threads on this connection's event loop; null for the app's. */
  private final @Nullable Executor handlerThreads;

  /**
   * Room for the usual one request at a time: a deque's default 16 places would cost every idle
   * keep-alive connection 112 bytes more (bench/connections.sh); pipelining clients grow them.
   */
  private static final int QUEUE_CAPACITY = 2;

  /** Read, not yet handed to the app; they wait for a free place among those in flight. */
  private final ArrayDeque<FullHttpRequest> waiting = new ArrayDeque<>(QUEUE_CAPACITY);

  /** Handed to the app, in order of arrival; answered from the head. */
  private final ArrayDeque<Slot> pending = new ArrayDeque<>(QUEUE_CAPACITY);

  /** Nothing more is read as a request: a close was asked for, or the stream is untrusted. */
  private boolean closing;

  private boolean dispatching;

  /** Whether a read is being passed on: its end (in {@link IdleTimeout}) notes the time. */
  private boolean reading;

  /** The streamed body being written, if any: the responses after it wait for its end. */
  private @Nullable ResponseStream streaming;

  /**
   * A streamed body broke off (its writer failed, or it was close-delimited): the connection is
   * closing, and the responses after it are dropped, never written after an incomplete body.
   */
  private boolean broken;

  /**
   * Requests whose answers were written without a listener (nothing runs after them): they are
   * finished together, once the flush after them has been taken by the socket.
   */
  private int writtenUnconfirmed;

  /** A request in order of arrival, and its response once the app made it. */
  private static final class Slot {
    boolean keepAlive;
    final boolean head;
    final boolean http10;

    /**
     * For the log lines of a streamed body, taken when its answer is one (an id costs a header
     * lookup or a random number, not worth paying for every request); the request itself (its body)
     * is not kept.
     */
    String requestId = "-";

    @Nullable Response response;

    /** The body still streaming to the app (an upload); null for an aggregated one. */
    @Nullable UploadBody upload;

    /** {@link #STARTING}, {@link #ANSWERED_STARTING} or {@link #STARTED}: see {@link #start}. */
    volatile int handoff;

    /** The answer given while {@link #STARTING}, published by the change of {@link #handoff}. */
    @Nullable Response early;

    Slot(boolean keepAlive, boolean head, boolean http10) {
      this.keepAlive = keepAlive;
      this.head = head;
      this.http10 = http10;
    }
  }

  HttpHandler(
      Snel app,
      Connections connections,
      RequestDeadline deadline,
      IdleTimeout idleTimeout,
      ReadGate gate,
      int maxPipelined,
      @Nullable Executor handlerThreads) {
    this.app = app;
    this.connections = connections;
    this.deadline = deadline;
    this.idleTimeout = idleTimeout;
    this.gate = gate;
    this.maxPipelined = maxPipelined;
    this.handlerThreads = handlerThreads;
  }

  boolean idle() {
    return pending.isEmpty() && waiting.isEmpty() && streaming == null;
  }

  @Override
  public void channelActive(ChannelHandlerContext ctx) {
    connections.opened(ctx.channel());
    ctx.fireChannelActive();
  }

  @Override
  public void channelRead(ChannelHandlerContext ctx, Object msg) {
    reading = true;
    if (!(msg instanceof FullHttpRequest request)) {
      ReferenceCountUtil.release(msg);
      return;
    }
    deadline.requestComplete();
    if (closing) {
      UploadStreams.drop(request);
      request.release(); // after a close, later pipelined requests are neither run nor answered
      return;
    }
    if (waiting.size() + pending.size() >= maxPipelined) {
      // Neither this one nor any after it is run: the last accepted one's answer closes.
      UploadStreams.drop(request);
      request.release();
      closing = true;
      if (waiting.isEmpty()) {
        pending.peekLast().keepAlive = false;
      }
      updateReading(ctx);
      return;
    }
    if (request.decoderResult().isFailure() || !HttpUtil.isKeepAlive(request)) {
      closing = true;
    }
    waiting.add(request);
    dispatch(ctx);
  }

  /** Hands waiting requests to the app while there is room among those in flight. */
  private void dispatch(ChannelHandlerContext ctx) {
    if (dispatching) {
      return; // a response completed on the event loop while starting a request
    }
    dispatching = true;
    try {
      // Requests read behind a streamed answer start when it ends: an endless event stream must
      // not keep the scopes (database sessions) of the requests pipelined behind it open.
      while (!waiting.isEmpty()
          && pending.size() < MAX_IN_FLIGHT
          && streaming == null
          && !uploadWaits()) {
        FullHttpRequest request = waiting.poll();
        try {
          start(ctx, request, closing && waiting.isEmpty());
        } finally {
          request.release();
        }
      }
    } finally {
      dispatching = false;
    }
    updateReading(ctx);
  }

  /**
   * Whether the next request is an upload while an earlier one is still unanswered: one upload runs
   * at a time per connection, since each may hold {@code maxUploadSize} in temporary files and its
   * fields in memory. It waits unread meanwhile (the connection is not read while a request waits).
   */
  private boolean uploadWaits() {
    if (!(waiting.peek() instanceof UploadStreams.StreamedRequest)) {
      return false;
    }
    for (Slot slot : pending) {
      if (slot.upload != null) {
        return true;
      }
    }
    return false;
  }

  private void start(ChannelHandlerContext ctx, FullHttpRequest nettyRequest, boolean closeAfter) {
    DecoderResult result = nettyRequest.decoderResult();
    if (result.isFailure()) {
      reject(ctx, result.cause());
      return;
    }
    Request request;
    try {
      request = toRequest(ctx, nettyRequest);
    } catch (IllegalArgumentException e) { // a header Snel's Headers refuse
      UploadStreams.drop(nettyRequest);
      reject(ctx, new Refusal(HttpResponseStatus.BAD_REQUEST, "Invalid HTTP request"));
      return;
    }
    boolean keepAlive = !closeAfter && HttpUtil.isKeepAlive(nettyRequest);
    boolean http10 = nettyRequest.protocolVersion().equals(HttpVersion.HTTP_1_0);
    Slot slot = new Slot(keepAlive, nettyRequest.method().name().equals("HEAD"), http10);
    if (nettyRequest instanceof UploadStreams.StreamedRequest streamed) {
      slot.upload = streamed.body;
    }
    pending.add(slot);
    connections.requestStarted();
    Consumer<Response> answer =
        response -> {
          if (response.bodyWriter() != null) {
            slot.requestId = request.id(); // the hop to the event loop publishes it
          }
          slot.early = response;
          if (HANDOFF.compareAndSet(slot, STARTING, ANSWERED_STARTING)) {
            return; // start writes it
          }
          if (ctx.executor().inEventLoop()) {
            complete(ctx, slot, response);
          } else {
            try {
              ctx.executor().execute(() -> complete(ctx, slot, response));
            } catch (RejectedExecutionException e) {
              // the server stopped before this answer: it is never written, but what waits for
              // its writing (a session kept open for background tasks) must still end
              response.written();
            }
          }
        };
    // An upload spools its files while its parameters are read: file I/O, which would hold the
    // event loop; it runs on the JDK's scheduler, which adds a carrier while one blocks in it.
    Executor threads = handlerThreads;
    try {
      if (threads == null || slot.upload != null) {
        app.handle(request, answer);
      } else {
        app.handle(request, threads, answer);
      }
    } finally {
      // A handler on this loop's virtual threads has run until it ended or first blocked (see
      // LoopThreads), a @NonBlocking one to its end: an answer given meanwhile is written now, in
      // this pass of the loop, rather than through its task queue.
      if (!HANDOFF.compareAndSet(slot, STARTING, STARTED)) {
        complete(ctx, slot, Objects.requireNonNull(slot.early));
      }
    }
  }

  /** The app's view of a Netty request: the client's headers only, and its body or body stream. */
  static Request toRequest(ChannelHandlerContext ctx, FullHttpRequest nettyRequest) {
    Headers headers = Headers.create();
    // the entries as stored, without the String entry Netty's own iterator makes for each
    Iterator<Map.Entry<CharSequence, CharSequence>> entries =
        nettyRequest.headers().iteratorCharSequence();
    while (entries.hasNext()) {
      Map.Entry<CharSequence, CharSequence> header = entries.next();
      headers.add(header.getKey().toString(), header.getValue().toString());
    }
    Request.Builder request =
        Request.builder(nettyRequest.method().name(), nettyRequest.uri())
            .headers(headers)
            .remoteAddress((InetSocketAddress) ctx.channel().remoteAddress());
    if (nettyRequest instanceof UploadStreams.StreamedRequest streamed) {
      return request.bodyStream(streamed.body, streamed.maxBodySize).build();
    }
    byte[] body =
        nettyRequest.content().isReadable()
            ? ByteBufUtil.getBytes(nettyRequest.content())
            : new byte[0];
    return request.body(body).build();
  }

  private void complete(ChannelHandlerContext ctx, Slot slot, Response response) {
    slot.response = response;
    writeReady(ctx);
  }

  /**
   * Writes the answered requests at the head of the line while the channel takes more, then lets
   * the next requests in.
   */
  private void writeReady(ChannelHandlerContext ctx) {
    boolean wrote = false;
    // On a closed channel each answer is dropped at once, which still ends its request: a
    // streamed one must not start its writer (a model's generation) for a client that is gone.
    while (streaming == null
        && !pending.isEmpty()
        && pending.peek().response != null
        && (broken || ctx.channel().isWritable() || !ctx.channel().isActive())) {
      Slot slot = pending.poll();
      wrote = true;
      try {
        if (broken || !ctx.channel().isActive()) {
          drop(slot);
        } else {
          write(ctx, slot);
        }
      } catch (RuntimeException e) {
        // the answers already written still end their requests (a stop waits for them)
        ctx.flush();
        finishWritten(ctx);
        throw e;
      }
    }
    if (wrote) {
      ctx.flush();
      if (!reading) {
        idleTimeout.wrote(); // else the read's end notes the time: one clock read a request fewer
      }
      finishWritten(ctx);
      dispatch(ctx);
    }
  }

  /**
   * Ends the requests whose answers went out without a listener once the socket has them: at once
   * when the flush emptied the outbound buffer (the usual case), else when an empty write queued
   * behind them completes (writes complete in order, and all of them fail if the connection does).
   * A stopping server closes every connection when none is in flight, which must not cut an answer
   * still in that buffer.
   */
  private void finishWritten(ChannelHandlerContext ctx) {
    int count = writtenUnconfirmed;
    if (count == 0) {
      return;
    }
    writtenUnconfirmed = 0;
    ChannelOutboundBuffer buffer = ctx.channel().unsafe().outboundBuffer();
    if (buffer == null || buffer.totalPendingWriteBytes() == 0) {
      connections.requestsFinished(count);
    } else {
      var unused =
          ctx.writeAndFlush(Unpooled.EMPTY_BUFFER)
              .addListener(f -> connections.requestsFinished(count));
    }
  }

  /** Reads only while this connection is under all of its bounds. */
  private void updateReading(ChannelHandlerContext ctx) {
    if (closing && ctx.pipeline().get(LingeringClose.class) != null) {
      return; // closing after the last answer: it reads (and discards) until it closes
    }
    boolean read =
        !closing
            && waiting.isEmpty()
            && pending.size() < MAX_IN_FLIGHT
            && ctx.channel().isWritable();
    gate.hold(ctx.channel(), !read); // and while a streamed body waits for its reader
  }

  @Override
  public void channelReadComplete(ChannelHandlerContext ctx) {
    reading = false;
    ctx.fireChannelReadComplete();
  }

  @Override
  public void channelWritabilityChanged(ChannelHandlerContext ctx) {
    if (streaming != null) {
      streaming.writabilityChanged();
    }
    if (ctx.channel().isWritable()) {
      writeReady(ctx);
    }
    updateReading(ctx);
    ctx.fireChannelWritabilityChanged();
  }

  private void write(ChannelHandlerContext ctx, Slot slot) {
    boolean close =
        !slot.keepAlive
            || (connections.draining() && pending.isEmpty() && waiting.isEmpty())
            || uploadUnfinished(slot);
    BodyWriter writer = Objects.requireNonNull(slot.response).bodyWriter();
    if (writer != null) {
      writeStreamed(ctx, slot, writer, close);
      return;
    }
    FullHttpResponse out;
    try {
      out = toNetty(slot, close);
    } catch (RuntimeException e) {
      // A response Netty cannot write (Snel's Headers and Response check what they can): the
      // client still gets an answer in its turn, and the pipeline behind it goes on.
      LOG.error("Cannot write {}; answering 500 instead", slot.response, e);
      out =
          ErrorResponses.json(
              HttpResponseStatus.INTERNAL_SERVER_ERROR, "Internal Server Error", close);
    }
    Response answered = Objects.requireNonNull(slot.response);
    if (!close && !answered.hasWorkAfterWritten()) {
      // nothing waits for this write but the count of requests in flight: see finishWritten
      var unused = ctx.write(out, ctx.voidPromise());
      writtenUnconfirmed++;
      return;
    }
    var future = ctx.write(out);
    future.addListener(
        f -> {
          // its background tasks start once the client has it all; and before the request
          // counts as finished, so that a stopping server that sees none in flight and closes
          // the app finds those tasks registered and waits for them
          try {
            answered.written();
          } finally {
            connections.requestFinished();
          }
        });
    if (close) {
      closing = true;
      LingeringClose.after(future);
    }
  }

  /**
   * Writes the head of a streamed response and starts its writer; a HEAD request gets the head
   * alone, and the writer never runs.
   */
  private void writeStreamed(
      ChannelHandlerContext ctx, Slot slot, BodyWriter writer, boolean close) {
    Response response = Objects.requireNonNull(slot.response);
    long declared = declaredLength(response);
    // a HEAD request, and a status that has no body (204, 304), get the head alone
    int status = response.status();
    boolean bodiless = slot.head || status == 204 || status == 304 || status < 200;
    // HTTP/1.0 has no chunks: the body ends when the connection does
    boolean closeAfter = close || (slot.http10 && declared < 0 && !bodiless);
    HttpResponse head =
        bodiless
            ? new DefaultFullHttpResponse(
                HttpVersion.HTTP_1_1, Statuses.of(response.status()), Unpooled.EMPTY_BUFFER)
            : new DefaultHttpResponse(HttpVersion.HTTP_1_1, Statuses.of(response.status()));
    HttpHeaders headers = head.headers();
    try {
      response.headers().forEach(headers::add);
    } catch (RuntimeException e) {
      LOG.error("Cannot write the head of {}; closing the connection", response, e);
      headers.clear();
      closeAfter = true;
    }
    if (declared < 0) {
      headers.remove(HttpHeaderNames.CONTENT_LENGTH);
      if (!slot.http10 && (slot.head || !bodiless)) { // a HEAD says how the GET is framed
        HttpUtil.setTransferEncodingChunked(head, true);
      }
    }
    headers.set(HttpHeaderNames.DATE, DateHeader.now());
    if (closeAfter) {
      headers.set(HttpHeaderNames.CONNECTION, HttpHeaderValues.CLOSE);
      closing = true;
    } else if (slot.http10) {
      headers.set(HttpHeaderNames.CONNECTION, HttpHeaderValues.KEEP_ALIVE);
    }
    if (bodiless) {
      var future = ctx.write(head);
      future.addListener(f -> endUnwritten(response)); // the writer never runs
      if (closeAfter) {
        LingeringClose.after(future);
      }
      return;
    }
    var unused = ctx.writeAndFlush(head);
    if (closeAfter) {
      broken = true; // nothing is written after this body, which ends with the connection
    }
    ResponseStream stream =
        new ResponseStream(
            ctx,
            response,
            writer,
            slot.requestId,
            declared,
            closeAfter,
            !HttpUtil.isTransferEncodingChunked(head)
                && !headers.contains(HttpHeaderNames.CONTENT_LENGTH),
            connections,
            intact -> streamEnded(ctx, intact));
    streaming = stream;
    stream.start();
  }

  /**
   * The response's own {@code Content-Length}, or -1 when it has none (or one that is no number).
   */
  private static long declaredLength(Response response) {
    String value = response.headers().first("content-length").orElse(null);
    if (value == null) {
      return -1;
    }
    try {
      long length = Long.parseLong(value.trim());
      return length >= 0 ? length : -1;
    } catch (NumberFormatException e) {
      return -1;
    }
  }

  /** The streamed body at the head of the line is over; the responses after it may go. */
  private void streamEnded(ChannelHandlerContext ctx, boolean intact) {
    streaming = null;
    if (!intact) {
      broken = true;
      closing = true;
    } else if (connections.draining() && pending.isEmpty() && waiting.isEmpty()) {
      closing = true; // the server is stopping and this connection has nothing left to answer
      var unused = ctx.close();
    }
    writeReady(ctx);
    dispatch(ctx);
  }

  /** A response that cannot be written any more (the connection broke off before it). */
  private void drop(Slot slot) {
    endUnwritten(Objects.requireNonNull(slot.response));
  }

  /**
   * Tells a response whose body is never written so, and ends its request, on a virtual thread: for
   * a streamed body that ends the request's scope, and its cleanups (a session's rollback, a
   * cursor's close) may block, which must not stall every connection of this event loop.
   */
  private void endUnwritten(Response response) {
    Thread.ofVirtual()
        .name("snel-unwritten")
        .start(
            () -> {
              try {
                response.written();
              } catch (RuntimeException e) {
                LOG.error("The work after an unwritten response failed", e);
              } finally {
                connections.requestFinished();
              }
            });
  }

  /**
   * Ends a streamed upload's body as its answer goes out (what is left of it is not needed), and
   * whether the client had not sent all of it: the rest is no request, the connection cannot go on.
   */
  private static boolean uploadUnfinished(Slot slot) {
    UploadBody upload = slot.upload;
    if (upload == null) {
      return false;
    }
    upload.abandon();
    return !upload.complete();
  }

  private FullHttpResponse toNetty(Slot slot, boolean close) {
    // writeReady writes only slots the app has answered
    Response response = Objects.requireNonNull(slot.response, "writing an unanswered request");
    byte[] body = response.body();
    int status = response.status();
    var content =
        slot.head || body.length == 0 ? Unpooled.EMPTY_BUFFER : Unpooled.wrappedBuffer(body);
    Headers own = response.headers();
    // a 204 or 304 has no body to measure (RFC 9110 §8.6; Starlette sends none either)
    boolean measure =
        status >= 200 && status != 204 && status != 304 && !own.contains("content-length");
    CharSequence connection =
        close ? HttpHeaderValues.CLOSE : slot.http10 ? HttpHeaderValues.KEEP_ALIVE : null;
    // The app's headers and the server's, which replace the app's of the same name, as a flat
    // array of names and values that the encoder walks: no hashed map to build for headers that
    // are only written.
    HeaderPairs pairs =
        new HeaderPairs(
            own.size() + (measure ? 1 : 0) + 1 + (connection != null ? 1 : 0), connection != null);
    own.forEach(pairs);
    if (measure) {
      pairs.add(HttpHeaderNames.CONTENT_LENGTH, Integer.toString(body.length));
    }
    pairs.add(HttpHeaderNames.DATE, DateHeader.now());
    if (connection != null) {
      pairs.add(HttpHeaderNames.CONNECTION, connection);
    }
    CharSequence[] lines = pairs.filled();
    HttpHeaders headers;
    if (status < 200 || status == 204 || status == 205 || status == 304) {
      // Netty's encoder removes or sets headers of these statuses: they need a map it can edit
      headers = CHECKED_HEADERS.newHeaders();
      for (int i = 0; i < lines.length; i += 2) {
        headers.add(lines[i], lines[i + 1]);
      }
    } else {
      headers = new ReadOnlyHttpHeaders(false, lines);
    }
    return new DefaultFullHttpResponse(
        HttpVersion.HTTP_1_1, Statuses.of(status), content, headers, EmptyHttpHeaders.INSTANCE);
  }

  /**
   * A response's header lines as name, value, name, value...; the app's, except the ones the server
   * writes itself ({@code date}, and {@code connection} when it says one).
   */
  private static final class HeaderPairs implements BiConsumer<String, String> {
    private final CharSequence[] pairs;
    private int size;
    private final boolean replacesConnection;

    /** Room for at most this many pairs: the app's and the server's. */
    HeaderPairs(int capacity, boolean replacesConnection) {
      this.pairs = new CharSequence[2 * capacity];
      this.replacesConnection = replacesConnection;
    }

    @Override
    public void accept(String name, String value) {
      if (!name.equals("date") && !(replacesConnection && name.equals("connection"))) {
        add(name, value);
      }
    }

    void add(CharSequence name, CharSequence value) {
      pairs[size++] = name;
      pairs[size++] = value;
    }

    CharSequence[] filled() {
      return size == pairs.length ? pairs : Arrays.copyOf(pairs, size);
    }
  }

  /**
   * Answers a request the server refuses or the codec could not read, in its turn after any earlier
   * pipelined requests, then closes: the rest of the byte stream cannot be trusted.
   */
  private void reject(ChannelHandlerContext ctx, Throwable cause) {
    HttpResponseStatus status;
    String detail;
    switch (cause) {
      case Refusal refusal -> {
        status = refusal.status;
        detail = refusal.getMessage();
      }
      case TooLongHttpLineException e -> {
        status = HttpResponseStatus.REQUEST_URI_TOO_LONG;
        detail = "Request line is too long";
      }
      case TooLongHttpHeaderException e -> {
        status = HttpResponseStatus.REQUEST_HEADER_FIELDS_TOO_LARGE;
        detail = "Request header fields are too large";
      }
      case TooLongFrameException e -> {
        status = HttpResponseStatus.REQUEST_ENTITY_TOO_LARGE;
        detail = "Request is too large";
      }
      default -> {
        status = HttpResponseStatus.BAD_REQUEST;
        detail = "Invalid HTTP request";
      }
    }
    closing = true;
    Slot slot = new Slot(false, false, false);
    pending.add(slot);
    connections.requestStarted();
    complete(ctx, slot, Response.json(Map.of("detail", detail)).status(status.code()));
  }

  @Override
  public void userEventTriggered(ChannelHandlerContext ctx, Object event) {
    if (event instanceof IdleStateEvent idle && idle.state() == IdleState.ALL_IDLE) {
      if (idle()) {
        var unused = ctx.close(); // a keep-alive connection idle for too long
        return;
      }
      if (!ctx.channel().isWritable()) {
        // Answers wait and the client has read none of them for the whole idle timeout.
        LOG.debug(
            "Closing {}: the client stopped reading its responses", ctx.channel().remoteAddress());
        var unused = ctx.close();
        return;
      }
    }
    ctx.fireUserEventTriggered(event);
  }

  @Override
  public void channelInactive(ChannelHandlerContext ctx) {
    closing = true;
    if (streaming != null) {
      streaming.disconnected();
    }
    waiting.forEach(UploadStreams::drop);
    waiting.forEach(FullHttpRequest::release);
    waiting.clear();
    ctx.fireChannelInactive();
  }

  @Override
  public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
    LOG.debug("Closing {} after {}", ctx.channel().remoteAddress(), cause.toString());
    var unused = ctx.close();
  }
}
