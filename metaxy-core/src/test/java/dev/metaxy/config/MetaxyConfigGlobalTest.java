package dev.metaxy.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class MetaxyConfigGlobalTest {
    @AfterEach
    void clear() {
        MetaxyConfig.reset();
    }

    @Test
    void setGetResetAndThreadScopedUse() throws Exception {
        MetaxyConfig a = MetaxyConfig.fromToml("project = \"a\"\n", Path.of("."), Map.of());
        MetaxyConfig b = MetaxyConfig.fromToml("project = \"b\"\n", Path.of("."), Map.of());
        MetaxyConfig.set(a);
        assertThat(MetaxyConfig.isSet()).isTrue();
        assertThat(MetaxyConfig.get()).isSameAs(a);
        MetaxyConfig.Scope scope = b.use();
        try {
            assertThat(MetaxyConfig.get()).isSameAs(b);
            assertThat(CompletableFuture.supplyAsync(MetaxyConfig::get).get()).isSameAs(a);
        } finally {
            scope.close();
        }
        assertThat(MetaxyConfig.get()).isSameAs(a);
        MetaxyConfig.reset();
        assertThat(MetaxyConfig.isSet()).isFalse();
    }

    @Test
    void getLoadsOnceAndCaches() {
        MetaxyConfig first = MetaxyConfig.get();
        assertThat(MetaxyConfig.get()).isSameAs(first);
        assertThat(MetaxyConfig.isSet()).isTrue();
    }

    @Test
    void initSetsTheConfigAndLoadsItsGraph() {
        MetaxyConfig c = MetaxyConfig.fromToml("hash_truncation_length = 10\n", Path.of("."), Map.of());
        assertThat(MetaxyConfig.init(c)).isSameAs(c);
        assertThat(MetaxyConfig.get()).isSameAs(c);
        assertThat(c.graph().truncation().length()).hasValue(10);
        assertThat(c.graph()).isSameAs(c.graph());
    }
}
