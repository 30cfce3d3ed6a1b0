package org.craftmark.server.store;

import org.jooq.DSLContext;
import org.jooq.SQLDialect;

/**
 * Where {@code INSERT … ON DUPLICATE KEY UPDATE} is written. MySQL 8.0.19's row-alias form of it,
 * which jOOQ's MYSQL dialect renders, is not understood by MariaDB; the MARIADB rendering (the plain
 * form) runs on both. Only for upserts: elsewhere the MYSQL dialect stays (RETURNING through Connector/J).
 */
final class Upserts {
    private Upserts() {
    }

    static DSLContext over(DSLContext dsl) {
        return dsl.dialect().family() == SQLDialect.MYSQL ? dsl.configuration().derive(SQLDialect.MARIADB).dsl() : dsl;
    }
}
