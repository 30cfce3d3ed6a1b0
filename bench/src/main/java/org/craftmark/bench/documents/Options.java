package org.craftmark.bench.documents;

/** The command line of a documents benchmark: {@code --name value} pairs, and the MariaDB server to use. */
record Options(String[] args) {
    static Options of(String[] args) {
        return new Options(args.clone());
    }

    String get(String name, String otherwise) {
        for (int i = 0; i + 1 < args.length; i++) {
            if (args[i].equals(name)) {
                return args[i + 1];
            }
        }
        return otherwise;
    }

    boolean has(String flag) {
        return java.util.List.of(args).contains(flag);
    }

    String dbServer() {
        return get("--db-server", "jdbc:mysql://127.0.0.1:3306/");
    }

    String dbUser() {
        return get("--db-user", "root");
    }

    String dbPassword() {
        return get("--db-password", "");
    }
}
