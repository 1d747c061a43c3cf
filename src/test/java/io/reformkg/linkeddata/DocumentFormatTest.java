package io.reformkg.linkeddata;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DocumentFormatTest {
    @ParameterizedTest
    @CsvSource(delimiter = '|', nullValues = "NONE", value = {
            "NONE | HTML",
            "'' | HTML",
            "*/* | HTML",
            "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8 | HTML",
            "application/xhtml+xml | HTML",
            "text/turtle | TURTLE",
            "text/turtle;q=0.5, application/ld+json | JSONLD",
            "application/json | JSONLD",
            "application/rdf+xml | RDFXML",
            "application/n-triples | NTRIPLES",
            "application/trig | TRIG",
            "application/n-quads | NQUADS",
            "text/turtle;q=0, */*;q=0.1 | HTML"})
    void negotiatesTheFormatTheClientPrefers(String accept, DocumentFormat expected) {
        assertEquals(Optional.of(expected), DocumentFormat.negotiate(accept));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {"application/pdf", "image/*", "text/turtle;q=0", "not a media type;;"})
    void findsNothingForHeadersNoFormatSatisfies(String accept) {
        assertEquals(Optional.empty(), DocumentFormat.negotiate(accept));
    }
}
