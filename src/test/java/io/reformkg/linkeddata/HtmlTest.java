package io.reformkg.linkeddata;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class HtmlTest {
    @Test
    void escapesEveryCharacterThatCouldStartMarkup() {
        assertEquals("&lt;a href=&quot;x&quot; title=&#39;y&#39;&gt;Q&amp;A&lt;/a&gt;",
                Html.escape("<a href=\"x\" title='y'>Q&A</a>"));
        assertEquals("中文 “引号”", Html.escape("中文 “引号”"));
        assertEquals("bell\uFFFDtab\tline\n", Html.escape("bell\u0007tab\tline\n"));
    }

    @Test
    void escapesTextAndAttributeValues() {
        String markup = new Html().open("a", "href", "/x?a=1&b=\"2\"", "lang", null).text("<b>").close("a")
                .empty("meta", "content", "it's").toString();
        assertEquals("<a href=\"/x?a=1&amp;b=&quot;2&quot;\">&lt;b&gt;</a><meta content=\"it&#39;s\"/>", markup);
    }

    @Test
    void attributesComeInPairs() {
        assertThrows(IllegalArgumentException.class, () -> new Html().open("a", "href"));
    }
}
