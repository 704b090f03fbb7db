package dev.snel.netty.reliability;

import dev.snel.netty.Raw;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The attacks on how a request is framed and what it may contain: smuggling, limits, protocol
 * versions, targets, header and body contents. Each sends its bytes in one connection and checks
 * the answer; none depends on time.
 */
final class Attacks {
  /**
   * How long to wait for more after an answer that should have closed the connection: a server that
   * closes does so right after the answer; this stays below the suite's 2 s request timeout, so
   * that "kept open" is reported rather than a later timeout's answer.
   */
  static final int AFTER_ANSWER_MILLIS = 1500;

  private Attacks() {}

  static List<Attack> framing() {
    return List.of(
        new Attack(
            "Expect: bogus, smuggled request in the body",
            "`POST` with `Expect: bogus`, `Content-Length` covering a `GET /mark/...` request as the body",
            "one JSON 417, connection closed, the smuggled request not executed",
            Attacks::expectBogus),
        new Attack(
            "Expect: 100-continue over the body limit",
            "`POST` with `Expect: 100-continue` and `Content-Length: 2000000`, no body",
            "JSON 413 (no 100 Continue), connection closed, not executed",
            Attacks::expectContinueTooLarge),
        new Attack(
            "Content-Length and Transfer-Encoding together",
            "`POST` with `Content-Length` covering the body and `Transfer-Encoding: chunked` ending early, a `GET` behind",
            "400, connection closed, neither request executed",
            Attacks::contentLengthAndChunked),
        new Attack(
            "two Content-Length headers",
            "`POST` with `Content-Length: 5` and `Content-Length: 40`",
            "400, connection closed, not executed",
            Attacks::twoContentLengths),
        new Attack(
            "invalid chunk size",
            "chunked `POST` whose first chunk size is `zz`",
            "400, connection closed, not executed",
            Attacks::invalidChunkSize),
        new Attack(
            "20 KB chunk extension",
            "chunked `POST` whose first chunk size line is `5;` and 20,000 bytes of extension",
            "400 (not labelled \"Request line is too long\"), connection closed, not executed",
            Attacks::longChunkExtension),
        new Attack(
            "request line too long",
            "`GET /aaaa...` with a 9,000-byte target",
            "414, connection closed",
            s -> limit(s, "GET /" + "a".repeat(9000) + " HTTP/1.1\r\nHost: t\r\n\r\n", 414)),
        new Attack(
            "headers too large",
            "`GET /fast` with a 20,000-byte header",
            "431, connection closed",
            s ->
                limit(
                    s,
                    "GET /fast HTTP/1.1\r\nHost: t\r\nX-Big: " + "b".repeat(20_000) + "\r\n\r\n",
                    431)),
        new Attack(
            "declared body too large",
            "`POST` with `Content-Length: 2000000` and the first 1 KiB",
            "JSON 413, connection closed, not executed",
            Attacks::declaredBodyTooLarge),
        new Attack(
            "chunked body too large",
            "chunked `POST` of 1.1 MiB in 16 KiB chunks",
            "JSON 413, connection closed, not executed",
            Attacks::chunkedBodyTooLarge),
        new Attack(
            "HTTP/1.1 without Host",
            "`GET /fast HTTP/1.1` with no `Host`",
            "JSON 400, connection closed",
            s -> limit(s, "GET /fast HTTP/1.1\r\n\r\n", 400)),
        new Attack(
            "two Host headers",
            "`GET /fast` with `Host: a` and `Host: b`",
            "JSON 400, connection closed",
            s -> limit(s, "GET /fast HTTP/1.1\r\nHost: a\r\nHost: b\r\n\r\n", 400)),
        new Attack(
            "invalid Host",
            "`GET /fast` with `Host: a b/c`",
            "JSON 400, connection closed",
            s -> limit(s, "GET /fast HTTP/1.1\r\nHost: a b/c\r\n\r\n", 400)),
        new Attack(
            "absolute-form target",
            "`GET http://test/mark/absolute HTTP/1.1`",
            "200, routed by its path",
            Attacks::absoluteForm),
        new Attack(
            "HTTP/2.0 request line",
            "`GET /fast HTTP/2.0`",
            "JSON 505, connection closed",
            s -> limit(s, "GET /fast HTTP/2.0\r\nHost: t\r\n\r\n", 505)),
        new Attack(
            "HTTP/1.2 request line",
            "`GET /fast HTTP/1.2`",
            "JSON 505, connection closed",
            s -> limit(s, "GET /fast HTTP/1.2\r\nHost: t\r\n\r\n", 505)),
        new Attack(
            "HTTP/9.9 request line",
            "`GET /fast HTTP/9.9`",
            "JSON 505, connection closed",
            s -> limit(s, "GET /fast HTTP/9.9\r\nHost: t\r\n\r\n", 505)),
        new Attack(
            "raw non-ASCII bytes in the path",
            "`GET /mark/caf\\xC3\\xA9` (UTF-8 bytes, not percent-encoded)",
            "JSON 400, connection closed",
            Attacks::nonAsciiPath),
        new Attack(
            "CR/LF in a header value set by a handler",
            "`GET /header?value=a%0D%0AX-Injected:%20yes` and two `GET`s pipelined behind it",
            "500 without the injected header, then both pipelined requests answered",
            Attacks::headerInjection),
        new Attack(
            "15 KB x-request-id",
            "`GET /boom` (a handler that throws) with a 15,000-byte `x-request-id`",
            "500, the id not echoed",
            Attacks::hugeRequestId),
        new Attack(
            "whitespace-only JSON body",
            "`POST /items` with `Content-Type: application/json` and a body of three spaces",
            "422 `json_invalid`",
            Attacks::whitespaceJson),
        new Attack(
            "2,000-digit double",
            "`GET /number?x=111...1` (2,000 digits) for a `double` parameter",
            "200, not 500: it reads as infinity, as in pydantic (read in linear time, no stack overflow)",
            s -> status(s, Raw.get("/number?x=" + "1".repeat(2000)), 200)));
  }

