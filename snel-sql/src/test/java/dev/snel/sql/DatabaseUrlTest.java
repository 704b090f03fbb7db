package dev.snel.sql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class DatabaseUrlTest {
  @Test
  void reads_sqlalchemy_sqlite_urls_relative_and_absolute() {
    assertThat(DatabaseUrl.parse("sqlite:///./sql_app.db").jdbcUrl())
        .isEqualTo("jdbc:sqlite:./sql_app.db");
    assertThat(DatabaseUrl.parse("sqlite:////tmp/app.db").jdbcUrl())
        .isEqualTo("jdbc:sqlite:/tmp/app.db");
    assertThat(DatabaseUrl.parse("sqlite:./sql_app.db").jdbcUrl())
        .isEqualTo("jdbc:sqlite:./sql_app.db");
  }

  @Test
  void takes_user_and_password_out_of_a_server_url() {
    DatabaseUrl url =
        DatabaseUrl.parse("postgresql+psycopg://app:p%40ss@db:5433/shop?sslmode=require");
    assertThat(url.dialect()).isEqualTo(Dialect.POSTGRESQL);
    assertThat(url.jdbcUrl()).isEqualTo("jdbc:postgresql://db:5433/shop?sslmode=require");
    assertThat(url.user()).isEqualTo("app");
    assertThat(url.password()).isEqualTo("p@ss");
  }

  @Test
  void reaches_mysql_and_mariadb_through_the_mariadb_driver() {
    assertThat(DatabaseUrl.parse("mysql+pymysql://root@127.0.0.1/test").jdbcUrl())
        .isEqualTo("jdbc:mariadb://127.0.0.1/test");
    assertThat(DatabaseUrl.parse("mariadb://root@127.0.0.1:3306/test").dialect())
        .isEqualTo(Dialect.MARIADB);
  }

  @Test
  void passes_jdbc_urls_through() {
    DatabaseUrl url = DatabaseUrl.parse("jdbc:postgresql://h/db?user=x");
    assertThat(url.jdbcUrl()).isEqualTo("jdbc:postgresql://h/db?user=x");
    assertThat(url.user()).isNull();
  }

  @Test
  void rejects_a_database_it_has_no_driver_for() {
    assertThatThrownBy(() -> DatabaseUrl.parse("oracle://h/db"))
        .hasMessageContaining("Unsupported database oracle");
  }
}
