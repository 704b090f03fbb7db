package dev.snel.sql;

import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import org.jspecify.annotations.Nullable;

/**
 * One database URL read into what JDBC needs. SQLAlchemy's URLs ({@code sqlite:///./sql_app.db},
 * {@code postgresql://user:secret@host:5432/db}, {@code mysql+pymysql://...}) are accepted as they
 * are, so a {@code DATABASE_URL} written for the seed app works unchanged; JDBC URLs pass through.
 */
record DatabaseUrl(
    Dialect dialect, String jdbcUrl, @Nullable String user, @Nullable String password) {

  static DatabaseUrl parse(String url) {
    if (url.startsWith("jdbc:")) {
      return new DatabaseUrl(dialectOf(url.substring(5)), url, null, null);
    }
    int colon = url.indexOf(':');
    if (colon < 0) {
      throw new IllegalArgumentException("Not a database URL (no scheme): " + url);
    }
    String scheme = url.substring(0, colon);
    int plus = scheme.indexOf('+'); // SQLAlchemy's "postgresql+psycopg", "mysql+pymysql"
    Dialect dialect = dialectOf(plus < 0 ? scheme : scheme.substring(0, plus));
    String rest = url.substring(colon + 1);
    if (dialect == Dialect.SQLITE) {
      // sqlite:///./a.db and sqlite:///tmp/a.db (SQLAlchemy: three slashes, then the path, so
      // four for an absolute one) and sqlite:./a.db (the short form)
      String path = rest.startsWith("///") ? rest.substring(3) : rest;
      return new DatabaseUrl(dialect, "jdbc:sqlite:" + path, null, null);
    }
    URI uri = URI.create("x:" + rest);
    @Nullable String user = null;
    @Nullable String password = null;
    String userInfo = uri.getRawUserInfo();
    if (userInfo != null) {
      int sep = userInfo.indexOf(':');
      user = decode(sep < 0 ? userInfo : userInfo.substring(0, sep));
      password = sep < 0 ? null : decode(userInfo.substring(sep + 1));
    }
    String host = uri.getHost() == null ? "localhost" : uri.getHost();
    String port = uri.getPort() < 0 ? "" : ":" + uri.getPort();
    String path = uri.getRawPath() == null ? "" : uri.getRawPath();
    String query = uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery();
    String jdbcScheme = dialect == Dialect.POSTGRESQL ? "postgresql" : "mariadb";
    return new DatabaseUrl(
        dialect, "jdbc:" + jdbcScheme + "://" + host + port + path + query, user, password);
  }

  private static Dialect dialectOf(String scheme) {
    String s = scheme.toLowerCase(java.util.Locale.ROOT);
    if (s.startsWith("sqlite")) {
      return Dialect.SQLITE;
    }
    if (s.startsWith("postgres")) {
      return Dialect.POSTGRESQL;
    }
    if (s.startsWith("mariadb") || s.startsWith("mysql")) {
      return Dialect.MARIADB;
    }
    throw new IllegalArgumentException(
        "Unsupported database " + scheme + ": use sqlite:, postgresql:, mariadb: or mysql:");
  }

  private static String decode(String s) {
    return URLDecoder.decode(s, StandardCharsets.UTF_8);
  }
}