  private static Attack.Outcome expectBogus(Target target) throws IOException {
    String smuggled = Raw.get("/mark/smuggled-expect");
    String request =
        "POST /mark/expect-bogus HTTP/1.1\r\nHost: t\r\nExpect: bogus\r\n"
            + "Content-Length: "
            + smuggled.length()
            + "\r\n\r\n"
            + smuggled;
    return rejected(target, request, 417, "expect-bogus", "smuggled-expect");
  }

  private static Attack.Outcome expectContinueTooLarge(Target target) throws IOException {
    String request =
        "POST /mark/expect-large HTTP/1.1\r\nHost: t\r\nExpect: 100-continue\r\n"
            + "Content-Type: application/octet-stream\r\nContent-Length: 2000000\r\n\r\n";
    return rejected(target, request, 413, "expect-large", null);
  }

  private static Attack.Outcome contentLengthAndChunked(Target target) throws IOException {
    String body = "0\r\n\r\n" + Raw.get("/mark/clte-smuggled");
    String request =
        "POST /mark/clte HTTP/1.1\r\nHost: t\r\nContent-Length: "
            + body.length()
            + "\r\nTransfer-Encoding: chunked\r\n\r\n"
            + body;
    return rejected(target, request, 400, "clte", "clte-smuggled");
  }

  private static Attack.Outcome twoContentLengths(Target target) throws IOException {
    String request =
        "POST /mark/two-cl HTTP/1.1\r\nHost: t\r\nContent-Length: 5\r\n"
            + "Content-Length: 40\r\n\r\nhello"
            + "x".repeat(35);
    return rejected(target, request, 400, "two-cl", null);
  }

  private static Attack.Outcome invalidChunkSize(Target target) throws IOException {
    String request =
        "POST /mark/bad-chunk HTTP/1.1\r\nHost: t\r\nTransfer-Encoding: chunked\r\n\r\n"
            + "zz\r\nhello\r\n0\r\n\r\n";
    return rejected(target, request, 400, "bad-chunk", null);
  }

  private static Attack.Outcome longChunkExtension(Target target) throws IOException {
    String request =
        "POST /mark/chunk-ext HTTP/1.1\r\nHost: t\r\nTransfer-Encoding: chunked\r\n\r\n"
            + "5;"
            + "e".repeat(20_000)
            + "\r\nhello\r\n0\r\n\r\n";
    Verdict verdict = new Verdict();
    Raw.Replies replies = exchange(target, request);
    describeAll(verdict, replies);
    Raw.Reply first = replies.replies().isEmpty() ? null : replies.replies().get(0);
    verdict
        .require(first != null && first.status() == 400, "400")
        .require(
            first == null || !first.body().contains("Request line is too long"),
            "not labelled \"Request line is too long\"")
        .require(replies.closed(), "connection closed");
    notExecuted(target, verdict, "chunk-ext");
    return verdict.outcome();
  }

