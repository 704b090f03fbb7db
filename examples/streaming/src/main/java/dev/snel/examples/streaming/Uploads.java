package dev.snel.examples.streaming;

import dev.snel.Alias;
import dev.snel.Post;
import dev.snel.UploadFile;
import dev.snel.netty.ServerConfig;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

/**
 * Uploaded documents, hashed as they are read: {@code POST /files/} with one or more {@code file}
 * parts answers each file's name, content type, size and SHA-256.
 *
 * <p>The body streams in: Snel keeps a file in memory while the request's files are under 1 MiB and
 * spools the rest to temporary files (deleted when the request ends), and this handler reads each
 * file through a 64 KiB buffer, so a 200 MiB upload keeps the heap flat. Uploads over {@link
 * #MAX_UPLOAD_SIZE} are refused with 413.
 */
public final class Uploads {
  /** The largest upload this example accepts (the server's default is 100 MiB). */
  public static final long MAX_UPLOAD_SIZE = 512L << 20;

  /** One stored file, as the route answers it. */
  public record Stored(
      String filename,
      @Alias("content_type") Optional<String> contentType,
      long size,
      String sha256) {}

  /** The server settings this example needs: its upload limit. */
  public static ServerConfig serverConfig(ServerConfig base) {
    return base.maxUploadSize(MAX_UPLOAD_SIZE);
  }

  /** Hashes each {@code file} part while reading it. */
  @Post("/files/")
  public List<Stored> upload(List<UploadFile> file) {
    return file.stream().map(Uploads::store).toList();
  }

  private static Stored store(UploadFile file) {
    MessageDigest sha256;
    try {
      sha256 = MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JDK has SHA-256", e);
    }
    long size = 0;
    try (InputStream in = new DigestInputStream(file.inputStream(), sha256)) {
      byte[] buffer = new byte[64 * 1024];
      for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
        size += n;
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return new Stored(
        file.filename(), file.contentType(), size, HexFormat.of().formatHex(sha256.digest()));
  }
}
