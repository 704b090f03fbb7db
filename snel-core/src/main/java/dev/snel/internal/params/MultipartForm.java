package dev.snel.internal.params;

import dev.snel.Headers;
import dev.snel.HttpException;
import dev.snel.Request;
import dev.snel.UploadFile;
import dev.snel.internal.http.RequestBodyException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.fileupload2.core.AbstractFileUpload;
import org.apache.commons.fileupload2.core.DiskFileItem;
import org.apache.commons.fileupload2.core.DiskFileItemFactory;
import org.apache.commons.fileupload2.core.FileItemHeaders;
import org.apache.commons.fileupload2.core.FileItemInput;
import org.apache.commons.fileupload2.core.FileItemInputIterator;
import org.apache.commons.fileupload2.core.FileUploadException;
import org.apache.commons.fileupload2.core.FileUploadSizeException;
import org.apache.commons.fileupload2.core.RequestContext;
import org.apache.commons.io.output.DeferredFileOutputStream;
import org.jspecify.annotations.Nullable;

/**
 * Reads a {@code multipart/form-data} body from the request's stream, part by part, with Commons
 * FileUpload's streaming parser (linear in the body: its boundary search is Knuth-Morris-Pratt).
 * Fields are kept as strings; files are kept in memory while the request's files together stay
 * under {@link #MEMORY_BUDGET}, and written to temporary files beyond it, which the caller deletes
 * when the request's scope ends (they are added to {@code spooled} as soon as they exist, so a
 * failure half way leaves none behind).
 *
 * <p>Starlette's limits and its 400s: 1,000 files, 1,000 fields, 1 MiB per field; and a part's
 * headers at most 10 KiB (FileUpload's). Text fields are held in memory, so they are also bounded
 * together ({@link #MAX_FIELDS_SIZE}, which Starlette is not): else the upload limit, sized for
 * files on disk, would be what one form may put in the heap. Anything else wrong with the body is
 * FastAPI's 400 "There was an error parsing the body". Runs on the request's thread; blocks while
 * the body arrives.
 */
final class MultipartForm {
  static final int MAX_FILES = 1000;
  static final int MAX_FIELDS = 1000;
  static final int MAX_FIELD_SIZE = 1024 * 1024;

  /** Bytes of all text fields of one form together: eight of the largest. */
  static final int MAX_FIELDS_SIZE = 8 * MAX_FIELD_SIZE;

  static final int MAX_PART_HEADER_SIZE = 10 * 1024;

  /** Bytes of files kept in memory per request (Starlette's spool size, for one file). */
  static final int MEMORY_BUDGET = 1024 * 1024;

  /** What is drained after the closing boundary so the connection can be reused. */
  private static final int MAX_EPILOGUE = 64 * 1024;

  private static final String PARSE_ERROR = "There was an error parsing the body";

  /** The fields and files of a form, each in order of arrival. */
  record Parsed(Map<String, List<String>> fields, Map<String, List<UploadFile>> files) {}

  private MultipartForm() {}

  /** Whether the content type is {@code multipart/form-data} (the media type, any case). */
  static boolean isMultipart(String contentType) {
    int semicolon = contentType.indexOf(';');
    return (semicolon < 0 ? contentType : contentType.substring(0, semicolon))
        .strip()
        .equalsIgnoreCase("multipart/form-data");
  }

  static Parsed read(Request request, String contentType, List<Path> spooled) {
    Upload upload = new Upload();
    if (upload.getBoundary(contentType) == null) {
      throw new HttpException(400, "Missing boundary in multipart.");
    }
    Map<String, List<String>> fields = new LinkedHashMap<>();
    Map<String, List<UploadFile>> files = new LinkedHashMap<>();
    int fieldCount = 0;
    int fileCount = 0;
    long inMemory = 0;
    long fieldBytes = 0;
    try {
      FileItemInputIterator items = upload.getItemIterator(new Context(request, contentType));
      while (items.hasNext()) {
        FileItemInput item = items.next();
        String name = item.getFieldName();
        if (name == null) {
          throw new HttpException(
              400, "The Content-Disposition header field \"name\" must be provided.");
        }
        if (item.isFormField()) {
          if (++fieldCount > MAX_FIELDS) {
            throw new HttpException(
                400, "Too many fields. Maximum number of fields is " + MAX_FIELDS + ".");
          }
          byte[] value = field(item);
          fieldBytes += value.length;
          if (fieldBytes > MAX_FIELDS_SIZE) {
            throw new HttpException(
                400,
                "Form fields exceeded maximum total size of " + MAX_FIELDS_SIZE / 1024 + "KB.");
          }
          fields
              .computeIfAbsent(name, k -> new ArrayList<>(1))
              .add(new String(value, StandardCharsets.UTF_8));
        } else {
          if (++fileCount > MAX_FILES) {
            throw new HttpException(
                400, "Too many files. Maximum number of files is " + MAX_FILES + ".");
          }
          UploadFile file = spool(item, (int) Math.max(0, MEMORY_BUDGET - inMemory), spooled);
          if (!file.onDisk()) {
            inMemory += file.size();
          }
          files.computeIfAbsent(name, k -> new ArrayList<>(1)).add(file);
        }
      }
      drainEpilogue(request);
    } catch (HttpException e) {
      throw e;
    } catch (Exception e) {
      throw failure(e);
    }
    return new Parsed(fields, files);
  }

