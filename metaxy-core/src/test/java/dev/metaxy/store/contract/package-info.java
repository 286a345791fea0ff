/**
 * The reusable store contract: abstract JUnit classes, one per topic, that every {@link dev.metaxy.store.MetadataStore}
 * implementation runs unchanged by subclassing each class and implementing
 * {@link dev.metaxy.store.contract.StoreContract#newStore} or, more simply, returning the module's one
 * {@link dev.metaxy.store.contract.ContractStores} from {@link dev.metaxy.store.contract.StoreContract#stores()}.
 * Published in metaxy-core's test-jar; a store module depends on it with
 * {@code <type>test-jar</type><scope>test</scope>} (see {@link dev.metaxy.store.contract.StoreContract}).
 */
package dev.metaxy.store.contract;
