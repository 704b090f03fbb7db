package dev.snel.internal.files;

import dev.snel.Headers;
import dev.snel.Request;
import dev.snel.Response;
import dev.snel.internal.http.FileBody;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * A file response answered for its request, as Starlette's {@code FileResponse} and {@code
 * StaticFiles} answer: {@code Content-Length}, {@code Last-Modified}, {@code ETag} and {@code
 * Accept-Ranges} from the file (headers the handler set are kept), 304 when the client's copy is
 * current ({@code If-None-Match}, {@code If-Modified-Since}), 206 for a {@code Range} (one range as
 * a region of the file, several as {@code multipart/byteranges}), 416 when no range is in the file,
 * 400 for a malformed one. Conditional and range handling is for GET and HEAD of a 200 response.
 *
 * <p>Called on the request's virtual thread (it reads the file's attributes). The body of a single
 * range or a whole file is a {@link FileBody}, which the server sends without copying it through
 * the heap.
 */
public final class FileAnswers {
  private FileAnswers() {}

  /** Starlette's {@code NotModifiedResponse}: the headers a 304 keeps. */
  private static final Set<String> NOT_MODIFIED_HEADERS =
      Set.of("cache-control", "content-location", "date", "etag", "expires", "vary");

  private static final DateTimeFormatter HTTP_DATE =
      DateTimeFormatter.ofPattern("EEE, dd MMM yyyy HH:mm:ss 'GMT'", Locale.US)
          .withZone(ZoneOffset.UTC);

  private static final Pattern RANGE = Pattern.compile("(\\d*)-(\\d*)");

  /**
   * More ranges than this (after merging overlaps) are answered with the whole file, as RFC 9110
   * allows: a request for thousands of tiny pieces costs more in part headers than it saves.
   */
  static final int MAX_RANGES = 100;

  /** The answer to the request if the response is a file response; else the response itself. */
  public static Response resolve(Request request, Response response) throws IOException {
    if (!(response.bodyWriter() instanceof FileSource source)) {
      return response;
    }
    Path path = source.path();
    BasicFileAttributes attributes;
    try {
      attributes = Files.readAttributes(path, BasicFileAttributes.class);
    } catch (NoSuchFileException e) {
      // Starlette raises here too: a handler that names a missing file is a bug (500)
      throw new IllegalStateException("File at path " + path + " does not exist.", e);
    }
    if (!attributes.isRegularFile()) {
      throw new IllegalStateException("File at path " + path + " is not a file.");
    }
    return answer(request, response, path, attributes, false);
  }

  /**
   * The answer for a file whose attributes are known.
   *
   * @param made the response as made (status, content type, the handler's headers); not changed
   * @param wholeOnly send the whole file whatever the request asks (a 404 page)
   */
  static Response answer(
      Request request,
      Response made,
      Path path,
      BasicFileAttributes attributes,
      boolean wholeOnly) {
    long size = attributes.size();
    Instant modified = attributes.lastModifiedTime().toInstant();
    Response response = made.copy().afterWritten(made::written);
    Headers headers = response.headers();
    setDefault(headers, "accept-ranges", "bytes");
    setDefault(headers, "content-length", Long.toString(size));
    setDefault(headers, "last-modified", HTTP_DATE.format(modified));
    setDefault(headers, "etag", etag(modified, size));
    response.body(new FileBody(path, 0, size));
    String method = request.method();
    if (wholeOnly || response.status() != 200 || !(method.equals("GET") || method.equals("HEAD"))) {
      return response;
    }
    if (notModified(request, headers)) {
      Response notModified = Response.empty(304).afterWritten(made::written);
      headers.forEach(
          (name, value) -> {
            if (NOT_MODIFIED_HEADERS.contains(name.toLowerCase(Locale.ROOT))) {
              notModified.headers().add(name, value);
            }
          });
      return notModified;
    }
    String range = request.header("range").orElse(null);
    if (range == null || !ifRangeHolds(request, headers)) {
      return response;
    }
    return switch (parse(range, size)) {
      case Malformed malformed ->
          Response.text(malformed.message()).status(400).afterWritten(made::written);
      case Unsatisfiable unsatisfiable ->
          Response.bytes(new byte[0], Response.TEXT)
              .status(416)
              .header("content-range", "bytes */" + size)
              .afterWritten(made::written);
      case Ranges(List<long[]> ranges) when ranges.size() > MAX_RANGES -> response;
      case Ranges(List<long[]> ranges) when ranges.size() == 1 -> {
        long start = ranges.getFirst()[0];
        long end = ranges.getFirst()[1];
        yield response
            .status(206)
            .header("content-range", "bytes " + start + "-" + (end - 1) + "/" + size)
            .header("content-length", Long.toString(end - start))
            .body(new FileBody(path, start, end - start));
      }
      case Ranges(List<long[]> ranges) -> {
        String type = headers.first("content-type").orElse("application/octet-stream");
        MultipartRanges body = MultipartRanges.of(path, ranges, size, type, boundary());
        yield response
            .status(206)
            .header("content-type", "multipart/byteranges; boundary=" + body.boundary())
            .header("content-length", Long.toString(body.length()))
            .body(body);
      }
    };
  }

