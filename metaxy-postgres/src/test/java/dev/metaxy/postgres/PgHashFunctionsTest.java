package dev.metaxy.postgres;

import static org.assertj.core.api.Assertions.assertThat;

import dev.metaxy.hash.HashAlgorithm;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The in-database hashes equal {@link HashAlgorithm} (Python Metaxy's) exactly, string for string. */
class PgHashFunctionsTest {
    @RegisterExtension
    static final PgTestDatabase DB = new PgTestDatabase("hash");

    /** Lengths 0..130 (every XXH32/XXH64 tail and stripe path), multi-byte UTF-8, control characters, random text. */
    static List<String> inputs() {
        List<String> out = new ArrayList<>();
        StringBuilder sb = new StringBuilder();
        for (int len = 0; len <= 130; len++) {
            out.add(sb.toString());
            sb.append((char) ('a' + len % 26));
        }
        out.add("hello");
        out.add("derived|1|parent.value|fv_p1");
        out.add("é");
        out.add("日本語のテキスト");
        out.add("emoji 😀🎉 mixed ünïcödé ß");
        out.add("\u0001\u007f\u0080\u00ff");
        out.add("'quote\" back\\slash");
        out.add("ж".repeat(40));
        Random random = new Random(42);
        for (int i = 0; i < 300; i++) {
            int len = random.nextInt(90);
            StringBuilder r = new StringBuilder();
            for (int j = 0; j < len; j++) {
                int kind = random.nextInt(10);
                r.appendCodePoint(kind < 6 ? 32 + random.nextInt(95) : kind < 8 ? 0xA0 + random.nextInt(0x700)
                    : kind < 9 ? 0x3040 + random.nextInt(0x5000) : 0x1F300 + random.nextInt(0x300));
            }
            out.add(r.toString());
        }
        return out;
    }

    @ParameterizedTest
    @EnumSource(value = HashAlgorithm.class, names = {"XXHASH64", "XXHASH32", "MD5", "SHA256"})
    void databaseHashEqualsJavaHash(HashAlgorithm algorithm) throws Exception {
        String sql = "SELECT " + PostgresDialect.INSTANCE.hash(algorithm, "?");
        int checked = 0;
        try (PreparedStatement ps = DB.connection().prepareStatement(sql)) {
            for (String s : inputs()) {
                ps.setString(1, s);
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    assertThat(rs.getString(1)).as("%s of %s", algorithm, s).isEqualTo(algorithm.hash(s));
                    checked++;
                }
            }
            ps.setString(1, null);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                assertThat(rs.getString(1)).as("NULL in, NULL out").isNull();
            }
        }
        assertThat(checked).isGreaterThan(400);
    }

    @ParameterizedTest
    @EnumSource(value = HashAlgorithm.class, names = {"XXHASH64", "XXHASH32"})
    void goldenVectorsOfTheSpec(HashAlgorithm algorithm) throws Exception {
        try (PreparedStatement ps = DB.connection().prepareStatement("SELECT " + PostgresDialect.INSTANCE.hash(algorithm, "?"))) {
            ps.setString(1, "hello");
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                assertThat(rs.getString(1)).isEqualTo(algorithm == HashAlgorithm.XXHASH64 ? "2794345569481354659" : "4211111929");
            }
        }
    }
}
