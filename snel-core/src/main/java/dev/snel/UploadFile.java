package dev.snel;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * A file sent in a {@code multipart/form-data} request, as FastAPI's {@code UploadFile}: declare a
 * handler or dependency parameter of this type (or {@code List<UploadFile>} for several files under
 * one field, or {@code Optional<UploadFile>}) and the field of that name is read from the form.
 *
 * <pre>{@code
 * @Post("/files/")
 * public Map<String, Object> upload(UploadFile file) throws IOException {
 *   return Map.of("filename", file.filename(), "size", file.size());
 * }
 * }</pre>
 *
 * <p>The whole form is read before the handler runs (so that a missing field is a 422 before any
 * code of yours): a file is kept in memory while the request's files are small, and written to a
 * temporary file beyond that; the temporary files are deleted when the request's scope ends. Read
 * the content with {@link #inputStream()}, {@link #bytes()} or {@link #transferTo(Path)} within the
 * request. Safe to read from any thread; each call of {@link #inputStream()} starts at the
 * beginning.
 */
public final class UploadFile {
  private final String filename;
  private final Headers headers;
  private final long size;
  private final byte @Nullable [] content;
  private final @Nullable Path spooled;

  private UploadFile(
      String filename, Headers headers, long size, byte @Nullable [] content, @Nullable Path file) {
    this.filename = filename;
    this.headers = headers;
    this.size = size;
    this.content = content;
    this.spooled = file;
  }

  /** A file whose content is in memory; for tests and for Snel's form reader. */
  public static UploadFile of(String filename, Headers headers, byte[] content) {
    return new UploadFile(filename, headers, content.length, content.clone(), null);
  }

  /**
   * A file whose content was written to {@code file}, which the caller deletes when the request
   * ends; for Snel's form reader.
   */
  public static UploadFile spooled(String filename, Headers headers, Path file, long size) {
    return new UploadFile(filename, headers, size, null, Objects.requireNonNull(file, "file"));
  }

  /** The file name the client sent, as sent (possibly empty; never trust it as a path). */
  public String filename() {
    return filename;
  }

  /** The part's {@code Content-Type}, if the client sent one. */
  public Optional<String> contentType() {
    return headers.first("content-type");
  }

  /** The part's headers ({@code Content-Disposition}, {@code Content-Type}, ...). */
  public Headers headers() {
    return headers;
  }

  /** The content's length in bytes. */
  public long size() {
    return size;
  }

  /** Whether the content is in a temporary file rather than in memory. */
  public boolean onDisk() {
    return spooled != null;
  }

  /** A new stream over the content, from its first byte. */
  public InputStream inputStream() {
    if (content != null) {
      return new ByteArrayInputStream(content);
    }
    try {
      return Files.newInputStream(Objects.requireNonNull(spooled));
    } catch (IOException e) {
      throw new UncheckedIOException("the uploaded file's content is gone: " + filename, e);
    }
  }

  /** The whole content; for small files (the content of a large one may not fit in memory). */
  public byte[] bytes() {
    if (content != null) {
      return content.clone();
    }
    try (InputStream in = inputStream()) {
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException("reading the uploaded file failed: " + filename, e);
    }
  }

  /**
   * Writes the content to {@code target}, replacing it if it exists, and returns the bytes written.
   * Keep the file past the request this way: Snel deletes its own temporary copy at the end.
   */
  public long transferTo(Path target) {
    try (InputStream in = inputStream()) {
      return Files.copy(in, target, StandardCopyOption.REPLACE_EXISTING);
    } catch (IOException e) {
      throw new UncheckedIOException("copying the uploaded file to " + target + " failed", e);
    }
  }

  @Override
  public String toString() {
    return "UploadFile[" + filename + ", " + size + " bytes]";
  }
}
