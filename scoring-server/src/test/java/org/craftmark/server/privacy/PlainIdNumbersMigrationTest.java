package org.craftmark.server.privacy;

import org.craftmark.server.config.ServerConfig;
import org.craftmark.server.store.Database;
import org.craftmark.server.testing.Backend;
import org.craftmark.server.testing.Season;
import org.craftmark.server.testing.TestDatabase;
import org.craftmark.server.testing.TestDatabases;
import org.flywaydb.core.Flyway;
import org.jooq.impl.DSL;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Arrays;

import static org.assertj.core.api.Assertions.assertThat;
import static org.jooq.impl.DSL.field;
import static org.jooq.impl.DSL.name;
import static org.jooq.impl.DSL.table;

/** A database written before encryption at rest: upgrading seals its ID numbers and drops the plain column. */
@DisplayName("Upgrading a database with plain ID numbers")
class PlainIdNumbersMigrationTest {
    private static final String ID = Season.idNumber(7402);

    @ParameterizedTest(name = "on {0}")
    @EnumSource(Backend.class)
    void sealsEveryPlainNumberAndKeepsThePersonFindable(Backend backend) throws SQLException {
        try (TestDatabase database = TestDatabases.fresh(backend)) {
            String url = database.jdbcUrl().orElseGet(() -> ServerConfig.embeddedH2Url(database.dataDir()));
            Flyway.configure().dataSource(url, database.user(), database.password()).locations("classpath:db/migration")
                    .target("20").load().migrate();
            try (Connection connection = DriverManager.getConnection(url, database.user(), database.password())) {
                DSL.using(connection).insertInto(table(name("persons")),
                                field(name("id_number")), field(name("name")), field(name("created_at")))
                        .values(ID, "张伟", 0L).execute();
            }
            byte[] key = new byte[32];
            Arrays.fill(key, (byte) 3);
            IdNumberVault vault = new IdNumberVault(key);

            try (Database upgraded = Database.open(url, database.user(), database.password(), 2, null, vault)) {
                var person = upgraded.stores().entries().person(ID).orElseThrow();
                assertThat(person.idNumber()).isEqualTo(ID);
                assertThat(person.name()).isEqualTo("张伟");
            }
            try (Connection connection = DriverManager.getConnection(url, database.user(), database.password())) {
                var row = DSL.using(connection).selectFrom(table(name("persons"))).fetchSingle();
                assertThat(row.fields()).extracting(f -> f.getName().toLowerCase()).doesNotContain("id_number");
                assertThat(Arrays.stream(row.intoArray()).map(String::valueOf)).noneMatch(value -> value.contains(ID));
            }
        }
    }
}
