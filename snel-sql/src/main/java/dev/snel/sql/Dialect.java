package dev.snel.sql;

/**
 * The databases Snel's SQL module connects to, each with its driver on the classpath. MySQL is
 * reached through the MariaDB driver, which speaks its protocol.
 */
public enum Dialect {
  /** SQLite: a file, no server; the embedded default. */
  SQLITE,
  /** PostgreSQL. */
  POSTGRESQL,
  /** MariaDB or MySQL. */
  MARIADB
}