  private static Attack.Outcome declaredBodyTooLarge(Target target) throws IOException {
    String request =
        "POST /mark/large-declared HTTP/1.1\r\nHost: t\r\n"
            + "Content-Type: application/octet-stream\r\nContent-Length: 2000000\r\n\r\n"
            + "x".repeat(1024);
    return rejected(target, request, 413, "large-declared", null);
  }

  private static Attack.Outcome chunkedBodyTooLarge(Target target) throws IOException {
    Verdict verdict = new Verdict();
    try (Raw raw = target.open()) {
      raw.timeout(5000);
      raw.send(
          "POST /mark/large-chunked HTTP/1.1\r\nHost: t\r\n"
              + "Content-Type: application/octet-stream\r\nTransfer-Encoding: chunked\r\n\r\n");
      String chunk = Integer.toHexString(16 * 1024) + "\r\n" + "x".repeat(16 * 1024) + "\r\n";
      try {
        for (int sent = 0; sent < 1100 * 1024; sent += 16 * 1024) {
          raw.send(chunk);
        }
        raw.send("0\r\n\r\n");
      } catch (IOException closedWhileSending) {
        // expected once the server has seen enough: read its answer
      }
      Raw.Replies replies = raw.readAll(10_000, AFTER_ANSWER_MILLIS);
      describeAll(verdict, replies);
      requireOneJson(verdict, replies, 413);
    }
    notExecuted(target, verdict, "large-chunked");
    return verdict.outcome();
  }

  private static Attack.Outcome absoluteForm(Target target) throws IOException {
    Verdict verdict = new Verdict();
    try (Raw raw = target.open()) {
      Raw.Reply reply =
          raw.send("GET http://test/mark/absolute HTTP/1.1\r\nHost: test\r\n\r\n").read();
      verdict.saw(describe(reply)).require(reply.status() == 200, "200");
    }
    long executed = target.marks("absolute");
    verdict
        .saw(
            executed == 1
                ? "routed to /mark/absolute"
                : "/mark/absolute executed " + executed + " times")
        .require(executed == 1, "routed by its path");
    return verdict.outcome();
  }

  private static Attack.Outcome nonAsciiPath(Target target) throws IOException {
    // \u00c3\u00a9 are the two bytes of a UTF-8 "é", sent as they are (requests go out as
    // ISO-8859-1).
    return limit(target, "GET /mark/caf\u00c3\u00a9 HTTP/1.1\r\nHost: t\r\n\r\n", 400);
  }

  private static Attack.Outcome headerInjection(Target target) throws IOException {
    Verdict verdict = new Verdict();
    try (Raw raw = target.open()) {
      raw.timeout(5000)
          .send(
              Raw.get("/header?value=a%0D%0AX-Injected:%20yes")
                  + Raw.get("/mark/after-crlf?i=0")
                  + Raw.get("/mark/after-crlf?i=1"));
      List<Raw.Reply> got = new ArrayList<>();
      try {
        for (int i = 0; i < 3; i++) {
          got.add(raw.read());
        }
      } catch (IOException noMore) {
        // fewer answers than requests: reported below
      }
      verdict.saw(
          got.isEmpty()
              ? "no response"
              : String.join(", then ", got.stream().map(Attacks::describe).toList()));
      boolean injected = got.stream().anyMatch(r -> r.headers().containsKey("x-injected"));
      verdict
          .require(!got.isEmpty() && got.get(0).status() == 500, "500")
          .require(!injected, "no injected header")
          .require(
              got.size() == 3
                  && got.get(1).body().equals("marked after-crlf 0")
                  && got.get(2).body().equals("marked after-crlf 1"),
              "both pipelined requests answered");
      if (injected) {
        verdict.saw("X-Injected header sent");
      }
    }
    return verdict.outcome();
  }

  private static Attack.Outcome hugeRequestId(Target target) throws IOException {
    Verdict verdict = new Verdict();
    String id = "r".repeat(15_000);
    try (Raw raw = target.open()) {
      Raw.Reply reply =
          raw.timeout(5000)
              .send("GET /boom HTTP/1.1\r\nHost: t\r\nx-request-id: " + id + "\r\n\r\n")
              .read();
      String echoed = reply.headers().getOrDefault("x-request-id", "");
      verdict
          .saw(
              reply.status()
                  + (echoed.equals(id) ? ", the 15,000-byte id echoed" : ", id not echoed"))
          .require(reply.status() == 500, "500")
          .require(!echoed.equals(id), "the id not echoed");
    } catch (IOException e) {
      verdict.saw("no response (" + e.getMessage() + ")").require(false, "500");
    }
    return verdict.outcome();
  }

