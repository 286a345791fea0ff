package dev.metaxy.lake;

import dev.metaxy.store.contract.BufferedWriterContract;
import dev.metaxy.store.contract.ContractStores;
import dev.metaxy.store.contract.DeleteContract;
import dev.metaxy.store.contract.FallbackContract;
import dev.metaxy.store.contract.LifecycleContract;
import dev.metaxy.store.contract.RandomizedEngineContract;
import dev.metaxy.store.contract.ReadContract;
import dev.metaxy.store.contract.RebaseContract;
import dev.metaxy.store.contract.ResolveUpdateContract;
import dev.metaxy.store.contract.SystemTablesContract;
import dev.metaxy.store.contract.WriteContract;
import org.junit.jupiter.api.Nested;

/**
 * The whole store contract, the randomized reference-engine comparison included, for a storage-only store on the
 * {@link LocalS3Server} (one server per JVM, one bucket per topic class, see {@link S3ContractLocations}): a store
 * module subclasses this once ({@code class DeltaS3ContractTest extends LakeS3Contract}) and JUnit runs every nested
 * topic class against its {@link #s3Stores()}; the Read topic also runs against {@link #s3EnvironmentStores()}.
 */
public abstract class LakeS3Contract {
    /** The module's stores on the S3 server configured by {@code storage_options}. */
    protected abstract ContractStores s3Stores();

    /** The module's stores on the S3 server configured only by the AWS environment variables. */
    protected abstract ContractStores s3EnvironmentStores();

    @Nested
    class Lifecycle extends LifecycleContract {
        @Override
        protected ContractStores stores() {
            return s3Stores();
        }
    }

    @Nested
    class Write extends WriteContract {
        @Override
        protected ContractStores stores() {
            return s3Stores();
        }
    }

    @Nested
    class Read extends ReadContract {
        @Override
        protected ContractStores stores() {
            return s3Stores();
        }
    }

    @Nested
    class ResolveUpdate extends ResolveUpdateContract {
        @Override
        protected ContractStores stores() {
            return s3Stores();
        }
    }

    @Nested
    class Delete extends DeleteContract {
        @Override
        protected ContractStores stores() {
            return s3Stores();
        }
    }

    @Nested
    class Fallback extends FallbackContract {
        @Override
        protected ContractStores stores() {
            return s3Stores();
        }
    }

    @Nested
    class SystemTables extends SystemTablesContract {
        @Override
        protected ContractStores stores() {
            return s3Stores();
        }
    }

    @Nested
    class BufferedWriter extends BufferedWriterContract {
        @Override
        protected ContractStores stores() {
            return s3Stores();
        }
    }

    @Nested
    class Rebase extends RebaseContract {
        @Override
        protected ContractStores stores() {
            return s3Stores();
        }
    }

    @Nested
    class RandomizedEngine extends RandomizedEngineContract {
        @Override
        protected ContractStores stores() {
            return s3Stores();
        }

        /** Fewer seeds than on local disk: the engine logic is the same, here the object-store I/O is under test. */
        @Override
        protected int randomizedRuns() {
            return 6;
        }
    }

    @Nested
    class ReadFromEnvironment extends ReadContract {
        @Override
        protected ContractStores stores() {
            return s3EnvironmentStores();
        }
    }
}
