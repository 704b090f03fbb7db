package dev.snel.internal.files;

import dev.snel.BodyWriter;
import dev.snel.internal.http.FileBody;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The body of a {@code Response.file(...)} before it has met its request: the pipeline's finish
 * step turns it into the answer for the request ({@link FileAnswers#resolve}: headers from the
 * file, 304, 206, 416). Anyone who writes it without that (a response made outside a request) gets
 * the whole file.
 *
 * @param path the file
 */
public record FileSource(Path path) implements BodyWriter {
  @Override
  public void writeTo(OutputStream out) throws Exception {
    new FileBody(path, 0, Files.size(path)).writeTo(out);
  }
}