  /**
   * Starlette's {@code Content-Disposition}: {@code filename="..."} for a name of URL-safe
   * characters, else RFC 6266's {@code filename*=utf-8''...} percent-encoded (non-ASCII, spaces,
   * quotes), so no name can break the header.
   */
  public static String contentDisposition(String type, String filename) {
    StringBuilder quoted = new StringBuilder();
    for (byte b : filename.getBytes(StandardCharsets.UTF_8)) {
      int c = b & 0xFF;
      if ((c >= 'a' && c <= 'z')
          || (c >= 'A' && c <= 'Z')
          || (c >= '0' && c <= '9')
          || "_.-~/".indexOf(c) >= 0) {
        quoted.append((char) c);
      } else {
        quoted.append('%').append(HexFormat.of().withUpperCase().toHexDigits((byte) c));
      }
    }
    String encoded = quoted.toString();
    return encoded.equals(filename)
        ? type + "; filename=\"" + filename + "\""
        : type + "; filename*=utf-8''" + encoded;
  }

  private static void setDefault(Headers headers, String name, String value) {
    if (!headers.contains(name)) {
      headers.add(name, value);
    }
  }

  /** Changes when the file's time or size does, as Starlette's: a hash of both, quoted. */
  private static String etag(Instant modified, long size) {
    try {
      byte[] digest =
          MessageDigest.getInstance("MD5")
              .digest(
                  (modified.getEpochSecond() + "." + modified.getNano() + "-" + size)
                      .getBytes(StandardCharsets.US_ASCII));
      return '"' + HexFormat.of().formatHex(digest) + '"';
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JDK has MD5", e);
    }
  }

  /**
   * Starlette's check: an {@code If-None-Match} tag (weak or not) equal to the ETag, or an {@code
   * If-Modified-Since} no earlier than the file's time (to the second). {@code *} matches too, as
   * RFC 9110 says.
   */
  private static boolean notModified(Request request, Headers headers) {
    String etag = headers.first("etag").orElse("");
    String ifNoneMatch = request.header("if-none-match").orElse(null);
    if (ifNoneMatch != null) {
      for (String tag : ifNoneMatch.split(",", -1)) {
        String bare = strip(tag, " W/");
        if (bare.equals(etag) || bare.equals("*")) {
          return true;
        }
      }
    }
    Instant since = parseDate(request.header("if-modified-since").orElse(null));
    Instant modified = parseDate(headers.first("last-modified").orElse(null));
    return since != null && modified != null && !since.isBefore(modified);
  }