  private static byte[] field(FileItemInput item) throws IOException {
    try (InputStream in = item.getInputStream()) {
      byte[] value = in.readNBytes(MAX_FIELD_SIZE + 1);
      if (value.length > MAX_FIELD_SIZE) {
        throw new HttpException(
            400, "Part exceeded maximum size of " + MAX_FIELD_SIZE / 1024 + "KB.");
      }
      return value;
    }
  }

  private static UploadFile spool(FileItemInput item, int threshold, List<Path> spooled)
      throws IOException {
    String filename = item.getName(); // may refuse a name with a NUL: a 400 like other damage
    Headers headers = headers(item.getHeaders());
    DeferredFileOutputStream out =
        DeferredFileOutputStream.builder()
            .setThreshold(threshold)
            .setPrefix("snel-upload-")
            .setSuffix(".part")
            .setDirectory(Path.of(System.getProperty("java.io.tmpdir")))
            .get();
    try (InputStream in = item.getInputStream()) {
      in.transferTo(out);
    } finally {
      out.close();
      if (!out.isInMemory()) {
        spooled.add(out.getPath());
      }
    }
    return out.isInMemory()
        ? UploadFile.of(filename, headers, out.getData())
        : UploadFile.spooled(filename, headers, out.getPath(), out.getByteCount());
  }

  private static Headers headers(FileItemHeaders parsed) {
    Headers headers = Headers.create();
    for (Iterator<String> names = parsed.getHeaderNames(); names.hasNext(); ) {
      String name = names.next();
      for (Iterator<String> values = parsed.getHeaders(name); values.hasNext(); ) {
        headers.add(name, values.next());
      }
    }
    return headers;
  }

  /** Reads what follows the closing boundary (usually a CRLF), a little at most. */
  private static void drainEpilogue(Request request) throws IOException {
    InputStream rest = request.bodyStream();
    long skipped = 0;
    byte[] sink = new byte[8192];
    int n;
    while (skipped < MAX_EPILOGUE && (n = rest.read(sink)) >= 0) {
      skipped += n;
    }
  }

  /** A failure while reading: the server's own reason if the stream gave one, else a 400. */
  private static HttpException failure(Throwable e) {
    for (Throwable cause = e; cause != null; cause = cause.getCause()) {
      if (cause instanceof RequestBodyException body) {
        return new HttpException(body.status(), String.valueOf(body.getMessage()));
      }
      if (cause instanceof HttpException http) {
        return http;
      }
      if (cause instanceof FileUploadSizeException) { // the only size FileUpload checks here
        return new HttpException(
            400, "Part headers exceeded maximum size of " + MAX_PART_HEADER_SIZE / 1024 + "KB.");
      }
    }
    return new HttpException(400, PARSE_ERROR);
  }

  /** FileUpload's streaming entry point, configured once per body. */
  private static final class Upload
      extends AbstractFileUpload<Context, DiskFileItem, DiskFileItemFactory> {
    Upload() {
      setHeaderCharset(StandardCharsets.UTF_8);
      setMaxPartHeaderSize(MAX_PART_HEADER_SIZE);
    }

    @Override
    public FileItemInputIterator getItemIterator(Context context)
        throws FileUploadException, IOException {
      return getItemIterator((RequestContext) context);
    }

    @Override
    public Map<String, List<DiskFileItem>> parseParameterMap(Context context) {
      throw new UnsupportedOperationException("Snel reads parts as a stream");
    }

    @Override
    public List<DiskFileItem> parseRequest(Context context) {
      throw new UnsupportedOperationException("Snel reads parts as a stream");
    }
  }

  /** The request as FileUpload asks for it: its type and its body stream, length unknown. */
  private record Context(Request request, String contentType) implements RequestContext {
    @Override
    public @Nullable String getCharacterEncoding() {
      return null; // part headers in UTF-8, as browsers send them
    }

    @Override
    public long getContentLength() {
      return -1;
    }

    @Override
    public String getContentType() {
      return contentType;
    }

    @Override
    public InputStream getInputStream() {
      return request.bodyStream();
    }

    @Override
    public boolean isMultipartRelated() {
      return false;
    }
  }

  static void delete(List<Path> spooled) throws IOException {
    IOException failure = null;
    for (Path path : spooled) {
      try {
        Files.deleteIfExists(path);
      } catch (IOException e) {
        failure = e;
      }
    }
    if (failure != null) {
      throw failure;
    }
  }
}
