package dev.metaxy.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DotEnvTest {
    @Test
    void parsesTheUsualForms() {
        Map<String, String> vars = DotEnv.parse("""
            # comment
            PLAIN=value
            export EXPORTED = spaced  # trailing comment
            SINGLE='no ${PLAIN} here # kept'
            DOUBLE="line1\\nline2 ${PLAIN}"
            MULTI="a
            b"
            EMPTY=
            WITH_DEFAULT=${UNSET:-dflt}
            FROM_ENV=${HOME}
            not an assignment
            """, Map.of("HOME", "/home/me"));
        assertThat(vars).containsExactly(Map.entry("PLAIN", "value"), Map.entry("EXPORTED", "spaced"),
            Map.entry("SINGLE", "no ${PLAIN} here # kept"), Map.entry("DOUBLE", "line1\nline2 value"),
            Map.entry("MULTI", "a\nb"), Map.entry("EMPTY", ""), Map.entry("WITH_DEFAULT", "dflt"), Map.entry("FROM_ENV", "/home/me"));
    }

    @Test
    void overlayNeverOverridesTheRealEnvironment(@TempDir Path dir) {
        Path file = TestFiles.write(dir.resolve(".env"), "METAXY_PROJECT=from_file\nMETAXY_STORE=prod\n");
        Map<String, String> env = DotEnv.overlay(Map.of("METAXY_PROJECT", "explicit"), file);
        assertThat(env).containsEntry("METAXY_PROJECT", "explicit").containsEntry("METAXY_STORE", "prod");
        MetaxyConfig config = MetaxyConfig.fromToml("", dir, env);
        assertThat(config.project()).contains("explicit");
        assertThat(config.store()).isEqualTo("prod");
    }

    @Test
    void aMissingFileIsFine(@TempDir Path dir) {
        assertThat(DotEnv.overlay(Map.of("A", "1"), dir.resolve(".env"))).containsExactly(Map.entry("A", "1"));
    }
}
