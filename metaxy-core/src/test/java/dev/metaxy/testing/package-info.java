/**
 * Test support shared by the SQL store modules, published in metaxy-core's test-jar (depend on it with
 * {@code <type>test-jar</type><scope>test</scope>}, as for {@link dev.metaxy.store.contract}).
 *
 * <ul>
 *   <li>{@link dev.metaxy.testing.SharedFiles}: finds {@code shared/} and the golden vectors.</li>
 *   <li>{@link dev.metaxy.testing.GoldenCases}: reads golden sample cases into graphs, rows and filters.</li>
 *   <li>{@link dev.metaxy.testing.RandomScenario}: seeded random feature graphs and stored rows.</li>
 *   <li>{@link dev.metaxy.testing.Rows}: order-insensitive row comparison.</li>
 *   <li>{@link dev.metaxy.testing.StoreFixtures}: a two-feature graph and samples for store smoke tests.</li>
 *   <li>{@link dev.metaxy.testing.SqlTestTables}: test tables from rows, query results as rows, on any database a
 *       module's {@link dev.metaxy.testing.SqlTestDialect} (four methods) describes.</li>
 *   <li>{@link dev.metaxy.testing.AbstractGoldenSampleCasesTest} and
 *       {@link dev.metaxy.testing.AbstractRandomizedEquivalenceTest}: the SQL engine's equivalence tests, which a
 *       module runs by subclassing with its dialect and a connection.</li>
 * </ul>
 *
 * A new SQL store module implements {@code SqlTestDialect} once (see {@code DuckDbTestSql}, {@code PgTestSql}) and
 * adds two thin subclasses; the store contract ({@link dev.metaxy.store.contract}) needs only a
 * {@link dev.metaxy.store.contract.ContractStores}.
 */
package dev.metaxy.testing;
