package dev.snel.examples.sqlusersjpa;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariConfig;
import org.junit.jupiter.api.Test;

/** DATABASE_URL in SQLAlchemy's spelling becomes a JDBC URL and the pool's credentials. */
class DatabaseUrlTest {
  @Test
  void sqlite_is_a_file_path() {
    assertThat(Main.jdbcUrl(Main.DEFAULT_URL, new HikariConfig()))
        .isEqualTo("jdbc:sqlite:./sql_app.db");
  }

  @Test
  void user_and_password_move_to_the_pool() {
    HikariConfig config = new HikariConfig();
    assertThat(Main.jdbcUrl("postgresql://user:p%40ss@db.example:5433/app?sslmode=require", config))
        .isEqualTo("jdbc:postgresql://db.example:5433/app?sslmode=require");
    assertThat(config.getUsername()).isEqualTo("user");
    assertThat(config.getPassword()).isEqualTo("p@ss");
  }

  @Test
  void mysql_runs_on_the_mariadb_driver() {
    assertThat(Main.jdbcUrl("mysql://root@127.0.0.1/test", new HikariConfig()))
        .isEqualTo("jdbc:mariadb://127.0.0.1/test");
  }
}
