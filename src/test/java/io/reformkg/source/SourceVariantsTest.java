package io.reformkg.source;

import static io.reformkg.source.SourceFixture.dataWith;
import static io.reformkg.source.SourceFixture.original;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import io.reformkg.reference.ReferenceData;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Files saved by other editors — CRLF endings, a byte order mark, spaces for tabs — read as the original. */
class SourceVariantsTest {
    private static final ReferenceData REFERENCE = ReferenceData.load(SourceFixture.DATA);

    @TempDir
    Path dir;

    private static ParsedList parse(Path data) {
        List<ParsedList> lists = StreamSupport.stream(SourceSet.open(data, REFERENCE).spliterator(), false).toList();
        assertEquals(1, lists.size());
        return lists.get(0);
    }

    /** Everything but the digest of the bytes, which must differ since the bytes do. */
    private void assertSameList(String variant) {
        ParsedList expected = parse(SourceFixture.DATA);
        ParsedList actual = parse(dataWith(dir, variant.getBytes(StandardCharsets.UTF_8)));
        assertEquals(expected.title(), actual.title());
        assertEquals(expected.sections(), actual.sections());
        assertEquals(expected.entry(), actual.entry());
        assertNotEquals(expected.sha256(), actual.sha256());
    }

    @Test
    void crlfLineEndings() {
        assertSameList(original().replace("\n", "\r\n"));
    }

    @Test
    void byteOrderMark() {
        assertSameList("\uFEFF" + original());
    }

    @Test
    void spacesInsteadOfTabs() {
        assertSameList(original().replace("\t", "    "));
    }

    @Test
    void allThreeAtOnce() {
        assertSameList("\uFEFF" + original().replace("\t", "  ").replace("\n", "\r\n"));
    }

    @Test
    void originalKeepsItsLines() {
        ParsedList list = parse(SourceFixture.DATA);
        assertEquals(List.of(9, 53, 92, 106, 114), list.sections().stream().map(ParsedSection::line).toList());
        assertEquals(List.of(11, 17, 23, 29, 35, 41, 47, 55, 61, 67, 73, 79, 86, 94, 100, 108),
                list.measures().map(ParsedMeasure::line).toList());
    }
}
