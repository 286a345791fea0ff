package dev.metaxy.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Expected strings are Python 3 {@code json.dumps(obj, sort_keys=True)}. */
class CanonicalJsonTest {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private static String canonical(String json) throws Exception {
        return CanonicalJson.write(MAPPER.readTree(json));
    }

    @Test
    void reproducesTheSpecExample() throws Exception {
        String input = """
                {"b":[1,2.5,1e16,1e-5,0.0001,true,null],"a":"caf\\u00e9 \\ud83d\\ude00 \\u007f \\"q\\" \\\\ /"}""";
        assertThat(canonical(input)).isEqualTo("""
                {"a": "caf\\u00e9 \\ud83d\\ude00 \\u007f \\"q\\" \\\\ /", \
                "b": [1, 2.5, 1e+16, 1e-05, 0.0001, true, null]}""");
    }

    @Test
    void sortsKeysByCodePointEvenAboveTheBmp() throws Exception {
        String input = """
                {"\\ud83d\\ude00": 2, "\\ufb01": 1, "\\udbff\\udfff": 4, "\\uffff": 3, "": null,
                 "a": {"z": [], "y": {}}}""";
        assertThat(canonical(input)).isEqualTo("""
                {"": null, "a": {"y": {}, "z": []}, "\\ufb01": 1, "\\uffff": 3, "\\ud83d\\ude00": 2, \
                "\\udbff\\udfff": 4}""");
    }

    @Test
    void codePointOrderDiffersFromUtf16OrderForSupplementaryCharacters() {
        String emoji = "\uD83D\uDE00";
        String ligature = "\uFB01";
        assertThat(emoji.compareTo(ligature)).isNegative();
        assertThat(CanonicalJson.CODE_POINT_ORDER.compare(emoji, ligature)).isPositive();
        assertThat(CanonicalJson.CODE_POINT_ORDER.compare("ab", "abc")).isNegative();
        assertThat(CanonicalJson.CODE_POINT_ORDER.compare("abc", "abc")).isZero();
    }

    @Test
    void escapesControlCharactersWithShortFormsWherePythonHasThem() {
        ObjectNode node = NODES.objectNode().put("s", "\u0000\u0001\b\t\n\u000b\f\r\u001f\u2028 ~");
        assertThat(CanonicalJson.write(node))
                .isEqualTo("{\"s\": \"\\u0000\\u0001\\b\\t\\n\\u000b\\f\\r\\u001f\\u2028 ~\"}");
    }

    @Test
    void writesIntegersOfAnySizeAsPlainDecimal() throws Exception {
        assertThat(canonical("[123456789012345678901234567890, -5, 0, 9223372036854775807]"))
                .isEqualTo("[123456789012345678901234567890, -5, 0, 9223372036854775807]");
        assertThat(CanonicalJson.write(NODES.numberNode(new BigInteger("-18446744073709551616"))))
                .isEqualTo("-18446744073709551616");
    }

    @Test
    void writesFloatsAsPythonFloatsEvenFromDecimalNodes() throws Exception {
        ObjectMapper bigDecimals = new ObjectMapper().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);
        String json = "[1.0, 1e16, 0.1, -0.0, 1.5e-7]";
        String expected = "[1.0, 1e+16, 0.1, -0.0, 1.5e-07]";
        assertThat(canonical(json)).isEqualTo(expected);
        assertThat(CanonicalJson.write(bigDecimals.readTree(json))).isEqualTo("[1.0, 1e+16, 0.1, 0.0, 1.5e-07]");
        assertThat(CanonicalJson.write(NODES.numberNode(new BigDecimal("2.50")))).isEqualTo("2.5");
    }

    @Test
    void writesNonFiniteFloatsAsPythonDoes() {
        assertThat(CanonicalJson.write(NODES.arrayNode()
                .add(Double.NaN).add(Double.POSITIVE_INFINITY).add(Double.NEGATIVE_INFINITY)))
                .isEqualTo("[NaN, Infinity, -Infinity]");
    }

    @Test
    void keepsListOrderAndEmptyContainers() throws Exception {
        assertThat(canonical("{\"k\": [3, 1, 2], \"e\": [], \"o\": {}}"))
                .isEqualTo("{\"e\": [], \"k\": [3, 1, 2], \"o\": {}}");
    }

    @Test
    void rejectsNodesJsonCannotExpress() {
        List<JsonNode> bad = new ArrayList<>();
        bad.add(NODES.binaryNode(new byte[] {1}));
        bad.add(NODES.pojoNode(new Object()));
        bad.add(NODES.missingNode());
        for (JsonNode node : bad) {
            assertThatThrownBy(() -> CanonicalJson.write(node))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining(node.getNodeType().toString());
        }
    }
}
