package dev.snel.internal.files;

import java.net.URLConnection;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The media type of a file from its name, as Starlette's {@code FileResponse} takes it from
 * Python's {@code mimetypes.guess_type}: the common web types from a table of our own (the same
 * answers Python gives, so a file is served with the type a FastAPI app would send), then the JDK's
 * table, then {@code text/plain}. Text types get {@code charset=utf-8}, as Starlette adds it.
 */
public final class MediaTypes {
  private MediaTypes() {}

  private static final Map<String, String> BY_EXTENSION =
      Map.ofEntries(
          Map.entry("html", "text/html"),
          Map.entry("htm", "text/html"),
          Map.entry("css", "text/css"),
          Map.entry("js", "text/javascript"),
          Map.entry("mjs", "text/javascript"),
          Map.entry("json", "application/json"),
          Map.entry("map", "application/json"),
          Map.entry("txt", "text/plain"),
          Map.entry("md", "text/markdown"),
          Map.entry("csv", "text/csv"),
          Map.entry("xml", "text/xml"),
          Map.entry("svg", "image/svg+xml"),
          Map.entry("png", "image/png"),
          Map.entry("jpg", "image/jpeg"),
          Map.entry("jpeg", "image/jpeg"),
          Map.entry("gif", "image/gif"),
          Map.entry("webp", "image/webp"),
          Map.entry("avif", "image/avif"),
          Map.entry("ico", "image/vnd.microsoft.icon"),
          Map.entry("woff", "font/woff"),
          Map.entry("woff2", "font/woff2"),
          Map.entry("ttf", "font/ttf"),
          Map.entry("otf", "font/otf"),
          Map.entry("wasm", "application/wasm"),
          Map.entry("pdf", "application/pdf"),
          Map.entry("zip", "application/zip"),
          Map.entry("gz", "application/gzip"),
          Map.entry("tar", "application/x-tar"),
          Map.entry("bin", "application/octet-stream"),
          Map.entry("mp3", "audio/mpeg"),
          Map.entry("wav", "audio/x-wav"),
          Map.entry("ogg", "audio/ogg"),
          Map.entry("mp4", "video/mp4"),
          Map.entry("webm", "video/webm"),
          Map.entry("jsonl", "application/jsonl"),
          Map.entry("ndjson", "application/x-ndjson"),
          Map.entry("yaml", "application/yaml"),
          Map.entry("yml", "application/yaml"));

  /** The media type for a file name, with {@code charset=utf-8} for text. */
  public static String forName(String name) {
    return withCharset(guess(name));
  }

  /** Starlette's rule: a text type without a charset gets {@code charset=utf-8}. */
  public static String withCharset(String type) {
    return type.startsWith("text/") && !type.contains("charset=") ? type + "; charset=utf-8" : type;
  }

  private static String guess(String name) {
    int dot = name.lastIndexOf('.');
    int slash = Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\'));
    if (dot > slash && dot < name.length() - 1) {
      String known = BY_EXTENSION.get(name.substring(dot + 1).toLowerCase(Locale.ROOT));
      if (known != null) {
        return known;
      }
    }
    @Nullable String jdk = URLConnection.getFileNameMap().getContentTypeFor(name);
    return jdk != null ? jdk : "text/plain";
  }
}