  /** Python's {@code str.strip(chars)}: drops any of the characters from both ends. */
  private static String strip(String text, String chars) {
    int from = 0;
    int to = text.length();
    while (from < to && chars.indexOf(text.charAt(from)) >= 0) {
      from++;
    }
    while (to > from && chars.indexOf(text.charAt(to - 1)) >= 0) {
      to--;
    }
    return text.substring(from, to);
  }

  private static @Nullable Instant parseDate(@Nullable String text) {
    if (text == null) {
      return null;
    }
    try {
      return DateTimeFormatter.RFC_1123_DATE_TIME.parse(text.trim(), Instant::from);
    } catch (DateTimeParseException e) {
      return null; // an unreadable date is no condition, as Python's parsedate giving None
    }
  }

  /** Starlette's If-Range: the range is sent only if the validator is exactly ours. */
  private static boolean ifRangeHolds(Request request, Headers headers) {
    String ifRange = request.header("if-range").orElse(null);
    return ifRange == null
        || ifRange.equals(headers.first("last-modified").orElse(null))
        || ifRange.equals(headers.first("etag").orElse(null));
  }

  /** A parsed {@code Range} header. */
  sealed interface RangeRequest permits Malformed, Unsatisfiable, Ranges {}

  /** 400, with Starlette's plain-text message. */
  record Malformed(String message) implements RangeRequest {}

  /** 416: a range starts at or beyond the end of the file. */
  record Unsatisfiable() implements RangeRequest {}

  /** The ranges to send, each {@code [start, end)}, sorted, overlaps merged. */
  record Ranges(List<long[]> ranges) implements RangeRequest {}

  /**
   * Starlette's parsing: {@code bytes=} then each {@code first-last}, {@code first-} or {@code
   * -suffix}; a last beyond the file is the file's end. A suffix longer than the file is the whole
   * file (RFC 9110; Starlette answers 416).
   */
  static RangeRequest parse(String header, long size) {
    int equals = header.indexOf('=');
    if (equals < 0) {
      return new Malformed("Malformed range header.");
    }
    if (!header.substring(0, equals).strip().toLowerCase(Locale.ROOT).equals("bytes")) {
      return new Malformed("Only support bytes range");
    }
    List<long[]> ranges = new ArrayList<>();
    Matcher each = RANGE.matcher(header.substring(equals + 1));
    while (each.find()) {
      String first = each.group(1);
      String last = each.group(2);
      if (first.isEmpty() && last.isEmpty()) {
        continue;
      }
      long start = first.isEmpty() ? Math.max(0, size - number(last)) : number(first);
      long end =
          !first.isEmpty() && !last.isEmpty() && number(last) < size ? number(last) + 1 : size;
      ranges.add(new long[] {start, end});
    }
    if (ranges.isEmpty()) {
      return new Malformed("Range header: range must be requested");
    }
    for (long[] range : ranges) {
      if (range[0] < 0 || range[0] >= size) {
        return new Unsatisfiable();
      }
    }
    for (long[] range : ranges) {
      if (range[0] >= range[1]) { // "5-4" too: Starlette would send an empty 206
        return new Malformed("Range header: start must be less than end");
      }
    }
    ranges.sort(Comparator.comparingLong((long[] range) -> range[0]));
    List<long[]> merged = new ArrayList<>();
    for (long[] range : ranges) {
      long[] previous = merged.isEmpty() ? null : merged.getLast();
      if (previous != null && range[0] <= previous[1]) {
        previous[1] = Math.max(previous[1], range[1]);
      } else {
        merged.add(range);
      }
    }
    return new Ranges(merged);
  }

  /** Digits as a number; more than a long holds is as good as infinitely many bytes. */
  private static long number(String digits) {
    try {
      return Long.parseLong(digits);
    } catch (NumberFormatException e) {
      return Long.MAX_VALUE / 2;
    }
  }

  /** 26 random hex digits, as Starlette's (and browsers') boundaries. */
  private static String boundary() {
    byte[] random = new byte[13];
    ThreadLocalRandom.current().nextBytes(random);
    return HexFormat.of().formatHex(random);
  }
}
