package dev.snel.internal.http;

import java.io.IOException;
import java.nio.file.Path;

/**
 * An output a server hands a body writer when it can send a file region itself, without copying it
 * through the heap (Netty's {@code FileRegion}, {@code sendfile}). {@link FileBody} looks for it;
 * any other writer sees a plain {@link java.io.OutputStream}.
 */
public interface FileSink {
  /**
   * Sends the file's bytes from {@code offset}, {@code length} of them, after what was written so
   * far, and returns once they are sent; false when this output cannot do it now (the caller then
   * copies the bytes itself).
   *
   * @throws IOException if the file cannot be read or the client went away
   */
  boolean transferFile(Path path, long offset, long length) throws IOException;
}
