package dev.snel.netty.files;

import dev.snel.Get;
import dev.snel.Post;
import dev.snel.Response;
import dev.snel.Snel;
import dev.snel.StaticFiles;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;

/** Handlers answering with files of a directory, and the files the tests read. */
public final class FileRoutes {
  static final String README =
      """
      # Snel files

      A small text to cut into ranges: it is longer than a few hundred bytes, so the ranges of the
      tests fall inside it, and it holds non-ASCII text (Snel is Dutch for fast; zoë, café, 你好)
      so that the byte offsets are not the character offsets.

      Lines go on for a while more, to be comfortably above five hundred bytes in all, which is the
      size the tests assume when they ask for a range that starts at byte 500. This paragraph
      is here only to make sure of that, with room to spare for whoever shortens the text above.
      """;

  /** The size of the large file: several times any buffer between the file and the socket. */
  static final int BIG_SIZE = 3 * 1024 * 1024 + 17;

  private final Path dir;

  FileRoutes(Path dir) {
    this.dir = dir;
  }

  /** Writes the files under the directory: readme.txt, big.bin and a static/ tree. */
  static void writeFiles(Path dir) throws IOException {
    Files.writeString(dir.resolve("readme.txt"), README, StandardCharsets.UTF_8);
    Files.write(dir.resolve("big.bin"), bigBytes());
    Path outside = Files.createDirectories(dir.resolve("outside"));
    Files.writeString(outside.resolve("secret.txt"), "TOP-SECRET");
    Path site = Files.createDirectories(dir.resolve("static"));
    Files.writeString(site.resolve("hello.txt"), "Hello, static world");
    Files.writeString(site.resolve("index.html"), "<h1>Home</h1>");
    Files.writeString(site.resolve("404.html"), "<h1>No such page</h1>");
    Files.writeString(site.resolve("style.css"), "h1 { color: red }");
    Files.createDirectories(site.resolve("sub"));
    Files.writeString(site.resolve("sub/index.html"), "<h1>Sub</h1>");
    Files.createDirectories(site.resolve("empty"));
    Files.createSymbolicLink(site.resolve("link-out.txt"), outside.resolve("secret.txt"));
    Files.createSymbolicLink(site.resolve("dir-out"), outside);
    Files.createSymbolicLink(site.resolve("link-in.txt"), site.resolve("hello.txt"));
  }

  /** Deterministic bytes: the same seed gives the same file on every run. */
  static byte[] bigBytes() {
    byte[] bytes = new byte[BIG_SIZE];
    new Random(42).nextBytes(bytes);
    return bytes;
  }

  /** The app the tests serve: these handlers and three mounts of static/. */
  static Snel app(Path dir) {
    Path site = dir.resolve("static");
    return Snel.create()
        .include(new FileRoutes(dir))
        .mount("/static", StaticFiles.of(site))
        .mount("/site", StaticFiles.of(site).html(true))
        .mount("/follow", StaticFiles.of(site).followSymlinks(true));
  }

  @Get("/file")
  public Response file() {
    return Response.file(dir.resolve("readme.txt"));
  }

  @Post("/file")
  public Response postedFile() {
    return Response.file(dir.resolve("readme.txt"));
  }

  @Get("/big")
  public Response big() {
    return Response.file(dir.resolve("big.bin"));
  }

  @Get("/download")
  public Response download() {
    return Response.file(dir.resolve("readme.txt"), null, "你好.txt");
  }

  @Get("/report")
  public Response report() {
    return Response.file(dir.resolve("readme.txt"), null, "report.txt");
  }

  @Get("/csv")
  public Response csv() {
    return Response.file(dir.resolve("readme.txt"), "text/csv");
  }

  @Get("/own-etag")
  public Response ownEtag() {
    return Response.file(dir.resolve("readme.txt")).header("etag", "\"mine\"");
  }

  @Get("/missing")
  public Response missing() {
    return Response.file(dir.resolve("no-such-file.txt"));
  }

  @Get("/static/override")
  public String override() {
    return "a route wins over the mount";
  }
}
