package dev.baton.instrumentation.api.db;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class JdbcUrlParserTest {

  @ParameterizedTest
  @CsvSource(delimiter = '|', nullValues = "-", value = {
      "jdbc:postgresql://127.0.0.1:5432/test | postgresql | test | 127.0.0.1 | 5432",
      "jdbc:postgresql://db.example.com/orders?user=app&password=s3cret | postgresql | orders | db.example.com | 5432",
      "jdbc:postgresql://h1:5433,h2:5434/orders?targetServerType=primary | postgresql | orders | h1 | 5433",
      "jdbc:postgresql://[::1]:5740/accounting | postgresql | accounting | [::1] | 5740",
      "jdbc:postgresql:orders | postgresql | orders | localhost | 5432",
      "jdbc:p6spy:postgresql://db:6432/orders | postgresql | orders | db | 6432",
      "jdbc:mysql://127.0.0.1:3306/test?useSSL=false | mysql | test | 127.0.0.1 | 3306",
      "jdbc:mysql://app:s3cret@db.example.com/shop | mysql | shop | db.example.com | 3306",
      "jdbc:mysql:loadbalance://h1:3307,h2:3308/shop | mysql | shop | h1 | 3307",
      "jdbc:mysql://address=(host=myhost)(port=1111)(key1=value1)/db | mysql | db | myhost | 1111",
      "jdbc:mysql+srv://_mysql._tcp.example.com/db | mysql | db | _mysql._tcp.example.com | 3306",
      "jdbc:mariadb://127.0.0.1:3306/test | mariadb | test | 127.0.0.1 | 3306",
      "jdbc:mariadb:replication://primary:3310,replica/shop?user=root&password=x | mariadb | shop | primary | 3310",
      "jdbc:h2:mem:test;DB_CLOSE_DELAY=-1 | h2database | test | - | 0",
      "jdbc:h2:~/data/app | h2database | app | - | 0",
      "jdbc:h2:file:/var/lib/app/db;MODE=PostgreSQL | h2database | db | - | 0",
      "jdbc:h2:tcp://127.0.0.1:41234/mem:orders | h2database | orders | 127.0.0.1 | 41234",
      "jdbc:h2:tcp://dbhost/~/test | h2database | test | dbhost | 9092",
      "jdbc:hsqldb:mem:shop | hsqldb | shop | - | 0",
      "jdbc:hsqldb:hsql://dbhost:9002/shop | hsqldb | shop | dbhost | 9002",
      "jdbc:derby://dbhost:1528/shop;create=true | derby | shop | dbhost | 1528",
      "jdbc:derby:memory:shop;create=true | derby | shop | - | 0",
      "jdbc:sqlserver://dbhost\\\\SQLEXPRESS:1434;databaseName=shop;user=sa;password=s3cret | microsoft.sql_server | shop | dbhost | 1434",
      "jdbc:sqlserver://;serverName=dbhost;databaseName=shop | microsoft.sql_server | shop | dbhost | 1433",
      "jdbc:jtds:sqlserver://dbhost:1435/shop;user=sa | microsoft.sql_server | shop | dbhost | 1435",
      "jdbc:oracle:thin:@dbhost:1522:ORCL | oracle.db | ORCL | dbhost | 1522",
      "jdbc:oracle:thin:scott/tiger@//dbhost:1521/shop.example | oracle.db | shop.example | dbhost | 1521",
      "jdbc:oracle:thin:@(DESCRIPTION=(ADDRESS=(PROTOCOL=TCP)(HOST=dbhost)(PORT=1525))(CONNECT_DATA=(SERVICE_NAME=Shop))) | oracle.db | Shop | dbhost | 1525",
      "jdbc:oracle:thin:@tnsalias | oracle.db | - | - | 0",
      "jdbc:db2://dbhost:50001/SHOP:currentSchema=X; | ibm.db2 | SHOP | dbhost | 50001",
      "jdbc:sqlite:/tmp/app.db | sqlite | - | - | 0",
      "jdbc:unknowndb://dbhost:1234/shop | other_sql | shop | dbhost | 1234"})
  void driverUrls(String url, String system, String namespace, String host, int port) {
    DbConnectionInfo info = JdbcUrlParser.parse(url);
    assertThat(info.system()).as(url).isEqualTo(system);
    assertThat(info.namespace()).as(url).isEqualTo(namespace);
    assertThat(info.serverAddress()).as(url).isEqualTo(host);
    assertThat(info.serverPort()).as(url).isEqualTo(port);
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "jdbc:mysql://app:s3cret@db.example.com/shop",
      "jdbc:mysql://app:s3c@ret@db.example.com/shop",
      "jdbc:mariadb://root:s3cret@127.0.0.1/test?password=s3cret",
      "jdbc:postgresql://db/shop?user=app&password=s3cret",
      "jdbc:oracle:thin:app/s3cret@dbhost:1521:ORCL",
      "jdbc:sqlserver://dbhost;user=app;password=s3cret;databaseName=shop",
      "jdbc:unknowndb://app:s3cret@dbhost/shop"})
  void credentialsNeverComeOut(String url) {
    assertThat(JdbcUrlParser.parse(url).toString()).doesNotContain("app", "s3c", "root", "ret");
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "not a url", "jdbc:", "jdbc:postgresql", "jdbc:postgresql://",
      "jdbc:mysql://:abc/", "jdbc:oracle:thin:@(", "jdbc:h2:tcp://"})
  void nonsenseGivesAResultNotAnException(String url) {
    assertThat(JdbcUrlParser.parse(url)).isNotNull();
  }
}
