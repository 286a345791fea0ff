package dev.metaxy.testing;

import java.sql.Connection;

/** Test code run on a database connection a store module provides (see the abstract tests of this package). */
@FunctionalInterface
public interface ConnectionWork {
    void run(Connection connection) throws Exception;
}
