package dev.metaxy.store.contract;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.util.Arrays;
import java.util.Optional;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The whole store contract: a store module extends this once ({@code class DuckDbStoreSuiteTest extends StoreSuite})
 * and JUnit runs every topic, as a nested class, against its {@link #stores()}. No store can skip a topic silently:
 * a topic a store deliberately does not cover is named with {@link Without} on the subclass, with the reason, and
 * is reported as skipped with that reason.
 */
@ExtendWith(StoreSuite.TopicCondition.class)
public abstract class StoreSuite {
    /** The module's answers to the contract's hooks. */
    protected abstract ContractStores stores();

    /** Topics (nested class names, e.g. {@code "Rebase"}) a store does not cover, and why. */
    @Retention(RetentionPolicy.RUNTIME)
    @Target(ElementType.TYPE)
    public @interface Without {
        String[] value();

        String reason();
    }

    /** Disables the nested topics the concrete suite names in {@link Without}. */
    static final class TopicCondition implements ExecutionCondition {
        @Override
        public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
            Optional<Class<?>> topic = context.getTestClass().filter(c -> c.getEnclosingClass() == StoreSuite.class);
            Optional<Without> without = context.getParent().flatMap(ExtensionContext::getTestClass)
                .map(c -> c.getAnnotation(Without.class));
            if (topic.isPresent() && without.isPresent()
                && Arrays.asList(without.get().value()).contains(topic.get().getSimpleName())) {
                return ConditionEvaluationResult.disabled(topic.get().getSimpleName() + " not covered: " + without.get().reason());
            }
            return ConditionEvaluationResult.enabled("covered");
        }
    }

    @Nested
    class Lifecycle extends LifecycleContract {
        @Override
        protected ContractStores stores() {
            return StoreSuite.this.stores();
        }
    }

    @Nested
    class Write extends WriteContract {
        @Override
        protected ContractStores stores() {
            return StoreSuite.this.stores();
        }
    }

    @Nested
    class Read extends ReadContract {
        @Override
        protected ContractStores stores() {
            return StoreSuite.this.stores();
        }
    }

    @Nested
    class ResolveUpdate extends ResolveUpdateContract {
        @Override
        protected ContractStores stores() {
            return StoreSuite.this.stores();
        }
    }

    @Nested
    class Delete extends DeleteContract {
        @Override
        protected ContractStores stores() {
            return StoreSuite.this.stores();
        }
    }

    @Nested
    class Rebase extends RebaseContract {
        @Override
        protected ContractStores stores() {
            return StoreSuite.this.stores();
        }
    }

    @Nested
    class Fallback extends FallbackContract {
        @Override
        protected ContractStores stores() {
            return StoreSuite.this.stores();
        }
    }

    @Nested
    class SystemTables extends SystemTablesContract {
        @Override
        protected ContractStores stores() {
            return StoreSuite.this.stores();
        }
    }

    @Nested
    class BufferedWriter extends BufferedWriterContract {
        @Override
        protected ContractStores stores() {
            return StoreSuite.this.stores();
        }
    }

    @Nested
    class RandomizedEngine extends RandomizedEngineContract {
        @Override
        protected ContractStores stores() {
            return StoreSuite.this.stores();
        }
    }

    @Nested
    class StoreLookup extends StoreLookupContract {
        @Override
        protected ContractStores stores() {
            return StoreSuite.this.stores();
        }
    }

    @Nested
    class ComputeProvenance extends ComputeProvenanceContract {
        @Override
        protected ContractStores stores() {
            return StoreSuite.this.stores();
        }
    }

    @Nested
    class Copy extends CopyContract {
        @Override
        protected ContractStores stores() {
            return StoreSuite.this.stores();
        }
    }

    @Nested
    class ExternalFeatures extends ExternalFeaturesContract {
        @Override
        protected ContractStores stores() {
            return StoreSuite.this.stores();
        }
    }
}
