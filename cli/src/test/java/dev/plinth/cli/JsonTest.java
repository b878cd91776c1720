package dev.plinth.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class JsonTest {
    @Test
    void quotesAndBackslashesAreEscaped() {
        assertThat(Json.quote("say \"hi\" C:\\dir")).isEqualTo("\"say \\\"hi\\\" C:\\\\dir\"");
    }

    @Test
    void controlCharactersUseShortEscapesWhereJsonHasThemAndUnicodeEscapesOtherwise() {
        assertThat(Json.quote("a\nb\rc\td\be\ff\u0000g\u001fh\u007f"))
                .isEqualTo("\"a\\nb\\rc\\td\\be\\ff\\u0000g\\u001fh\\u007f\"");
    }

    @Test
    void nonAsciiIsWrittenAsUnicodeEscapesSoOutputIsPureAscii() {
        String text = "caf\u00e9 \u2028 \ud83d\ude00";

        String quoted = Json.quote(text);

        assertThat(quoted).isEqualTo("\"caf\\u00e9 \\u2028 \\ud83d\\ude00\"");
        assertThat(quoted.chars()).allMatch(c -> c >= 0x20 && c < 0x7f);
    }

    @Test
    void loneSurrogatesSurviveARoundTrip() {
        String text = "broken \ud800 pair \udc00";

        assertThat(MiniJson.parse(Json.quote(text))).isEqualTo(text);
    }

    @Test
    void everyCharacterRoundTripsThroughAParser() {
        char[] all = new char[0x10000];
        for (int i = 0; i < all.length; i++) {
            all[i] = (char) i;
        }
        String text = new String(all);

        assertThat(MiniJson.parse(Json.quote(text))).isEqualTo(text);
    }

    @Test
    void nestedValuesArePrettyPrintedInInsertionOrder() {
        Map<String, Object> inner = new LinkedHashMap<>();
        inner.put("z", 1);
        inner.put("a", null);
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("list", List.of(true, 2L, "x"));
        root.put("empty", List.of());
        root.put("none", Map.of());
        root.put("inner", inner);

        assertThat(Json.write(root)).isEqualTo("""
                {
                  "list": [
                    true,
                    2,
                    "x"
                  ],
                  "empty": [],
                  "none": {},
                  "inner": {
                    "z": 1,
                    "a": null
                  }
                }
                """);
    }

    @Test
    void valuesWithoutAJsonFormAreRejected() {
        assertThatThrownBy(() -> Json.write(List.of(1.5)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("no JSON form for java.lang.Double");
    }
}
