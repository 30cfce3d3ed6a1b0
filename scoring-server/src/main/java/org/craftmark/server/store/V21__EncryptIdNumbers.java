package org.craftmark.server.store;

import org.craftmark.server.privacy.IdNumberVault;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record2;
import org.jooq.SQLDialect;
import org.jooq.Table;
import org.jooq.impl.DSL;

import static org.jooq.impl.DSL.field;
import static org.jooq.impl.DSL.name;
import static org.jooq.impl.DSL.table;

/**
 * Migration V21: seals the ID numbers stored in plain before V20 (a Java migration, for it needs the
 * key). Written against the columns by name, not the generated classes, which know only the final
 * schema where {@code id_number} no longer exists.
 */
@SuppressWarnings("checkstyle:TypeName") // Flyway reads the version from the class name
final class V21__EncryptIdNumbers extends BaseJavaMigration {
    private static final Table<?> PERSONS = table(name("persons"));
    private static final Field<Long> ID = field(name("id"), Long.class);
    private static final Field<String> ID_NUMBER = field(name("id_number"), String.class);
    private static final Field<String> ID_HASH = field(name("id_hash"), String.class);
    private static final Field<String> ID_CIPHER = field(name("id_cipher"), String.class);

    private final IdNumberVault vault;
    private final SQLDialect dialect;

    V21__EncryptIdNumbers(IdNumberVault vault, SQLDialect dialect) {
        this.vault = vault;
        this.dialect = dialect;
    }

    @Override
    public void migrate(Context context) {
        DSLContext dsl = DSL.using(context.getConnection(), dialect);
        for (Record2<Long, String> person : dsl.select(ID, ID_NUMBER).from(PERSONS).where(ID_CIPHER.isNull()).fetch()) {
            dsl.update(PERSONS)
                    .set(ID_HASH, vault.lookupHash(person.value2()))
                    .set(ID_CIPHER, vault.seal(person.value2()))
                    .where(ID.eq(person.value1()))
                    .execute();
        }
    }
}