  private static Attack.Outcome whitespaceJson(Target target) throws IOException {
    Verdict verdict = new Verdict();
    try (Raw raw = target.open()) {
      Raw.Reply reply = raw.send(Raw.post("/items", "application/json", "   ")).read();
      boolean jsonInvalid = reply.body().contains("\"json_invalid\"");
      verdict
          .saw(reply.status() + (jsonInvalid ? " json_invalid" : " " + shortBody(reply)))
          .require(reply.status() == 422 && jsonInvalid, "422 json_invalid");
    }
    return verdict.outcome();
  }

  /**
   * Sends a request the server must refuse before the app, expecting one JSON answer and a close.
   */
  private static Attack.Outcome limit(Target target, String request, int status)
      throws IOException {
    Verdict verdict = new Verdict();
    Raw.Replies replies = exchange(target, request);
    describeAll(verdict, replies);
    requireOneJson(verdict, replies, status);
    return verdict.outcome();
  }

  /** Sends one request and checks only the status of the first answer. */
  private static Attack.Outcome status(Target target, String request, int status)
      throws IOException {
    Verdict verdict = new Verdict();
    try (Raw raw = target.open()) {
      Raw.Reply reply = raw.timeout(5000).send(request).read();
      verdict.saw(describe(reply)).require(reply.status() == status, Integer.toString(status));
    } catch (IOException e) {
      verdict.saw("no response").require(false, Integer.toString(status));
    }
    return verdict.outcome();
  }

  /**
   * A request that must be refused with one JSON answer and a close, without running the route
   * named by {@code tag}, nor the one smuggled in its body ({@code smuggledTag}).
   */
  private static Attack.Outcome rejected(
      Target target, String request, int status, String tag, String smuggledTag)
      throws IOException {
    Verdict verdict = new Verdict();
    Raw.Replies replies = exchange(target, request);
    describeAll(verdict, replies);
    requireOneJson(verdict, replies, status);
    notExecuted(target, verdict, tag);
    if (smuggledTag != null) {
      long smuggled = target.marks(smuggledTag);
      verdict
          .saw(smuggled == 0 ? "smuggled request not executed" : "SMUGGLED REQUEST EXECUTED")
          .require(smuggled == 0, "smuggled request not executed");
    }
    return verdict.outcome();
  }

  static Raw.Replies exchange(Target target, String request) throws IOException {
    try (Raw raw = target.open()) {
      try {
        raw.send(request);
      } catch (IOException closedWhileSending) {
        // the server may answer and close before taking everything: read what it said
      }
      return raw.readAll(10_000, AFTER_ANSWER_MILLIS);
    }
  }

  private static void requireOneJson(Verdict verdict, Raw.Replies replies, int status) {
    List<Raw.Reply> got = replies.replies();
    verdict
        .require(
            got.size() == 1
                && got.get(0).status() == status
                && got.get(0)
                    .headers()
                    .getOrDefault("content-type", "")
                    .startsWith("application/json"),
            "one JSON " + status)
        .require(replies.closed(), "connection closed");
  }

  static void notExecuted(Target target, Verdict verdict, String tag) throws IOException {
    long executed = target.marks(tag);
    verdict
        .saw(executed == 0 ? "not executed" : "EXECUTED " + executed + "x")
        .require(executed == 0, "not executed");
  }

  static void describeAll(Verdict verdict, Raw.Replies replies) {
    List<Raw.Reply> got = replies.replies();
    if (got.isEmpty()) {
      verdict.saw("no response");
    } else {
      verdict.saw(String.join(", then ", got.stream().map(Attacks::describe).toList()));
    }
    verdict.saw(replies.closed() ? "closed" : "kept open");
  }

  private static final Pattern DETAIL = Pattern.compile("^\\{\"detail\":\"([^\"]*)\"}$");

  /** {@code 413 JSON "Request body is larger than ..."}, or the status and a short body. */
  static String describe(Raw.Reply reply) {
    String type = reply.headers().getOrDefault("content-type", "");
    Matcher detail = DETAIL.matcher(reply.body());
    if (type.startsWith("application/json") && detail.matches()) {
      return reply.status() + " JSON \"" + detail.group(1) + "\"";
    }
    if (type.startsWith("application/json")) {
      return reply.status() + " JSON";
    }
    return reply.status() + (reply.body().isEmpty() ? "" : " " + shortBody(reply));
  }

  private static String shortBody(Raw.Reply reply) {
    String body = reply.body().replace('|', '/').replace('\n', ' ');
    return "`" + (body.length() > 40 ? body.substring(0, 40) + "..." : body) + "`";
  }
}
