package io.reformkg.explorer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Every string of the interface is in both languages, and every key the page uses exists. */
class ExplorerTranslationsTest {
    private static final Pattern MARKUP_KEY = Pattern.compile("data-i18n(?:-placeholder|-label)?=\"([^\"]+)\"");
    private static final Pattern SCRIPT_KEY = Pattern.compile("\\b(?:t|ViewError)\\('([a-zA-Z.]+)'");

    @Test
    void chineseAndEnglishHaveTheSameKeysAndEveryKeyThePageUses() throws IOException {
        JsonNode zh = json("explorer/i18n/zh.json");
        JsonNode en = json("explorer/i18n/en.json");
        assertEquals(keys(zh), keys(en));
        Set<String> used = new TreeSet<>();
        collect(MARKUP_KEY, text("explorer/index.html"), used);
        // app.js and the modules it imports
        try (Stream<Path> scripts = Files.walk(Path.of("src/main/resources/explorer"))) {
            for (Path script : scripts.filter(path -> path.toString().endsWith(".js")).toList()) {
                collect(SCRIPT_KEY, Files.readString(script), used);
            }
        }
        assertTrue(used.size() > 60, used.toString());
        assertEquals(used, keys(zh), "the keys the page uses and the keys translated");
        for (String key : keys(zh)) {
            assertFalse(zh.get(key).asText().isBlank() || en.get(key).asText().isBlank(), key);
        }
        // the language button names the other language
        assertEquals("English", zh.get("language.switch").asText());
        assertEquals("中文", en.get("language.switch").asText());
        assertNotEquals(zh.get("nav.search").asText(), en.get("nav.search").asText());
    }

    private static void collect(Pattern pattern, String text, Set<String> into) {
        Matcher keys = pattern.matcher(text);
        while (keys.find()) {
            into.add(keys.group(1));
        }
    }

    private static Set<String> keys(JsonNode node) {
        Set<String> keys = new TreeSet<>();
        node.fieldNames().forEachRemaining(keys::add);
        return keys;
    }

    private static JsonNode json(String resource) throws IOException {
        return new ObjectMapper().readTree(text(resource));
    }

    private static String text(String resource) throws IOException {
        try (InputStream in = ExplorerTranslationsTest.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new AssertionError(resource + " is not on the classpath");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
