package dev.snel.internal.files;

import dev.snel.BodyWriter;
import dev.snel.internal.http.FileBody;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A {@code multipart/byteranges} body (RFC 9110 §14.6): each range of the file after a part header
 * naming its type and {@code Content-Range}, CRLF line ends, then the closing boundary. Its length
 * is known before it is written, so the response has a {@code Content-Length}.
 *
 * @param path the file
 * @param heads each part's boundary line and headers, before its bytes
 * @param ranges each part's bytes, {@code [start, end)}
 * @param tail the closing boundary
 * @param boundary the boundary, for the response's content type
 * @param length the body's length in bytes
 */
record MultipartRanges(
    Path path, List<byte[]> heads, List<long[]> ranges, byte[] tail, String boundary, long length)
    implements BodyWriter {

  static MultipartRanges of(
      Path path, List<long[]> ranges, long size, String contentType, String boundary) {
    List<byte[]> heads = new ArrayList<>(ranges.size());
    long length = 0;
    for (long[] range : ranges) {
      String head =
          (heads.isEmpty() ? "" : "\r\n")
              + "--"
              + boundary
              + "\r\nContent-Type: "
              + contentType
              + "\r\nContent-Range: bytes "
              + range[0]
              + "-"
              + (range[1] - 1)
              + "/"
              + size
              + "\r\n\r\n";
      byte[] bytes = head.getBytes(StandardCharsets.ISO_8859_1);
      heads.add(bytes);
      length += bytes.length + range[1] - range[0];
    }
    byte[] tail = ("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.ISO_8859_1);
    return new MultipartRanges(
        path, List.copyOf(heads), List.copyOf(ranges), tail, boundary, length + tail.length);
  }

  @Override
  public void writeTo(OutputStream out) throws Exception {
    for (int i = 0; i < ranges.size(); i++) {
      out.write(heads.get(i));
      long[] range = ranges.get(i);
      // a region each: a server that sends files itself sends these too
      new FileBody(path, range[0], range[1] - range[0]).writeTo(out);
    }
    out.write(tail);
  }
}
