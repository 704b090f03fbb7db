package dev.snel.internal.http;

import dev.snel.BodyWriter;
import java.io.EOFException;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * A body that is a region of a file. A server that can send a file without copying it through the
 * heap (Netty's {@code FileRegion}, {@code sendfile}) recognises this type and does so; everyone
 * else (the TestClient, a middleware) writes it as any other streamed body. The server's output
 * says it can by being a {@link FileSink}, even when a wrapper (the request scope's) writes the
 * body.
 *
 * @param path the file
 * @param offset the first byte sent
 * @param length how many bytes are sent
 */
public record FileBody(Path path, long offset, long length) implements BodyWriter {
  @Override
  public void writeTo(OutputStream out) throws Exception {
    if (out instanceof FileSink sink && sink.transferFile(path, offset, length)) {
      return;
    }
    try (FileChannel file = FileChannel.open(path, StandardOpenOption.READ)) {
      long position = offset;
      long end = offset + length;
      var target = Channels.newChannel(out);
      while (position < end) {
        long sent = file.transferTo(position, end - position, target);
        if (sent <= 0) {
          throw new EOFException(path + " is shorter than " + end + " bytes");
        }
        position += sent;
      }
    }
  }
}
